//! Output files: written to a temporary file beside the target and renamed
//! into place only when complete, so a failure never leaves half a file.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};

/// Where output goes: stdout, or a file written atomically.
pub enum Output {
    Stdout(BufWriter<PipeSink>),
    File {
        path: PathBuf,
        file: BufWriter<tempfile::NamedTempFile>,
        force: bool,
    },
}

impl Output {
    /// Opens `path` (or stdout for `None` or `-`). Refuses to overwrite any of
    /// `inputs`, and an existing file unless `force`.
    pub fn create(path: Option<&Path>, inputs: &[&Path], force: bool) -> Result<Output> {
        let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
            return Ok(Output::Stdout(BufWriter::new(PipeSink {
                out: io::stdout(),
                closed: false,
            })));
        };
        for input in inputs {
            if same_file(path, input) {
                bail!(
                    "{}: is also an input file; refusing to overwrite it",
                    path.display()
                );
            }
        }
        if path.is_dir() {
            bail!(
                "{}: is a directory; give a file name for the output",
                path.display()
            );
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
        if !dir.is_dir() {
            bail!(
                "{}: directory {} does not exist; create it or write elsewhere",
                path.display(),
                dir.display()
            );
        }
        let mut builder = tempfile::Builder::new();
        builder.prefix(".sverka-").suffix(".tmp");
        #[cfg(unix)]
        {
            // What `>` would give (0666 less the umask, which the kernel
            // applies), not tempfile's private 0600.
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let temp = builder.tempfile_in(dir).map_err(|e| {
            anyhow!(
                "{}: cannot create a file in {} ({}); check its permissions or write elsewhere",
                path.display(),
                dir.display(),
                e.kind()
            )
        })?;
        Ok(Output::File {
            path: path.to_path_buf(),
            file: BufWriter::new(temp),
            force,
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
            Output::Stdout(mut w) => Ok(w.flush()?),
            Output::File { path, file, force } => {
                let temp = file
                    .into_inner()
                    .map_err(|e| e.into_error())
                    .with_context(|| format!("{}: cannot write", path.display()))?;
                temp.as_file()
                    .sync_all()
                    .with_context(|| format!("{}: cannot write", path.display()))?;
                // Without --force, a file that appeared meanwhile is not replaced.
                let persisted = if force {
                    temp.persist(&path)
                } else {
                    temp.persist_noclobber(&path)
                };
                // On failure the temporary file is dropped, which deletes it.
                persisted.map_err(|e| e.error).with_context(|| {
                    format!(
                        "{}: cannot move the finished output into place",
                        path.display()
                    )
                })?;
                Ok(())
            }
        }
    }
}

/// True when `a` and `b` name the same file, through links and `..` alike.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(a), Ok(b)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return a.dev() == b.dev() && a.ino() == b.ino();
        }
    }
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Standard output that treats a closed pipe (`sverka ... | head`) as the
/// reader having seen enough: the rest is dropped, not reported as an error.
pub struct PipeSink {
    out: io::Stdout,
    closed: bool,
}

impl Write for PipeSink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        match self.out.write(buf) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(buf.len())
            }
            other => other,
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self.out.flush() {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => other,
        }
    }
}
