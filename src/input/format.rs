//! Input formats, and telling them apart by their content.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

/// What kind of document an input file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// Plain text: paragraphs separated by blank lines.
    Text,
    /// A web page, saved whole or a fragment of one.
    Html,
    /// A Word file (Office Open XML, `.docx`).
    Docx,
    /// Markdown (CommonMark with tables and footnotes).
    Markdown,
}

impl InputFormat {
    /// Its name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Html => "html",
            InputFormat::Docx => "docx",
            InputFormat::Markdown => "markdown",
        }
    }

    /// The format of a file, from its content: a zip holding
    /// `word/document.xml` (or a broken zip, or any zip named `.docx`) is a Word file, a page that starts with a doctype,
    /// `<html>` or a known tag (or is dense with tags) is HTML, a file named
    /// `.md` or with several Markdown marks (ATX headings, code fences, link
    /// syntax, table rules) is Markdown, anything else plain text.
    pub fn sniff(bytes: &[u8], path: &Path) -> InputFormat {
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        if bytes.starts_with(b"PK\x03\x04") {
            // A zip that is not a readable one with word/document.xml is
            // still read as a Word file when it says it is one (or cannot be
            // opened at all), for the Word reader's message.
            match super::docx::has_document(bytes) {
                Some(true) | None => return InputFormat::Docx,
                Some(false) if extension.as_deref() == Some("docx") => return InputFormat::Docx,
                Some(false) => return InputFormat::Text,
            }
        }
        // Enough of the start to judge; a page's markup starts early.
        let head = &bytes[..bytes.len().min(64 * 1024)];
        let head = String::from_utf8_lossy(head);
        let head = head.trim_start_matches('\u{feff}');
        if looks_like_html(head) {
            return InputFormat::Html;
        }
        if matches!(extension.as_deref(), Some("md" | "markdown")) || markdown_marks(head) >= 2 {
            return InputFormat::Markdown;
        }
        InputFormat::Text
    }
}

impl fmt::Display for InputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for InputFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" => Ok(InputFormat::Text),
            "html" | "htm" => Ok(InputFormat::Html),
            "docx" | "word" => Ok(InputFormat::Docx),
            "markdown" | "md" => Ok(InputFormat::Markdown),
            _ => Err(format!(
                "unknown input format `{s}` (expected text, html, docx or markdown)"
            )),
        }
    }
}

/// HTML tags that mark a page or a fragment of one.
const HTML_TAGS: &[&str] = &[
    "html",
    "head",
    "body",
    "meta",
    "title",
    "div",
    "p",
    "span",
    "a",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "table",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "main",
    "nav",
    "header",
    "footer",
    "em",
    "strong",
    "b",
    "i",
    "blockquote",
    "script",
    "style",
    "link",
    "img",
    "figure",
    "figcaption",
];

/// The name of the HTML tag `s` starts with (after `<` or `</`), if known.
fn known_tag(s: &str) -> bool {
    let s = s.strip_prefix('/').unwrap_or(s);
    let name: String = s
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let after = s[name.len()..].chars().next();
    HTML_TAGS.contains(&name.as_str())
        && matches!(after, Some('>' | ' ' | '/' | '\t' | '\n' | '\r'))
}

fn looks_like_html(head: &str) -> bool {
    let start = head.trim_start();
    let lower: String = start
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        return true;
    }
    if lower.starts_with("<?xml") && head.to_ascii_lowercase().contains("<html") {
        return true;
    }
    if let Some(rest) = start.strip_prefix('<')
        && known_tag(rest)
    {
        return true;
    }
    // Tag density: a fragment that does not start with a tag, such as text
    // pasted from a page's source. One known tag per 300 bytes, and ten at least.
    let tags = head.split('<').skip(1).filter(|s| known_tag(s)).count();
    tags >= 10 && tags * 300 >= head.len()
}

/// How many lines carry a mark only Markdown uses.
fn markdown_marks(head: &str) -> usize {
    let mut marks = 0;
    let mut previous = "";
    for line in head.lines() {
        let t = line.trim_start();
        let atx = t.starts_with('#')
            && t.trim_start_matches('#').starts_with(' ')
            && t.len() - t.trim_start_matches('#').len() <= 6;
        let fence = t.starts_with("```") || t.starts_with("~~~");
        let table_rule = t.starts_with('|') && t.contains("---");
        let setext = !previous.trim().is_empty()
            && t.len() >= 3
            && (t.bytes().all(|b| b == b'=') || t.bytes().all(|b| b == b'-'));
        let link = t.contains("](");
        if atx || fence || table_rule || setext || link {
            marks += 1;
        }
        previous = line;
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sniff(text: &str, name: &str) -> InputFormat {
        InputFormat::sniff(text.as_bytes(), Path::new(name))
    }

    #[test]
    fn pages_and_fragments_are_html() {
        assert_eq!(sniff("<!DOCTYPE html>\n<html>", "a.txt"), InputFormat::Html);
        assert_eq!(sniff("  <HTML lang=en>", "a"), InputFormat::Html);
        assert_eq!(sniff("<p>One.</p><p>Two.</p>", "a"), InputFormat::Html);
    }

    #[test]
    fn prose_mentioning_a_tag_is_text() {
        let text = "Use the <p> element for paragraphs.\n\nAnd <b> for bold.";
        assert_eq!(sniff(text, "a.txt"), InputFormat::Text);
        assert_eq!(sniff("- Yes, he said.\n- No.", "a.txt"), InputFormat::Text);
    }

    #[test]
    fn markdown_is_told_by_its_marks_or_name() {
        let md = "# Install\n\nRun this:\n\n```sh\nmake\n```\n";
        assert_eq!(sniff(md, "a.txt"), InputFormat::Markdown);
        assert_eq!(sniff("Plain words.", "README.md"), InputFormat::Markdown);
    }

    #[test]
    fn names_parse() {
        assert_eq!("md".parse(), Ok(InputFormat::Markdown));
        assert_eq!("HTML".parse(), Ok(InputFormat::Html));
        assert!("pdf".parse::<InputFormat>().is_err());
    }
}
