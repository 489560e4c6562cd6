//! Output files: written to a temporary file beside the target and renamed
//! into place only when complete, so a failure never leaves half a file.
//!
//! Only a regular file (or a name not yet taken) is replaced by renaming. A
//! character device or a FIFO (`/dev/null`, a named pipe, a terminal) is
//! written straight into, as `>` would; `/dev/stdout` is standard output; a
//! directory, a socket or a block device is refused. A link is followed: the
//! file it points to is replaced and the link kept. A replaced file keeps
//! its permissions.
//!
//! Every temporary file is listed in a registry while it exists, and the
//! handler of SIGINT, SIGTERM and SIGHUP ([`install_signal_handler`]) removes
//! them before exiting with status 130, so an interrupted run leaves the
//! previous output as it was and no `.sverka-*.tmp` beside it. The handler
//! is installed when the first temporary file is registered (or a batch
//! starts): a run that writes only to standard output has nothing to remove
//! and is spared the handler's thread, about 0.15 ms of the 4 of a
//! one-statement run; a signal ends it as it ends any program.

use std::fs::{File, Permissions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result, anyhow, bail};

/// Where output goes: stdout, a file written atomically, or a device or
/// pipe written straight into.
pub enum Output {
    Stdout(BufWriter<PipeSink>),
    File(Box<Replacement>),
    Direct(Named<BufWriter<File>>),
}

/// A file being written under a temporary name, to be renamed over `target`.
pub struct Replacement {
    writer: Named<BufWriter<File>>,
    /// Deletes the temporary file when dropped (a failed or abandoned run).
    temp: tempfile::TempPath,
    /// The file to replace: the given path with links followed.
    target: PathBuf,
    force: bool,
    /// The replaced file's permissions, given to the new one.
    permissions: Option<Permissions>,
    /// Last, so that the file is deleted before it leaves the registry.
    _registered: Registered,
}

/// What a path given for output turns out to be.
enum Target {
    Stdout,
    /// A character device or FIFO, written into.
    Direct(PathBuf),
    /// A regular file or a free name, replaced by renaming.
    Replace {
        target: PathBuf,
        dir: PathBuf,
        permissions: Option<Permissions>,
    },
}

/// Checks that `path` can be written (see [`Output::create`]) without
/// creating anything, so that a run stops before hours of aligning when its
/// output could never be written.
pub fn check(path: Option<&Path>, inputs: &[&Path], force: bool) -> Result<()> {
    resolve(path, inputs, force).map(|_| ())
}

fn resolve(path: Option<&Path>, inputs: &[&Path], force: bool) -> Result<Target> {
    let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
        return Ok(Target::Stdout);
    };
    if ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"]
        .iter()
        .any(|s| path.as_os_str() == *s)
    {
        return Ok(Target::Stdout);
    }
    let shown = path.display();
    for input in inputs {
        if same_file(path, input) {
            bail!("{shown}: is also an input file; refusing to overwrite it");
        }
    }
    if path.as_os_str().to_string_lossy().ends_with(['/', '\\']) {
        bail!("{shown}: ends with a slash, which names a folder; give a file name for the output");
    }
    let link = std::fs::symlink_metadata(path).ok();
    let is_link = link.as_ref().is_some_and(|m| m.file_type().is_symlink());
    let metadata = match std::fs::metadata(path) {
        Ok(m) => Some(m),
        Err(_) if is_link => {
            let to = std::fs::read_link(path).unwrap_or_default();
            bail!(
                "{shown}: is a link to {}, which does not exist; remove the link or create its file",
                to.display()
            );
        }
        Err(_) => None,
    };
    if let Some(metadata) = &metadata {
        let kind = metadata.file_type();
        if kind.is_dir() {
            bail!("{shown}: is a directory; give a file name for the output");
        }
        if is_device_or_pipe(&kind) {
            return Ok(Target::Direct(path.to_path_buf()));
        }
        if !kind.is_file() {
            bail!(
                "{shown}: is not a regular file (a socket or block device); refusing to write to it"
            );
        }
        if !force {
            bail!("{shown}: already exists; give --force to overwrite it");
        }
    }
    // Through a link, the file it points to is the one replaced.
    let target = match is_link {
        true => path
            .canonicalize()
            .with_context(|| format!("{shown}: cannot follow the link"))?,
        false => path.to_path_buf(),
    };
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        bail!(
            "{shown}: directory {} does not exist; create it or write elsewhere",
            dir.display()
        );
    }
    Ok(Target::Replace {
        target,
        dir,
        permissions: metadata.map(|m| m.permissions()),
    })
}

/// A character device or a FIFO: written into, never replaced.
fn is_device_or_pipe(kind: &std::fs::FileType) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        kind.is_char_device() || kind.is_fifo()
    }
    #[cfg(not(unix))]
    {
        let _ = kind;
        false
    }
}

impl Output {
    /// Opens `path` (or stdout for `None` or `-`). Refuses to overwrite any of
    /// `inputs`, and an existing file unless `force`.
    pub fn create(path: Option<&Path>, inputs: &[&Path], force: bool) -> Result<Output> {
        let (target, dir, permissions) = match resolve(path, inputs, force)? {
            Target::Stdout => {
                return Ok(Output::Stdout(BufWriter::new(PipeSink {
                    out: io::stdout(),
                    closed: false,
                })));
            }
            Target::Direct(path) => {
                let file = std::fs::OpenOptions::new()
                    .write(true)
                    .open(&path)
                    .with_context(|| format!("{}: cannot open for writing", path.display()))?;
                return Ok(Output::Direct(Named::new(&path, BufWriter::new(file))));
            }
            Target::Replace {
                target,
                dir,
                permissions,
            } => (target, dir, permissions),
        };
        let path = path.unwrap_or(&target);
        let mut builder = tempfile::Builder::new();
        builder.prefix(".sverka-").suffix(".tmp");
        #[cfg(unix)]
        {
            // What `>` would give (0666 less the umask, which the kernel
            // applies), not tempfile's private 0600.
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(Permissions::from_mode(0o666));
        }
        // Registered before it exists, so that no moment is left in which
        // an interrupt would miss it.
        let mut registry = registry_to_add();
        let temp = builder.tempfile_in(&dir).map_err(|e| {
            anyhow!(
                "{}: cannot create a file in {} ({}); check its permissions or write elsewhere",
                path.display(),
                dir.display(),
                e.kind()
            )
        })?;
        registry.push(temp.path().to_path_buf());
        drop(registry);
        let registered = Registered(temp.path().to_path_buf());
        let (file, temp) = temp.into_parts();
        Ok(Output::File(Box::new(Replacement {
            writer: Named::new(path, BufWriter::new(file)),
            temp,
            target,
            force,
            permissions,
            _registered: registered,
        })))
    }

    /// The writer to render into.
    pub fn writer(&mut self) -> &mut dyn Write {
        match self {
            Output::Stdout(w) => w,
            Output::File(r) => &mut r.writer,
            Output::Direct(w) => w,
        }
    }

    /// The writer for text from the input: on a terminal, control
    /// characters are shown rather than obeyed (see [`TerminalSafe`]).
    pub fn text_writer(&mut self) -> Box<dyn Write + '_> {
        use std::io::IsTerminal;
        let terminal = matches!(self, Output::Stdout(_)) && io::stdout().is_terminal();
        match terminal {
            true => Box::new(TerminalSafe::new(self.writer())),
            false => Box::new(self.writer()),
        }
    }

    /// Flushes and, for a file, moves it into place.
    pub fn finish(self) -> Result<()> {
        finish_all(vec![self])
    }
}

/// Finishes several outputs as one: every file is written and synced first,
/// then all are moved into place; if one cannot be, those already moved are
/// put back as they were (the file they replaced restored, or removed if
/// there was none), so that two files meant to agree (Moses' `.en` and
/// `.ru`) never disagree.
pub fn finish_all(outputs: Vec<Output>) -> Result<()> {
    let mut files = Vec::new();
    for output in outputs {
        match output {
            Output::Stdout(mut w) => w.flush()?,
            Output::Direct(mut w) => w.flush()?,
            Output::File(mut r) => {
                r.writer.flush()?;
                let file = r.writer.inner.get_ref();
                file.sync_all()
                    .with_context(|| format!("{}: cannot write", r.writer.name))?;
                if let Some(permissions) = &r.permissions {
                    // A replaced file keeps its permissions (a private 0600
                    // translation memory is not widened to 0644).
                    file.set_permissions(permissions.clone())
                        .with_context(|| format!("{}: cannot set permissions", r.writer.name))?;
                }
                files.push(r);
            }
        }
    }
    let single = files.len() == 1;
    // With several files, each file replaced is first kept under a hard
    // link, so that it can be put back.
    let mut moved: Vec<(PathBuf, Option<Backup>)> = Vec::new();
    for r in files {
        let backup = match single {
            true => None,
            false => backup(&r.target),
        };
        let Replacement {
            writer,
            temp,
            target,
            force,
            ..
        } = *r;
        // Without --force, a file that appeared meanwhile is not replaced.
        let persisted = match force {
            true => temp.persist(&target),
            false => temp.persist_noclobber(&target),
        };
        // On failure the temporary file is dropped, which deletes it.
        if let Err(e) = persisted {
            for (target, backup) in moved.into_iter().rev() {
                match backup {
                    Some(Backup { temp, .. }) => {
                        let _ = temp.persist(&target);
                    }
                    None => {
                        let _ = std::fs::remove_file(&target);
                    }
                }
            }
            return Err(e.error).with_context(|| {
                format!(
                    "{}: cannot move the finished output into place",
                    writer.name
                )
            });
        }
        moved.push((target, backup));
    }
    // Dropping the backups' paths removes them.
    Ok(())
}

/// A replaced file kept under a hard link while its replacement may still
/// have to be undone.
struct Backup {
    /// Removed when dropped.
    temp: tempfile::TempPath,
    _registered: Registered,
}

/// A hard link to `target` under a temporary name beside it (registered, so
/// that an interrupt removes it too), or `None` when there is no file there
/// or the file system cannot link.
fn backup(target: &Path) -> Option<Backup> {
    if !target.is_file() {
        return None;
    }
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    // Held while the link is made, so that the signal handler waits for
    // the entry rather than miss the file.
    let mut registry = registry_to_add();
    let linked = tempfile::Builder::new()
        .prefix(".sverka-")
        .suffix(".bak")
        .make_in(dir, |path| std::fs::hard_link(target, path))
        .ok()?;
    let temp = linked.into_temp_path();
    registry.push(temp.to_path_buf());
    Some(Backup {
        _registered: Registered(temp.to_path_buf()),
        temp,
    })
}

/// A writer whose errors name the file the user gave, not a temporary one.
pub struct Named<W> {
    name: String,
    inner: W,
}

impl<W> Named<W> {
    fn new(path: &Path, inner: W) -> Named<W> {
        Named {
            name: path.display().to_string(),
            inner,
        }
    }

    fn error(&self, e: io::Error) -> io::Error {
        io::Error::new(e.kind(), format!("{}: cannot write: {e}", self.name))
    }
}

impl<W: Write> Write for Named<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf).map_err(|e| self.error(e))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush().map_err(|e| self.error(e))
    }
}

/// Opens and locks (exclusively) the existing file at `path`, through
/// links, for a read-modify-replace update such as `--append`. Waits while
/// another run holds it. A run that replaced the file while this one
/// waited leaves the lock on the old file, so the path is checked again
/// and the new file locked.
pub fn lock_existing(path: &Path) -> Result<File> {
    let shown = path.display();
    loop {
        let file = File::open(path).with_context(|| format!("{shown}: cannot open"))?;
        file.lock()
            .with_context(|| format!("{shown}: cannot lock the file"))?;
        let locked = file.metadata().ok();
        let now = std::fs::metadata(path).ok();
        if let (Some(locked), Some(now)) = (locked, now)
            && same_inode(&locked, &now)
        {
            return Ok(file);
        }
    }
}

#[cfg(unix)]
fn same_inode(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_inode(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    true
}

/// The text of a TMX file to append to, which must be UTF-8: one that
/// declares another encoding (`<?xml ... encoding="ISO-8859-1"?>`) or is
/// UTF-16 is refused rather than given UTF-8 units it would garble.
pub fn utf8_tmx(path: &Path, bytes: Vec<u8>) -> Result<String> {
    let shown = path.display();
    let advice = "convert it to UTF-8 first (iconv, and change the declaration)";
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        bail!("{shown}: the TMX file is UTF-16; sverka appends to UTF-8 files only; {advice}");
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    if let Some(declared) = declared_encoding(body)
        && !declared.eq_ignore_ascii_case("utf-8")
        && !declared.eq_ignore_ascii_case("utf8")
    {
        bail!(
            "{shown}: the TMX file declares encoding {declared}; sverka appends to UTF-8 files only; {advice}"
        );
    }
    String::from_utf8(bytes).map_err(|e| {
        anyhow!(
            "{shown}: the TMX file is not UTF-8 (invalid byte at {}); {advice}",
            e.utf8_error().valid_up_to()
        )
    })
}

/// The `encoding` of an XML declaration at the start of `xml`.
fn declared_encoding(xml: &[u8]) -> Option<String> {
    let end = xml.windows(2).take(512).position(|w| w == b"?>")?;
    let declaration = std::str::from_utf8(xml.get(..end)?).ok()?;
    let rest = declaration.strip_prefix("<?xml")?;
    let at = rest.find("encoding")?;
    let value = rest[at + "encoding".len()..]
        .trim_start()
        .strip_prefix('=')?;
    let value = value.trim_start();
    let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let value = &value[1..];
    Some(value[..value.find(quote)?].to_string())
}

/// Temporary files that exist now: removed by the signal handler.
static TEMPORARIES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
/// Set by the first SIGINT, SIGTERM or SIGHUP.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);
/// Set while a batch run would rather finish its pairs in progress and
/// print its summary than stop at once on the first signal.
static FINISH_ON_INTERRUPT: AtomicBool = AtomicBool::new(false);

fn registry() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    // A panic while holding the lock leaves a usable list.
    TEMPORARIES.lock().unwrap_or_else(|e| e.into_inner())
}

/// The registry, to list a new temporary file in: the signal handler that
/// removes the files is installed first.
fn registry_to_add() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    install_signal_handler();
    registry()
}

/// Takes a path out of the registry when dropped.
struct Registered(PathBuf);

impl Drop for Registered {
    fn drop(&mut self) {
        registry().retain(|p| *p != self.0);
    }
}

/// Removes every temporary file on SIGINT, SIGTERM and SIGHUP and exits
/// with status 130 (a batch run, see [`finish_on_interrupt`], first gets
/// the chance to stop on its own). Installed once, by the first call.
pub fn install_signal_handler() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(set_signal_handler);
}

fn set_signal_handler() {
    // Without a handler (another library installed one) an interrupt
    // behaves as before: the process ends and may leave its temporary file.
    let _ = ctrlc::set_handler(|| {
        if FINISH_ON_INTERRUPT.load(Ordering::SeqCst) && !INTERRUPTED.swap(true, Ordering::SeqCst) {
            eprintln!(
                "sverka: interrupted: finishing the pairs in progress (interrupt again to stop now)"
            );
            return;
        }
        INTERRUPTED.store(true, Ordering::SeqCst);
        remove_temporaries();
        std::process::exit(130);
    });
}

/// Deletes every temporary file in the registry.
fn remove_temporaries() {
    for path in registry().drain(..) {
        let _ = std::fs::remove_file(path);
    }
}

/// True once SIGINT, SIGTERM or SIGHUP has arrived.
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

/// From now on the first interrupt only sets [`interrupted`]: the caller
/// checks it, stops starting new work and exits 130 itself (a second
/// interrupt stops at once).
pub fn finish_on_interrupt() {
    FINISH_ON_INTERRUPT.store(true, Ordering::SeqCst);
}

/// The exit status of an interrupted run (128 + SIGINT, as shells report it).
pub const INTERRUPTED_EXIT: u8 = 130;

/// The device and inode of the file at `path` (through links), which name
/// it however it is reached; `None` if there is no such file.
pub fn file_id(path: &Path) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
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

/// A writer for a terminal that shows control characters from the input
/// instead of passing them on: an escape sequence in a text (`ESC ]` ...)
/// could otherwise retitle, recolour or rewrite the user's terminal. C0
/// controls other than line feed and tab, and DEL, are shown in caret
/// notation (`^[`); C1 controls (U+0080..U+009F, which some terminals also
/// obey) become U+FFFD.
pub struct TerminalSafe<W: Write> {
    inner: W,
    /// A 0xC2 byte that ended the last write (the start of a C1 control or
    /// of an ordinary two-byte character).
    pending: bool,
}

impl<W: Write> TerminalSafe<W> {
    pub fn new(inner: W) -> TerminalSafe<W> {
        TerminalSafe {
            inner,
            pending: false,
        }
    }
}

impl<W: Write> Write for TerminalSafe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut out = Vec::with_capacity(buf.len() + 8);
        for &b in buf {
            if std::mem::take(&mut self.pending) {
                if (0x80..=0x9F).contains(&b) {
                    out.extend_from_slice("\u{FFFD}".as_bytes());
                    continue;
                }
                out.push(0xC2);
            }
            match b {
                b'\n' | b'\t' => out.push(b),
                0x00..=0x1F => out.extend_from_slice(&[b'^', b + 0x40]),
                0x7F => out.extend_from_slice(b"^?"),
                0xC2 => self.pending = true,
                _ => out.push(b),
            }
        }
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if std::mem::take(&mut self.pending) {
            self.inner.write_all(&[0xC2])?;
        }
        self.inner.flush()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn write_file(path: &Path, force: bool, text: &str) -> Output {
        let mut out = Output::create(Some(path), &[], force).unwrap();
        out.writer().write_all(text.as_bytes()).unwrap();
        out
    }

    fn leftovers(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".sverka-"))
            .collect()
    }

    #[test]
    fn a_failed_second_rename_puts_the_first_file_back() {
        let dir = tempfile::tempdir().unwrap();
        let (en, ru) = (dir.path().join("x.en"), dir.path().join("x.ru"));
        std::fs::write(&en, "old English\n").unwrap();
        let first = write_file(&en, true, "new English\n");
        let second = write_file(&ru, true, "new Russian\n");
        // The second rename fails: its temporary file has gone.
        let Output::File(r) = &second else { panic!() };
        std::fs::remove_file(&r.temp).unwrap();
        let err = finish_all(vec![first, second]).unwrap_err();
        assert!(format!("{err:#}").contains("x.ru: cannot move"), "{err:#}");
        assert_eq!(std::fs::read_to_string(&en).unwrap(), "old English\n");
        assert!(!ru.exists());
        assert!(
            leftovers(dir.path()).is_empty(),
            "{:?}",
            leftovers(dir.path())
        );
        assert!(!registry().iter().any(|p| p.starts_with(dir.path())));
    }

    #[test]
    fn a_new_pair_of_files_is_removed_when_the_second_fails() {
        let dir = tempfile::tempdir().unwrap();
        let (en, ru) = (dir.path().join("y.en"), dir.path().join("y.ru"));
        let first = write_file(&en, false, "English\n");
        let second = write_file(&ru, false, "Russian\n");
        let Output::File(r) = &second else { panic!() };
        std::fs::remove_file(&r.temp).unwrap();
        assert!(finish_all(vec![first, second]).is_err());
        assert!(!en.exists() && !ru.exists());
    }

    #[test]
    fn both_files_are_moved_into_place() {
        let dir = tempfile::tempdir().unwrap();
        let (en, ru) = (dir.path().join("z.en"), dir.path().join("z.ru"));
        std::fs::write(&ru, "old\n").unwrap();
        let outputs = vec![write_file(&en, true, "a\n"), write_file(&ru, true, "b\n")];
        finish_all(outputs).unwrap();
        assert_eq!(std::fs::read_to_string(&en).unwrap(), "a\n");
        assert_eq!(std::fs::read_to_string(&ru).unwrap(), "b\n");
        assert!(
            leftovers(dir.path()).is_empty(),
            "{:?}",
            leftovers(dir.path())
        );
    }

    #[test]
    fn terminal_output_shows_control_characters() {
        let mut out = TerminalSafe::new(Vec::new());
        let text = "Title\u{1b}]0;pwned\u{7}\u{9b}31m\tЁж\n";
        // Byte by byte, so that a character split across writes is whole.
        for b in text.as_bytes() {
            out.write_all(std::slice::from_ref(b)).unwrap();
        }
        out.flush().unwrap();
        let shown = String::from_utf8(out.inner).unwrap();
        assert_eq!(shown, "Title^[]0;pwned^G\u{FFFD}31m\tЁж\n");
    }

    #[test]
    fn reads_the_declared_encoding() {
        let xml = |d: &str| format!("{d}\n<tmx version=\"1.4\"/>").into_bytes();
        let utf8 = utf8_tmx(
            Path::new("a.tmx"),
            xml("<?xml version=\"1.0\" encoding='UTF-8'?>"),
        );
        assert!(utf8.is_ok());
        assert!(utf8_tmx(Path::new("a.tmx"), xml("<tmx>")).is_ok());
        let latin = utf8_tmx(
            Path::new("a.tmx"),
            xml("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"),
        )
        .unwrap_err();
        assert!(
            latin.to_string().contains("declares encoding ISO-8859-1"),
            "{latin}"
        );
        let utf16 = utf8_tmx(Path::new("a.tmx"), b"\xFF\xFE<\0".to_vec()).unwrap_err();
        assert!(utf16.to_string().contains("UTF-16"), "{utf16}");
    }

    #[test]
    fn temporary_files_are_registered_while_they_exist() {
        let dir = tempfile::tempdir().unwrap();
        let out = write_file(&dir.path().join("t.tmx"), false, "x");
        let Output::File(r) = &out else { panic!() };
        let temp = r.temp.to_path_buf();
        assert!(registry().contains(&temp));
        drop(out);
        assert!(!temp.exists());
        assert!(!registry().contains(&temp));
    }
}
