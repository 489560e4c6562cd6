//! Abbreviations that end in a full stop, read from `data/abbreviations-*.txt`.
//!
//! A full stop after an abbreviation is part of the word, not the end of the
//! sentence, unless the abbreviation is the sentence's last word. The lists
//! say, for each abbreviation, how likely that is ([`Kind`]).

use std::collections::HashMap;

/// How an abbreviation behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Always followed by the rest of its sentence: Mr., e.g., т.е., ул.
    Prefix,
    /// Often the last word of a sentence: it ends one before a capital (etc., т.д.).
    Terminal,
    /// Ends a sentence only before a common sentence opener (U.S., Jan., пр.).
    Ambiguous,
    /// Written before a number (No. 5, ст. 5): ends a sentence only when no
    /// number follows and a common sentence opener does ("Just say No. The").
    Numbered,
    /// Terminal after a number or a Roman numeral (2021 г., XX в., 5 p.), else prefix.
    Numeric,
    /// A place type, written before the name (ул. Ленина, оз. Байкал) or
    /// after it (Тверская ул., Fifth Ave.): after the name (a capitalised
    /// Russian adjective; an English capitalised word or an ordinal) it closes
    /// its phrase and behaves as [`Kind::Terminal`], elsewhere as
    /// [`Kind::Prefix`].
    Place,
    /// A unit of measure ("lbs.", "hrs."): after a number it behaves as
    /// [`Kind::Numeric`] ("weighs 3 lbs. Shipping is free"), elsewhere as
    /// [`Kind::Ambiguous`] ("a few hrs. Then", "Ft. Worth").
    Unit,
    /// A word that is also a sign before a number ("no. 5", "No. IV"):
    /// without a number after it, it is the plain word and ends a sentence
    /// before a capital ("Oh no. Rain fell").
    NumberSign,
}

/// An abbreviation list: exact entries (with a capital) and case-folded ones.
#[derive(Debug, Default)]
pub struct Abbreviations {
    pub(crate) exact: Table,
    pub(crate) folded: Table,
    /// Length in bytes of the longest entry: longer words are never looked up.
    pub(crate) longest: usize,
    /// The list that words in Latin script fall back to when this one has
    /// no entry for them: a Russian text that names "Mr. Smith" or plays
    /// "Spartak vs. Zenit" uses English abbreviations.
    pub(crate) latin: Option<&'static Abbreviations>,
}

/// Entries and their kinds: a built-in list as the build script compiled it
/// (`super::compiled`), or one read at run time.
#[derive(Debug)]
pub enum Table {
    Compiled(&'static phf::Map<&'static str, Kind>),
    Read(HashMap<String, Kind>),
}

impl Default for Table {
    fn default() -> Self {
        Table::Read(HashMap::new())
    }
}

impl Table {
    fn get(&self, word: &str) -> Option<Kind> {
        match self {
            Table::Compiled(map) => map.get(word).copied(),
            Table::Read(map) => map.get(word).copied(),
        }
    }

    /// Every entry, sorted (for the build script and the tests).
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn sorted(&self) -> Vec<(&str, Kind)> {
        let mut entries: Vec<(&str, Kind)> = match self {
            Table::Compiled(map) => map.entries().map(|(k, v)| (*k, *v)).collect(),
            Table::Read(map) => map.iter().map(|(k, v)| (k.as_str(), *v)).collect(),
        };
        entries.sort_unstable_by_key(|e| e.0);
        entries
    }
}

impl Abbreviations {
    /// Parses a list in the format described at the top of the data files.
    ///
    /// Panics on a malformed line: the lists are compiled in, so a bad line is
    /// a bug caught by the unit tests, never a user error.
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn parse(data: &str) -> Abbreviations {
        let (mut exact, mut folded, mut longest) = (HashMap::new(), HashMap::new(), 0);
        let mut kind = None;
        for (number, line) in data.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(section) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                kind = Some(match section {
                    "prefix" => Kind::Prefix,
                    "terminal" => Kind::Terminal,
                    "ambiguous" => Kind::Ambiguous,
                    "numeric" => Kind::Numeric,
                    "numbered" => Kind::Numbered,
                    "number sign" => Kind::NumberSign,
                    "place" => Kind::Place,
                    "unit" => Kind::Unit,
                    other => panic!("line {}: unknown section [{other}]", number + 1),
                });
                continue;
            }
            let kind =
                kind.unwrap_or_else(|| panic!("line {}: entry before a section", number + 1));
            let entry = line.strip_suffix('.').unwrap_or(line);
            longest = entry.len().max(longest);
            let map = if entry.chars().any(char::is_uppercase) {
                &mut exact
            } else {
                &mut folded
            };
            let previous = map.insert(entry.to_string(), kind);
            assert!(
                previous.is_none(),
                "line {}: `{line}` listed twice",
                number + 1
            );
        }
        Abbreviations {
            exact: Table::Read(exact),
            folded: Table::Read(folded),
            longest,
            latin: None,
        }
    }

    /// The kind of `word` as listed with exactly that spelling ("No", "U.S").
    pub fn exact_kind(&self, word: &str) -> Option<Kind> {
        self.exact
            .get(word)
            .or_else(|| self.latin_list(word)?.exact.get(word))
    }

    /// The kind of `word` (written without its final full stop), if listed.
    /// `lower` is a scratch buffer, so that a lookup does not allocate.
    pub fn kind(&self, word: &str, lower: &mut String) -> Option<Kind> {
        self.own_kind(word, lower)
            .or_else(|| self.latin_list(word)?.own_kind(word, lower))
    }

    /// The kind of an entry written with a capital that `word`, a word in
    /// capitals, spells ("JAN" spells "Jan"): for text written in capitals
    /// ("ON JAN. 13", "SEE NO. 4"), where the capital is lost.
    pub fn capitalised_kind(&self, word: &str, lower: &mut String) -> Option<Kind> {
        super::words::write_capitalised(word, lower).then(|| self.exact_kind(lower))?
    }

    /// The list a word in Latin script falls back to, if this one has such a list.
    fn latin_list(&self, word: &str) -> Option<&'static Abbreviations> {
        self.latin.filter(|_| {
            word.bytes().any(|b| b.is_ascii_alphabetic())
                && word
                    .bytes()
                    .all(|b| b.is_ascii_alphabetic() || matches!(b, b'.' | b' '))
        })
    }

    fn own_kind(&self, word: &str, lower: &mut String) -> Option<Kind> {
        // Four letters more than the longest entry: "sub", the entry, "s".
        if word.is_empty() || word.len() > self.longest + 4 {
            return None;
        }
        if let Some(kind) = self.exact.get(word) {
            return Some(kind);
        }
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        if let Some(kind) = self.folded.get(lower.as_str()) {
            return Some(kind);
        }
        // Words formed from an abbreviation that a number follows are such
        // abbreviations too: its plural ("Sects. 4–5" as "Sect. 4") and the
        // part of it a "sub" names ("subsec. (b)", "subpara. 2", "Subcl. 3"),
        // whose base may be listed capitalised as a heading word ("subsec"
        // is "Sec.", where "sec." is a unit).
        let singular = word.strip_suffix('s').filter(|w| w.len() >= 2);
        let part = word
            .strip_prefix("sub")
            .or_else(|| word.strip_prefix("Sub"))
            .filter(|w| w.len() >= 2);
        let formed = singular.is_some_and(|w| self.numbered(w, false, lower))
            || part.is_some_and(|w| {
                self.numbered(w, true, lower)
                    || w.strip_suffix('s')
                        .is_some_and(|w| self.numbered(w, true, lower))
            });
        formed.then_some(Kind::Numbered)
    }

    /// `base` is listed among the abbreviations a number follows: as
    /// written, in lower case, or, if `capitalised`, with a capital.
    fn numbered(&self, base: &str, capitalised: bool, lower: &mut String) -> bool {
        if let Some(kind) = self.exact.get(base) {
            return kind == Kind::Numbered;
        }
        lower.clear();
        lower.extend(base.chars().flat_map(char::to_lowercase));
        if self.folded.get(lower.as_str()) == Some(Kind::Numbered) {
            return true;
        }
        let mut chars = base.chars();
        let Some(first) = chars.next().filter(|_| capitalised) else {
            return false;
        };
        lower.clear();
        lower.extend(first.to_uppercase());
        lower.push_str(chars.as_str());
        self.exact.get(lower.as_str()) == Some(Kind::Numbered)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(list: &Abbreviations, word: &str) -> Option<Kind> {
        list.kind(word, &mut String::new())
    }

    #[test]
    fn capitalised_entry_matches_only_its_spelling() {
        let list = Abbreviations::parse("[prefix]\nNo.\n[terminal]\netc.\n");
        assert_eq!(kind(&list, "No"), Some(Kind::Prefix));
        assert_eq!(kind(&list, "no"), None);
        assert_eq!(kind(&list, "ETC"), Some(Kind::Terminal));
    }

    #[test]
    fn plural_and_sub_part_of_a_numbered_entry_are_numbered() {
        let list = Abbreviations::parse("[numbered]\nSect.\nfig.\n[prefix]\nDr.\n");
        assert_eq!(kind(&list, "Sects"), Some(Kind::Numbered));
        assert_eq!(kind(&list, "Figs"), Some(Kind::Numbered));
        assert_eq!(kind(&list, "subsect"), Some(Kind::Numbered));
        assert_eq!(kind(&list, "Subsects"), Some(Kind::Numbered));
        assert_eq!(kind(&list, "Drs"), None, "only numbered entries");
        assert_eq!(kind(&list, "subDr"), None);
        assert_eq!(kind(&list, "s"), None);
    }

    #[test]
    fn english_and_russian_lists_parse() {
        let en = Abbreviations::parse(include_str!("../../data/abbreviations-en.txt"));
        let ru = Abbreviations::parse(include_str!("../../data/abbreviations-ru.txt"));
        assert_eq!(kind(&en, "Mr"), Some(Kind::Prefix));
        assert_eq!(kind(&en, "e.g"), Some(Kind::Prefix));
        assert_eq!(kind(&en, "U.S"), Some(Kind::Ambiguous));
        assert_eq!(kind(&ru, "т.е"), Some(Kind::Prefix));
        assert_eq!(kind(&ru, "т. д"), Some(Kind::Terminal));
        assert_eq!(kind(&ru, "г"), Some(Kind::Numeric));
        assert_eq!(kind(&ru, "Г-Н"), Some(Kind::Prefix));
    }

    #[test]
    fn word_in_capitals_spells_an_entry_with_a_capital() {
        let list = Abbreviations::parse("[ambiguous]\nJan.\nU.S.\n[terminal]\netc.\n");
        let capitalised = |word: &str| list.capitalised_kind(word, &mut String::new());
        assert_eq!(capitalised("JAN"), Some(Kind::Ambiguous));
        assert_eq!(capitalised("JUNE"), None);
        // Only entries with a capital, and only when asked: "JAN" alone is no entry.
        assert_eq!(capitalised("ETC"), None);
        assert_eq!(kind(&list, "JAN"), None);
    }

    #[test]
    fn latin_word_falls_back_to_the_latin_list() {
        static EN: std::sync::LazyLock<Abbreviations> =
            std::sync::LazyLock::new(|| Abbreviations::parse("[prefix]\nMr.\n[terminal]\netc.\n"));
        let mut ru = Abbreviations::parse("[terminal]\nт.д.\n[ambiguous]\netc.\n");
        ru.latin = Some(&EN);
        assert_eq!(kind(&ru, "Mr"), Some(Kind::Prefix));
        assert_eq!(ru.exact_kind("Mr"), Some(Kind::Prefix));
        // The language's own entry wins, and Cyrillic never falls back.
        assert_eq!(kind(&ru, "etc"), Some(Kind::Ambiguous));
        assert_eq!(kind(&ru, "т.д"), Some(Kind::Terminal));
        assert_eq!(kind(&ru, "Мр"), None);
    }
}
