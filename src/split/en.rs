//! English (en-GB) sentence rules: the shared scanner with English word lists.

use std::sync::LazyLock;

use super::abbreviations::Abbreviations;
use super::scanner::Rules;
use super::words::{Salutations, Starters};

/// The English rules, parsed once from the data files on first use.
pub static RULES: LazyLock<Rules> = LazyLock::new(|| Rules {
    abbreviations: Abbreviations::parse(include_str!("../../data/abbreviations-en.txt")),
    starters: Starters::parse(include_str!("../../data/sentence-starters-en.txt")),
    salutations: Salutations::parse(include_str!("../../data/salutations-en.txt")),
});

#[cfg(test)]
mod tests {
    use crate::Lang;
    use crate::split::split;

    fn texts(text: &str) -> Vec<String> {
        split(text, Lang::En).into_iter().map(|s| s.text).collect()
    }
}
