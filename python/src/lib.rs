//! `sverka._sverka`: the native half of the `sverka` Python package.
//!
//! A thin layer over the library's public API (`sverka::Aligner`,
//! `sverka::split`, `sverka::report`): it turns Python arguments into
//! options, does the work with the GIL released, and hands back plain
//! Python lists and dicts. Offsets are converted from the library's byte
//! offsets into character offsets, so `text[s["start"]:s["end"]] == s["text"]`
//! holds in Python.

use std::ops::Range;
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::Arc;

use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use sverka::anchor::lexicon::Lexicon;
use sverka::input::{InputFormat, ReadOptions};
use sverka::pipeline::{Aligned, PairOptions, Pipeline};
use sverka::report::{CheckOptions, CoverageReport};
use sverka::{AlignOptions, Lang, Sentence, Sides, verdict};

create_exception!(
    _sverka,
    Error,
    PyValueError,
    "Input sverka cannot align: an empty text, a text in the wrong script, a bad dictionary. \
     The message is sverka's own one-line explanation."
);

create_exception!(
    _sverka,
    NotAPair,
    Error,
    "The two texts do not look like translations of each other (sverka's pair verdict, as \
     `sverka align` refuses them with exit code 3); `force_pair=True` aligns them anyway."
);

/// A reusable aligner: its options (and dictionaries) are read once.
#[pyclass(module = "sverka", frozen)]
struct Aligner {
    /// The path every front end takes: language check, split, align.
    pipeline: Pipeline,
    force_pair: bool,
}

#[pymethods]
impl Aligner {
    #[new]
    #[pyo3(signature = (*, presplit=false, lang_check=true, force_pair=false, dictionaries=Vec::new(), self_train=false, **weights))]
    fn new(
        py: Python<'_>,
        presplit: bool,
        lang_check: bool,
        force_pair: bool,
        dictionaries: Vec<PathBuf>,
        self_train: bool,
        weights: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        let mut options = AlignOptions {
            self_train,
            ..AlignOptions::default()
        };
        if let Some(weights) = weights {
            for (name, value) in weights.iter() {
                let name: String = name.extract()?;
                let value: f64 = value
                    .extract()
                    .map_err(|_| PyTypeError::new_err(format!("`{name}`: expected a number")))?;
                options.set(&format!("{name}={value}")).map_err(|message| {
                    PyTypeError::new_err(format!("align() got an unexpected option: {message}"))
                })?;
            }
        }
        if !dictionaries.is_empty() {
            let lexicon = py.detach(|| -> Result<Lexicon, sverka::Error> {
                let mut lexicon = Lexicon::builtin().clone();
                for path in &dictionaries {
                    lexicon.extend(&Lexicon::from_path(path)?);
                }
                Ok(lexicon)
            });
            options.lexicon = Some(Arc::new(lexicon.map_err(to_py)?));
        }
        // A `str` is text: never read as a web page or Word file.
        let pair_options = PairOptions {
            read: ReadOptions {
                format: Some(InputFormat::Text),
                ..ReadOptions::default()
            },
            no_lang_check: !lang_check,
            presplit,
            ..PairOptions::default()
        };
        Ok(Aligner {
            pipeline: Pipeline::new(sverka::Aligner::new(options), pair_options),
            force_pair,
        })
    }

    /// Splits both texts into sentences and aligns them; returns the beads.
    fn align<'py>(&self, py: Python<'py>, en: &str, ru: &str) -> PyResult<Bound<'py, PyList>> {
        let aligned = py.detach(|| self.run(en, ru))?;
        beads_to_py(py, &aligned, en, ru)
    }

    /// Aligns both texts and checks that each is a complete translation of
    /// the other; returns the coverage report as a dict.
    #[pyo3(signature = (en, ru, *, low_score=0.5))]
    fn check<'py>(
        &self,
        py: Python<'py>,
        en: &str,
        ru: &str,
        low_score: f64,
    ) -> PyResult<Bound<'py, PyAny>> {
        if !(0.0..=1.0).contains(&low_score) {
            return Err(Error::new_err(format!(
                "low_score must be between 0 and 1, not {low_score}"
            )));
        }
        let json = py.detach(|| {
            let aligned = self.run(en, ru)?;
            let report = CoverageReport::new(&aligned.alignment, &CheckOptions { low_score });
            serde_json_string(&report).map_err(Failure::Error)
        })?;
        py.import("json")?.call_method1("loads", (json,))
    }
}

/// Why a pair was not aligned (made with the GIL released, raised with it).
enum Failure {
    /// Bad input or options: `sverka.Error`.
    Error(String),
    /// The verdict: `sverka.NotAPair`.
    NotAPair(String),
}

impl From<Failure> for PyErr {
    fn from(failure: Failure) -> PyErr {
        match failure {
            Failure::Error(message) => Error::new_err(message),
            Failure::NotAPair(message) => NotAPair::new_err(message),
        }
    }
}

impl Aligner {
    /// Reads, checks, splits, aligns and judges one pair, as `sverka align`
    /// does (called with the GIL released).
    fn run(&self, en: &str, ru: &str) -> Result<Aligned, Failure> {
        for (name, text) in [("en", en), ("ru", ru)] {
            if text.trim().is_empty() {
                return Err(Failure::Error(format!(
                    "{name}: text is empty (or only whitespace)"
                )));
            }
        }
        let names = Sides::new("en".into(), "ru".into());
        let pair = self
            .pipeline
            .decode(names, Sides::new(en.as_bytes(), ru.as_bytes()))
            // The library's advice names the CLI's flag; here it is an argument.
            .map_err(|e| {
                Failure::Error(e.to_string().replace("--no-lang-check", "lang_check=False"))
            })?;
        // A bug in the aligner must cost one pair, not the interpreter.
        let aligned = panic::catch_unwind(AssertUnwindSafe(|| self.pipeline.align(&pair)))
            .map_err(|_| {
                Failure::Error(
                    "internal error: the aligner panicked (please report this pair)".into(),
                )
            })?
            // A pair too large to align in one pass.
            .map_err(|e| Failure::Error(e.to_string()))?;
        if !self.force_pair {
            let lexicon = self.pipeline.aligner().options().lexicon();
            verdict::check_aligned(&aligned, lexicon).map_err(|refused| {
                Failure::NotAPair(format!(
                    "{refused}; pass force_pair=True to align them anyway"
                ))
            })?;
        }
        Ok(aligned)
    }
}

/// Splits `text` into sentences by the rules of `lang` ("en" or "ru"), or
/// one per line with `presplit=True`.
#[pyfunction(name = "split")]
#[pyo3(signature = (text, lang, *, presplit=false))]
fn split_text<'py>(
    py: Python<'py>,
    text: &str,
    lang: &str,
    presplit: bool,
) -> PyResult<Bound<'py, PyList>> {
    let lang = match lang {
        "en" => Lang::En,
        "ru" => Lang::Ru,
        other => {
            return Err(Error::new_err(format!(
                "lang must be \"en\" or \"ru\", not {other:?}"
            )));
        }
    };
    let sentences = py.detach(|| sverka::split::sentences(text, lang, presplit));
    let mut offsets = CharOffsets::new(text);
    let list = PyList::empty(py);
    for (index, sentence) in sentences.iter().enumerate() {
        let span = sentence.start..sentence.end;
        list.append(sentence_to_py(py, index, sentence, span, &mut offsets)?)?;
    }
    Ok(list)
}

fn to_py(error: sverka::Error) -> PyErr {
    Error::new_err(error.to_string())
}

fn serde_json_string(report: &CoverageReport) -> Result<String, String> {
    let mut out = Vec::new();
    sverka::report::json::write(report, &mut out).map_err(|e| e.to_string())?;
    String::from_utf8(out).map_err(|e| e.to_string())
}

/// The beads as a list of dicts (fields in `sverka/_sverka.pyi`). A
/// sentence's text and offsets are those of the `str` passed in (its file
/// span), so they hold whatever the reader normalised (a lone CR, say).
fn beads_to_py<'py>(
    py: Python<'py>,
    aligned: &Aligned,
    en: &str,
    ru: &str,
) -> PyResult<Bound<'py, PyList>> {
    let alignment = &aligned.alignment;
    let spans = &aligned.file_spans;
    let (mut en_offsets, mut ru_offsets) = (CharOffsets::new(en), CharOffsets::new(ru));
    let list = PyList::empty(py);
    for bead in &alignment.beads {
        let dict = PyDict::new(py);
        let kind = bead.kind();
        // `bead`: the JSONL schema's name for `type` (see _sverka.pyi).
        dict.set_item("bead", &kind)?;
        dict.set_item("type", kind)?;
        dict.set_item("score", bead.score)?;
        dict.set_item("en_text", alignment.en_text(bead))?;
        dict.set_item("ru_text", alignment.ru_text(bead))?;
        for (key, range, sentences, spans, offsets) in [
            (
                "en",
                bead.en.clone(),
                &alignment.en,
                &spans.en,
                &mut en_offsets,
            ),
            (
                "ru",
                bead.ru.clone(),
                &alignment.ru,
                &spans.ru,
                &mut ru_offsets,
            ),
        ] {
            let side = PyList::empty(py);
            for index in range {
                let span = spans[index].clone();
                side.append(sentence_to_py(py, index, &sentences[index], span, offsets)?)?;
            }
            dict.set_item(key, side)?;
        }
        list.append(dict)?;
    }
    Ok(list)
}

/// One sentence as a dict; `span` is its byte range in the `str` that
/// `offsets` counts characters of.
fn sentence_to_py<'py>(
    py: Python<'py>,
    index: usize,
    sentence: &Sentence,
    span: Range<usize>,
    offsets: &mut CharOffsets<'_>,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("index", index)?;
    // `id`: the JSONL schema's name for `index` (see _sverka.pyi).
    dict.set_item("id", index)?;
    dict.set_item("text", &offsets.text[span.clone()])?;
    dict.set_item("start", offsets.char_offset(span.start))?;
    dict.set_item("end", offsets.char_offset(span.end))?;
    dict.set_item("paragraph", sentence.paragraph)?;
    dict.set_item("line", sentence.line)?;
    Ok(dict)
}

/// Byte offsets into `text` to character (code point) offsets, as Python
/// indexes a `str`. Offsets usually come in increasing order, so a cursor
/// walks the text once; an earlier offset restarts the count.
struct CharOffsets<'a> {
    text: &'a str,
    ascii: bool,
    byte: usize,
    char: usize,
}

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str) -> Self {
        CharOffsets {
            text,
            ascii: text.is_ascii(),
            byte: 0,
            char: 0,
        }
    }

    fn char_offset(&mut self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        if byte < self.byte {
            (self.byte, self.char) = (0, 0);
        }
        self.char += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.char
    }
}

#[pymodule]
fn _sverka(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<Aligner>()?;
    module.add_function(wrap_pyfunction!(split_text, module)?)?;
    module.add("Error", module.py().get_type::<Error>())?;
    module.add("NotAPair", module.py().get_type::<NotAPair>())?;
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
