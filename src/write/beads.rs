//! The bead format of the evaluation kit: `[0, 1]:[2]`, one bead per line.

use std::io::{self, Write};
use std::ops::Range;

use crate::Alignment;

/// Writes every bead (one-sided ones too), so that each sentence appears once.
pub fn write(alignment: &Alignment, out: &mut dyn Write) -> io::Result<()> {
    // Each line made in one reused buffer and written whole: a book has
    // hundreds of thousands of beads, and formatting each number into a
    // string of its own was most of the time of writing them.
    let mut line = Vec::with_capacity(64);
    for bead in &alignment.beads {
        line.clear();
        push_list(&mut line, &bead.en);
        line.push(b':');
        push_list(&mut line, &bead.ru);
        line.push(b'\n');
        out.write_all(&line)?;
    }
    Ok(())
}

/// `[0, 1]`: the sentence numbers of one side of a bead.
fn push_list(line: &mut Vec<u8>, range: &Range<usize>) {
    line.push(b'[');
    for i in range.clone() {
        if i > range.start {
            line.extend_from_slice(b", ");
        }
        push_number(line, i);
    }
    line.push(b']');
}

/// `n` in decimal digits.
fn push_number(line: &mut Vec<u8>, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut from = digits.len();
    loop {
        from -= 1;
        digits[from] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    line.extend_from_slice(&digits[from..]);
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

    #[test]
    fn writes_numbers_of_every_width_in_decimal() {
        let mut line = Vec::new();
        push_list(&mut line, &(9..11));
        push_list(&mut line, &(0..0));
        push_number(&mut line, usize::MAX);
        assert_eq!(
            String::from_utf8(line).unwrap(),
            format!("[9, 10][]{}", usize::MAX)
        );
    }
}
