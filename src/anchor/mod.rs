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
//! * [`lexicon`]: an English–Russian dictionary as shared concept ids
//!   (`Lexicon::builtin()`, `Lexicon::from_path(path)` for a user `--dict`
//!   in hunalign `ru @ en` or `en<TAB>ru` format, `extend`, `en_keys(word)`,
//!   `ru_keys(word)`): an English and a Russian word share an id iff the
//!   lexicon says they translate each other.
//! * [`stem`]: light suffix strippers (`stem_en`, `stem_ru`) shared by the
//!   lexicon and the fixed equivalents.
//! * [`sentence`]: everything above for one sentence at once.
//!   `SentenceAnchors::new(text, lang, lexicon)` keys every content token
//!   (non-stopword) by its anchors; `overlap(&en, &ru)` counts the content
//!   tokens of each side matched on the other (a merge of sorted keys, no
//!   word pairs); `SentenceAnchors::join` combines the sentences of one side
//!   of a 2-1 or 1-2 bead. `Extractor` does the same for a whole document,
//!   working out each distinct word once (`anchors_of_all`, in parallel).
//!
//! What the aligner calls: `Extractor::anchors_of_all` on each side's
//! sentences, from `align::lexical::link`, which keeps the keys found on both
//! sides, links names by similarity, and weighs the keys (see
//! `docs/architecture.md`). `SentenceAnchors`, `overlap` and `matched_tokens`
//! measure one pair of sentences, for the `tools/anchor_*` studies and the
//! example below.
//!
//! ```
//! use sverka::Lang;
//! use sverka::anchor::lexicon::Lexicon;
//! use sverka::anchor::sentence::{SentenceAnchors, overlap};
//!
//! let lex = Lexicon::builtin();
//! let en = SentenceAnchors::new("Lavrov said prices rose by 15% in March.", Lang::En, lex);
//! let ru = SentenceAnchors::new("Лавров заявил, что в марте цены выросли на 15 %.", Lang::Ru, lex);
//! let o = overlap(&en, &ru);
//! assert_eq!((o.en_matched, o.en_total), (6, 6));
//! assert!(o.ratio() > 0.8);
//! ```

pub mod acronyms;
pub mod lexicon;
pub mod numbers;
pub mod sentence;
pub mod stem;
pub mod tokens;
pub mod translit;
