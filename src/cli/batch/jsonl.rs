//! `--jsonl`: one `{"id", "en", "ru"}` object (the two texts) per line of
//! stdin in, one result object per line of stdout out, in input order.

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;
use sverka::lang::Sides;
use sverka::pipeline::Pipeline;
use sverka::write::jsonl::{BeadRecord, SCHEMA_VERSION};
use sverka::write::{Format, WriteOptions, selected};

use super::files::catch_panic;
use super::summary::{PairStats, Summary};
use crate::cli::messages;

/// Lines of stdin aligned at once: enough to keep every core busy, few
/// enough that memory stays bounded however long the input is.
const JSONL_CHUNK_PER_THREAD: usize = 16;

/// The result object of an aligned pair (schema in docs/batch.md).
#[derive(Serialize)]
struct PairRecord<'a> {
    id: &'a Value,
    version: u32,
    en_sentences: usize,
    ru_sentences: usize,
    beads: Vec<BeadRecord<'a>>,
}

/// Texts in, one result object out per input line, in order.
pub fn run(pipeline: &Pipeline, options: &WriteOptions, quiet: bool) -> Result<ExitCode> {
    let started = Instant::now();
    let mut stdin = io::stdin().lock();
    let mut out = BufWriter::new(io::stdout().lock());
    let chunk_len = JSONL_CHUNK_PER_THREAD * rayon::current_num_threads();
    let mut summary = Summary::default();
    let mut line_number = 0;
    loop {
        let mut chunk = Vec::with_capacity(chunk_len);
        while chunk.len() < chunk_len {
            let mut line = Vec::new();
            let read = stdin
                .read_until(b'\n', &mut line)
                .context("<stdin>: cannot read")?;
            if read == 0 {
                break;
            }
            line_number += 1;
            if !line.iter().all(u8::is_ascii_whitespace) {
                chunk.push((line_number, line));
            }
        }
        if chunk.is_empty() {
            break;
        }
        let results: Vec<(String, Result<PairStats, String>)> = chunk
            .par_iter()
            .map(|(n, line)| result(pipeline, options, *n, line))
            .collect();
        for (json, stats) in results {
            summary.pairs += 1;
            match stats {
                Ok(stats) => summary.add(&stats),
                Err(message) => {
                    // Reported here, in input order, not as each line fails.
                    summary.failed += 1;
                    eprintln!("{}", messages::error(&message));
                }
            }
            if let Err(e) = writeln!(out, "{json}").and_then(|_| out.flush()) {
                // A reader that stops early (`| head`) ends the run quietly.
                if e.kind() == io::ErrorKind::BrokenPipe {
                    return Ok(summary.exit_code());
                }
                return Err(e).context("<stdout>: cannot write");
            }
        }
    }
    if !quiet {
        summary.print(started.elapsed(), rayon::current_num_threads());
    }
    Ok(summary.exit_code())
}

/// The result object for input line `n`, and the pair's counts if it was
/// aligned, else the message for stderr.
fn result(
    pipeline: &Pipeline,
    options: &WriteOptions,
    n: usize,
    line: &[u8],
) -> (String, Result<PairStats, String>) {
    let place = format!("<stdin>:{n}: ");
    // A byte-order mark (Notepad's UTF-8) before the first object.
    let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
    let request: Result<Value, String> = std::str::from_utf8(line)
        .map_err(|e| format!("not valid UTF-8 at byte {}", e.valid_up_to()))
        .and_then(|text| serde_json::from_str(text).map_err(|e| not_json(&e)));
    let id = match &request {
        Ok(Value::Object(map)) => map.get("id").cloned().unwrap_or(Value::Null),
        _ => Value::Null,
    };
    let outcome = request.and_then(|value| {
        let texts = Sides::new(text_field(&value, "en")?, text_field(&value, "ru")?);
        let names = Sides::new("\"en\"".into(), "\"ru\"".into());
        let input = pipeline
            .decode(names, texts.map(str::as_bytes))
            .map_err(|e| e.to_string())?;
        for notice in &input.notices {
            eprintln!("{}", messages::notice_at(&place, notice));
        }
        catch_panic(|| pipeline.align(&input))
            .and_then(|aligned| super::files::judged(pipeline, aligned))
            .map_err(|e| messages::one_line(&e))
    });
    match outcome {
        Ok(aligned) => {
            let alignment = &aligned.alignment;
            let options = WriteOptions {
                file_spans: Some(aligned.file_spans.clone()),
                ..options.clone()
            };
            let record = PairRecord {
                id: &id,
                version: SCHEMA_VERSION,
                en_sentences: alignment.en.len(),
                ru_sentences: alignment.ru.len(),
                beads: selected(alignment, Format::Jsonl, &options)
                    .map(|bead| BeadRecord::new(alignment, bead, &options))
                    .collect(),
            };
            let json = serde_json::to_string(&record).expect("a record serialises");
            (json, Ok(PairStats::of(alignment)))
        }
        Err(message) => {
            let message = format!("{place}{message}");
            let json = serde_json::json!({"id": id, "line": n, "error": message});
            (json.to_string(), Err(message))
        }
    }
}

/// serde's message without its own position: the input is one line, so
/// the column is what helps (the line is the input's, given by the caller).
fn not_json(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let message = match message.rfind(" at line ") {
        Some(at) => &message[..at],
        None => &message,
    };
    format!("not JSON: {message} (column {})", error.column())
}

/// Field `name` of a request: a text with something other than whitespace.
fn text_field<'a>(request: &'a Value, name: &str) -> Result<&'a str, String> {
    let Value::Object(map) = request else {
        return Err("expected an object {\"id\", \"en\", \"ru\"}".into());
    };
    match map.get(name) {
        None => Err(format!("no \"{name}\" field")),
        Some(Value::String(s)) if s.trim().is_empty() => Err(format!("\"{name}\" is empty")),
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(format!("\"{name}\" is not a string")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &str = "The ministers met in Seoul and talked about trade.";
    const RU: &str = "Министры встретились в Сеуле и обсудили торговлю.";

    fn run_line(line: &str) -> (Value, Option<PairStats>) {
        let (json, stats) = result(
            &Pipeline::default(),
            &WriteOptions::default(),
            7,
            line.as_bytes(),
        );
        (serde_json::from_str(&json).unwrap(), stats.ok())
    }

    #[test]
    fn keeps_an_id_exactly_and_reads_past_a_bom() {
        let line = format!(
            "\u{feff}{{\"id\": 12345678901234567890123, \"en\": \"{EN}\", \"ru\": \"{RU}\"}}"
        );
        let (json, stats) = result(
            &Pipeline::default(),
            &WriteOptions::default(),
            1,
            line.as_bytes(),
        );
        assert!(stats.is_ok(), "{json}");
        assert!(json.contains("\"id\":12345678901234567890123,"), "{json}");
    }

    #[test]
    fn reports_a_missing_field_with_the_line_number() {
        let (value, stats) = run_line(r#"{"id": 3, "en": "Hi."}"#);
        assert!(stats.is_none());
        assert_eq!(value["id"], 3);
        assert_eq!(value["line"], 7);
        assert_eq!(value["error"], "<stdin>:7: no \"ru\" field");
    }

    #[test]
    fn names_the_input_line_not_serdes() {
        let (value, _) = run_line(r#"{"id": 3, "en": }"#);
        let error = value["error"].as_str().unwrap();
        assert!(error.starts_with("<stdin>:7: not JSON: "), "{error}");
        assert!(!error.contains("line 1"), "{error}");
    }

    #[test]
    fn a_pair_too_large_to_align_in_one_pass_is_an_error_row() {
        let aligner = sverka::Aligner::new(sverka::AlignOptions {
            max_band_cells: 4,
            ..sverka::AlignOptions::default()
        });
        let pipeline = Pipeline::new(aligner, Default::default());
        let line = r#"{"id": 1, "en": "Hello there. Bye now.", "ru": "Привет. Пока."}"#;
        let (json, stats) = result(&pipeline, &WriteOptions::default(), 7, line.as_bytes());
        let value: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            stats.err().as_deref(),
            value["error"].as_str(),
            "the row and stderr say the same"
        );
        assert_eq!(
            value["error"],
            "<stdin>:7: \"en\", \"ru\": too many sentences to align in one pass \
             (2 and 2 sentences, a band of 9 cells, limit 4); split the texts into parts"
        );
    }

    #[test]
    fn refuses_a_swapped_pair_as_align_does() {
        let (value, stats) = run_line(&format!(r#"{{"id": 1, "en": "{RU}", "ru": "{EN}"}}"#));
        assert!(stats.is_none());
        let error = value["error"].as_str().unwrap();
        assert!(error.contains("did you swap them?"), "{error}");
    }

    #[test]
    fn result_holds_beads_in_the_bead_schema() {
        let (value, stats) =
            run_line(r#"{"id": "x", "en": "Hello there. Bye now.", "ru": "Привет. Пока."}"#);
        let stats = stats.unwrap();
        assert_eq!((stats.en_sentences, stats.ru_sentences), (2, 2));
        assert_eq!(value["id"], "x");
        assert_eq!(value["version"], SCHEMA_VERSION);
        let bead = &value["beads"][0];
        assert_eq!(bead["version"], SCHEMA_VERSION);
        assert_eq!(bead["en"][0]["id"], 0);
        assert_eq!(bead["en"][0]["text"], "Hello there.");
        assert_eq!(bead["ru"][0]["text"], "Привет.");
        assert_eq!(bead["ru"][0]["end"], "Привет.".len());
    }
}
