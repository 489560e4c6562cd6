//! The splitter's built-in word lists, as the build script compiled them
//! from `data/` with the readers of [`super::abbreviations`] and
//! [`super::words`]: reading them was a tenth of a one-statement run.

use super::abbreviations::Kind;

// For each language (`EN_`, `RU_`): `ABBREVIATIONS_EXACT`,
// `ABBREVIATIONS_FOLDED` (`phf::Map<&str, Kind>`), `ABBREVIATIONS_LONGEST`,
// `STARTERS`, `JOINING_OPENERS`, `SALUTATION_PHRASES`, `SALUTATION_OPENERS`, `FUNCTION_WORDS`
// (`phf::Set<&str>`); and `DATE_WORDS`, `CAPTION_WORDS` and `PART_WORDS`, which all
// languages share.
include!(concat!(env!("OUT_DIR"), "/split_lists.rs"));

#[cfg(test)]
mod tests {
    use super::super::{en, ru};
    use crate::split::abbreviations::Abbreviations;
    use crate::split::words::{
        CaptionWords, DateWords, FunctionWords, PartWords, Salutations, Starters,
    };

    #[test]
    fn compiled_lists_equal_the_read_data_files() {
        let date_words = DateWords::parse(
            include_str!("../../data/date-phrase-words.txt"),
            include_str!("../../data/months.tsv"),
        );
        let caption_words = CaptionWords::parse(include_str!("../../data/caption-words.txt"));
        let part_words = PartWords::parse(include_str!("../../data/part-words.txt"));
        for (name, rules, abbreviations, starters, joining, salutations, function_words) in [
            (
                "en",
                &*en::RULES,
                include_str!("../../data/abbreviations-en.txt"),
                include_str!("../../data/sentence-starters-en.txt"),
                include_str!("../../data/joining-openers-en.txt"),
                include_str!("../../data/salutations-en.txt"),
                include_str!("../../data/stopwords-en.txt"),
            ),
            (
                "ru",
                &*ru::RULES,
                include_str!("../../data/abbreviations-ru.txt"),
                include_str!("../../data/sentence-starters-ru.txt"),
                include_str!("../../data/joining-openers-ru.txt"),
                include_str!("../../data/salutations-ru.txt"),
                include_str!("../../data/stopwords-ru.txt"),
            ),
        ] {
            let read = Abbreviations::parse(abbreviations);
            let compiled = &rules.abbreviations;
            assert_eq!(read.exact.sorted(), compiled.exact.sorted(), "{name}");
            assert_eq!(read.folded.sorted(), compiled.folded.sorted(), "{name}");
            assert_eq!(read.longest, compiled.longest, "{name}");
            let read = Starters::parse(starters);
            assert_eq!(read.0.sorted(), rules.starters.0.sorted(), "{name}");
            let read = Starters::parse(joining);
            assert_eq!(read.0.sorted(), rules.joining_openers.0.sorted(), "{name}");
            for word in read.0.sorted() {
                assert!(rules.starters.contains(word), "{name}: {word} is no opener");
            }
            let read = Salutations::parse(salutations);
            let compiled = &rules.salutations;
            assert_eq!(read.phrases.sorted(), compiled.phrases.sorted(), "{name}");
            assert_eq!(read.openers.sorted(), compiled.openers.sorted(), "{name}");
            let read = FunctionWords::parse(function_words);
            assert_eq!(read.0.sorted(), rules.function_words.0.sorted(), "{name}");
            assert_eq!(date_words.0.sorted(), rules.date_words.0.sorted(), "{name}");
            assert_eq!(
                caption_words.0.sorted(),
                rules.caption_words.0.sorted(),
                "{name}"
            );
            assert_eq!(part_words.0.sorted(), rules.part_words.0.sorted(), "{name}");
        }
    }
}
