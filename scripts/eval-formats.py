#!/usr/bin/env python3
"""End-to-end alignment from web pages, Word files and Markdown, against plain text.

    scripts/eval-formats.sh              # the wrapper: builds sverka, installs python-docx
    python eval-formats.py SVERKA KIT OUT [SETS...]

For every dev case of the evaluation kit (KIT/align/dev/SET/CASE with en.raw.txt and
ru.raw.txt) the raw texts are rendered as
  html      a saved web page with site chrome (cookie banner, header, language switch,
            menu, breadcrumbs, sidebar, share bar, related links, footer, scripts),
            different chrome for English and Russian; paragraphs as <h1>/<p>, their
            source wrapped and indented, some words in <b>/<a>, '&' and '<' as entities
  docx      a Word file written by python-docx: a heading and paragraphs, some runs bold
  markdown  a Markdown file: a heading, paragraphs (Markdown's special characters
            escaped, lines wrapped), with fenced and indented code blocks between
            paragraphs
and aligned with `sverka align -f jsonl`, as is the plain text. Each predicted sentence's
text is then found in the raw text (in order, whitespace ignored) and its span rewritten
to raw-text bytes, so the kit's e2e/score_e2e.py scores all formats against the same
gold. A predicted sentence not found where the text goes on (chrome, code) is counted as
a leak and dropped. Everything is written under OUT; nothing goes into the repository.
"""
import html
import json
import os
import random
import re
import subprocess
import sys

import docx

EN_CHROME = {
    "cookie": "We use cookies to give you the best experience on our website.",
    "site": "Ministry of Foreign Affairs",
    "switch": ["Русский", "Español", "Français"],
    "menu": ["Home", "Foreign policy", "Press service", "Consular services", "Contacts"],
    "crumbs": ["Home", "News", "Statements"],
    "side": "Most read",
    "side_items": ["Press release on the talks", "Comment by the Information Department"],
    "share": "Share this page",
    "related": "Related news",
    "footer": "All rights reserved. Reuse of materials is permitted with a link to the source.",
    "print": "Print version",
}
RU_CHROME = {
    "cookie": "Мы используем файлы cookie, чтобы сайт работал лучше.",
    "site": "Министерство иностранных дел",
    "switch": ["English", "Deutsch", "中文"],
    "menu": ["Главная", "Внешняя политика", "Пресс-служба", "Консульская служба"],
    "crumbs": ["Главная", "Новости"],
    "side": "Популярное",
    "side_items": ["Сообщение для СМИ о переговорах", "Комментарий Департамента информации"],
    "share": "Поделиться",
    "related": "Другие материалы",
    "footer": "Все права защищены. При использовании материалов ссылка на сайт обязательна.",
    "print": "Версия для печати",
}
CODE = [
    ("python", ["from sverka import align", "pairs = align(en_text, ru_text)", "print(len(pairs))"]),
    ("sh", ["sverka align en.txt ru.txt -o memory.tmx", "xmllint --noout memory.tmx"]),
    ("", ["SELECT id, en, ru FROM pairs WHERE score > 0.9;"]),
]


def chrome_strings(chrome):
    out = []
    for v in chrome.values():
        out.extend(v if isinstance(v, list) else [v])
    return out


def paragraphs(text):
    return [" ".join(p.split("\n")).strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def inline_html(p, rng):
    """A paragraph as HTML: escaped, a word now and then in <b> or <a>."""
    words = p.split(" ")
    out = []
    for w in words:
        e = html.escape(w, quote=False)
        r = rng.random()
        if r < 0.03 and w:
            e = f"<b>{e}</b>"
        elif r < 0.05 and w:
            e = f'<a href="/w/{rng.randint(1, 999)}">{e}</a>'
        out.append(e)
    return wrap(" ".join(out).replace("\u00a0", "&nbsp;"), "\n      ")


def wrap(text, joiner, width=78):
    """Breaks a paragraph's source into lines at spaces, as editors save pages
    and Markdown (a browser and a Markdown reader join them with spaces)."""
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return joiner.join(lines)


def render_html(paras, lang, chrome, rng):
    c = chrome
    body = []
    for i, p in enumerate(paras):
        tag = "h1" if i == 0 else "p"
        body.append(f"<{tag}>{inline_html(p, rng)}</{tag}>")
    switch = "".join(f'<li><a href="/{k}/">{html.escape(s)}</a></li>' for k, s in zip("abc", c["switch"]))
    menu = "".join(f'<li><a href="/m{i}">{html.escape(m)}</a></li>' for i, m in enumerate(c["menu"]))
    crumbs = " / ".join(f'<a href="/c{i}">{html.escape(m)}</a>' for i, m in enumerate(c["crumbs"]))
    side = "".join(f'<li><a href="/s{i}">{html.escape(m)}</a></li>' for i, m in enumerate(c["side_items"]))
    nl = "\n"
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{html.escape(paras[0][:80])} | {c['site']}</title>
<link rel="stylesheet" href="/static/site.css">
<style>.share a {{ margin: 0 4px }} nav li {{ display: inline }}</style>
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{'event': 'page'}});</script>
</head>
<body>
<div id="cookie-banner" class="cookie-notice">{c['cookie']} <button>OK</button></div>
<header class="site-header">
<a class="logo" href="/">{c['site']}</a>
<ul class="lang-switcher">{switch}</ul>
<form class="search-form" action="/search"><input name="q"><button>Search</button></form>
</header>
<nav class="main-nav"><ul>{menu}</ul></nav>
<div class="breadcrumbs">{crumbs}</div>
<div class="page">
<aside class="sidebar"><h3>{c['side']}</h3><ul>{side}</ul></aside>
<div class="content">
<article>
{nl.join(body)}
</article>
<div class="share-buttons">{c['share']}: <a href="#vk">VK</a> <a href="#tg">Telegram</a> <a href="#x">X</a> <a href="#p">{c['print']}</a></div>
<div class="related-news"><h2>{c['related']}</h2><ul>{side}</ul></div>
</div>
</div>
<footer class="site-footer"><p>{c['footer']}</p><p><a href="/contacts">{c['menu'][-1]}</a></p></footer>
<script src="/static/app.js"></script>
<script>document.addEventListener('DOMContentLoaded', function () {{ init('<p>menu</p>'); }});</script>
</body>
</html>
"""


def render_docx(paras, path, rng):
    d = docx.Document()
    for i, p in enumerate(paras):
        if i == 0:
            d.add_heading(p, level=1)
            continue
        para = d.add_paragraph()
        words = p.split(" ")
        run_words = []
        for w in words:
            if rng.random() < 0.04 and w:
                if run_words:
                    para.add_run(" ".join(run_words) + " ")
                    run_words = []
                para.add_run(w).bold = True
                para.add_run(" ")
            else:
                run_words.append(w)
        if run_words:
            para.add_run(" ".join(run_words))
    d.save(path)


MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&!])")


def md_escape(p):
    p = MD_SPECIAL.sub(r"\\\1", p)
    # Line starts that open a block: list markers, quotes, headings, rules.
    p = re.sub(r"^(\s*)([-+=])", r"\1\\\2", p)
    p = re.sub(r"^(\d+)([.)])", r"\1\\\2", p)
    return p


def render_markdown(paras, rng):
    out = []
    for i, p in enumerate(paras):
        if i == 0:
            out.append("# " + md_escape(p))
        else:
            # Every wrapped line escaped like a paragraph's start, so that none
            # opens a block (a list item, a quote, a heading).
            out.append("\n".join(md_escape(line) for line in wrap(p, "\n").split("\n")))
        if i % 3 == 1:
            lang, lines = CODE[rng.randrange(len(CODE))]
            if rng.random() < 0.5:
                out.append(f"```{lang}\n" + "\n".join(lines) + "\n```")
            else:
                out.append("\n".join("    " + l for l in lines))
    return "\n\n".join(out) + "\n"


def squeeze_map(text):
    """(squeezed text, byte offset in the UTF-8 text of each squeezed character)"""
    chars, offsets = [], []
    b = 0
    for ch in text:
        if not ch.isspace():
            chars.append(ch)
            offsets.append(b)
        b += len(ch.encode("utf-8"))
    offsets.append(b)
    return "".join(chars), offsets


def relocate(pred_path, raw, out_path, leaks, bad_words):
    """Rewrites the spans of a prediction made from a rendered file as spans of `raw`."""
    sq = {s: squeeze_map(raw[s]) for s in ("en", "ru")}
    pos = {"en": 0, "ru": 0}
    beads = []
    stats = {"sentences": 0, "leaked": 0, "skipped_chars": 0}
    with open(pred_path, encoding="utf-8") as f:
        for line in f:
            bead = json.loads(line)
            new = {"bead": bead["bead"], "score": bead["score"]}
            for side in ("en", "ru"):
                text_sq, offs = sq[side]
                kept = []
                for s in sorted(bead[side], key=lambda s: s["id"]):
                    stats["sentences"] += 1
                    g = "".join(s["text"].split())
                    # Site text or code that the document itself does not hold.
                    if any(w in s["text"] and w not in raw[side] for w in bad_words):
                        leaks.append((side, s["text"]))
                    k = pos[side]
                    if not text_sq.startswith(g, k):
                        k2 = text_sq.find(g, k, k + 2000 + len(g))
                        if k2 < 0 or not g:
                            stats["leaked"] += 1
                            leaks.append((side, s["text"]))
                            continue
                        stats["skipped_chars"] += k2 - k
                        k = k2
                    start, end = offs[k], offs[k + len(g) - 1] + len(text_sq[k + len(g) - 1].encode("utf-8"))
                    kept.append({"start": start, "end": end})
                    pos[side] = k + len(g)
                new[side] = kept
            if new["en"] or new["ru"]:
                beads.append(new)
    with open(out_path, "w", encoding="utf-8") as f:
        for b in beads:
            f.write(json.dumps(b, ensure_ascii=False) + "\n")
    return stats


def run(cmd, out_path):
    with open(out_path, "w", encoding="utf-8") as out:
        r = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        print(f"FAILED ({r.returncode}): {' '.join(cmd)}: {r.stderr.strip()}", file=sys.stderr)
    return r.returncode == 0


def main():
    sverka, kit, out_root = sys.argv[1:4]
    sets = sys.argv[4:] or ["official", "official-ragged", "natural-wmt22-enru", "natural-wmt24-enru", "perturbed-wmt22-enru"]
    dev = os.path.join(kit, "align", "dev")
    formats = ["text", "html", "docx", "markdown"]
    ext = {"text": "txt", "html": "html", "docx": "docx", "markdown": "md"}
    bad_words = chrome_strings(EN_CHROME) + chrome_strings(RU_CHROME)
    bad_words = [w for w in bad_words if len(w) > 8] + [l for _, ls in CODE for l in ls]
    totals = {f: {"sentences": 0, "leaked": 0, "skipped_chars": 0, "failed": 0} for f in formats}
    leaks = {f: [] for f in formats}
    cases = []
    for s in sets:
        for case in sorted(os.listdir(os.path.join(dev, s))):
            d = os.path.join(dev, s, case)
            if os.path.isfile(os.path.join(d, "en.raw.txt")):
                cases.append((s, case, d))
    for s, case, d in cases:
        rng = random.Random(f"{s}/{case}")
        raw = {side: open(os.path.join(d, f"{side}.raw.txt"), encoding="utf-8").read() for side in ("en", "ru")}
        work = os.path.join(out_root, "inputs", s, case)
        os.makedirs(work, exist_ok=True)
        paths = {}
        for side, chrome in (("en", EN_CHROME), ("ru", RU_CHROME)):
            paras = paragraphs(raw[side])
            p = {f: os.path.join(work, f"{side}.{ext[f]}") for f in formats}
            p["text"] = os.path.join(d, f"{side}.raw.txt")
            with open(p["html"], "w", encoding="utf-8") as f:
                f.write(render_html(paras, side, chrome, rng))
            render_docx(paras, p["docx"], rng)
            with open(p["markdown"], "w", encoding="utf-8") as f:
                f.write(render_markdown(paras, rng))
            paths[side] = p
        for fmt in formats:
            pred_dir = os.path.join(out_root, "pred", fmt, s, case)
            os.makedirs(pred_dir, exist_ok=True)
            rendered = os.path.join(pred_dir, "rendered.jsonl")
            ok = run([sverka, "align", "--no-lang-check", "-f", "jsonl", paths["en"][fmt], paths["ru"][fmt]], rendered)
            if not ok:
                totals[fmt]["failed"] += 1
                continue
            if fmt == "text":
                os.replace(rendered, os.path.join(pred_dir, "pred.jsonl"))
                stats = relocate(os.path.join(pred_dir, "pred.jsonl"), raw, os.path.join(pred_dir, "check.jsonl"), leaks[fmt], bad_words)
            else:
                stats = relocate(rendered, raw, os.path.join(pred_dir, "pred.jsonl"), leaks[fmt], bad_words)
            for k, v in stats.items():
                totals[fmt][k] += v
    print(f"{len(cases)} cases from {', '.join(sets)}")
    scores = {}
    for fmt in formats:
        t = totals[fmt]
        print(f"{fmt:9} {t['sentences']:6} predicted sentences, {t['leaked']} not in the raw text "
              f"(chrome or code), {len(leaks[fmt])} chrome/code findings, "
              f"{t['skipped_chars']} raw characters skipped, {t['failed']} runs failed")
        for side, text in leaks[fmt][:10]:
            print(f"   leak {side}: {text[:100]!r}")
        json_path = os.path.join(out_root, f"score-{fmt}.json")
        with open(os.path.join(out_root, f"score-{fmt}.txt"), "w") as out:
            subprocess.run([sys.executable, os.path.join(kit, "e2e", "score_e2e.py"), dev,
                            os.path.join(out_root, "pred", fmt), "--allow-missing", "--json", json_path],
                           stdout=out, stderr=subprocess.STDOUT, check=False)
        with open(json_path) as f:
            scores[fmt] = json.load(f)
    print()
    print(f"{'set':24} " + " ".join(f"{f:>17}" for f in formats))
    print(f"{'':24} " + " ".join(f"{'strict/bnd F1':>17}" for f in formats))
    rows = sorted(scores["text"]["sets"]) + ["ALL"]
    for row in rows:
        cells = []
        for fmt in formats:
            m = scores[fmt]["all"] if row == "ALL" else scores[fmt]["sets"].get(row)
            if m is None:
                cells.append(f"{'-':>17}")
                continue
            cells.append(f"{m['strict']['F1']:>8.4f}/{m['e2e']['boundary']['F1']:.4f}")
        print(f"{row:24} " + " ".join(cells))
    print(f"\nfull score tables: {out_root}/score-FORMAT.txt")


if __name__ == "__main__":
    main()
