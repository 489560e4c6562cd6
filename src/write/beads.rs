//! The bead format of the evaluation kit: `[0, 1]:[2]`, one bead per line.

use std::io::{self, Write};
use std::ops::Range;

use crate::Alignment;

/// Writes every bead (one-sided ones too), so that each sentence appears once.
pub fn write(alignment: &Alignment, out: &mut dyn Write) -> io::Result<()> {
    for bead in &alignment.beads {
        writeln!(out, "{}:{}", list(&bead.en), list(&bead.ru))?;
    }
    Ok(())
}

fn list(range: &Range<usize>) -> String {
    let items: Vec<String> = range.clone().map(|i| i.to_string()).collect();
    format!("[{}]", items.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AlignOptions, Aligner};

    #[test]
    fn writes_one_line_per_bead_with_empty_sides() {
        let alignment = Aligner::new(AlignOptions::default()).align("One. Two.", "");
        let mut out = Vec::new();
        write(&alignment, &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "[0]:[]\n[1]:[]\n");
    }
}
