//! Moses-style parallel text: two plain files with one segment a line, line
//! `n` of the English file translating line `n` of the Russian one. This is
//! what MT training pipelines (Moses, fairseq, Marian, OpenNMT) read.
//!
//! A bead's sentences share one line; line breaks inside a sentence become
//! spaces. One-sided beads are always left out, `keep_unaligned` or not: an
//! empty line opposite a sentence is not a translation.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{Format, WriteOptions, Written, selected};
use crate::Alignment;

/// Writes the English lines to `en` and the Russian lines to `ru`.
pub fn write(
    alignment: &Alignment,
    options: &WriteOptions,
    en: &mut dyn Write,
    ru: &mut dyn Write,
) -> io::Result<Written> {
    let mut written = Written::default();
    for bead in selected(alignment, Format::Moses, options) {
        writeln!(en, "{}", alignment.en_text(bead))?;
        writeln!(ru, "{}", alignment.ru_text(bead))?;
        written.beads += 1;
    }
    written.skipped = alignment.beads.len() - written.beads;
    Ok(written)
}

/// The two file names for output `path`: `out` and `out.en` both give
/// `out.en` and `out.ru`; a `.moses` extension is dropped.
pub fn paths(path: &Path) -> (PathBuf, PathBuf) {
    let stem = match path.extension().and_then(|e| e.to_str()) {
        Some("en" | "ru" | "moses") => path.with_extension(""),
        _ => path.to_path_buf(),
    };
    let with = |lang: &str| {
        let mut name = stem.clone().into_os_string();
        name.push(".");
        name.push(lang);
        PathBuf::from(name)
    };
    (with("en"), with("ru"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AlignOptions, Aligner};

    #[test]
    fn writes_line_n_of_each_file_from_bead_n() {
        let alignment =
            Aligner::new(AlignOptions::default()).align("Yes.\n\nNo, it\nis not.", "Да.\n\nНет.");
        let (mut en, mut ru) = (Vec::new(), Vec::new());
        write(&alignment, &WriteOptions::default(), &mut en, &mut ru).unwrap();
        assert_eq!(String::from_utf8(en).unwrap(), "Yes.\nNo, it is not.\n");
        assert_eq!(String::from_utf8(ru).unwrap(), "Да.\nНет.\n");
    }

    #[test]
    fn names_both_files_after_the_prefix() {
        let names = |p: &str| paths(Path::new(p));
        let expected = (
            PathBuf::from("out/corpus.en"),
            PathBuf::from("out/corpus.ru"),
        );
        assert_eq!(names("out/corpus"), expected);
        assert_eq!(names("out/corpus.en"), expected);
        assert_eq!(names("out/corpus.ru"), expected);
        assert_eq!(names("out/corpus.moses"), expected);
        assert_eq!(names("v1.2").0, PathBuf::from("v1.2.en"));
    }
}
