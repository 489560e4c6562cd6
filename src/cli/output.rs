//! Output files: written to a temporary file beside the target and renamed
//! into place only when complete, so a failure never leaves half a file.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// Where output goes: stdout, or a file written atomically.
pub enum Output {
    Stdout(BufWriter<io::Stdout>),
    File {
        path: PathBuf,
        file: BufWriter<tempfile::NamedTempFile>,
    },
}

impl Output {
    /// Opens `path` (or stdout for `None` or `-`). Refuses to overwrite any of
    /// `inputs`, and an existing file unless `force`.
    pub fn create(path: Option<&Path>, inputs: &[&Path], force: bool) -> Result<Output> {
        let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
            return Ok(Output::Stdout(BufWriter::new(io::stdout())));
        };
        for input in inputs {
            if same_file(path, input) {
                bail!(
                    "{}: is also an input file; refusing to overwrite it",
                    path.display()
                );
            }
        }
        if path.exists() && !force {
            bail!(
                "{}: already exists; give --force to overwrite it",
                path.display()
            );
        }
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let temp = tempfile::Builder::new()
            .prefix(".sverka-")
            .tempfile_in(dir)
            .with_context(|| format!("{}: cannot create output file", path.display()))?;
        Ok(Output::File {
            path: path.to_path_buf(),
            file: BufWriter::new(temp),
        })
    }

    /// The writer to render into.
    pub fn writer(&mut self) -> &mut dyn Write {
        match self {
            Output::Stdout(w) => w,
            Output::File { file, .. } => file,
        }
    }

    /// Flushes and, for a file, moves it into place.
    pub fn finish(self) -> Result<()> {
        match self {
            Output::Stdout(mut w) => {
                // A closed pipe (`sverka ... | head`) is not an error.
                match w.flush() {
                    Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.into()),
                    _ => Ok(()),
                }
            }
            Output::File { path, file } => {
                let temp = file
                    .into_inner()
                    .map_err(|e| e.into_error())
                    .with_context(|| format!("{}: cannot write", path.display()))?;
                temp.persist(&path)
                    .map_err(|e| e.error)
                    .with_context(|| format!("{}: cannot write", path.display()))?;
                Ok(())
            }
        }
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
