//! Making text safe for a format that cannot hold every character.

use std::borrow::Cow;

/// Removes the characters XML 1.0 forbids (§2.2 `Char`: C0 controls other than
/// tab, line feed and carriage return, and U+FFFE, U+FFFF) and returns the
/// text with the number removed. Surrogates cannot occur in a Rust string.
pub fn xml_safe(text: &str) -> (Cow<'_, str>, usize) {
    let forbidden = |c: char| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    };
    let removed = text.chars().filter(|&c| forbidden(c)).count();
    if removed == 0 {
        return (Cow::Borrowed(text), 0);
    }
    (
        Cow::Owned(text.chars().filter(|&c| !forbidden(c)).collect()),
        removed,
    )
}

/// Replaces tabs, line breaks and other control characters with a space, so
/// that a field of a tab-separated file stays one field on one line.
pub fn one_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_c0_controls_but_keeps_tab_and_newlines() {
        let (text, removed) = xml_safe("a\u{0}b\u{1b}c\td\ne\u{FFFF}");
        assert_eq!(text, "abc\td\ne");
        assert_eq!(removed, 3);
    }

    #[test]
    fn leaves_clean_text_borrowed() {
        assert!(matches!(xml_safe("Сеул & <Seoul>").0, Cow::Borrowed(_)));
    }

    #[test]
    fn one_line_turns_tabs_and_breaks_into_spaces() {
        assert_eq!(one_line("a\tb\r\nc"), "a b  c");
    }
}
