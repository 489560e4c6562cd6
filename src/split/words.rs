//! Small word lists for the splitter: sentence openers and salutations,
//! read from `data/sentence-starters-*.txt` and `data/salutations-*.txt`.
//!
//! The build script reads the built-in lists with these readers and
//! compiles them into perfect-hash sets (`super::compiled`), so that a run
//! starts without reading them; a list read at run time (a test's) is held
//! in a `HashSet`.

use std::collections::HashSet;

use rustc_hash::FxHashSet;

/// A closed list of words: a built-in one as the build script compiled it,
/// or one read at run time.
#[derive(Debug)]
pub enum WordSet {
    Compiled(&'static phf::Set<&'static str>),
    Read(HashSet<String>),
}

impl Default for WordSet {
    fn default() -> Self {
        WordSet::Read(HashSet::new())
    }
}

impl WordSet {
    pub fn contains(&self, word: &str) -> bool {
        match self {
            WordSet::Compiled(set) => set.contains(word),
            WordSet::Read(set) => set.contains(word),
        }
    }

    /// True when `word` in lower case is in the set; `lower` is a buffer
    /// for the lower-case word.
    pub fn contains_lower_case(&self, word: &str, lower: &mut String) -> bool {
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        self.contains(lower)
    }

    fn is_empty(&self) -> bool {
        match self {
            WordSet::Compiled(set) => set.is_empty(),
            WordSet::Read(set) => set.is_empty(),
        }
    }

    /// Every word, sorted (for the build script and the tests).
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn sorted(&self) -> Vec<&str> {
        let mut words: Vec<&str> = match self {
            WordSet::Compiled(set) => set.iter().copied().collect(),
            WordSet::Read(set) => set.iter().map(String::as_str).collect(),
        };
        words.sort_unstable();
        words
    }
}

/// Writes `word` into `out` as a word in capitals would be written with
/// only its first letter a capital ("JAN" as "Jan", "ОН" as "Он"); false,
/// with `out` empty, for an empty word.
pub fn write_capitalised(word: &str, out: &mut String) -> bool {
    out.clear();
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    out.push(first);
    out.extend(chars.flat_map(char::to_lowercase));
    true
}

/// Words that often open a sentence, matched exactly as written ("The", "Он").
#[derive(Debug, Default)]
pub struct Starters(pub(crate) WordSet);

impl Starters {
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn parse(data: &str) -> Starters {
        Starters(WordSet::Read(entries(data).map(str::to_string).collect()))
    }

    pub fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }
}

/// Words of a date or time phrase that opens a sentence ("В 2023 г.", "At 7
/// a.m."): month names and prepositions of time, lower case.
#[derive(Debug, Default)]
pub struct DateWords(pub(crate) WordSet);

impl DateWords {
    /// Reads the prepositions of `data/date-phrase-words.txt` and the month
    /// names of `data/months.tsv` (every column but the first).
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn parse(words: &str, months: &str) -> DateWords {
        let mut set: HashSet<String> = entries(words).map(str::to_lowercase).collect();
        for row in entries(months) {
            set.extend(
                row.split('\t')
                    .skip(1)
                    .flat_map(str::split_whitespace)
                    .map(str::to_lowercase),
            );
        }
        DateWords(WordSet::Read(set))
    }

    /// True when `word`, in any case, is a month or a preposition of time.
    pub fn contains(&self, word: &str, lower: &mut String) -> bool {
        self.0.contains_lower_case(word, lower)
    }
}

/// Lower-case words in a closed list (function words), matched in lower case
/// with ё read as е, as the lists in `data/stopwords-*.txt` write them.
#[derive(Debug, Default)]
pub struct FunctionWords(pub(crate) WordSet);

impl FunctionWords {
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn parse(data: &str) -> FunctionWords {
        FunctionWords(WordSet::Read(entries(data).map(str::to_string).collect()))
    }

    /// True when `word`, in any case, is on the list.
    pub fn contains(&self, word: &str, lower: &mut String) -> bool {
        lower.clear();
        lower.extend(
            word.chars()
                .flat_map(char::to_lowercase)
                .map(|c| if c == 'ё' { 'е' } else { c }),
        );
        self.0.contains(lower.as_str())
    }
}

/// The shape of a word cut short, from `data/word-endings-*.txt`: it ends in
/// a consonant but in no ending of a whole word form ("междунар", "экономич",
/// not "горах", "сказал"). Empty for a language that does not shorten words
/// this way: then no word looks cut.
#[derive(Debug, Default)]
pub struct WordEndings {
    consonants: Vec<char>,
    finals: Vec<char>,
    endings: Vec<String>,
}

impl WordEndings {
    pub fn parse(data: &str) -> WordEndings {
        let mut out = WordEndings::default();
        let mut section = "";
        for entry in entries(data) {
            match entry {
                "[consonants]" | "[final]" | "[endings]" => section = entry,
                _ if section == "[consonants]" => out.consonants.extend(entry.chars()),
                _ if section == "[final]" => out.finals.extend(entry.chars()),
                _ if section == "[endings]" => out.endings.push(entry.to_string()),
                _ => {}
            }
        }
        out
    }

    /// True when `word` is lower case, three letters or more, and ends in a
    /// consonant that closes no whole word form.
    pub fn looks_cut(&self, word: &str) -> bool {
        let Some(last) = word.chars().next_back() else {
            return false;
        };
        self.consonants.contains(&last)
            && word.chars().count() >= 3
            && word.chars().all(char::is_lowercase)
            && !self.endings.iter().any(|e| word.ends_with(e.as_str()))
    }

    /// True when `word` ends in a letter that ends no word cut short (a
    /// vowel, й or ь in Russian), in either case: it is surely whole. False
    /// in a language without the list.
    pub fn ends_whole(&self, word: &str) -> bool {
        word.chars()
            .next_back()
            .and_then(|c| c.to_lowercase().next())
            .is_some_and(|c| self.finals.contains(&c))
    }
}

/// Words whose capital opens a sentence even with no mark before it, in a
/// language that capitalises little else inside a sentence: Russian writes
/// its pronouns, conjunctions and particles in lower case there, so "…автобус
/// опять опоздал Не знаю почему" holds two sentences. The common sentence
/// openers of the language as written at a sentence start
/// (`data/sentence-starters-*.txt`: "Не", "Вот"), less the forms it
/// capitalises inside a sentence too (the polite Вы, Вас, Ваш:
/// `data/capitalised-inside-*.txt`).
#[derive(Debug, Default)]
pub struct UnmarkedOpeners(FxHashSet<String>);

impl UnmarkedOpeners {
    pub fn parse(starters: &str, capitalised_inside: &str) -> UnmarkedOpeners {
        let fold = |w: &str| w.to_lowercase().replace('ё', "е");
        let inside: HashSet<String> = entries(capitalised_inside).map(fold).collect();
        UnmarkedOpeners(
            entries(starters)
                .filter(|w| !inside.contains(&fold(w)))
                .map(str::to_string)
                .collect(),
        )
    }

    /// True when the list is empty: the language has no such rule.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// True when `word`, exactly as written, is on the list.
    pub fn contains(&self, word: &str) -> bool {
        !self.0.is_empty() && self.0.contains(word)
    }
}

/// Words that label a figure or a table ("Figure", "Рис."), matched exactly:
/// `data/caption-words.txt`, shared by both languages.
#[derive(Debug, Default)]
pub struct CaptionWords(pub(crate) WordSet);

impl CaptionWords {
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn parse(data: &str) -> CaptionWords {
        CaptionWords(WordSet::Read(entries(data).map(str::to_string).collect()))
    }

    pub fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }
}

/// Words that name a part or a member of a series before its number or
/// letter ("Appendix B", "приложении Б"): `data/part-words.txt`, shared by
/// both languages, held in lower case and matched in any case.
#[derive(Debug, Default)]
pub struct PartWords(pub(crate) WordSet);

impl PartWords {
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn parse(data: &str) -> PartWords {
        PartWords(WordSet::Read(
            entries(data).map(str::to_lowercase).collect(),
        ))
    }

    /// True when `word`, in any case, is on the list.
    pub fn contains(&self, word: &str, lower: &mut String) -> bool {
        self.0.contains_lower_case(word, lower)
    }
}

/// Greetings and sign-offs that end a sentence at their comma ("Kind regards,").
#[derive(Debug, Default)]
pub struct Salutations {
    /// Whole phrases, lower case, words joined by one space.
    pub(crate) phrases: WordSet,
    /// Phrases after which one to three more words (a name) may follow.
    pub(crate) openers: WordSet,
}

/// Longest salutation the splitter looks at, in bytes; "Dear Mr and Mrs Smith".
pub const SALUTATION_MAX_BYTES: usize = 48;

impl Salutations {
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn parse(data: &str) -> Salutations {
        let (mut phrases, mut openers) = (HashSet::new(), HashSet::new());
        for entry in entries(data) {
            match entry.strip_suffix('*') {
                Some(opener) => openers.insert(opener.trim_end().to_string()),
                None => phrases.insert(entry.to_string()),
            };
        }
        Salutations {
            phrases: WordSet::Read(phrases),
            openers: WordSet::Read(openers),
        }
    }

    /// True when `text` (the sentence up to its comma) is a salutation.
    pub fn matches(&self, text: &str) -> bool {
        if text.len() > SALUTATION_MAX_BYTES || self.phrases.is_empty() && self.openers.is_empty() {
            return false;
        }
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        if self.phrases.contains(&words.join(" ")) {
            return true;
        }
        (1..words.len())
            .filter(|&n| words.len() - n <= 3)
            .any(|n| self.openers.contains(&words[..n].join(" ")))
    }
}

/// The entries of a word list: trimmed lines that are neither blank nor comments.
fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn salutation_with_name_matches_opener() {
        let s = Salutations::parse("dear *\nkind regards\n");
        assert!(s.matches("Dear Mr Smith"));
        assert!(s.matches("Kind  regards"));
        assert!(!s.matches("Dear"));
        assert!(!s.matches("Dear friends of the old town hall"));
    }

    #[test]
    fn date_words_hold_months_in_both_languages_and_prepositions() {
        let words = DateWords::parse("since\n", "1\tjanuary jan\tянварь января\n");
        let mut lower = String::new();
        assert!(words.contains("January", &mut lower));
        assert!(words.contains("января", &mut lower));
        assert!(words.contains("Since", &mut lower));
        assert!(!words.contains("Moscow", &mut lower));
    }

    #[test]
    fn word_cut_after_a_consonant_looks_cut() {
        let e = WordEndings::parse("[consonants]\nкрч\n[final]\nоь\n[endings]\nах\nл\n");
        assert!(e.looks_cut("междунар"));
        assert!(e.looks_cut("экономич"));
        assert!(!e.looks_cut("горах"), "an inflection ending");
        assert!(e.ends_whole("кино") && e.ends_whole("Дождь") && e.ends_whole("КИНО"));
        assert!(!e.ends_whole("издат") && !e.ends_whole("etc") && !e.ends_whole(""));
        assert!(!e.looks_cut("сказал"), "an inflection ending");
        assert!(!e.looks_cut("года"), "a vowel");
        assert!(!e.looks_cut("Бардин"), "a name");
        assert!(!WordEndings::default().looks_cut("approx"));
        assert!(!WordEndings::default().ends_whole("kino"));
    }

    #[test]
    fn function_words_match_in_any_case_with_yo_as_ye() {
        let f = FunctionWords::parse("# comment\nи\nее\n");
        let mut lower = String::new();
        assert!(f.contains("И", &mut lower));
        assert!(f.contains("её", &mut lower));
        assert!(!f.contains("отделе", &mut lower));
    }

    #[test]
    fn starters_match_exactly() {
        let s = Starters::parse("# comment\nThe\n");
        assert!(s.contains("The"));
        assert!(!s.contains("the"));
    }
}
