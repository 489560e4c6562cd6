//! One path from a pair of inputs to an alignment, used by `sverka align`,
//! `sverka check`, every mode of `sverka batch` and library callers alike:
//!
//! ```text
//! read (encoding, --lossy) -> language check -> split -> align -> file offsets
//! ```
//!
//! ```no_run
//! use sverka::pipeline::{PairOptions, Pipeline};
//!
//! let pipeline = Pipeline::new(sverka::Aligner::default(), PairOptions::default());
//! let pair = pipeline.read("en.txt".as_ref(), "ru.txt".as_ref())?;
//! let aligned = pipeline.align(&pair)?;
//! println!("{} beads", aligned.alignment.beads.len());
//! # Ok::<(), sverka::Error>(())
//! ```
//!
//! Nothing here prints: what a front end should tell its user besides an
//! error (an encoding guessed, bytes replaced, a script that looks wrong in
//! pre-split input) comes back as [`Notice`]s.

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::input::{self, Encoding, InputFormat, ReadOptions, Text};
use crate::lang::Sides;
use crate::verdict::Evidence;
use crate::{Aligner, Alignment, Error, Lang, parallel, split};

/// How the two inputs of a pair are read and split.
#[derive(Debug, Clone, Copy, Default)]
pub struct PairOptions {
    /// Encoding, `--lossy`, the format of both inputs, `--whole-page`.
    pub read: ReadOptions,
    /// The format of one side, over `read.format` (`--en-input-format`,
    /// `--ru-input-format`).
    pub formats: Sides<Option<InputFormat>>,
    /// Skip the check that the English input is in Latin letters and the
    /// Russian one in Cyrillic.
    pub no_lang_check: bool,
    /// The inputs are pre-split: one sentence per line, a blank line between
    /// paragraphs. A side in the other script is then a warning, not an
    /// error: pre-split input is usually machine-made, where it is data.
    pub presplit: bool,
    /// The encoding of the English input, whatever its bytes (`--en-encoding`).
    pub en_encoding: Option<Encoding>,
    /// The encoding of the Russian input, whatever its bytes (`--ru-encoding`).
    pub ru_encoding: Option<Encoding>,
    /// The largest input read, in bytes; `None`: [`input::MAX_INPUT_BYTES`].
    pub max_input_bytes: Option<u64>,
}

impl PairOptions {
    /// How to read `bytes`, the input of `lang`: its own encoding if given;
    /// else [`ReadOptions::encoding`] unless the input is plain UTF-8
    /// already (so that an encoding meant for one file never garbles the
    /// other, UTF-8 one).
    pub fn read_options(&self, bytes: &[u8], lang: Lang) -> ReadOptions {
        let own = match lang {
            Lang::En => self.en_encoding,
            Lang::Ru => self.ru_encoding,
        };
        let fallback = self.read.encoding.filter(|_| !input::is_plain_utf8(bytes));
        ReadOptions {
            encoding: own.or(fallback),
            format: self.formats[lang].or(self.read.format),
            ..self.read
        }
    }

    fn read(&self, path: &Path, lang: Lang) -> Result<Text, Error> {
        let limit = self.max_input_bytes.unwrap_or(input::MAX_INPUT_BYTES);
        let bytes = input::read_bytes(path, limit)?;
        input::decode_bytes(path, &bytes, &self.read_options(&bytes, lang))
    }
}

/// Something a front end should tell its user that is not an error.
#[derive(Debug)]
pub enum Notice {
    /// The encoding of `path` was detected (not UTF-8, not given).
    Detected {
        /// The input.
        path: PathBuf,
        /// The encoding it was read in.
        encoding: Encoding,
    },
    /// `--lossy` replaced undecodable bytes of `path`.
    Replaced {
        /// The input.
        path: PathBuf,
        /// How many byte sequences were replaced.
        count: usize,
        /// The file offset of the first one.
        first: usize,
    },
    /// Pre-split input whose script looks wrong, aligned all the same.
    Script(Error),
    /// `path` was told from its content to be a web page, Word file or
    /// Markdown document, and read as one.
    Format {
        /// The input.
        path: PathBuf,
        /// The format it was read in.
        format: InputFormat,
    },
}

/// Two inputs, decoded and checked, ready to align.
#[derive(Debug)]
pub struct InputPair {
    /// The names the inputs go by in messages and outputs (file paths).
    pub names: Sides<PathBuf>,
    /// The decoded texts.
    pub texts: Sides<Text>,
    /// What reading found worth telling.
    pub notices: Vec<Notice>,
}

/// An alignment and where its sentences are in the input files.
#[derive(Debug, Clone)]
pub struct Aligned {
    /// The sentences of both sides and the beads over them.
    pub alignment: Alignment,
    /// For every sentence of each side, its byte range in the input file as
    /// it is on disk (byte-order mark, UTF-16 code units, one-byte
    /// encodings and replaced bytes all counted).
    pub file_spans: Sides<Vec<Range<usize>>>,
    /// The anchors the aligner read, for the pair verdict
    /// ([`crate::verdict::judge_aligned`]); `None` once it is no longer
    /// needed.
    pub evidence: Option<Evidence>,
}

/// Reads, checks, splits and aligns pairs of inputs. Cheap to share between
/// threads: one pipeline serves a whole batch.
#[derive(Debug, Clone, Default)]
pub struct Pipeline {
    aligner: Aligner,
    options: PairOptions,
}

impl Pipeline {
    /// A pipeline that aligns with `aligner`.
    pub fn new(aligner: Aligner, options: PairOptions) -> Pipeline {
        Pipeline { aligner, options }
    }

    /// The aligner it uses.
    pub fn aligner(&self) -> &Aligner {
        &self.aligner
    }

    /// The same pipeline with another aligner (one that learned from a
    /// first pass, say).
    pub fn with_aligner(&self, aligner: Aligner) -> Pipeline {
        Pipeline {
            aligner,
            options: self.options,
        }
    }

    /// How inputs are read and split.
    pub fn options(&self) -> &PairOptions {
        &self.options
    }

    /// Reads the English file `en` and the Russian file `ru` and checks
    /// their scripts.
    pub fn read(&self, en: &Path, ru: &Path) -> Result<InputPair, Error> {
        // Two regular files are read and decoded side by side (a book is
        // tens of megabytes a side). Anything else (standard input, a pipe)
        // or two small files are read in turn, so that an English side that fails stops the run
        // before the Russian one is waited for.
        let size = |path: &Path| {
            let meta = std::fs::metadata(path).ok().filter(|m| m.is_file());
            meta.map(|m| usize::try_from(m.len()).unwrap_or(usize::MAX))
        };
        let both = size(en).zip(size(ru));
        let (en_text, ru_text) =
            if both.is_some_and(|(e, r)| parallel::worth_it(e.saturating_add(r))) {
                rayon::join(
                    || self.options.read(en, Lang::En),
                    || self.options.read(ru, Lang::Ru),
                )
            } else {
                let en_text = self.options.read(en, Lang::En)?;
                (Ok(en_text), self.options.read(ru, Lang::Ru))
            };
        let (en_text, ru_text) = (en_text?, ru_text?);
        self.checked(
            Sides::new(en.into(), ru.into()),
            Sides::new(en_text, ru_text),
        )
    }

    /// Decodes two inputs that are already in memory (standard input, a
    /// JSON field); `names` name them in messages.
    pub fn decode(&self, names: Sides<PathBuf>, bytes: Sides<&[u8]>) -> Result<InputPair, Error> {
        let en = input::decode_bytes(
            &names.en,
            bytes.en,
            &self.options.read_options(bytes.en, Lang::En),
        )?;
        let ru = input::decode_bytes(
            &names.ru,
            bytes.ru,
            &self.options.read_options(bytes.ru, Lang::Ru),
        )?;
        self.checked(names, Sides::new(en, ru))
    }

    fn checked(&self, names: Sides<PathBuf>, texts: Sides<Text>) -> Result<InputPair, Error> {
        let mut notices = Vec::new();
        for lang in [Lang::En, Lang::Ru] {
            let (path, text) = (&names[lang], &texts[lang]);
            if text.detected && text.encoding != Encoding::Utf8 {
                notices.push(Notice::Detected {
                    path: path.clone(),
                    encoding: text.encoding,
                });
            }
            if let Some(first) = text.first_replaced() {
                notices.push(Notice::Replaced {
                    path: path.clone(),
                    count: text.replaced(),
                    first,
                });
            }
            let format_given = self.options.formats[lang].or(self.options.read.format);
            if text.format != InputFormat::Text && format_given.is_none() {
                notices.push(Notice::Format {
                    path: path.clone(),
                    format: text.format,
                });
            }
        }
        if !self.options.no_lang_check {
            let checked =
                input::check_pair((&names.en, &texts.en.text), (&names.ru, &texts.ru.text));
            match checked {
                Err(error) if self.options.presplit => notices.push(Notice::Script(error)),
                checked => checked?,
            }
        }
        Ok(InputPair {
            names,
            texts,
            notices,
        })
    }

    /// Splits both sides of a pair into sentences (English, Russian).
    pub fn split(&self, pair: &InputPair) -> (Vec<crate::Sentence>, Vec<crate::Sentence>) {
        let presplit = self.options.presplit;
        let sentences = |lang: Lang| {
            let text = &pair.texts[lang];
            let mut sentences = split::sentences_of(&text.text, lang, presplit);
            // A web page's, Word file's or Markdown document's lines are the source's.
            text.source_lines(&mut sentences);
            sentences
        };
        // Side by side: the splitter reads a text from start to end on one core.
        let bytes = pair.texts.en.text.len() + pair.texts.ru.text.len();
        parallel::join(
            parallel::worth_it(bytes),
            || sentences(Lang::En),
            || sentences(Lang::Ru),
        )
    }

    /// Splits and aligns a pair; a pair too large to align in one pass is
    /// [`Error::TooLarge`].
    pub fn align(&self, pair: &InputPair) -> Result<Aligned, Error> {
        let (en, ru) = self.split(pair);
        let sentences = (en.len(), ru.len());
        let (alignment, evidence) =
            self.aligner
                .align_with_evidence(en, ru)
                .map_err(|what| Error::TooLarge {
                    en: pair.names.en.clone(),
                    ru: pair.names.ru.clone(),
                    en_sentences: sentences.0,
                    ru_sentences: sentences.1,
                    what,
                })?;
        let bytes = pair.texts.en.text.len() + pair.texts.ru.text.len();
        let (en_spans, ru_spans) = parallel::join(
            parallel::worth_it(bytes),
            || file_spans(&pair.texts.en, &alignment.en),
            || file_spans(&pair.texts.ru, &alignment.ru),
        );
        let file_spans = Sides::new(en_spans, ru_spans);
        Ok(Aligned {
            alignment,
            file_spans,
            evidence: Some(evidence),
        })
    }
}

/// The file byte ranges of `sentences` of `text`.
fn file_spans(text: &Text, sentences: &[crate::Sentence]) -> Vec<Range<usize>> {
    let mut offsets = text.offsets();
    sentences
        .iter()
        .map(|s| offsets.file_span(s.start..s.end))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &str = "The ministers met in Seoul and talked about trade.";
    const RU: &str = "Министры встретились в Сеуле и обсудили торговлю.";

    fn decode(pipeline: &Pipeline, en: &[u8], ru: &[u8]) -> Result<InputPair, Error> {
        pipeline.decode(
            Sides::new("en.txt".into(), "ru.txt".into()),
            Sides::new(en, ru),
        )
    }

    #[test]
    fn refuses_a_swapped_pair() {
        let error = decode(&Pipeline::default(), RU.as_bytes(), EN.as_bytes()).unwrap_err();
        assert!(matches!(error, Error::SwappedLanguages { .. }), "{error}");
    }

    #[test]
    fn a_pair_too_large_to_align_in_one_pass_is_an_error_naming_both_files() {
        // The limit lowered from `u32::MAX` cells, which only hundreds of
        // megabytes of tiny sentences reach: a full table of 3 by 3.
        let aligner = Aligner::new(crate::AlignOptions {
            max_band_cells: 4,
            ..crate::AlignOptions::default()
        });
        let pipeline = Pipeline::new(aligner, PairOptions::default());
        let pair = decode(
            &pipeline,
            b"Hello there. Bye now.",
            "Привет. Пока.".as_bytes(),
        );
        let error = pipeline.align(&pair.unwrap()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "en.txt, ru.txt: too many sentences to align in one pass (2 and 2 sentences, \
             a band of 9 cells, limit 4); split the texts into parts"
        );
    }

    #[test]
    fn presplit_turns_a_wrong_script_into_a_notice() {
        let options = PairOptions {
            presplit: true,
            ..PairOptions::default()
        };
        let pipeline = Pipeline::new(Aligner::default(), options);
        let pair = decode(&pipeline, RU.as_bytes(), EN.as_bytes()).unwrap();
        assert!(matches!(pair.notices[..], [Notice::Script(_)]));
    }

    #[test]
    fn file_spans_count_the_bytes_of_the_file() {
        // Windows-1251: one byte a letter, so the spans are shorter than in UTF-8.
        let options = PairOptions {
            read: ReadOptions {
                encoding: Some(Encoding::Windows1251),
                ..ReadOptions::default()
            },
            ..PairOptions::default()
        };
        let pipeline = Pipeline::new(Aligner::default(), options);
        let ru: &[u8] = b"\xc4\xe0. \xcd\xe5\xf2."; // "Да. Нет."
        let pair = decode(&pipeline, b"Yes. No.", ru).unwrap();
        let aligned = pipeline.align(&pair).unwrap();
        assert_eq!(aligned.file_spans.ru, vec![0..3, 4..8]);
        assert_eq!(aligned.file_spans.en, vec![0..4, 5..8]);
    }
}
