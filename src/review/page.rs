//! The review page: one self-contained HTML file (works from `file://`; no
//! script, style, font or image from elsewhere).
//!
//! The page's markup, style and script are kept as files beside this one
//! (`page.html`, `page.css`, `page.js`) and pulled in with `include_str!`; the
//! alignment goes in as JSON (a [`Review`] whose sentences carry their
//! numbers) inside a `<script type="application/json">` element, with every
//! `<` written `\u003c` so that no input text can close it.

use super::{PageNumber, Review};
use crate::report::{Kind, html::escape, numbers};
use crate::{Alignment, Lang};

const TEMPLATE: &str = include_str!("page.html");
const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");

/// The page for reviewing `alignment`. `en_name` and `ru_name` name the
/// inputs; `key` identifies the two texts (see [`super::documents_key`]).
pub fn render(alignment: &Alignment, en_name: &str, ru_name: &str, key: String) -> String {
    let mut review = Review::new(alignment, en_name, ru_name, key);
    for (lang, sentences) in [(Lang::En, &mut review.en), (Lang::Ru, &mut review.ru)] {
        for sentence in sentences {
            sentence.numbers = numbers(&sentence.text, lang)
                .into_iter()
                .map(|n| PageNumber(n.value, n.text, n.kind == Kind::Month))
                .collect();
            sentence.chrome = crate::chrome::is_chrome(&sentence.text);
        }
    }
    // Serialising plain structs to a String cannot fail.
    let data = serde_json::to_string(&review)
        .unwrap_or_default()
        .replace('<', "\\u003c");
    let title = escape(&format!("sverka review: {en_name} / {ru_name}"));
    fill(
        TEMPLATE,
        &[
            ("{{TITLE}}", &title),
            ("{{STYLE}}", STYLE),
            ("{{DATA}}", &data),
            ("{{SCRIPT}}", SCRIPT),
        ],
    )
}

/// `template` with each marker replaced, in the order given, once: text put
/// in for one marker is never searched for the next.
fn fill(template: &str, parts: &[(&str, &str)]) -> String {
    let mut out =
        String::with_capacity(template.len() + parts.iter().map(|p| p.1.len()).sum::<usize>());
    let mut rest = template;
    for (marker, value) in parts {
        match rest.find(marker) {
            Some(at) => {
                out.push_str(&rest[..at]);
                out.push_str(value);
                rest = &rest[at + marker.len()..];
            }
            None => panic!("page.html lacks {marker}"),
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Aligner;

    fn page(en: &str, ru: &str) -> String {
        let alignment = Aligner::default().align(en, ru);
        render(&alignment, "en <1>.txt", "ru.txt", "0".into())
    }

    #[test]
    fn input_text_cannot_close_the_data_element() {
        let html = page("Hello </script><script>alert(1)</script> there.", "Привет.");
        assert_eq!(html.matches("</script>").count(), 2, "data and code only");
        assert!(html.contains("\\u003c/script>\\u003cscript>alert(1)"));
        assert!(html.contains("<title>sverka review: en &lt;1&gt;.txt / ru.txt</title>"));
    }

    #[test]
    fn loads_nothing_from_elsewhere() {
        let html = page("Yes.", "Да.");
        for external in ["http://", "https://", "<link", " src=", "url(", "@import"] {
            assert!(!html.contains(external), "{external}");
        }
    }

    #[test]
    fn carries_the_numbers_of_each_sentence() {
        let html = page("It cost $30 billion.", "Это стоило 20 млрд долларов.");
        assert!(html.contains("\"numbers\":[[30000000000.0,\"30 billion\",false]]"));
    }

    #[test]
    fn marks_page_chrome_for_the_page() {
        let html = page("Share | Print version\n\nWe met.", "Мы встретились.");
        assert!(
            html.contains("\"text\":\"Share | Print version\""),
            "{html}"
        );
        assert_eq!(html.matches("\"chrome\":true").count(), 1);
    }

    #[test]
    fn fills_markers_once_in_order() {
        assert_eq!(
            fill("a{{X}}b{{Y}}c", &[("{{X}}", "{{Y}}"), ("{{Y}}", "y")]),
            "a{{Y}}bycc".replace("cc", "c")
        );
    }
}
