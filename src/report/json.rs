//! The coverage report as one JSON document (the fields of [`CoverageReport`]),
//! and an `alignment` field: the alignment's beads in sverka's one bead schema
//! ([`crate::write::jsonl::BeadRecord`]).

use std::io::{self, Write};

use serde::Serialize;

use super::CoverageReport;
use crate::Alignment;
use crate::write::WriteOptions;
use crate::write::jsonl::BeadRecord;

/// Writes `report` as pretty-printed JSON followed by a newline.
pub fn write(report: &CoverageReport, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}

/// Writes `report` with an `alignment` field: every bead of `alignment` as
/// `align -f jsonl` writes it (offsets from `options.file_spans`).
pub fn write_with_beads(
    report: &CoverageReport,
    alignment: &Alignment,
    options: &WriteOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    #[derive(Serialize)]
    struct WithBeads<'a> {
        #[serde(flatten)]
        report: &'a CoverageReport,
        alignment: Vec<BeadRecord<'a>>,
    }
    let records = alignment
        .beads
        .iter()
        .map(|bead| BeadRecord::new(alignment, bead, options))
        .collect();
    serde_json::to_writer_pretty(
        &mut *out,
        &WithBeads {
            report,
            alignment: records,
        },
    )?;
    writeln!(out)
}
