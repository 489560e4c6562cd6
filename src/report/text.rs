//! The coverage report as a terminal summary, optionally coloured with ANSI
//! escapes (the caller decides: colour on a terminal, plain in a pipe).

use std::io::{self, Write};

use super::{CoverageReport, SideCoverage, SuspiciousPair};
use crate::Lang;

/// Longest excerpt of a sentence shown, in characters.
const EXCERPT: usize = 100;

/// Writes the summary; `colour` adds ANSI colours.
pub fn write(report: &CoverageReport, colour: bool, out: &mut dyn Write) -> io::Result<()> {
    let paint = Paint(colour);
    if let Some(verdict) = report.pair.filter(|v| !v.is_pair()) {
        // Forced past the verdict (--force-pair): the figures below pair
        // text with text that does not translate it.
        let line = format!(
            "Not a translation pair: {:.0}% of the shorter text's checkable words match the \
             sentences they were paired with (a pair needs {:.0}%); the coverage below is not \
             a translation's",
            verdict.score * 100.0,
            verdict.threshold * 100.0
        );
        writeln!(out, "{}\n", paint.red(&line))?;
    }
    writeln!(out, "{}", paint.bold("Coverage"))?;
    for side in [&report.en, &report.ru] {
        side_line(side, &paint, out)?;
    }
    for lang in [Lang::En, Lang::Ru] {
        let missing: Vec<_> = report
            .untranslated
            .iter()
            .filter(|u| u.lang == lang)
            .collect();
        if missing.is_empty() {
            continue;
        }
        writeln!(out)?;
        let title = format!("Untranslated {} sentences ({})", name(lang), missing.len());
        writeln!(out, "{}", paint.red(&title))?;
        for u in missing {
            writeln!(
                out,
                "  bead {}, paragraph {}, line {}: {}",
                u.bead + 1,
                u.paragraph + 1,
                u.line,
                excerpt(&u.text)
            )?;
        }
    }
    if !report.chrome.is_empty() {
        writeln!(out)?;
        let title = format!(
            "Page chrome, not paired (menus, language switches, share links) ({})",
            report.chrome.len()
        );
        writeln!(out, "{}", paint.dim(&title))?;
        for u in &report.chrome {
            writeln!(out, "  {} line {}: {}", u.lang, u.line, excerpt(&u.text))?;
        }
    }
    if !report.number_mismatches.is_empty() {
        writeln!(out)?;
        let title = format!("Numbers that disagree ({})", report.number_mismatches.len());
        writeln!(out, "{}", paint.yellow(&title))?;
        for pair in &report.number_mismatches {
            let list = |numbers: &[super::Number]| {
                let texts: Vec<&str> = numbers.iter().map(|n| n.text.as_str()).collect();
                if texts.is_empty() {
                    "-".to_string()
                } else {
                    texts.join(", ")
                }
            };
            writeln!(
                out,
                "  bead {}, en line {}, ru line {}: en {} | ru {}",
                pair.bead + 1,
                pair.en_line,
                pair.ru_line,
                paint.yellow(&list(&pair.numbers.en)),
                paint.yellow(&list(&pair.numbers.ru)),
            )?;
            pair_lines(pair, out)?;
        }
    }
    if !report.low_confidence.is_empty() {
        writeln!(out)?;
        let title = format!(
            "Low-confidence pairs, score below {:.2} ({})",
            report.low_score,
            report.low_confidence.len()
        );
        writeln!(out, "{}", paint.dim(&title))?;
        for pair in &report.low_confidence {
            writeln!(
                out,
                "  bead {}, en line {}, ru line {}: {} pair, score {:.2}",
                pair.bead + 1,
                pair.en_line,
                pair.ru_line,
                pair.kind,
                pair.score
            )?;
            pair_lines(pair, out)?;
        }
    }
    Ok(())
}

fn side_line(side: &SideCoverage, paint: &Paint, out: &mut dyn Write) -> io::Result<()> {
    let percent = format!("{:5.1}%", side.sentence_percent);
    let percent = if side.translated_sentences == side.sentences {
        paint.green(&percent)
    } else {
        paint.red(&percent)
    };
    writeln!(
        out,
        "  {:<8} {percent} of sentences ({}/{}), {:.1}% of characters have a counterpart",
        name(side.lang),
        side.translated_sentences,
        side.sentences,
        side.character_percent
    )
}

fn pair_lines(pair: &SuspiciousPair, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "    en: {}", excerpt(&pair.en))?;
    writeln!(out, "    ru: {}", excerpt(&pair.ru))
}

fn name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Ru => "Russian",
    }
}

/// The first [`EXCERPT`] characters of `text`, with `…` if cut.
fn excerpt(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(EXCERPT).collect();
    if chars.next().is_some() {
        format!("{}…", head.trim_end())
    } else {
        head
    }
}

/// ANSI colours, or none.
struct Paint(bool);

impl Paint {
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn bold(&self, text: &str) -> String {
        self.wrap("1", text)
    }
    fn red(&self, text: &str) -> String {
        self.wrap("31", text)
    }
    fn green(&self, text: &str) -> String {
        self.wrap("32", text)
    }
    fn yellow(&self, text: &str) -> String {
        self.wrap("33", text)
    }
    fn dim(&self, text: &str) -> String {
        self.wrap("2", text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{CheckOptions, fixed_alignment};

    fn render(colour: bool) -> String {
        let alignment = fixed_alignment("Yes.\n\nNo, never.", "Да.", &[(0..1, 0..1), (1..2, 1..1)]);
        let report = CoverageReport::new(&alignment, &CheckOptions::default());
        let mut out = Vec::new();
        write(&report, colour, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn plain_output_has_no_escape_codes() {
        let text = render(false);
        assert!(!text.contains('\x1b'));
        assert!(text.contains("Untranslated English sentences (1)"));
        assert!(text.contains("bead 2, paragraph 2, line 3: No, never."));
    }

    #[test]
    fn coloured_output_marks_incomplete_coverage_red() {
        assert!(render(true).contains("\x1b[31m 50.0%\x1b[0m"));
    }

    #[test]
    fn cuts_long_sentences_with_an_ellipsis() {
        let long = "word ".repeat(40);
        let cut = excerpt(&long);
        assert!(cut.ends_with('…'));
        assert!(cut.chars().count() <= EXCERPT + 1);
    }
}
