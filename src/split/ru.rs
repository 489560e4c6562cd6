//! Russian (ru-RU) sentence rules: the shared scanner with Russian word lists.

use std::sync::LazyLock;

use super::abbreviations::Abbreviations;
use super::scanner::Rules;
use super::words::{Salutations, Starters};

/// The Russian rules, parsed once from the data files on first use.
pub static RULES: LazyLock<Rules> = LazyLock::new(|| Rules {
    abbreviations: Abbreviations::parse(include_str!("../../data/abbreviations-ru.txt")),
    starters: Starters::parse(include_str!("../../data/sentence-starters-ru.txt")),
    salutations: Salutations::parse(include_str!("../../data/salutations-ru.txt")),
});

#[cfg(test)]
mod tests {
    use crate::Lang;
    use crate::split::split;

    fn texts(text: &str) -> Vec<String> {
        split(text, Lang::Ru).into_iter().map(|s| s.text).collect()
    }
}
