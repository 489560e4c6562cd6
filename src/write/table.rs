//! A two-column table for reading an alignment in a terminal.

use std::io::{self, Write};

use super::WriteOptions;
use crate::Alignment;

/// Writes the beads side by side, wrapping long sentences; a sentence with no
/// counterpart shows `(untranslated)` opposite it.
pub fn write(alignment: &Alignment, options: &WriteOptions, out: &mut dyn Write) -> io::Result<()> {
    let width = if options.width == 0 {
        100
    } else {
        options.width.max(40)
    };
    // "  kind score | " takes 14 columns, " | " between the two text columns.
    let column = (width - 17) / 2;
    for bead in &alignment.beads {
        let en = side(&alignment.en_text(bead), bead.en.is_empty(), column);
        let ru = side(&alignment.ru_text(bead), bead.ru.is_empty(), column);
        let label = format!("{:>4} {:.2}", bead.kind(), bead.score);
        for row in 0..en.len().max(ru.len()) {
            let left = en.get(row).map_or("", String::as_str);
            let right = ru.get(row).map_or("", String::as_str);
            let label = if row == 0 { label.as_str() } else { "" };
            writeln!(
                out,
                "{label:>9} | {left}{pad} | {right}",
                pad = " ".repeat(column.saturating_sub(left.chars().count()))
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn side(text: &str, missing: bool, column: usize) -> Vec<String> {
    if missing {
        return vec!["(untranslated)".to_string()];
    }
    wrap(text, column)
}

/// Greedy word wrap at `column` characters; a longer word is cut.
fn wrap(text: &str, column: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in text.split_whitespace() {
        let chars: Vec<char> = word.chars().collect();
        // Pieces of a long word are sliced off the front, not drained from
        // it (draining moved the rest each time: quadratic in its length).
        let mut chars = chars.as_slice();
        while chars.len() > column {
            if len > 0 {
                lines.push(std::mem::take(&mut line));
                len = 0;
            }
            lines.push(chars[..column].iter().collect());
            chars = &chars[column..];
        }
        let wlen = chars.len();
        if len > 0 && len + 1 + wlen > column {
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        line.extend(chars);
        len += wlen;
    }
    if len > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_column_without_losing_words() {
        let lines = wrap("one two three four five six", 9);
        assert_eq!(lines, ["one two", "three", "four five", "six"]);
    }

    #[test]
    fn cuts_a_word_longer_than_the_column() {
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }
}
