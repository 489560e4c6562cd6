//! Anchors: what survives translation (numbers, names, acronyms, dictionary words).
//!
//! The aligner extracts the anchors of every sentence once, keeps the keys
//! found on both sides of the pair, and rewards a bead for the weight of the
//! keys its two sides share. Every module here is data-driven: the word lists
//! live in `data/` and are pulled in with `include_str!`.
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
//! * [`dialogue`]: dialogue marks of a sentence (a turn opened by a quote
//!   or a dash; a question, an exclamation) and how much their agreement
//!   across a bead says (`turn(text, lang)`, `log_odds`).
//! * [`key`]: what extraction gives: an [`Anchor`] is an [`AnchorKey`] (a
//!   hashed kind and value) on a content token ([`TokenIx`]); a
//!   [`Capitalised`] word may be a name.
//! * [`sentence`]: everything above for the sentences of one side at once.
//!   [`Extractor`] works out each distinct word once and keeps it for later
//!   sentences; `anchors_of_all(texts)` gives, per sentence (in parallel), its
//!   sorted anchors, its count of content tokens and its capitalised words.
//! * [`measure`]: the anchor overlap of one pair of sentences
//!   (`SentenceAnchors`, `overlap`, `matched_tokens`), for the `tools/anchor_*`
//!   studies; the aligner does not use it.
//!
//! # What the aligner calls
//!
//! `align::lexical::link` calls [`Extractor::anchors_of_all`] on each side's
//! sentences (with [`Extractors::LEXICON_ONLY`] a second time for a learned
//! lexicon), then keeps the keys found on both sides of the pair, links the
//! capitalised words left unmatched by the similarity of their Latin forms,
//! and weighs every kept key by how rare it is. The dynamic programme sees
//! only those weighted keys (see `docs/architecture.md`).
//!
//! # Adding an anchor kind
//!
//! 1. Write the finder in `src/anchor/<kind>.rs`, its word list in
//!    `data/<kind>.tsv` (read with `include_str!`), with unit tests beside it.
//! 2. Add a variant to `Kind` in `sentence.rs`, so its keys never collide
//!    with another kind's.
//! 3. Key the tokens it covers in `Extractor::work_out` (what depends on a
//!    word alone, done once per word) or `Extractor::assemble` (what needs
//!    the sentence: spans over several tokens, as numbers have).
//! 4. Do the same in the test-only `reference` extractor of `sentence.rs`,
//!    which a property test compares the extractor with.
//! 5. Add a field to [`Extractors`], so that `tools/anchor_coverage.rs` can
//!    measure the kind alone and without it.
//! 6. Measure it (`cargo run --release --example anchor_coverage --
//!    ../shared/eval/align/dev`, then `scripts/eval-align.sh`) on two parts of
//!    the dev data, and describe it in `docs/anchors.md` and the list above.
//!
//! Nothing in `align/` changes: a new kind's keys are linked, weighed and
//! costed like every other key.

pub mod acronyms;
pub mod dialogue;
pub mod key;
pub mod lexicon;
pub mod measure;
pub mod numbers;
pub mod sentence;
pub mod stem;
pub mod tokens;
pub mod translit;

pub use key::{Anchor, AnchorKey, Capitalised, TokenIx};
pub use sentence::{Extracted, Extractor, Extractors};
