//! The coverage report as one self-contained HTML page: no scripts, fonts or
//! style sheets from elsewhere, so it can be mailed or archived as it is.
//!
//! A summary at the top (coverage of each side, counts, links to the problem
//! beads), then the two texts side by side, bead by bead: untranslated
//! sentences on a red ground, numbers that disagree marked, uncertain pairs
//! (score 0.5 to 0.9, right only about half to three times in four) shaded
//! amber and low-confidence ones grey. Beads, sentences and paragraphs are
//! numbered from 1, as in the text report. Every piece of input text goes
//! through [`escape`].

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use super::{CoverageReport, SideCoverage};
use crate::{Alignment, Lang, Sentence};

const STYLE: &str = "
body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1d1d1d; background: #fff; }
#summary { padding: 1em 2em; background: #f4f6f8; border-bottom: 1px solid #ccd; }
h1 { font-size: 1.4em; margin: 0 0 .5em; }
h2 { font-size: 1.1em; margin: 1em 0 .3em; }
#coverage td, #coverage th { padding: .15em .8em .15em 0; text-align: left; }
.bar { display: inline-block; width: 10em; height: .8em; background: #e3b3b3; vertical-align: middle; }
.bar span { display: block; height: 100%; background: #4c9a5b; }
.legend span { margin-right: 1.2em; padding: 0 .4em; }
ul.problems { margin: .2em 0; padding-left: 1.2em; max-height: 14em; overflow-y: auto; }
#beads { border-collapse: collapse; width: 100%; table-layout: fixed; }
#beads th { position: sticky; top: 0; background: #fff; border-bottom: 2px solid #99a; text-align: left; padding: .4em; }
#beads td { vertical-align: top; padding: .35em .5em; border-bottom: 1px solid #e2e2e8; }
#beads col.n { width: 3.5em; } #beads col.meta { width: 9em; }
td.n, td.meta { color: #667; font-size: .85em; }
tr.untranslated td.en, tr.untranslated td.ru, .legend .untranslated { background: #fbe3e3; }
td.missing { color: #a33; font-style: italic; }
tr.unsure td, .legend .unsure { background: #fff4d6; }
tr.low td, .legend .low { background: #ececec; color: #555; }
tr.chrome td, .legend .chrome { background: #f3f3f6; color: #778; }
mark.number, .legend .number { background: #ffd54a; color: #000; padding: 0 .1em; }
tr.numbers td.meta { color: #a60; font-weight: bold; }
";

/// Writes the page. `en_name` and `ru_name` name the two inputs.
pub fn write(
    report: &CoverageReport,
    alignment: &Alignment,
    en_name: &str,
    ru_name: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut page = String::new();
    // Writing to a String cannot fail.
    let _ = render(&mut page, report, alignment, en_name, ru_name);
    out.write_all(page.as_bytes())
}

fn render(
    page: &mut String,
    report: &CoverageReport,
    alignment: &Alignment,
    en_name: &str,
    ru_name: &str,
) -> std::fmt::Result {
    let (en_name, ru_name) = (escape(en_name), escape(ru_name));
    writeln!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"
    )?;
    writeln!(
        page,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(page, "<title>sverka check: {en_name} / {ru_name}</title>")?;
    writeln!(page, "<style>{STYLE}</style>\n</head>\n<body>")?;

    writeln!(page, "<header id=\"summary\">")?;
    writeln!(page, "<h1>Translation coverage: {en_name} / {ru_name}</h1>")?;
    writeln!(
        page,
        "<table id=\"coverage\"><tr><th></th><th>sentences with a counterpart</th><th></th><th>characters</th></tr>"
    )?;
    for side in [&report.en, &report.ru] {
        coverage_row(page, side)?;
    }
    writeln!(page, "</table>")?;
    writeln!(
        page,
        "<p>{} beads, {} pairs; {} untranslated sentences, {} lines of page chrome, {} pairs with numbers that disagree, {} low-confidence pairs (score below {:.2}).</p>",
        report.beads,
        report.links,
        report.untranslated.len(),
        report.chrome.len(),
        report.number_mismatches.len(),
        report.low_confidence.len(),
        report.low_score
    )?;
    writeln!(
        page,
        "<p class=\"legend\"><span class=\"untranslated\">untranslated</span><span class=\"number\">number mismatch</span><span class=\"unsure\">uncertain (score 0.50–0.89: right only about half to three times in four)</span><span class=\"low\">low confidence</span><span class=\"chrome\">page chrome (menus, language switches, share links): not text to translate</span></p>"
    )?;
    if !report.untranslated.is_empty() {
        writeln!(
            page,
            "<h2>Untranslated sentences</h2>\n<ul class=\"problems\" id=\"untranslated\">"
        )?;
        for run in untranslated_runs(&report.untranslated) {
            let (first, last) = (run[0], run[run.len() - 1]);
            let side = side_name(first.lang);
            if run.len() == 1 {
                writeln!(
                    page,
                    "<li><a href=\"#bead-{}\">bead {}</a>: {side} sentence {}, paragraph {}, line {}: {}</li>",
                    first.bead + 1,
                    first.bead + 1,
                    first.sentence + 1,
                    first.paragraph + 1,
                    first.line,
                    escape(&first.text)
                )?;
            } else {
                writeln!(
                    page,
                    "<li><a href=\"#bead-{}\">beads {}–{}</a>: {side} sentences {}–{} ({}, lines {}–{}) have no counterpart</li>",
                    first.bead + 1,
                    first.bead + 1,
                    last.bead + 1,
                    first.sentence + 1,
                    last.sentence + 1,
                    paragraphs(first.paragraph + 1, last.paragraph + 1),
                    first.line,
                    last.line,
                )?;
            }
        }
        writeln!(page, "</ul>")?;
    }
    if !report.chrome.is_empty() {
        // Listed apart: a menu or a share link is not text to translate.
        writeln!(
            page,
            "<h2>Page chrome, not paired (menus, language switches, share links)</h2>\n<ul class=\"problems\" id=\"chrome\">"
        )?;
        for u in &report.chrome {
            writeln!(
                page,
                "<li><a href=\"#bead-{}\">bead {}</a>: {} line {}: {}</li>",
                u.bead + 1,
                u.bead + 1,
                side_name(u.lang),
                u.line,
                escape(&u.text)
            )?;
        }
        writeln!(page, "</ul>")?;
    }
    if !report.number_mismatches.is_empty() {
        writeln!(
            page,
            "<h2>Numbers that disagree</h2>\n<ul class=\"problems\" id=\"number-mismatches\">"
        )?;
        for pair in &report.number_mismatches {
            let list = |numbers: &[super::Number]| {
                let texts: Vec<String> = numbers.iter().map(|n| escape(&n.text)).collect();
                if texts.is_empty() {
                    "–".to_string()
                } else {
                    format!("<mark class=\"number\">{}</mark>", texts.join(", "))
                }
            };
            writeln!(
                page,
                "<li><a href=\"#bead-{}\">bead {}</a> (en line {}, ru line {}): en {}, ru {}</li>",
                pair.bead + 1,
                pair.bead + 1,
                pair.en_line,
                pair.ru_line,
                list(&pair.numbers.en),
                list(&pair.numbers.ru)
            )?;
        }
        writeln!(page, "</ul>")?;
    }
    writeln!(page, "</header>")?;

    // Numbers to mark, by bead.
    let marks: HashMap<usize, (Vec<&str>, Vec<&str>)> = report
        .number_mismatches
        .iter()
        .map(|p| {
            (
                p.bead,
                (number_texts(&p.numbers.en), number_texts(&p.numbers.ru)),
            )
        })
        .collect();
    writeln!(page, "<main>\n<table id=\"beads\">")?;
    writeln!(
        page,
        "<colgroup><col class=\"n\"><col class=\"en\"><col class=\"ru\"><col class=\"meta\"></colgroup>"
    )?;
    writeln!(
        page,
        "<thead><tr><th>#</th><th>English: {en_name}</th><th>Russian: {ru_name}</th><th>pair</th></tr></thead>\n<tbody>"
    )?;
    for (index, bead) in alignment.beads.iter().enumerate() {
        let mut classes = vec!["bead"];
        let numbers = marks.get(&index);
        if !bead.is_link() {
            let chrome = alignment
                .side(Lang::En, bead)
                .iter()
                .chain(alignment.side(Lang::Ru, bead))
                .all(|s| crate::chrome::is_chrome(s.text()));
            classes.push(if chrome { "chrome" } else { "untranslated" });
        } else if bead.score < report.low_score {
            classes.push("low");
        } else if bead.score < SURE {
            classes.push("unsure");
        }
        if numbers.is_some() {
            classes.push("numbers");
        }
        write!(
            page,
            "<tr id=\"bead-{}\" class=\"{}\"><td class=\"n\">{}</td>",
            index + 1,
            classes.join(" "),
            index + 1
        )?;
        let none = (Vec::new(), Vec::new());
        let (en_marks, ru_marks) = numbers.unwrap_or(&none);
        cell(
            page,
            Lang::En,
            alignment.side(Lang::En, bead),
            bead.en.start,
            en_marks,
        )?;
        cell(
            page,
            Lang::Ru,
            alignment.side(Lang::Ru, bead),
            bead.ru.start,
            ru_marks,
        )?;
        writeln!(page, "<td class=\"meta\">{}</td></tr>", meta(bead))?;
    }
    writeln!(page, "</tbody>\n</table>\n</main>\n</body>\n</html>")
}

/// Links scoring at least this are right about 98% of the time on the dev
/// data; below it, only 48–73% (README, "Confidence").
const SURE: f64 = 0.9;

/// The bead cell: its kind and what its score means.
fn meta(bead: &crate::Bead) -> String {
    let percent = (bead.score * 100.0).round();
    if !bead.is_link() {
        let (side, other) = if bead.en.is_empty() {
            ("Russian", "English")
        } else {
            ("English", "Russian")
        };
        return format!(
            "{}<br><span title=\"The aligner is {percent}% sure this {side} text has no {other} counterpart\">no counterpart, {percent}% sure</span>",
            bead.kind()
        );
    }
    let band = if bead.score >= SURE {
        "sure"
    } else {
        "uncertain"
    };
    format!("{}<br>{:.2} {band}", bead.kind(), bead.score)
}

/// Untranslated sentences grouped into runs: consecutive sentences of one
/// side in consecutive beads.
fn untranslated_runs(
    list: &[super::UntranslatedSentence],
) -> Vec<Vec<&super::UntranslatedSentence>> {
    let mut runs: Vec<Vec<&super::UntranslatedSentence>> = Vec::new();
    for u in list {
        match runs.last_mut() {
            Some(run)
                if run.last().is_some_and(|p| {
                    p.lang == u.lang && p.sentence + 1 == u.sentence && p.bead + 1 == u.bead
                }) =>
            {
                run.push(u)
            }
            _ => runs.push(vec![u]),
        }
    }
    runs
}

/// "English" or "Russian".
fn side_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Ru => "Russian",
    }
}

/// `paragraph a` or `paragraphs a–b`.
fn paragraphs(a: usize, b: usize) -> String {
    if a == b {
        format!("paragraph {a}")
    } else {
        format!("paragraphs {a}–{b}")
    }
}

fn number_texts(numbers: &[super::Number]) -> Vec<&str> {
    numbers.iter().map(|n| n.text.as_str()).collect()
}

fn coverage_row(page: &mut String, side: &SideCoverage) -> std::fmt::Result {
    writeln!(
        page,
        "<tr class=\"{}\"><th>{}</th><td>{:.1}% ({}/{})</td><td><span class=\"bar\"><span style=\"width:{:.1}%\"></span></span></td><td>{:.1}%</td></tr>",
        side.lang.code(),
        match side.lang {
            Lang::En => "English",
            Lang::Ru => "Russian",
        },
        side.sentence_percent,
        side.translated_sentences,
        side.sentences,
        side.sentence_percent,
        side.character_percent
    )
}

/// One side of a bead: its sentences, or a note that there are none.
fn cell(
    page: &mut String,
    lang: Lang,
    sentences: &[Sentence],
    first: usize,
    marks: &[&str],
) -> std::fmt::Result {
    if sentences.is_empty() {
        return write!(
            page,
            "<td class=\"{} missing\">no counterpart</td>",
            lang.code()
        );
    }
    write!(
        page,
        "<td class=\"{}\" lang=\"{}\">",
        lang.code(),
        lang.locale()
    )?;
    for (k, s) in sentences.iter().enumerate() {
        let text: Vec<&str> = s.text().split_whitespace().collect();
        write!(
            page,
            "{}<span class=\"sentence\" id=\"{}-{}\" title=\"sentence {}, paragraph {}, line {}\">{}</span>",
            if k > 0 { " " } else { "" },
            lang.code(),
            first + k + 1,
            first + k + 1,
            s.paragraph + 1,
            s.line,
            highlight(&text.join(" "), marks)
        )?;
    }
    write!(page, "</td>")
}

/// `text` escaped, with every occurrence of a string in `marks` wrapped in
/// `<mark class="number">`.
fn highlight(text: &str, marks: &[&str]) -> String {
    let marks: Vec<&str> = marks.iter().copied().filter(|m| !m.is_empty()).collect();
    // Every occurrence of every mark, found in one pass over the text (an
    // Aho-Corasick automaton), then taken greedily from the left: the
    // earliest match, the longest one on a tie, and on from its end.
    // Searching the rest of the text again for each mark at each step was
    // quadratic in the sentence's length.
    let mut found: Vec<(usize, usize)> = match aho_corasick::AhoCorasick::new(&marks) {
        Ok(automaton) => automaton
            .find_overlapping_iter(text)
            .map(|m| (m.start(), m.end()))
            .filter(|&(start, end)| whole_number(text, start, end))
            .collect(),
        Err(_) => Vec::new(),
    };
    found.sort_unstable_by_key(|&(start, end)| (start, std::cmp::Reverse(end)));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end) in found {
        if start < at {
            continue;
        }
        out.push_str(&escape(&text[at..start]));
        out.push_str("<mark class=\"number\">");
        out.push_str(&escape(&text[start..end]));
        out.push_str("</mark>");
        at = end;
    }
    out.push_str(&escape(&text[at..]));
    out
}

/// True when `text[start..end]` is not part of a longer number (`20` is not
/// found in `2020`).
fn whole_number(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let digit_before = start > 0 && bytes[start - 1].is_ascii_digit();
    let digit_after = bytes.get(end).is_some_and(u8::is_ascii_digit);
    !digit_before && !digit_after
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{CheckOptions, fixed_alignment};

    /// A page for texts whose sentences pair up in order, extra ones untranslated.
    fn page(en: &str, ru: &str) -> String {
        let mut alignment = fixed_alignment(en, ru, &[]);
        let (n, m) = (alignment.en.len(), alignment.ru.len());
        alignment.beads = (0..n.max(m))
            .map(|i| crate::Bead {
                en: i.min(n)..(i + 1).min(n),
                ru: i.min(m)..(i + 1).min(m),
                score: 0.9,
            })
            .collect();
        let report = CoverageReport::new(&alignment, &CheckOptions::default());
        let mut out = Vec::new();
        write(&report, &alignment, "en <1>.txt", "ru.txt", &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escapes_every_piece_of_input_text() {
        let html = page("<script>alert(1)</script> & more.", "<b>жирный</b> & ещё.");
        assert!(!html.contains("<script>"));
        assert!(!html.contains("<b>"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more."));
        assert!(html.contains("en &lt;1&gt;.txt"));
    }

    #[test]
    fn marks_untranslated_beads_and_disagreeing_numbers() {
        let html = page(
            "In 2020 we met.\n\nThen we left.",
            "В 2021 году мы встретились.",
        );
        assert!(html.contains("class=\"bead untranslated\""));
        assert!(html.contains("<mark class=\"number\">2020</mark>"));
        assert!(html.contains("<mark class=\"number\">2021</mark>"));
    }

    #[test]
    fn lists_a_run_of_untranslated_sentences_as_one_item() {
        let html = page("One.\n\nTwo.\n\nThree.\n\nFour.", "Один.");
        assert!(html.contains(
            "<a href=\"#bead-2\">beads 2–4</a>: English sentences 2–4 (paragraphs 2–4, lines 3–7) have no counterpart"
        ));
        assert!(html.contains("<tr id=\"bead-4\""));
    }

    #[test]
    fn lists_page_chrome_apart_from_untranslated_text() {
        let html = page(
            "We met.\n\nShare | Print version\n\nWe left.",
            "Мы встретились.",
        );
        let chrome = html
            .find("<ul class=\"problems\" id=\"chrome\">")
            .expect(&html);
        let untranslated = html.find("id=\"untranslated\"").expect(&html);
        let listed = |id: usize| &html[id..id + html[id..].find("</ul>").unwrap()];
        assert!(listed(chrome).contains("Share | Print version"), "{html}");
        assert!(!listed(untranslated).contains("Share"), "{html}");
        assert!(listed(untranslated).contains("We left."), "{html}");
        assert!(html.contains("1 untranslated sentences, 1 lines of page chrome"));
        assert!(
            html.contains("<tr id=\"bead-2\" class=\"bead chrome\">"),
            "{html}"
        );
        assert!(
            html.contains("<tr id=\"bead-3\" class=\"bead untranslated\">"),
            "{html}"
        );
    }

    #[test]
    fn explains_the_score_of_a_sentence_without_counterpart() {
        let html = page("Yes.\n\nNo.", "Да.");
        assert!(html.contains("no counterpart, 90% sure"), "{html}");
        assert!(html.contains("1-1<br>0.90 sure"));
    }

    #[test]
    fn loads_nothing_from_elsewhere() {
        let html = page("Yes.", "Да.");
        for external in ["http://", "https://", "<script", "<link", "src="] {
            assert!(!html.contains(external), "{external}");
        }
    }

    #[test]
    fn does_not_mark_a_number_inside_a_longer_one() {
        assert_eq!(
            highlight("2020 and 20", &["20"]),
            "2020 and <mark class=\"number\">20</mark>"
        );
    }

    #[test]
    fn highlights_a_match_overlapping_one_that_is_not_a_whole_number() {
        // "  " at byte 1 follows the digit 0; the one at byte 2 does not.
        assert_eq!(
            highlight("0   <", &["  "]),
            "0 <mark class=\"number\">  </mark>&lt;"
        );
    }

    /// The definition `highlight` implements: from each position, the
    /// earliest whole-number match of any mark, the longest on a tie.
    fn highlight_by_search(text: &str, marks: &[&str]) -> String {
        let mut out = String::new();
        let mut at = 0;
        loop {
            let next = marks
                .iter()
                .filter(|m| !m.is_empty())
                .filter_map(|m| {
                    // Every start, overlapping ones included: `match_indices`
                    // skips a match that overlaps the one before it ("  " in
                    // "0   "), which may be the only whole-number one.
                    (at..text.len())
                        .filter(|&i| text.is_char_boundary(i) && text[i..].starts_with(*m))
                        .find(|&i| whole_number(text, i, i + m.len()))
                        .map(|i| (i, m.len()))
                })
                .min_by_key(|&(i, len)| (i, std::cmp::Reverse(len)));
            let Some((i, len)) = next else {
                out.push_str(&escape(&text[at..]));
                return out;
            };
            out.push_str(&escape(&text[at..i]));
            out.push_str("<mark class=\"number\">");
            out.push_str(&escape(&text[i..i + len]));
            out.push_str("</mark>");
            at = i + len;
        }
    }

    proptest::proptest! {
        #[test]
        fn highlights_as_the_search_definition_does(
            text in "[0-9 a<&.,]{0,40}",
            marks in proptest::collection::vec("[0-9 a.,]{0,4}", 0..5),
        ) {
            let marks: Vec<&str> = marks.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(highlight(&text, &marks), highlight_by_search(&text, &marks));
        }
    }

    #[test]
    fn highlights_in_time_linear_in_the_sentence() {
        // 20,000 numbers and as many marks: searching again from every match
        // took minutes; one automaton pass takes milliseconds.
        let numbers: Vec<String> = (0..20_000).map(|i| (100_000 + i).to_string()).collect();
        let text = numbers.join(" ");
        let marks: Vec<&str> = numbers.iter().map(String::as_str).collect();
        let page = highlight(&text, &marks);
        assert_eq!(page.matches("<mark").count(), 20_000);
    }

    #[test]
    fn highlights_the_longest_match_first() {
        assert_eq!(
            highlight("30 billion & 30", &["30", "30 billion"]),
            "<mark class=\"number\">30 billion</mark> &amp; <mark class=\"number\">30</mark>"
        );
    }
}
