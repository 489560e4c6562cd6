//! The coverage report as one JSON document (the fields of [`CoverageReport`]).

use std::io::{self, Write};

use super::CoverageReport;

/// Writes `report` as pretty-printed JSON followed by a newline.
pub fn write(report: &CoverageReport, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}
