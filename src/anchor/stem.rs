//! Light suffix-stripping stemmers for English and Russian.
//!
//! They do not find linguistic roots; they only map the inflected forms of a
//! word to one key, the same way for dictionary entries and for running text,
//! so that `переговоров` and `переговоры` meet `talks` through one lexicon
//! entry. Both run in time linear in the word.

/// Russian inflectional endings, tried longest first (nouns, adjectives,
/// verbs in the past, present and infinitive). Written by the sverka team
/// after the usual declension and conjugation tables. Past-tense `-ла/-ло/-ли`
/// and the infinitive `-ть` are only listed after a vowel (`заявила`,
/// `сказать`), so that nouns like `школа`, `число`, `власть` keep their stem.
const RU_ENDINGS: &[&str] = &[
    // four letters
    "иями", // three letters
    "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ешь", "ишь", "ете", "ите", "ать",
    "ять", "ить", "еть", "уть", "ыть", "оть", "ала", "яла", "ила", "ела", "ыла", "ула", "ало",
    "яло", "ило", "ело", "ыло", "уло", "али", "яли", "или", "ели", "ыли", "ули",
    // two letters
    "ах", "ях", "ам", "ям", "ов", "ев", "ом", "ем", "ых", "их", "ым", "им", "ая", "яя", "ое", "ее",
    "ой", "ей", "ий", "ый", "ую", "юю", "ия", "ие", "ии", "ию", "ье", "ья", "ьи", "ью", "ет", "ит",
    "ут", "ют", "ат", "ят", "ал", "ял", "ил", "ел", "ыл", "ул", // one letter
    "ы", "и", "а", "я", "у", "ю", "е", "о", "ь", "й",
];

const RU_VOWELS: &str = "аеиоуыэюяй";

/// Minimum stem length in characters: shorter words are left whole.
const MIN_STEM: usize = 3;

/// The stem of a lowercased Russian word: reflexive `-ся/-сь` and one
/// inflectional ending removed, then one trailing vowel or soft sign.
pub fn stem_ru(word: &str) -> String {
    let folded;
    let mut s: &str = if word.contains('ё') {
        folded = word.replace('ё', "е");
        &folded
    } else {
        word
    };
    let mut n = s.chars().count();
    if n > MIN_STEM + 2 && (s.ends_with("ся") || s.ends_with("сь")) {
        s = &s[..s.len() - "ся".len()];
        n -= 2;
    }
    // A short infinitive (знать, спать) is too short for -ать: keep the
    // vowel, drop -ть, so that it meets its present forms (знаю, знает).
    if n == MIN_STEM + 2
        && s.ends_with("ть")
        && s[..s.len() - "ть".len()]
            .chars()
            .next_back()
            .is_some_and(|c| RU_VOWELS.contains(c))
    {
        return s[..s.len() - "ть".len()].to_string();
    }
    // Every ending ends in a two-byte letter; comparing last bytes first
    // skips most of them without a string comparison (the stemmer runs on
    // every word of the lexicon at start, and of the text).
    let last = s.as_bytes().last();
    for e in RU_ENDINGS {
        if e.as_bytes().last() == last && s.ends_with(e) {
            let k = e.chars().count();
            if n >= MIN_STEM + k {
                s = &s[..s.len() - e.len()];
                n -= k;
                break;
            }
        }
    }
    if n > MIN_STEM
        && let Some(c) = s.chars().next_back()
        && (RU_VOWELS.contains(c) || c == 'ь')
    {
        s = &s[..s.len() - c.len_utf8()];
    }
    s.to_string()
}

/// The stem of a lowercased English word: possessive, plural, `-ed`, `-ing`,
/// `-ly` and a final `-e` removed, `-y`/`-ies`/`-ied` folded to `i`, a doubled
/// final consonant undoubled (`planned` -> `plan`).
pub fn stem_en(word: &str) -> String {
    let mut w = word
        .trim_end_matches("'s")
        .trim_end_matches('\'')
        .to_string();
    let has_vowel = |s: &str| s.chars().any(|c| "aeiouy".contains(c));
    if w.len() <= 3 {
        return w;
    }
    if let Some(s) = w.strip_suffix("ies").or_else(|| w.strip_suffix("ied")) {
        w = format!("{s}i");
    } else if w.ends_with("sses")
        || w.ends_with("xes")
        || w.ends_with("ches")
        || w.ends_with("shes")
    {
        w.truncate(w.len() - 2);
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w.pop();
    }
    for suffix in ["ing", "ed"] {
        if let Some(s) = w.strip_suffix(suffix)
            && s.len() >= 3
            && has_vowel(s)
        {
            w = s.to_string();
            let b = w.as_bytes();
            let n = b.len();
            if n >= 2 && b[n - 1] == b[n - 2] && !b"aeiouslz".contains(&b[n - 1]) {
                w.pop();
            }
            break;
        }
    }
    if w.len() > 5
        && let Some(s) = w.strip_suffix("ly")
    {
        w = s.to_string();
    }
    if w.ends_with('y') && w.len() > 3 {
        w.pop();
        w.push('i');
    }
    if w.ends_with('e') && w.len() > 3 {
        w.pop();
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_ru(words: &[&str]) {
        let first = stem_ru(words[0]);
        for w in words {
            assert_eq!(stem_ru(w), first, "{w}");
        }
    }

    fn same_en(words: &[&str]) {
        let first = stem_en(words[0]);
        for w in words {
            assert_eq!(stem_en(w), first, "{w}");
        }
    }

    #[test]
    fn russian_noun_cases_share_a_stem() {
        same_ru(&["переговоры", "переговоров", "переговорах", "переговорами"]);
        same_ru(&["страна", "страны", "стране", "страну", "странами", "стран"]);
        same_ru(&[
            "правительство",
            "правительства",
            "правительством",
            "правительстве",
        ]);
        same_ru(&["президент", "президента", "президентом", "президенту"]);
    }

    #[test]
    fn russian_adjective_and_verb_forms_share_a_stem() {
        same_ru(&[
            "российский",
            "российской",
            "российского",
            "российских",
            "российская",
        ]);
        same_ru(&["заявил", "заявила", "заявили", "заявить"]);
        same_ru(&["говорит", "говорил", "говорят", "говорить"]);
        same_ru(&["встретиться", "встретились", "встретил"]);
    }

    #[test]
    fn nouns_ending_like_verbs_keep_their_stem() {
        same_ru(&["власть", "власти", "властью"]);
        same_ru(&["гость", "гостей", "гостя"]);
        same_ru(&["школа", "школы", "школе"]);
        same_ru(&["число", "числа", "числе"]);
        same_ru(&["часть", "части", "частью"]);
        same_ru(&["первый", "первым", "первого"]);
        same_ru(&["знать", "знаю", "знает"]);
    }

    #[test]
    fn short_russian_words_stay_whole() {
        assert_eq!(stem_ru("мир"), "мир");
        assert_eq!(stem_ru("цены"), "цен");
    }

    #[test]
    fn english_inflections_share_a_stem() {
        same_en(&["increase", "increased", "increases", "increasing"]);
        same_en(&["price", "prices", "price's"]);
        same_en(&["plan", "planned", "planning", "plans"]);
        same_en(&["country", "countries"]);
        same_en(&["tax", "taxes"]);
        same_en(&["stop", "stopped", "stopping"]);
    }

    #[test]
    fn english_stems_keep_short_and_double_s_words() {
        assert_eq!(stem_en("bus"), "bus");
        assert_eq!(stem_en("press"), "press");
        assert_eq!(stem_en("crisis"), "crisis");
    }
}
