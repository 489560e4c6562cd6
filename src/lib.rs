//! # sverka: sentence alignment for English and Russian
//!
//! sverka takes the English (en-GB) and the Russian (ru-RU) version of the same
//! text, splits both into sentences and pairs them up into *beads*: groups of
//! sentences that translate each other (1-1, 2-1, 1-2, 2-2, ...) or that have no
//! counterpart on the other side (1-0, 0-1).
//!
//! ```
//! use sverka::{Aligner, AlignOptions};
//!
//! let en = "Will you visit Seoul this spring?\n\nYes. We plan to sign three agreements there.";
//! let ru = "Вы посетите Сеул этой весной?\n\nДа. Мы планируем подписать там три соглашения.";
//! let alignment = Aligner::new(AlignOptions::default()).align(en, ru);
//! for bead in &alignment.beads {
//!     println!("{} | {}", alignment.en_text(bead), alignment.ru_text(bead));
//! }
//! assert_eq!(alignment.beads.len(), 3);
//! ```
//!
//! The pipeline has one module per stage:
//!
//! ```text
//! input -> split -> anchor -> align -> write
//! ```
//!
//! * [`input`] reads a file into text (encoding, BOM) and reports bad input.
//! * [`split`] cuts text into [`Sentence`]s with English and Russian rules.
//! * [`anchor`] finds what survives translation: numbers, names, acronyms.
//! * [`align`] pairs the sentences into [`Bead`]s with a length model and anchors.
//! * [`write`] renders an [`Alignment`] as TMX, CSV, TSV, JSONL, beads or a table.
//! * [`report`] checks coverage: untranslated sentences, numbers that disagree.
//! * [`review`] the review page and the reviewed alignment it exports.

#![warn(missing_docs)]

pub mod align;
pub mod alignment;
pub mod anchor;
pub mod chrome;
pub mod error;
pub mod input;
pub mod lang;
mod narrow;
pub mod parallel;
pub mod pipeline;
pub mod report;
pub mod review;
pub mod split;
pub mod verdict;
pub mod write;

pub use align::{AlignOptions, Aligner, Alignment, Bead};
pub use error::Error;
pub use lang::{Lang, Sides};

pub use split::Sentence;
