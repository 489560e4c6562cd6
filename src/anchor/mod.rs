//! Anchors: what survives translation (numbers, names, acronyms, dictionary words).
//!
//! The aligner extracts anchors once per sentence and compares the sets of two
//! sentences when it costs a bead. Every module here is data-driven: the word
//! lists live in `data/` and are pulled in with `include_str!`.
//!
//! * [`tokens`]: words of both languages, lowercased, and stopword lists
//!   (`tokens(text)`, `content_tokens(text, lang)`, `is_stopword(word, lang)`).
//! * [`numbers`]: numbers normalised across conventions and scales
//!   (`30 billion` = `30 млрд`, `1,000.5` = `1 000,5`) as exact, hashable
//!   [`numbers::Number`]s, and month anchors (`March` = `марта` = 3):
//!   `numbers(text, lang)`, `months(text, lang)`.
//! * [`translit`]: Cyrillic to Latin transliteration (`to_latin`), a fuzzy
//!   `name_similarity(en, ru)` in 0..1 for names and loanwords (match from
//!   `NAME_THRESHOLD`), and a hashable `match_keys(word, lang)` for the same
//!   matching without comparing every pair of words.
//! * [`acronyms`]: fixed equivalents from `data/acronyms.tsv` (UN = ООН,
//!   Britain = Великобритания, dollar = доллар) as concept ids:
//!   `concepts(text, lang)`.
//! * [`stem`]: light suffix strippers (`stem_en`, `stem_ru`) shared by the
//!   lexicon and the name matcher.

pub mod acronyms;
pub mod lexicon;
pub mod numbers;
pub mod sentence;
pub mod stem;
pub mod tokens;
pub mod translit;
