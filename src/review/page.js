"use strict";
// The review page of `sverka review`. Everything it needs is in this file and
// the JSON in #sverka-data: no network, works from file://.
//
// Two parts: `Beads`, a pure module of edit operations on the list of beads
// (each returns a new list, and `Beads.check` proves every sentence is in
// exactly one bead, in order), and the page around it (rendering, filters,
// keyboard, storage, export).
window.sverkaErrors = [];
window.addEventListener("error", (e) => window.sverkaErrors.push(String(e.message)));
window.addEventListener("unhandledrejection", (e) => window.sverkaErrors.push(String(e.reason)));

// ---- The edit operations: pure functions on beads -------------------------
//
// A bead is {es, ee, rs, re, score, status, was}: the English sentences
// es..ee-1 and the Russian rs..re-1 (0-based ids, end exclusive), the
// aligner's score, and "auto" | "edited" | "confirmed" (`was`: the status to
// return to when a confirmation is withdrawn). A one-sided bead has an empty
// range placed where its side's next sentence would be.
const Beads = (() => {
  const SIDES = ["en", "ru"];
  const start = (b, side) => (side === "en" ? b.es : b.rs);
  const end = (b, side) => (side === "en" ? b.ee : b.re);
  const size = (b, side) => end(b, side) - start(b, side);
  const other = (side) => (side === "en" ? "ru" : "en");

  function make(ranges, score, status) {
    const b = { es: ranges.en[0], ee: ranges.en[1], rs: ranges.ru[0], re: ranges.ru[1], score, status };
    b.was = status === "confirmed" ? "auto" : status;
    return b;
  }
  const edited = (ranges) => make(ranges, 1, "edited");

  // Throws unless the beads cover sentences 0..nEn-1 and 0..nRu-1 of each
  // side exactly once, in order, with no empty bead.
  function check(beads, nEn, nRu) {
    let en = 0;
    let ru = 0;
    beads.forEach((b, i) => {
      if (b.es !== en || b.rs !== ru || b.ee < b.es || b.re < b.rs) {
        throw new Error(`bead ${i + 1} breaks the order of sentences`);
      }
      if (b.ee === b.es && b.re === b.rs) throw new Error(`bead ${i + 1} is empty`);
      en = b.ee;
      ru = b.re;
    });
    if (en !== nEn || ru !== nRu) throw new Error("some sentences are in no bead");
    return true;
  }

  const replace = (beads, i, count, parts) =>
    beads.slice(0, i).concat(parts, beads.slice(i + count));

  // Bead i and bead i+1 become one.
  function merge(beads, i) {
    if (i + 1 >= beads.length) throw new Error("the last bead has no next bead to merge with");
    const a = beads[i];
    const b = beads[i + 1];
    return replace(beads, i, 2, [edited({ en: [a.es, b.ee], ru: [a.rs, b.re] })]);
  }

  // Bead i is cut before sentence k of `side` (after the first sentence when
  // k is the first); the other side is cut after as many sentences.
  function split(beads, i, side, k) {
    const b = beads[i];
    const s = start(b, side);
    const o = other(side);
    const cut = Math.max(1, Math.min(k - s, size(b, side)));
    const oCut = Math.min(cut, size(b, o));
    const first = { [side]: [s, s + cut], [o]: [start(b, o), start(b, o) + oCut] };
    const second = { [side]: [s + cut, end(b, side)], [o]: [start(b, o) + oCut, end(b, o)] };
    const empty = (r) => r.en[0] === r.en[1] && r.ru[0] === r.ru[1];
    if (empty(first) || empty(second)) {
      throw new Error("nothing to split: this bead has one sentence a side; mark a sentence untranslated instead");
    }
    return replace(beads, i, 1, [edited(first), edited(second)]);
  }

  // Moves sentence k of `side` to the neighbouring bead (dir -1: the previous
  // one, with the sentences before it in bead i; +1: the next one, with those
  // after it). A bead left with no sentences disappears.
  function move(beads, i, side, k, dir) {
    const b = beads[i];
    const j = i + dir;
    if (j < 0 || j >= beads.length) {
      throw new Error(dir < 0 ? "the first bead has no previous bead" : "the last bead has no next bead");
    }
    if (size(b, side) === 0) throw new Error("the bead has no sentence on that side");
    const n = beads[j];
    const o = other(side);
    let moved;
    let rest;
    if (dir < 0) {
      moved = { [side]: [start(n, side), k + 1], [o]: [start(n, o), end(n, o)] };
      rest = { [side]: [k + 1, end(b, side)], [o]: [start(b, o), end(b, o)] };
    } else {
      rest = { [side]: [start(b, side), k], [o]: [start(b, o), end(b, o)] };
      moved = { [side]: [k, end(n, side)], [o]: [start(n, o), end(n, o)] };
    }
    const parts = dir < 0 ? [moved, rest] : [rest, moved];
    const kept = parts
      .filter((r) => r.en[0] !== r.en[1] || r.ru[0] !== r.ru[1])
      .map(edited);
    return replace(beads, Math.min(i, j), 2, kept);
  }

  // Sentence k of `side` has no counterpart: it leaves bead i for a one-sided
  // bead of its own. Sentences after it on its side (if any) go with it into
  // one-sided beads, so that the order stays as it was.
  function untranslated(beads, i, side, k) {
    const b = beads[i];
    const o = other(side);
    if (size(b, o) === 0) throw new Error("this sentence already has no counterpart");
    const s = start(b, side);
    const parts = [];
    if (k === s) {
      parts.push({ [side]: [k, k + 1], [o]: [start(b, o), start(b, o)] });
      parts.push({ [side]: [k + 1, end(b, side)], [o]: [start(b, o), end(b, o)] });
    } else {
      parts.push({ [side]: [s, k], [o]: [start(b, o), end(b, o)] });
      for (let x = k; x < end(b, side); x += 1) {
        parts.push({ [side]: [x, x + 1], [o]: [end(b, o), end(b, o)] });
      }
    }
    return replace(beads, i, 1, parts.map(edited));
  }

  // Confirms beads from..to (inclusive), or withdraws the confirmation of all
  // of them when they are all confirmed already.
  function confirm(beads, from, to) {
    const all = beads.slice(from, to + 1).every((b) => b.status === "confirmed");
    const parts = beads.slice(from, to + 1).map((b) =>
      Object.assign({}, b, all ? { status: b.was } : { status: "confirmed", was: b.status === "confirmed" ? b.was : b.status }),
    );
    return replace(beads, from, to - from + 1, parts);
  }

  return { SIDES, check, merge, split, move, untranslated, confirm, start, end, size, other };
})();

// ---- The page ---------------------------------------------------------------
(() => {
  const SURE = 0.9; // links at 0.9+ are right ~98% of the time (dev data)
  const LOW = 0.5; // below this a link is more likely wrong than right
  const CHUNK = 100; // rows rendered at a time, more as the reader scrolls
  const COLLAPSE = 3; // one-sided runs at least this long become one row
  const UNDO_LIMIT = 500;
  const t0 = performance.now();

  const data = JSON.parse(document.getElementById("sverka-data").textContent);
  const text = { en: data.en, ru: data.ru };
  const nEn = data.en.length;
  const nRu = data.ru.length;
  const storageKey = `sverka-review:${data.key}`;
  const $ = (id) => document.getElementById(id);
  const rowsEl = $("rows");

  const initial = data.beads.map((b) => ({
    es: b.en.length ? b.en[0] : null,
    ee: b.en.length ? b.en[b.en.length - 1] + 1 : null,
    rs: b.ru.length ? b.ru[0] : null,
    re: b.ru.length ? b.ru[b.ru.length - 1] + 1 : null,
    score: b.score,
    status: b.status,
    was: b.status === "confirmed" ? "auto" : b.status,
  }));
  // Empty sides sit where their side's next sentence would be.
  (() => {
    let en = 0;
    let ru = 0;
    for (const b of initial) {
      if (b.es === null) b.es = b.ee = en;
      if (b.rs === null) b.rs = b.re = ru;
      en = b.ee;
      ru = b.re;
    }
  })();
  Beads.check(initial, nEn, nRu);

  const state = {
    beads: initial,
    undo: [],
    redo: [],
    filter: "all",
    expanded: new Set(), // runs shown in full, by "side:first sentence"
    view: [], // rows: {bead} or {run: true, side, from, to}
    limit: CHUNK,
    row: 0, // the current row of `view`
    side: "en",
    k: 0, // the current sentence (id on `side`)
  };

  // ---- what a bead is ----
  const isLink = (b) => b.ee > b.es && b.re > b.rs;
  const oneSide = (b) => (b.ee > b.es ? "en" : "ru");
  // A one-sided bead of page chrome only (menus, language switches, share
  // links: src/chrome.rs): not text to translate, so not "untranslated".
  const isChrome = (b) => {
    if (isLink(b)) return false;
    const side = oneSide(b);
    for (let i = Beads.start(b, side); i < Beads.end(b, side); i += 1) if (!text[side][i].chrome) return false;
    return true;
  };
  const mismatchCache = new WeakMap();

  // Numbers on each side with no equal on the other, as `sverka check`
  // counts them (src/report/numbers.rs): when only one side has extra
  // numbers, small integers and month names are forgiven.
  function mismatch(b) {
    if (!isLink(b)) return null;
    if (mismatchCache.has(b)) return mismatchCache.get(b);
    const collect = (side) => {
      const out = [];
      for (let i = Beads.start(b, side); i < Beads.end(b, side); i += 1) {
        for (const n of text[side][i].numbers || []) out.push({ value: n[0], text: n[1], month: n[2], id: i });
      }
      return out;
    };
    const same = (a, c) => Math.abs(a - c) <= 1e-9 * Math.max(Math.abs(a), Math.abs(c));
    let en = collect("en");
    const ru = collect("ru");
    en = en.filter((n) => {
      const i = ru.findIndex((m) => same(n.value, m.value));
      if (i >= 0) {
        ru.splice(i, 1);
        return false;
      }
      return true;
    });
    let left = { en, ru };
    if (en.length === 0 || ru.length === 0) {
      const forgiven = (n) => n.month || (Number.isInteger(n.value) && Math.abs(n.value) <= 10);
      left = { en: en.filter((n) => !forgiven(n)), ru: ru.filter((n) => !forgiven(n)) };
    }
    const result = left.en.length || left.ru.length ? left : null;
    mismatchCache.set(b, result);
    return result;
  }

  function band(b) {
    if (b.status === "confirmed") return "confirmed";
    if (b.status === "edited") return "edited";
    if (isChrome(b)) return "chrome";
    if (!isLink(b)) return "untranslated";
    if (b.score >= SURE) return "sure";
    return b.score >= LOW ? "unsure" : "low";
  }

  const FILTERS = {
    all: () => true,
    problems: (b) =>
      b.status !== "confirmed" && ((!isLink(b) && !isChrome(b)) || mismatch(b) !== null || (b.status === "auto" && b.score < SURE)),
    untranslated: (b) => !isLink(b) && !isChrome(b),
    numbers: (b) => mismatch(b) !== null,
    low: (b) => isLink(b) && b.status === "auto" && b.score < SURE,
    chrome: (b) => isChrome(b),
  };

  // ---- the rows shown: filtered beads, long one-sided runs collapsed ----
  function buildView() {
    const keep = FILTERS[state.filter];
    const view = [];
    const beads = state.beads;
    let i = 0;
    while (i < beads.length) {
      const b = beads[i];
      if (!keep(b)) {
        i += 1;
        continue;
      }
      if (!isLink(b)) {
        const side = oneSide(b);
        let j = i;
        const same = (c) => !isLink(c) && oneSide(c) === side && isChrome(c) === isChrome(b) && keep(c);
        while (j + 1 < beads.length && same(beads[j + 1])) j += 1;
        const runKey = `${side}:${Beads.start(b, side)}`;
        if (j - i + 1 >= COLLAPSE) {
          if (state.expanded.has(runKey)) {
            view.push({ run: true, side, from: i, to: j, open: true });
            for (let x = i; x <= j; x += 1) view.push({ bead: x });
          } else {
            view.push({ run: true, side, from: i, to: j, open: false });
          }
          i = j + 1;
          continue;
        }
      }
      view.push({ bead: i });
      i += 1;
    }
    state.view = view;
  }

  // ---- rendering ----
  const ESC = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ESC[c]);
  const pct = (x) => `${Math.round(x * 100)}%`;
  const range = (a, b) => (a === b ? `${a}` : `${a}–${b}`);
  const NAMES = { en: "English", ru: "Russian" };

  // `text` escaped, with each of `marks` (numbers as written) highlighted.
  function highlight(s, marks) {
    if (!marks.length) return esc(s);
    let out = "";
    let at = 0;
    const found = [];
    for (const m of marks) {
      let from = 0;
      for (;;) {
        const i = s.indexOf(m, from);
        if (i < 0) break;
        const digitAround = /\d/.test(s[i - 1] || "") || /\d/.test(s[i + m.length] || "");
        if (!digitAround) {
          found.push([i, i + m.length]);
          break;
        }
        from = i + 1;
      }
    }
    found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    for (const [i, j] of found) {
      if (i < at) continue;
      out += `${esc(s.slice(at, i))}<mark class="number">${esc(s.slice(i, j))}</mark>`;
      at = j;
    }
    return out + esc(s.slice(at));
  }

  function cell(b, side, marks) {
    const lang = side === "en" ? "en-GB" : "ru-RU";
    if (Beads.size(b, side) === 0) return `<span role="cell" class="${side} missing">no counterpart</span>`;
    let html = `<span role="cell" class="${side}" lang="${lang}">`;
    for (let i = Beads.start(b, side); i < Beads.end(b, side); i += 1) {
      const s = text[side][i];
      const mine = marks ? marks.filter((n) => n.id === i).map((n) => n.text) : [];
      const current = side === state.side && i === state.k && state.beadOfCurrent === b ? " current" : "";
      html += `<span class="s${current}" data-side="${side}" data-id="${i}" title="${NAMES[side]} sentence ${i + 1}, paragraph ${s.paragraph + 1}, line ${s.line}">${highlight(s.text, [...new Set(mine)])}</span> `;
    }
    return `${html}</span>`;
  }

  function meta(b, index) {
    const kind = `${b.ee - b.es}-${b.re - b.rs}`;
    const bnd = band(b);
    let label;
    let title;
    if (b.status === "confirmed") {
      label = "✓ confirmed";
      title = "You confirmed this bead";
    } else if (b.status === "edited") {
      label = "edited";
      title = "You made this bead; confirm it when it is right";
    } else if (isChrome(b)) {
      label = "page chrome";
      title = "A menu, language switch or share link: not text to translate, left out of translation memories";
    } else if (!isLink(b)) {
      label = `no counterpart, ${pct(b.score)} sure`;
      title = `The aligner is ${pct(b.score)} sure this ${NAMES[oneSide(b)]} text has no ${NAMES[Beads.other(oneSide(b))]} counterpart`;
    } else if (bnd === "sure") {
      label = `${b.score.toFixed(2)} sure`;
      title = "Pairs scored 0.90 or more are right about 98% of the time";
    } else if (bnd === "unsure") {
      label = `${b.score.toFixed(2)} uncertain`;
      title = "Pairs scored 0.50–0.89 are right only about half to three times in four: check it";
    } else {
      label = `${b.score.toFixed(2)} low`;
      title = "Below 0.50 the pair is more likely wrong than right";
    }
    const m = mismatch(b);
    const warn = m ? `<br><span class="warn">numbers differ</span>` : "";
    const button = `<button type="button" data-action="confirm" data-bead="${index}" tabindex="-1" aria-label="Confirm bead ${index + 1}">${b.status === "confirmed" ? "unconfirm" : "confirm"}</button>`;
    return `<span role="cell" class="meta">${kind} <span class="band" title="${esc(title)}">${esc(label)}</span>${warn}<br>${button}</span>`;
  }

  function rowHtml(r, n) {
    if (r.run) {
      const side = r.side;
      const first = state.beads[r.from];
      const last = state.beads[r.to];
      const s0 = Beads.start(first, side);
      const s1 = Beads.end(last, side) - 1;
      const p0 = text[side][s0].paragraph + 1;
      const p1 = text[side][s1].paragraph + 1;
      const confirmed = state.beads.slice(r.from, r.to + 1).every((b) => b.status === "confirmed");
      const chrome = isChrome(first);
      const where = `${NAMES[side]} sentences ${range(s0 + 1, s1 + 1)} (paragraph${p0 === p1 ? "" : "s"} ${range(p0, p1)})`;
      const what = chrome ? `${where}: page chrome, not text to translate` : `${where} have no ${NAMES[Beads.other(side)]}`;
      const cls = `row run${chrome ? " chrome" : ""}${confirmed ? " confirmed" : ""}${n === state.row ? " current" : ""}`;
      const toggle = `<button type="button" data-action="expand" data-row="${n}" tabindex="-1" aria-expanded="${r.open}">${r.open ? "collapse" : `show ${s1 - s0 + 1}`}</button>`;
      const body = `<span role="cell" class="${side}">${esc(what)}${confirmed ? " (confirmed)" : ""}.</span>`;
      const blank = `<span role="cell" class="${Beads.other(side)}"></span>`;
      const cells = side === "en" ? body + blank : blank + body;
      return `<div class="${cls}" role="row" tabindex="-1" data-row="${n}"><span role="cell" class="n">${range(r.from + 1, r.to + 1)}</span>${cells}<span role="cell" class="meta">${r.to - r.from + 1} beads<br>${toggle}</span></div>`;
    }
    const b = state.beads[r.bead];
    const m = mismatch(b);
    const cls = `row ${band(b)}${m ? " numbers" : ""}${n === state.row ? " current" : ""}`;
    return `<div class="${cls}" role="row" tabindex="-1" data-row="${n}" id="bead-${r.bead + 1}"><span role="cell" class="n">${r.bead + 1}</span>${cell(b, "en", m && m.en)}${cell(b, "ru", m && m.ru)}${meta(b, r.bead)}</div>`;
  }

  function render() {
    const cur = state.view[state.row];
    state.beadOfCurrent = cur && !cur.run ? state.beads[cur.bead] : null;
    const end = Math.min(state.view.length, Math.max(state.limit, state.row + 50));
    state.limit = end;
    const parts = new Array(end);
    for (let n = 0; n < end; n += 1) parts[n] = rowHtml(state.view[n], n);
    rowsEl.innerHTML = parts.join("");
    if (state.view.length === 0) rowsEl.innerHTML = `<div class="row" role="row"><span role="cell"></span><span role="cell">Nothing to show under this filter.</span></div>`;
    renderSummary();
  }

  function renderMore() {
    if (state.limit >= state.view.length) return;
    const end = Math.min(state.view.length, state.limit + CHUNK);
    let html = "";
    for (let n = state.limit; n < end; n += 1) html += rowHtml(state.view[n], n);
    state.limit = end;
    rowsEl.insertAdjacentHTML("beforeend", html);
  }

  function renderSummary() {
    const beads = state.beads;
    const confirmed = beads.filter((b) => b.status === "confirmed").length;
    $("progress").textContent = `${confirmed} of ${beads.length} beads confirmed`;
    for (const button of document.querySelectorAll("#filters button")) {
      const name = button.dataset.filter;
      button.setAttribute("aria-pressed", String(name === state.filter));
      button.querySelector(".count").textContent = `(${beads.filter(FILTERS[name]).length})`;
    }
    $("actions").querySelector('[data-action="undo"]').disabled = state.undo.length === 0;
    $("actions").querySelector('[data-action="redo"]').disabled = state.redo.length === 0;
  }

  function say(message, info) {
    const el = $("message");
    el.textContent = message;
    el.className = info ? "info" : "";
  }

  // ---- the current row and sentence ----
  function sentencesOf(b) {
    const out = [];
    for (const side of Beads.SIDES) {
      for (let i = Beads.start(b, side); i < Beads.end(b, side); i += 1) out.push([side, i]);
    }
    return out;
  }

  function rowEl(n) {
    const el = rowsEl.children[n];
    return el && el.dataset.row === String(n) ? el : null;
  }

  function setRow(n, sentence) {
    if (state.view.length === 0) return;
    n = Math.max(0, Math.min(state.view.length - 1, n));
    const r = state.view[n];
    state.row = n;
    if (!r.run) {
      const list = sentencesOf(state.beads[r.bead]);
      const pick = (sentence && list.find((x) => x[0] === sentence[0] && x[1] === sentence[1])) || list[0];
      [state.side, state.k] = pick;
    }
    while (state.limit <= n) renderMore();
    for (const el of rowsEl.querySelectorAll(".current")) el.classList.remove("current");
    const el = rowEl(n);
    if (!el) return;
    el.classList.add("current");
    if (!r.run) {
      const s = el.querySelector(`.s[data-side="${state.side}"][data-id="${state.k}"]`);
      if (s) s.classList.add("current");
    }
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "nearest" });
    state.beadOfCurrent = r.run ? null : state.beads[r.bead];
  }

  function stepSentence(dir) {
    const r = state.view[state.row];
    if (!r || r.run) return;
    const list = sentencesOf(state.beads[r.bead]);
    const at = list.findIndex((x) => x[0] === state.side && x[1] === state.k);
    const next = list[(at + dir + list.length) % list.length];
    setRow(state.row, next);
  }

  // The bead holding sentence k of `side`.
  function beadOf(side, k) {
    const i = state.beads.findIndex((b) => Beads.start(b, side) <= k && k < Beads.end(b, side));
    return i < 0 ? undefined : i;
  }

  // Row of bead `i` (or of the run holding it) in the current view.
  function rowOfBead(i) {
    let best = 0;
    state.view.forEach((r, n) => {
      if (r.run ? r.from <= i && i <= r.to && !r.open : r.bead <= i) best = n;
    });
    return best;
  }

  // ---- edits ----
  function commit(beads, focusBead, sentence) {
    Beads.check(beads, nEn, nRu);
    const old = state.beads;
    state.undo.push(old);
    if (state.undo.length > UNDO_LIMIT) state.undo.shift();
    state.redo = [];
    state.beads = beads;
    afterChange(focusBead, sentence, old);
  }

  function afterChange(focusBead, sentence, oldBeads) {
    save();
    refresh(oldBeads);
    if (focusBead === undefined && sentence) focusBead = beadOf(sentence[0], sentence[1]);
    const row = focusBead === undefined ? state.row : rowOfBead(focusBead);
    state.row = Math.min(row, Math.max(0, state.view.length - 1));
    if (state.row >= state.limit) renderMore();
    setRow(state.row, sentence);
  }

  // Rebuilds the view after the beads (or the open runs) changed and puts
  // into the page only the rows that differ: beads are never changed in
  // place, so a row whose bead is the same object is the same row, perhaps
  // renumbered. An edit in a book of 4,000 beads touches a few rows.
  function refresh(oldBeads) {
    const oldView = state.view;
    buildView();
    const view = state.view;
    const beads = state.beads;
    const rendered = Math.min(state.limit, oldView.length, rowsEl.children.length);
    const same = (a, b) => {
      if (!a.run !== !b.run) return false;
      if (!a.run) return oldBeads[a.bead] === beads[b.bead];
      if (a.open !== b.open || a.to - a.from !== b.to - b.from) return false;
      for (let x = 0; x <= a.to - a.from; x += 1) if (oldBeads[a.from + x] !== beads[b.from + x]) return false;
      return true;
    };
    let p = 0;
    while (p < rendered && p < view.length && same(oldView[p], view[p])) p += 1;
    let s = 0;
    while (s < oldView.length - p && s < view.length - p && same(oldView[oldView.length - 1 - s], view[view.length - 1 - s])) s += 1;
    const oldMid = oldView.length - s;
    const newMid = view.length - s;
    if (view.length === 0 || oldView.length === 0 || rendered <= oldMid) {
      // The change reaches past the rendered rows: render again from p.
      while (rowsEl.children.length > p) rowsEl.lastChild.remove();
      state.limit = p;
      const want = Math.max(p + CHUNK, state.row + 50);
      if (view.length === 0) render();
      else while (state.limit < Math.min(want, view.length)) renderMore();
      renderSummary();
      return;
    }
    // Replace rows p..oldMid-1 by the new rows p..newMid-1.
    const after = rowsEl.children[oldMid] || null;
    for (let n = p; n < oldMid; n += 1) rowsEl.children[p].remove();
    let html = "";
    for (let n = p; n < newMid; n += 1) html += rowHtml(view[n], n);
    const box = document.createElement("template");
    box.innerHTML = html;
    rowsEl.insertBefore(box.content, after);
    // Renumber the rendered rows after them.
    const rowShift = view.length - oldView.length;
    const beadShift = beads.length - oldBeads.length;
    state.limit = rendered + rowShift;
    if (rowShift !== 0 || beadShift !== 0) {
      for (let n = newMid; n < state.limit; n += 1) {
        const el = rowsEl.children[n];
        const r = view[n];
        el.dataset.row = n;
        if (r.run) {
          el.querySelector(".n").textContent = range(r.from + 1, r.to + 1);
          el.querySelector('[data-action="expand"]').dataset.row = n;
        } else {
          el.id = `bead-${r.bead + 1}`;
          el.querySelector(".n").textContent = r.bead + 1;
          const button = el.querySelector('[data-action="confirm"]');
          button.dataset.bead = r.bead;
          button.setAttribute("aria-label", `Confirm bead ${r.bead + 1}`);
        }
      }
    }
    renderSummary();
  }

  function current() {
    const r = state.view[state.row];
    if (!r) throw new Error("nothing is selected");
    return r;
  }

  function currentBead() {
    const r = current();
    if (r.run) throw new Error("expand this run first (Enter) to edit its sentences");
    return r.bead;
  }

  const ACTIONS = {
    merge() {
      const i = currentBead();
      commit(Beads.merge(state.beads, i), i);
    },
    // After these the current sentence stays current, wherever it went.
    split() {
      commit(Beads.split(state.beads, currentBead(), state.side, state.k), undefined, [state.side, state.k]);
    },
    up() {
      commit(Beads.move(state.beads, currentBead(), state.side, state.k, -1), undefined, [state.side, state.k]);
    },
    down() {
      commit(Beads.move(state.beads, currentBead(), state.side, state.k, +1), undefined, [state.side, state.k]);
    },
    untranslated() {
      commit(Beads.untranslated(state.beads, currentBead(), state.side, state.k), undefined, [state.side, state.k]);
    },
    confirm(index) {
      const r = index === undefined ? current() : { bead: index };
      const [from, to] = r.run ? [r.from, r.to] : [r.bead, r.bead];
      const sentence = [state.side, state.k];
      commit(Beads.confirm(state.beads, from, to), undefined, sentence);
    },
    expand(rowIndex) {
      const r = state.view[rowIndex === undefined ? state.row : rowIndex];
      if (!r || !r.run) return;
      const key = `${r.side}:${Beads.start(state.beads[r.from], r.side)}`;
      if (state.expanded.has(key)) state.expanded.delete(key);
      else state.expanded.add(key);
      const at = state.view.indexOf(r);
      refresh(state.beads);
      state.row = Math.min(at, state.view.length - 1);
      setRow(state.row);
    },
    undo() {
      if (!state.undo.length) throw new Error("nothing to undo");
      const old = state.beads;
      state.redo.push(old);
      state.beads = state.undo.pop();
      afterChange(undefined, undefined, old);
    },
    redo() {
      if (!state.redo.length) throw new Error("nothing to redo");
      const old = state.beads;
      state.undo.push(old);
      state.beads = state.redo.pop();
      afterChange(undefined, undefined, old);
    },
    help() {
      openHelp();
    },
    reset() {
      commit(initial, 0);
      say("Back to the alignment as sverka made it (Undo brings your edits back).", true);
    },
  };

  // What an edit did, for the status line (read out by screen readers).
  const DONE = {
    merge: "Merged with the next bead.",
    split: "Split the bead.",
    up: "Moved to the previous bead.",
    down: "Moved to the next bead.",
    untranslated: "Marked as having no counterpart.",
    confirm: "Confirmation changed.",
    undo: "Undone.",
    redo: "Redone.",
  };

  function act(name, arg) {
    try {
      say("");
      ACTIONS[name](arg);
      if (DONE[name]) say(DONE[name], true);
    } catch (e) {
      say(`Cannot ${name === "up" || name === "down" ? "move" : name}: ${e.message}`);
    }
  }

  function setFilter(name) {
    const r = state.view[state.row];
    const bead = r ? (r.run ? r.from : r.bead) : 0;
    state.filter = name;
    buildView();
    state.limit = CHUNK;
    state.row = 0;
    render();
    window.scrollTo(0, 0);
    if (FILTERS[name](state.beads[bead] || {})) setRow(rowOfBead(bead));
  }

  // ---- storage: edits survive a reload ----
  function save() {
    try {
      const beads = state.beads.map((b) => [b.es, b.ee, b.rs, b.re, b.score, b.status, b.was]);
      localStorage.setItem(storageKey, JSON.stringify({ version: 1, saved: new Date().toISOString(), beads }));
    } catch (e) {
      say("Your browser does not keep this page's edits (local storage is off or full); export before closing.");
    }
  }

  function restore() {
    let saved;
    try {
      saved = JSON.parse(localStorage.getItem(storageKey) || "null");
    } catch (e) {
      return;
    }
    if (!saved || saved.version !== 1 || !Array.isArray(saved.beads)) return;
    const beads = saved.beads.map(([es, ee, rs, re, score, status, was]) => ({ es, ee, rs, re, score, status, was }));
    try {
      Beads.check(beads, nEn, nRu);
    } catch (e) {
      return;
    }
    state.beads = beads;
    say(`Restored your edits from ${saved.saved}. Undo works from here on.`, true);
  }

  // ---- export ----
  function exportJson() {
    const strip = (s) => ({ text: s.text, start: s.start, end: s.end, paragraph: s.paragraph, line: s.line, space_before: s.space_before });
    const ids = (a, b) => Array.from({ length: b - a }, (_, x) => a + x);
    const review = {
      format: data.format,
      version: data.version,
      documents: data.documents,
      key: data.key,
      en: data.en.map(strip),
      ru: data.ru.map(strip),
      beads: state.beads.map((b) => ({ en: ids(b.es, b.ee), ru: ids(b.rs, b.re), score: b.score, status: b.status })),
    };
    return `${JSON.stringify(review, null, 1)}\n`;
  }

  // A bead's side as one segment, as `sverka apply` writes it
  // (src/alignment.rs, src/split/mod.rs `one_line`): the sentences as
  // written, joined by the white space between them in the text; only a run
  // of white space holding a line break becomes one space, and the ends are
  // trimmed. WS is Rust's `char::is_whitespace`, BREAK its line breaks.
  const WS = "\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
  const BREAK = "\\n\\r\\v\\f\\u0085\\u2028\\u2029";
  const BREAK_RUN = new RegExp(`[${WS}]*[${BREAK}][${WS}]*`, "g");
  const ENDS = new RegExp(`^[${WS}]+|[${WS}]+$`, "g");
  const joined = (b, side) => {
    let out = "";
    for (let i = Beads.start(b, side); i < Beads.end(b, side); i += 1) {
      const s = text[side][i];
      if (i > Beads.start(b, side)) out += s.space_before === undefined ? " " : s.space_before;
      out += s.text.replace(BREAK_RUN, " ");
    }
    return out.replace(ENDS, "");
  };
  const score = (b) => (b.status === "auto" ? b.score : 1);
  // The links a translation memory gets, as `sverka apply` picks them
  // (src/write/mod.rs `selected`): no page chrome, no unit whose two sides
  // are the same text.
  const chromeIn = (b) => Beads.SIDES.some((side) => {
    for (let i = Beads.start(b, side); i < Beads.end(b, side); i += 1) if (text[side][i].chrome) return true;
    return false;
  });
  const memoryUnit = (b) => isLink(b) && !chromeIn(b) && joined(b, "en") !== joined(b, "ru");

  // TMX 1.4b as `sverka apply` writes it (src/write/tmx.rs): links only,
  // segments verbatim.
  function exportTmx() {
    const xml = (s) =>
      s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "").replace(/[&<>"]/g, (c) => ESC[c]);
    const seg = (s) => xml(s);
    const date = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
    const out = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<tmx version="1.4">',
      `  <header creationtool="sverka-review" creationtoolversion="1" segtype="sentence" o-tmf="sverka" adminlang="en-GB" srclang="en-GB" datatype="plaintext" o-encoding="UTF-8" creationdate="${date}"/>`,
      "  <body>",
    ];
    let tuid = 0;
    for (const b of state.beads) {
      if (!memoryUnit(b)) continue;
      tuid += 1;
      out.push(`    <tu tuid="${tuid}" creationdate="${date}">`);
      out.push(`      <prop type="x-score">${score(b).toFixed(3)}</prop>`);
      out.push(`      <prop type="x-bead">${b.ee - b.es}-${b.re - b.rs}</prop>`);
      if (b.status !== "auto") out.push(`      <prop type="x-review">${b.status}</prop>`);
      out.push(`      <prop type="x-document">${xml(data.documents.en)}</prop>`);
      out.push(`      <prop type="x-document-ru">${xml(data.documents.ru)}</prop>`);
      out.push(`      <tuv xml:lang="en-GB">\n        <seg>${seg(joined(b, "en"))}</seg>\n      </tuv>`);
      out.push(`      <tuv xml:lang="ru-RU">\n        <seg>${seg(joined(b, "ru"))}</seg>\n      </tuv>`);
      out.push("    </tu>");
    }
    out.push("  </body>", "</tmx>", "");
    return out.join("\n");
  }

  // CSV as sverka writes it (links only), with the review status added.
  function exportCsv() {
    const quote = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    const ids = (a, b) => Array.from({ length: b - a }, (_, x) => a + x).join(" ");
    const lines = ["en,ru,score,bead,en_ids,ru_ids,status"];
    for (const b of state.beads) {
      if (!memoryUnit(b)) continue;
      const row = [joined(b, "en"), joined(b, "ru"), score(b).toFixed(3), `${b.ee - b.es}-${b.re - b.rs}`, ids(b.es, b.ee), ids(b.rs, b.re), b.status];
      lines.push(row.map(quote).join(","));
    }
    return `${lines.join("\r\n")}\r\n`;
  }

  const EXPORTS = {
    json: [exportJson, "application/json", ".review.json"],
    tmx: [exportTmx, "application/x-tmx+xml", ".tmx"],
    csv: [exportCsv, "text/csv", ".csv"],
  };

  function download(kind) {
    const [make, type, suffix] = EXPORTS[kind];
    const blob = new Blob([make()], { type: `${type};charset=utf-8` });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    const base = data.documents.en.split(/[\\/]/).pop().replace(/\.[^.]*$/, "") || "review";
    a.href = url;
    a.download = `${base}${suffix}`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    say(`Exported ${a.download}.`, true);
  }

  // ---- help overlay ----
  let helpReturn = null;
  function openHelp() {
    helpReturn = document.activeElement;
    $("help").hidden = false;
    $("help-close").focus();
  }
  function closeHelp() {
    $("help").hidden = true;
    if (helpReturn) helpReturn.focus();
  }

  // ---- events ----
  const KEYS = {
    j: () => setRow(state.row + 1),
    ArrowDown: () => setRow(state.row + 1),
    k: () => setRow(state.row - 1),
    ArrowUp: () => setRow(state.row - 1),
    l: () => stepSentence(1),
    ArrowRight: () => stepSentence(1),
    h: () => stepSentence(-1),
    ArrowLeft: () => stepSentence(-1),
    Home: () => setRow(0),
    End: () => setRow(state.view.length - 1),
    m: () => act("merge"),
    s: () => act("split"),
    "[": () => act("up"),
    "]": () => act("down"),
    u: () => act("untranslated"),
    c: () => act("confirm"),
    Enter: () => act("expand"),
    "?": () => openHelp(),
    1: () => setFilter("all"),
    2: () => setFilter("problems"),
    3: () => setFilter("untranslated"),
    4: () => setFilter("numbers"),
    5: () => setFilter("low"),
    6: () => setFilter("chrome"),
  };

  document.addEventListener("keydown", (e) => {
    if (!$("help").hidden) {
      if (e.key === "Escape" || e.key === "?") {
        e.preventDefault();
        closeHelp();
      }
      return;
    }
    if (e.ctrlKey || e.metaKey) {
      const key = e.key.toLowerCase();
      if (key === "z" && !e.shiftKey) act("undo");
      else if (key === "y" || (key === "z" && e.shiftKey)) act("redo");
      else return;
      e.preventDefault();
      return;
    }
    if (e.altKey) return;
    // A focused button takes Enter and Space itself.
    if (e.target.tagName === "BUTTON" && (e.key === "Enter" || e.key === " ")) return;
    const handler = KEYS[e.key];
    if (!handler) return;
    e.preventDefault();
    handler();
  });

  document.addEventListener("click", (e) => {
    const button = e.target.closest("button");
    if (button) {
      if (button.id === "help-close") return closeHelp();
      if (button.dataset.filter) return setFilter(button.dataset.filter);
      if (button.dataset.export) return download(button.dataset.export);
      if (button.dataset.action === "confirm" && button.dataset.bead !== undefined) {
        const i = Number(button.dataset.bead);
        setRow(rowOfBead(i));
        return act("confirm", i);
      }
      if (button.dataset.action === "expand" && button.dataset.row !== undefined) {
        return act("expand", Number(button.dataset.row));
      }
      if (button.dataset.action) return act(button.dataset.action);
      return undefined;
    }
    const row = e.target.closest(".row[data-row]");
    if (!row) return undefined;
    const s = e.target.closest(".s");
    setRow(Number(row.dataset.row), s ? [s.dataset.side, Number(s.dataset.id)] : undefined);
    return undefined;
  });

  new IntersectionObserver((entries) => {
    if (entries.some((en) => en.isIntersecting)) renderMore();
  }, { rootMargin: "1500px" }).observe($("more"));

  // ---- start ----
  $("heading").textContent = `Review: ${data.documents.en} / ${data.documents.ru}`;
  $("en-head").textContent = `English: ${data.documents.en}`;
  $("ru-head").textContent = `Russian: ${data.documents.ru}`;
  restore();
  // review.html#filter=problems opens with a filter chosen.
  const asked = /filter=(\w+)/.exec(window.location.hash);
  if (asked && FILTERS[asked[1]]) state.filter = asked[1];
  buildView();
  render();
  setRow(0);
  window.scrollTo(0, 0);
  const t1 = performance.now();

  // For tests and measurements (tests/review_browser.rs).
  window.sverkaReview = {
    Beads,
    state,
    exportJson,
    exportTmx,
    exportCsv,
    setFilter,
    act,
    counts: () => Object.fromEntries(Object.keys(FILTERS).map((f) => [f, state.beads.filter(FILTERS[f]).length])),
    check: () => Beads.check(state.beads, nEn, nRu),
    timings: { script: t1 - t0 },
  };
})();
