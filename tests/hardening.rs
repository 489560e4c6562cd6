//! The attacks of issue 13 that got through sverka 0.1, each run against the
//! real binary: interrupts, device and link outputs, appends that must
//! keep the file they add to, and batch folders holding pipes.

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const SVERKA: &str = env!("CARGO_BIN_EXE_sverka");

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(SVERKA)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("run sverka")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".sverka-"))
        .collect()
}

/// A pair of texts of `n` sentences a side.
fn write_pair(dir: &Path, n: usize) {
    let en: String = (0..n)
        .map(|i| {
            format!(
                "In {} the ministers met in Moscow for talks. ",
                1900 + i % 100
            )
        })
        .collect();
    let ru: String = (0..n)
        .map(|i| format!("В {} году министры встретились в Москве. ", 1900 + i % 100))
        .collect();
    fs::write(dir.join("en.txt"), en).unwrap();
    fs::write(dir.join("ru.txt"), ru).unwrap();
}

fn kill(pid: u32, signal: &str) {
    let status = Command::new("kill")
        .args([format!("-{signal}"), pid.to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn an_interrupted_align_leaves_no_temporary_file_and_the_old_output() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write_pair(d, 20_000);
    fs::write(d.join("out.tsv"), "previous run\n").unwrap();
    // Whenever the signal comes (reading, aligning or writing), the run
    // ends with 130 and leaves the previous output and no temporary file.
    let mut interrupted = 0;
    for (signal, delay) in [("INT", 50), ("TERM", 400), ("HUP", 900), ("TERM", 1500)] {
        let child = Command::new(SVERKA)
            .args(["align", "en.txt", "ru.txt", "-o", "out.tsv", "--force"])
            .current_dir(d)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        kill(child.id(), signal);
        let out = child.wait_with_output().unwrap();
        if out.status.success() {
            // Finished before the signal: a complete output.
            assert!(fs::read_to_string(d.join("out.tsv")).unwrap().len() > 100_000);
            fs::write(d.join("out.tsv"), "previous run\n").unwrap();
        } else {
            assert_eq!(out.status.code(), Some(130), "{signal}: {}", stderr(&out));
            interrupted += 1;
            // The previous output, or (when the signal came after the new
            // one was renamed into place) the complete new one: never a part.
            let now = fs::read_to_string(d.join("out.tsv")).unwrap();
            assert!(
                now == "previous run\n" || now.len() > 100_000,
                "{signal}: out.tsv is {} bytes",
                now.len()
            );
            fs::write(d.join("out.tsv"), "previous run\n").unwrap();
        }
        assert!(leftovers(d).is_empty(), "{signal}: {:?}", leftovers(d));
    }
    assert!(interrupted > 0, "every run finished before its signal");
}

#[cfg(unix)]
#[test]
fn an_interrupted_batch_prints_what_it_did_and_removes_the_merged_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("en")).unwrap();
    fs::create_dir_all(d.join("ru")).unwrap();
    for i in 0..400 {
        write_pair(d, 300);
        fs::rename(d.join("en.txt"), d.join(format!("en/{i:03}.txt"))).unwrap();
        fs::rename(d.join("ru.txt"), d.join(format!("ru/{i:03}.txt"))).unwrap();
    }
    let child = Command::new(SVERKA)
        .args([
            "batch", "--en-dir", "en", "--ru-dir", "ru", "--output", "all.tmx", "--jobs", "1",
        ])
        .current_dir(d)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The merged file's temporary file exists from the start.
    let start = Instant::now();
    while leftovers(d).is_empty() && start.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(5));
    }
    std::thread::sleep(Duration::from_millis(300));
    kill(child.id(), "TERM");
    let out = child.wait_with_output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(130), "{err}");
    assert!(err.contains("sverka: interrupted"), "{err}");
    assert!(err.contains("not started: interrupted"), "{err}");
    assert!(!d.join("all.tmx").exists());
    assert!(leftovers(d).is_empty(), "{:?}", leftovers(d));
}

#[cfg(unix)]
#[test]
fn a_pipe_in_a_batch_folder_is_refused_not_waited_for() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("en")).unwrap();
    fs::create_dir_all(d.join("ru")).unwrap();
    write_pair(d, 3);
    fs::copy(d.join("en.txt"), d.join("en/a.txt")).unwrap();
    fs::copy(d.join("ru.txt"), d.join("ru/a.txt")).unwrap();
    fs::copy(d.join("ru.txt"), d.join("ru/b.txt")).unwrap();
    let made = Command::new("mkfifo").arg(d.join("en/b.txt")).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("SKIPPED a_pipe_in_a_batch_folder_is_refused_not_waited_for: no mkfifo");
        return;
    }
    let out = run(
        d,
        &["batch", "--en-dir", "en", "--ru-dir", "ru", "-d", "out"],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("b.txt: is not a regular file"), "{err}");
    assert!(d.join("out/a.tmx").exists());
}

#[cfg(unix)]
#[test]
fn a_device_output_is_written_into_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    write_pair(dir.path(), 2);
    for args in [
        &[
            "align",
            "en.txt",
            "ru.txt",
            "-o",
            "/dev/null",
            "-f",
            "tmx",
            "--force",
        ][..],
        &["align", "en.txt", "ru.txt", "-o", "/dev/null", "-f", "tmx"],
        &[
            "check",
            "en.txt",
            "ru.txt",
            "--html",
            "/dev/null",
            "--force",
        ],
    ] {
        let out = run(dir.path(), args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let kind = fs::metadata("/dev/null").unwrap().file_type();
        assert!(kind.is_char_device(), "/dev/null is no longer a device");
    }
    // /dev/full: the error names the device, not a temporary file.
    let out = run(
        dir.path(),
        &["align", "en.txt", "ru.txt", "-o", "/dev/full", "-f", "tmx"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("/dev/full: cannot write"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn output_that_cannot_be_written_is_said_before_aligning() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write_pair(d, 2);
    let cases: [(&[&str], &str); 3] = [
        (&["-o", "no-such-dir/out.tmx"], "does not exist"),
        (&["-o", "out.tmx/"], "ends with a slash"),
        (&["-o", "dangling.tmx"], "which does not exist"),
    ];
    #[cfg(unix)]
    std::os::unix::fs::symlink(d.join("nowhere/x.tmx"), d.join("dangling.tmx")).unwrap();
    for (extra, message) in cases {
        // A Russian file that cannot be read: had the output been checked
        // only after aligning, the input error would come first.
        let mut args = vec!["align", "en.txt", "missing-ru.txt"];
        args.extend(extra);
        let out = run(d, &args);
        assert_eq!(out.status.code(), Some(2));
        assert!(
            stderr(&out).contains(message),
            "{extra:?}: {}",
            stderr(&out)
        );
    }
}

/// A TMX file with one unit, as sverka writes it.
fn first_run(dir: &Path) -> String {
    write_pair(dir, 2);
    let out = run(dir, &["align", "en.txt", "ru.txt", "-o", "tm.tmx"]);
    assert!(out.status.success(), "{}", stderr(&out));
    fs::read_to_string(dir.join("tm.tmx")).unwrap()
}

fn second_pair(dir: &Path, tag: &str) {
    fs::write(
        dir.join(format!("en-{tag}.txt")),
        format!("The {tag} talks began today."),
    )
    .unwrap();
    fs::write(
        dir.join(format!("ru-{tag}.txt")),
        format!("Переговоры {tag} начались сегодня."),
    )
    .unwrap();
}

#[cfg(unix)]
#[test]
fn append_updates_a_linked_tmx_and_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    first_run(d);
    fs::set_permissions(d.join("tm.tmx"), fs::Permissions::from_mode(0o600)).unwrap();
    std::os::unix::fs::symlink(d.join("tm.tmx"), d.join("shared.tmx")).unwrap();
    second_pair(d, "new");
    let out = run(
        d,
        &[
            "align",
            "en-new.txt",
            "ru-new.txt",
            "-o",
            "shared.tmx",
            "--append",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        fs::symlink_metadata(d.join("shared.tmx"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(d.join("tm.tmx"))
            .unwrap()
            .contains("The new talks")
    );
    let mode = fs::metadata(d.join("tm.tmx")).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn append_refuses_a_tmx_in_another_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let tmx = first_run(d).replacen("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"", 1);
    assert!(tmx.contains("ISO-8859-1"), "{tmx}");
    fs::write(d.join("tm.tmx"), &tmx).unwrap();
    second_pair(d, "new");
    let out = run(
        d,
        &[
            "align",
            "en-new.txt",
            "ru-new.txt",
            "-o",
            "tm.tmx",
            "--append",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("declares encoding ISO-8859-1"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_to_string(d.join("tm.tmx")).unwrap(), tmx);
}

#[test]
fn concurrent_appends_both_land() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    first_run(d);
    let tags = ["alpha", "bravo", "charlie", "delta"];
    for tag in tags {
        second_pair(d, tag);
    }
    let children: Vec<_> = tags
        .iter()
        .map(|tag| {
            Command::new(SVERKA)
                .args([
                    "align",
                    &format!("en-{tag}.txt"),
                    &format!("ru-{tag}.txt"),
                    "-o",
                    "tm.tmx",
                    "--append",
                ])
                .current_dir(d)
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let tmx = fs::read_to_string(d.join("tm.tmx")).unwrap();
    for tag in tags {
        assert!(
            tmx.contains(&format!("The {tag} talks")),
            "{tag} lost:\n{tmx}"
        );
    }
}

#[cfg(unix)]
#[test]
fn escape_sequences_in_a_text_do_not_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(
        d.join("en.txt"),
        "Title \u{1b}]0;pwned\u{7} here. Next one.\n",
    )
    .unwrap();
    fs::write(d.join("ru.txt"), "Заголовок \u{1b}[2J здесь. Дальше.\n").unwrap();
    // `script` runs sverka on a pseudo-terminal.
    for command in [
        format!("{SVERKA} split --lang en en.txt"),
        format!("{SVERKA} align en.txt ru.txt"),
    ] {
        let Ok(out) = Command::new("script")
            .args(["-qc", &command, "/dev/null"])
            .current_dir(d)
            .stdin(Stdio::null())
            .output()
        else {
            eprintln!("SKIPPED escape_sequences_in_a_text_do_not_reach_the_terminal: no script(1)");
            return;
        };
        let shown = String::from_utf8_lossy(&out.stdout);
        assert!(
            !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
            "{shown:?}"
        );
        assert!(shown.contains("^[]0;pwned^G"), "{shown:?}");
    }
    // Into a pipe or a file the text is written as it is.
    let out = run(d, &["split", "--lang", "en", "en.txt"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains('\u{1b}'));
}

#[test]
fn force_in_a_batch_never_overwrites_another_pairs_input() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write_pair(d, 2);
    // Pair `b`'s English text is named like pair `a`'s output.
    fs::copy(d.join("en.txt"), d.join("a.tsv")).unwrap();
    let manifest = "id,en,ru\na,en.txt,ru.txt\nb,a.tsv,ru.txt\n";
    fs::write(d.join("pairs.csv"), manifest).unwrap();
    let before = fs::read(d.join("a.tsv")).unwrap();
    let out = run(
        d,
        &[
            "batch",
            "--manifest",
            "pairs.csv",
            "-d",
            ".",
            "-f",
            "tsv",
            "--force",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("a.tsv: is an input file"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read(d.join("a.tsv")).unwrap(), before);
    assert!(d.join("b.tsv").exists());
}
