//! Which document pairs a run aligns: rows of a manifest, or files of the
//! same name in two folders, with the problems found in listing them.

use std::collections::{BTreeMap, HashMap};
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// One document pair named in a manifest or found in two folders.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// Names the pair in messages and its output file (`<id>.<format>`).
    pub id: String,
    pub en: PathBuf,
    pub ru: PathBuf,
}

/// Pairs listed in a manifest CSV, and one line for each row that names no
/// usable pair. Fails (the run cannot start) when the manifest cannot be read
/// or its header lacks a column.
pub fn pairs_from_manifest(manifest: &Path) -> Result<(Vec<Pair>, Vec<String>)> {
    let name = manifest.display();
    // A manifest in the current folder: paths as written (`en/a.txt`, not `./en/a.txt`).
    let base = manifest.parent().unwrap_or(Path::new(""));
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_path(manifest)
        .with_context(|| format!("{name}: cannot read the manifest"))?;
    let header = reader
        .headers()
        .with_context(|| format!("{name}: cannot read the header row"))?
        .clone();
    let column = |wanted: &str| header.iter().position(|h| h.eq_ignore_ascii_case(wanted));
    let (Some(id), Some(en), Some(ru)) = (column("id"), column("en"), column("ru")) else {
        bail!(
            "{name}:1: the header must name the columns id, en and ru (found: {})",
            header.iter().collect::<Vec<_>>().join(",")
        );
    };
    let mut pairs = Vec::new();
    let mut problems = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) if e.is_io_error() => {
                return Err(e).with_context(|| format!("{name}: cannot read the manifest"));
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(format!("{name}:{line}: {e}"));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let field = |k: usize| record.get(k).filter(|v| !v.is_empty());
        match (field(id), field(en), field(ru)) {
            (Some(id), Some(en), Some(ru)) => pairs.push(Pair {
                id: id.to_string(),
                en: base.join(en),
                ru: base.join(ru),
            }),
            (i, e, r) => {
                let missing: Vec<&str> = [(i, "id"), (e, "en"), (r, "ru")]
                    .iter()
                    .filter(|(v, _)| v.is_none())
                    .map(|(_, n)| *n)
                    .collect();
                problems.push(format!("{name}:{line}: no {}", missing.join(", ")));
            }
        }
    }
    Ok(check_ids(pairs, problems))
}

/// Pairs of files with the same name in both folders (id: the name without
/// its extension), and one line for each file that has no partner.
pub fn pairs_from_folders(en_dir: &Path, ru_dir: &Path) -> Result<(Vec<Pair>, Vec<String>)> {
    let en = list_files(en_dir)?;
    let mut ru = list_files(ru_dir)?;
    let mut pairs = Vec::new();
    let mut problems = Vec::new();
    for (name, en_path) in en {
        match ru.remove(&name) {
            Some(ru_path) => pairs.push(Pair {
                id: Path::new(&name)
                    .file_stem()
                    .unwrap_or(&name)
                    .to_string_lossy()
                    .into_owned(),
                en: en_path,
                ru: ru_path,
            }),
            None => problems.push(format!(
                "{}: unpaired: no file of that name in {}",
                en_path.display(),
                ru_dir.display()
            )),
        }
    }
    for ru_path in ru.into_values() {
        problems.push(format!(
            "{}: unpaired: no file of that name in {}",
            ru_path.display(),
            en_dir.display()
        ));
    }
    Ok(check_ids(pairs, problems))
}

/// The files directly in `dir` by name (hidden files and folders left out).
fn list_files(dir: &Path) -> Result<BTreeMap<OsString, PathBuf>> {
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("{}: cannot read the folder", dir.display()))?;
    let mut files = BTreeMap::new();
    for entry in entries {
        let entry = entry.with_context(|| format!("{}: cannot read the folder", dir.display()))?;
        let name = entry.file_name();
        let path = entry.path();
        if name.to_string_lossy().starts_with('.') || path.is_dir() {
            continue;
        }
        files.insert(name, path);
    }
    Ok(files)
}

/// Moves pairs whose id cannot name an output file, or repeats an earlier
/// id, to the problems.
fn check_ids(pairs: Vec<Pair>, mut problems: Vec<String>) -> (Vec<Pair>, Vec<String>) {
    // Ids equal up to case name one file on a case-insensitive file
    // system (macOS, Windows), so they count as the same id.
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    let mut kept = Vec::with_capacity(pairs.len());
    for pair in pairs {
        let key = pair.id.to_lowercase();
        if let Some(reason) = bad_id(&pair.id) {
            problems.push(format!(
                "pair `{}` ({}): {reason}",
                pair.id,
                pair.en.display()
            ));
        } else if let Some(first) = seen.get(&key) {
            problems.push(format!(
                "pair `{}` ({}): the id is already used by {}",
                pair.id,
                pair.en.display(),
                first.display()
            ));
        } else {
            seen.insert(key, pair.en.clone());
            kept.push(pair);
        }
    }
    (kept, problems)
}

/// Why `id` cannot be used as an output file name, if it cannot.
fn bad_id(id: &str) -> Option<&'static str> {
    // Bidirectional formatting characters make a file name read otherwise
    // than it is ("exe.txt" shown for "txt.exe").
    let bidi = |c: char| matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if id.starts_with('.') {
        Some("an id may not start with a dot")
    } else if id.contains(['/', '\\', '\0']) {
        Some("an id may not contain a slash")
    } else if id.chars().any(|c| c.is_control() || bidi(c)) {
        Some("an id may not contain control or bidirectional formatting characters")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(id: &str) -> Pair {
        Pair {
            id: id.into(),
            en: format!("en/{id}.txt").into(),
            ru: format!("ru/{id}.txt").into(),
        }
    }
    #[test]
    fn ids_that_could_deceive_or_collide_are_problems() {
        for id in ["a\nb", "x\u{1b}[31m", "report\u{202e}txt.exe"] {
            assert!(bad_id(id).is_some(), "{id:?}");
        }
        let (kept, problems) = check_ids(vec![pair("Report"), pair("report")], Vec::new());
        assert_eq!(kept, vec![pair("Report")]);
        assert!(problems[0].contains("already used"), "{}", problems[0]);
    }

    #[test]
    fn rejects_ids_that_cannot_name_a_file() {
        assert!(bad_id("../up").is_some());
        assert!(bad_id("a/b").is_some());
        assert!(bad_id(".hidden").is_some());
        assert!(bad_id("report-2020_03").is_none());
    }

    #[test]
    fn repeated_ids_become_problems_and_the_first_pair_is_kept() {
        let (kept, problems) = check_ids(vec![pair("a"), pair("b"), pair("a")], Vec::new());
        assert_eq!(kept, vec![pair("a"), pair("b")]);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("already used"), "{}", problems[0]);
    }
}
