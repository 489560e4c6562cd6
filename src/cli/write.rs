//! Writing an alignment in the format asked for: one file, standard output,
//! the two files of Moses, or an existing TMX appended to. Outputs are
//! opened before aligning, so that an existing file stops the work before it
//! starts, and written when the alignment is ready.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use sverka::Alignment;
use sverka::write::{self, Format, WriteOptions, Written};

use super::args::WriteArgs;
use super::output::Output;

/// The output format: `--format`, else the extension of `output`, else
/// `default`.
pub fn format(flag: Option<Format>, output: Option<&Path>, default: Format) -> Result<Format> {
    match (flag, output.filter(|p| p.as_os_str() != "-")) {
        (Some(format), _) => Ok(format),
        (None, Some(path)) => match Format::from_path(path) {
            Some(format) => Ok(format),
            None => bail!(
                "{}: cannot tell the format from the extension; give --format",
                path.display()
            ),
        },
        (None, None) => Ok(default),
    }
}

/// An output opened and waiting for its alignment.
pub struct Sink {
    format: Format,
    /// The file written (Moses: the English one), `None` for stdout.
    path: Option<PathBuf>,
    kind: Kind,
}

enum Kind {
    One(Output),
    Moses(Output, Output),
    /// `--append` to a TMX file that exists: its text, read when opened,
    /// and the lock held on it until the new file is in place (so that a
    /// second run appending to the same file waits, then reads our units).
    Append(Output, String, std::fs::File),
}

impl Sink {
    /// Opens `path` (stdout for `None` or `-`) for `format`. Refuses to
    /// overwrite any of `inputs`, and an existing file unless `--force`.
    pub fn open(
        format: Format,
        path: Option<&Path>,
        inputs: &[&Path],
        args: &WriteArgs,
    ) -> Result<Sink> {
        if args.append && format != Format::Tmx {
            bail!("--append works with tmx output only");
        }
        let file = path.filter(|p| p.as_os_str() != "-");
        if args.append && file.is_none() {
            bail!("--append needs an output file to add to; give -o FILE");
        }
        let kind = match (format, file) {
            (Format::Moses, None) => {
                bail!("moses output is two files; give -o PREFIX (writes PREFIX.en and PREFIX.ru)")
            }
            (Format::Moses, Some(path)) => {
                let (en, ru) = write::moses::paths(path);
                let en = Output::create(Some(&en), inputs, args.force)?;
                Kind::Moses(en, Output::create(Some(&ru), inputs, args.force)?)
            }
            (Format::Tmx, Some(path)) if args.append && path.exists() => {
                let lock = super::output::lock_existing(path)?;
                let existing = std::fs::read(path).with_context(|| {
                    format!("{}: cannot read the TMX to append to", path.display())
                })?;
                let existing = super::output::utf8_tmx(path, existing)?;
                Kind::Append(Output::create(Some(path), inputs, true)?, existing, lock)
            }
            (_, file) => Kind::One(Output::create(file, inputs, args.force || args.append)?),
        };
        Ok(Sink {
            format,
            path: file.map(Path::to_path_buf),
            kind,
        })
    }

    /// The files a Sink for `format` at `path` would write.
    pub fn files(format: Format, path: &Path) -> Vec<PathBuf> {
        match format {
            Format::Moses => {
                let (en, ru) = write::moses::paths(path);
                vec![en, ru]
            }
            _ => vec![path.to_path_buf()],
        }
    }

    /// Writes `alignment` and moves the file(s) into place.
    pub fn write(self, alignment: &Alignment, options: &WriteOptions) -> Result<Written> {
        let context = || match &self.path {
            Some(path) => format!("{}: cannot write", path.display()),
            None => "<stdout>: cannot write".to_string(),
        };
        let written = match self.kind {
            Kind::One(mut out) => {
                let written = write::write(alignment, self.format, options, &mut out.text_writer())
                    .with_context(context)?;
                out.finish()?;
                written
            }
            Kind::Moses(mut en, mut ru) => {
                let written = write::moses::write(alignment, options, en.writer(), ru.writer())
                    .with_context(context)?;
                super::output::finish_all(vec![en, ru])?;
                written
            }
            Kind::Append(mut out, existing, _lock) => {
                let path = self.path.as_deref().unwrap_or(Path::new("-"));
                let written =
                    write::tmx::append(&existing, path, alignment, options, out.writer())?;
                out.finish()?;
                written
            }
        };
        Ok(written)
    }
}
