//! Russian (ru-RU) sentence rules: the shared scanner with Russian word lists.

use std::sync::LazyLock;

use super::abbreviations::{Abbreviations, Table};
use super::compiled::{
    CAPTION_WORDS, DATE_WORDS, PART_WORDS, RU_ABBREVIATIONS_EXACT, RU_ABBREVIATIONS_FOLDED,
    RU_ABBREVIATIONS_LONGEST, RU_FUNCTION_WORDS, RU_JOINING_OPENERS, RU_SALUTATION_OPENERS,
    RU_SALUTATION_PHRASES, RU_STARTERS,
};
use super::scanner::Rules;
use super::words::{
    CaptionWords, DateWords, FunctionWords, PartWords, Salutations, Starters, UnmarkedOpeners,
    WordEndings, WordSet,
};

/// The Russian rules: the word lists as the build script compiled them.
pub static RULES: LazyLock<Rules> = LazyLock::new(|| Rules {
    abbreviations: Abbreviations {
        exact: Table::Compiled(&RU_ABBREVIATIONS_EXACT),
        folded: Table::Compiled(&RU_ABBREVIATIONS_FOLDED),
        longest: RU_ABBREVIATIONS_LONGEST,
        latin: Some(&super::en::ABBREVIATIONS),
    },
    starters: Starters(WordSet::Compiled(&RU_STARTERS)),
    joining_openers: Starters(WordSet::Compiled(&RU_JOINING_OPENERS)),
    salutations: Salutations {
        phrases: WordSet::Compiled(&RU_SALUTATION_PHRASES),
        openers: WordSet::Compiled(&RU_SALUTATION_OPENERS),
    },
    date_words: DateWords(WordSet::Compiled(&DATE_WORDS)),
    caption_words: CaptionWords(WordSet::Compiled(&CAPTION_WORDS)),
    part_words: PartWords(WordSet::Compiled(&PART_WORDS)),
    function_words: FunctionWords(WordSet::Compiled(&RU_FUNCTION_WORDS)),
    unmarked_openers: UnmarkedOpeners::parse(
        include_str!("../../data/sentence-starters-ru.txt"),
        include_str!("../../data/capitalised-inside-ru.txt"),
    ),
    word_endings: WordEndings::parse(include_str!("../../data/word-endings-ru.txt")),
    speech_dash: true,
});

#[cfg(test)]
mod tests {
    use crate::Lang;
    use crate::split::split;

    fn texts(text: &str) -> Vec<String> {
        split(text, Lang::Ru)
            .iter()
            .map(|s| s.text().to_string())
            .collect()
    }

    #[test]
    fn capitalised_function_word_after_lower_case_word_opens_sentence() {
        assert_eq!(
            texts("Отличная поездка получилась Я тоже хочу туда летом"),
            ["Отличная поездка получилась", "Я тоже хочу туда летом"]
        );
        assert_eq!(
            texts("Снег ещё не растаял Не верится что уже апрель"),
            ["Снег ещё не растаял", "Не верится что уже апрель"]
        );
    }

    #[test]
    fn sentence_opener_after_name_or_capitals_opens_sentence() {
        assert_eq!(
            texts("Метель накрыла Балканы В понедельник закрыли дороги"),
            ["Метель накрыла Балканы", "В понедельник закрыли дороги"]
        );
        assert_eq!(
            texts("Всё решили ЖИТЕЛИ Вот что значит дружба"),
            ["Всё решили ЖИТЕЛИ", "Вот что значит дружба"]
        );
        // A one-letter word after capitals is shouted with them.
        assert_eq!(
            texts("Он смеялся НАД ним, а не ВМЕСТЕ С ним."),
            ["Он смеялся НАД ним, а не ВМЕСТЕ С ним."]
        );
    }

    #[test]
    fn polite_pronoun_and_title_inside_sentence_continue() {
        assert_eq!(
            texts("Будем рады видеть Вас снова в нашем кафе"),
            ["Будем рады видеть Вас снова в нашем кафе"]
        );
        assert_eq!(
            texts("Письмо вручили послу Его Величества утром"),
            ["Письмо вручили послу Его Величества утром"]
        );
        // After a function word the clause goes on: "и Я" is no sentence start.
        assert_eq!(
            texts("Мы поехали и Мы вернулись"),
            ["Мы поехали и Мы вернулись"]
        );
    }

    #[test]
    fn verse_capitals_without_marks_are_lines_not_sentences() {
        let verse = "Мы шли по полю Но ветер выл И снег кружил Но мы дошли \
                     И свет горел Но дом молчал";
        assert_eq!(texts(verse).len(), 1);
    }

    #[test]
    fn text_that_capitalises_pronouns_inside_sentences_keeps_them() {
        // The text writes "Он" after a comma and "Его" before a full stop:
        // its capitals are a convention, so "услышали Он идёт" is no sentence start.
        let text = "Учитель сказал, Он придёт, и ученики ждали Его. \
                    Утром услышали Он идёт по дороге.";
        assert_eq!(
            texts(text),
            [
                "Учитель сказал, Он придёт, и ученики ждали Его.",
                "Утром услышали Он идёт по дороге."
            ]
        );
    }

    #[test]
    fn keeps_te_and_tk_with_or_without_space() {
        assert_eq!(
            texts("Это важно, т.е. нужно ехать, т. к. Он ждёт. Мы едем."),
            ["Это важно, т.е. нужно ехать, т. к. Он ждёт.", "Мы едем."]
        );
    }

    #[test]
    fn td_ends_sentence_before_capital() {
        assert_eq!(
            texts("Купили ручки, бумагу и т.д. Магазин закрылся."),
            ["Купили ручки, бумагу и т.д.", "Магазин закрылся."]
        );
        assert_eq!(
            texts("Купили ручки и т. п. Потом ушли."),
            ["Купили ручки и т. п.", "Потом ушли."]
        );
    }

    #[test]
    fn year_abbreviation_after_number_ends_sentence() {
        assert_eq!(
            texts("Это было в 2021 г. Потом всё изменилось."),
            ["Это было в 2021 г.", "Потом всё изменилось."]
        );
        assert_eq!(
            texts("Это было в XX в. Потом всё изменилось."),
            ["Это было в XX в.", "Потом всё изменилось."]
        );
    }

    #[test]
    fn date_with_year_abbreviation_continues_before_lower_case() {
        assert_eq!(
            texts("Интервью от 23 марта 2021 г. опубликовано."),
            ["Интервью от 23 марта 2021 г. опубликовано."]
        );
    }

    #[test]
    fn city_abbreviation_keeps_name() {
        assert_eq!(
            texts("Он живёт в г. Москве. Там тепло."),
            ["Он живёт в г. Москве.", "Там тепло."]
        );
    }

    #[test]
    fn keeps_initials_with_and_without_spaces() {
        assert_eq!(
            texts("С.В.Лавров и В. В. Путин провели встречу. Встреча прошла хорошо."),
            [
                "С.В.Лавров и В. В. Путин провели встречу.",
                "Встреча прошла хорошо."
            ]
        );
        assert_eq!(texts("Выступил С.В. Лавров."), ["Выступил С.В. Лавров."]);
    }

    #[test]
    fn initials_after_surname_end_sentence_before_opener() {
        assert_eq!(
            texts("Выступил Лавров С.В. Он говорил долго."),
            ["Выступил Лавров С.В.", "Он говорил долго."]
        );
    }

    #[test]
    fn initials_after_surname_end_sentence_before_ordinary_word() {
        // "Стихи" is an ordinary word of the text: it is seen in lower case.
        assert_eq!(
            texts("Об этом писал Блок А. А. Стихи его знают все, и стихи эти просты."),
            [
                "Об этом писал Блок А. А.",
                "Стихи его знают все, и стихи эти просты."
            ]
        );
        // Before a surname the initials start the name.
        assert_eq!(
            texts("Об этом писал А. А. Блок, и блок его стихов знают."),
            ["Об этом писал А. А. Блок, и блок его стихов знают."]
        );
    }

    #[test]
    fn initials_after_surname_in_oblique_case_end_sentence() {
        // A woman's surname after "судьёй", "у", "с" takes "-ой".
        assert_eq!(
            texts("Дело рассмотрено судьёй Сидоровой А.В. Решение изготовлено 5 апр."),
            [
                "Дело рассмотрено судьёй Сидоровой А.В.",
                "Решение изготовлено 5 апр."
            ]
        );
    }

    #[test]
    fn letter_of_a_part_may_end_sentence() {
        assert_eq!(
            texts("Перечень приведён в приложении Б. Оплата производится по факту."),
            [
                "Перечень приведён в приложении Б.",
                "Оплата производится по факту."
            ]
        );
        assert_eq!(
            texts("Полный текст приведён в прил. Б. Анкета содержит 24 вопроса."),
            [
                "Полный текст приведён в прил. Б.",
                "Анкета содержит 24 вопроса."
            ]
        );
        // Before a surname the letter is an initial.
        assert_eq!(
            texts("Документ подписал руководитель группы А. Иванов."),
            ["Документ подписал руководитель группы А. Иванов."]
        );
    }

    #[test]
    fn unit_after_amount_in_words_ends_sentence() {
        assert_eq!(
            texts("Стоимость услуг составляет 1 500,00 (одна тысяча пятьсот) руб. Оплата вперёд."),
            [
                "Стоимость услуг составляет 1 500,00 (одна тысяча пятьсот) руб.",
                "Оплата вперёд."
            ]
        );
        // Before a number the unit goes on, as after figures.
        assert_eq!(
            texts("Сумма 10 000 (десять тысяч) руб. 00 коп. перечисляется на счёт."),
            ["Сумма 10 000 (десять тысяч) руб. 00 коп. перечисляется на счёт."]
        );
    }

    #[test]
    fn keeps_titles_and_forms_of_address_with_name() {
        assert_eq!(
            texts(
                "Встретились г-н Иванов, проф. Петров и акад. Сидоров. Затем пришла г-жа Смирнова."
            ),
            [
                "Встретились г-н Иванов, проф. Петров и акад. Сидоров.",
                "Затем пришла г-жа Смирнова."
            ]
        );
    }

    #[test]
    fn numbered_abbreviation_keeps_section_number() {
        assert_eq!(
            texts("Согласно п. 3.2 договора и ст. 5 закона, см. рис. 2 и табл. 4. Это ясно."),
            [
                "Согласно п. 3.2 договора и ст. 5 закона, см. рис. 2 и табл. 4.",
                "Это ясно."
            ]
        );
    }

    #[test]
    fn money_abbreviations_after_number() {
        assert_eq!(
            texts("Выделено 5 млн. руб. на проект."),
            ["Выделено 5 млн. руб. на проект."]
        );
        assert_eq!(
            texts("Выделено 5 млн руб. Проект начат."),
            ["Выделено 5 млн руб.", "Проект начат."]
        );
    }

    #[test]
    fn keeps_thousands_with_space_and_decimal_comma() {
        assert_eq!(
            texts("Цена 1 000,5 руб. за тонну."),
            ["Цена 1 000,5 руб. за тонну."]
        );
    }

    #[test]
    fn keeps_dotted_dates_and_times() {
        assert_eq!(
            texts("Встреча 23.03.2021 в 13.00 прошла успешно. Итоги подведены."),
            [
                "Встреча 23.03.2021 в 13.00 прошла успешно.",
                "Итоги подведены."
            ]
        );
    }

    #[test]
    fn dialogue_dash_attribution_continues() {
        assert_eq!(
            texts("— Да, — сказал он. — Пойдём."),
            ["— Да, — сказал он.", "— Пойдём."]
        );
        assert_eq!(texts("— Куда? — спросил он."), ["— Куда? — спросил он."]);
    }

    #[test]
    fn closing_guillemet_stays_with_sentence() {
        assert_eq!(
            texts("Он сказал: «Идём». Все встали."),
            ["Он сказал: «Идём».", "Все встали."]
        );
        assert_eq!(texts("«Идём!» — крикнул он."), ["«Идём!» — крикнул он."]);
        assert_eq!(
            texts("Он спросил: «Кто там?» Никто не ответил."),
            ["Он спросил: «Кто там?»", "Никто не ответил."]
        );
    }

    #[test]
    fn closing_low_high_quote_stays_with_sentence() {
        assert_eq!(
            texts("Он ответил: „Нет“. Все замолчали."),
            ["Он ответил: „Нет“.", "Все замолчали."]
        );
    }

    #[test]
    fn quote_opening_next_sentence_starts_it() {
        assert_eq!(
            texts("Он замолчал. «Зачем?» — подумал он."),
            ["Он замолчал.", "«Зачем?» — подумал он."]
        );
    }

    #[test]
    fn lower_case_after_full_stop_continues() {
        assert_eq!(
            texts("Он прибыл в 10 ч. утра и уехал."),
            ["Он прибыл в 10 ч. утра и уехал."]
        );
    }

    #[test]
    fn exclamation_before_lower_case_ends_in_web_text() {
        assert_eq!(
            texts("Красота! никогда такого не видел"),
            ["Красота!", "никогда такого не видел"]
        );
    }

    #[test]
    fn smiley_ends_sentence_before_capital() {
        assert_eq!(
            texts("спасибо))) Завтра увидимся"),
            ["спасибо)))", "Завтра увидимся"]
        );
        assert_eq!(texts("Грустно(( Но ладно"), ["Грустно((", "Но ладно"]);
    }

    #[test]
    fn smiley_drawn_with_a_letter_ends_sentence_before_capital() {
        assert_eq!(
            texts("Супер :D Отличный снимок"),
            ["Супер :D", "Отличный снимок"]
        );
        assert_eq!(texts("Ну и ну :-P Завтра"), ["Ну и ну :-P", "Завтра"]);
        assert_eq!(texts("Ага ;p Пока"), ["Ага ;p", "Пока"]);
        // Not a face: lower case goes on, and a colon inside a word or
        // before a longer word is punctuation.
        assert_eq!(texts("Супер :D и всё"), ["Супер :D и всё"]);
        assert_eq!(texts("Счёт 3:D Далее"), ["Счёт 3:D Далее"]);
        assert_eq!(texts("Флаг :Debug Далее"), ["Флаг :Debug Далее"]);
    }

    #[test]
    fn bracket_pair_is_not_a_smiley() {
        assert_eq!(
            texts("Он (министр) Прибыл вовремя."),
            ["Он (министр) Прибыл вовремя."]
        );
    }

    #[test]
    fn bracket_glued_to_a_word_that_does_not_close_is_a_sad_smiley() {
        assert_eq!(
            texts("Не могу войти в кабинет( Оператор: Здравствуйте! Какая ошибка?"),
            [
                "Не могу войти в кабинет(",
                "Оператор: Здравствуйте!",
                "Какая ошибка?"
            ]
        );
        // Typed with a space inside, a bracket closes soon after.
        assert_eq!(
            texts("С малюсенькой( 3кг ) собачкой можно? Спасибо."),
            ["С малюсенькой( 3кг ) собачкой можно?", "Спасибо."]
        );
    }

    #[test]
    fn emoji_closes_sentence() {
        assert_eq!(
            texts("Отличный день 😊 Завтра снова"),
            ["Отличный день 😊", "Завтра снова"]
        );
        assert_eq!(
            texts("Нужна помощь🙏🏻 Сделайте репост"),
            ["Нужна помощь🙏🏻", "Сделайте репост"]
        );
    }

    #[test]
    fn emoji_after_question_is_an_answer_of_its_own() {
        assert_eq!(
            texts("А баня у вас есть? 👍 Мы приедем в субботу."),
            ["А баня у вас есть?", "👍", "Мы приедем в субботу."]
        );
        assert_eq!(texts("Когда открытие? 😊"), ["Когда открытие?", "😊"]);
        // After an exclamation the emoji still closes the sentence.
        assert_eq!(
            texts("Какой закат! 😍 Хочу туда"),
            ["Какой закат! 😍", "Хочу туда"]
        );
    }

    #[test]
    fn double_exclamation_drawn_as_emoji_ends_sentence() {
        assert_eq!(
            texts("Новости в ленте‼️ Вчера открыли мост."),
            ["Новости в ленте‼️", "Вчера открыли мост."]
        );
    }

    #[test]
    fn emoji_glued_to_word_after_emoji_run_opens_sentence() {
        assert_eq!(
            texts("Какой закат🌅👍 🐟клюёт с утра"),
            ["Какой закат🌅👍", "🐟клюёт с утра"]
        );
        // After a word, not an emoji, the glued emoji stays in the sentence.
        assert_eq!(
            texts("спасибо большое ❤️будем ждать"),
            ["спасибо большое ❤️будем ждать"]
        );
    }

    #[test]
    fn entry_heading_run_into_its_text_is_a_sentence() {
        assert_eq!(
            texts(
                "Гончарство Гончарство, одно из древнейших ремёсел, известно повсюду. \
                 В городах гончарство стало искусством."
            ),
            [
                "Гончарство",
                "Гончарство, одно из древнейших ремёсел, известно повсюду.",
                "В городах гончарство стало искусством."
            ]
        );
        // A capital that restates no word of the opening words is no headword.
        assert_eq!(
            texts("Прогресс Человечества не остановить, его ждёт человечество."),
            ["Прогресс Человечества не остановить, его ждёт человечество."]
        );
    }

    #[test]
    fn hashtags_close_sentence_before_capital() {
        assert_eq!(
            texts("Зима пришла #снег #зима Красота какая"),
            ["Зима пришла #снег #зима", "Красота какая"]
        );
    }

    #[test]
    fn mention_opens_reply() {
        assert_eq!(
            texts("Очень красиво @user спасибо"),
            ["Очень красиво", "@user спасибо"]
        );
        // After a short word that is no function word, a laugh, the reply opens too.
        assert_eq!(
            texts("Вот это улов ха ха @oleg завтра едем"),
            ["Вот это улов ха ха", "@oleg завтра едем"]
        );
        assert_eq!(
            texts("Купили подарок для @oleg вчера"),
            ["Купили подарок для @oleg вчера"]
        );
    }

    #[test]
    fn list_marker_after_semicolon_starts_item() {
        assert_eq!(
            texts("1) продать долю; 2) подарить её."),
            ["1) продать долю;", "2) подарить её."]
        );
    }

    #[test]
    fn bullet_after_mentions_alone_stays_with_its_item() {
        assert_eq!(
            texts("Классное фото! @anna ✅забраться на гору - сделано!"),
            ["Классное фото!", "@anna ✅забраться на гору - сделано!"]
        );
        assert_eq!(
            texts("Клюёт так: ✔ Утром окунь ✔ Вечером судак"),
            ["Клюёт так: ✔ Утром окунь", "✔ Вечером судак"]
        );
    }

    #[test]
    fn keycap_digit_starts_list_item() {
        assert_eq!(
            texts("Требования: 1⃣ Поднять зарплаты 2⃣ Снизить налоги"),
            ["Требования: 1⃣ Поднять зарплаты", "2⃣ Снизить налоги"]
        );
    }

    #[test]
    fn speaker_label_stays_with_sentence() {
        assert_eq!(
            texts("Вопрос: Когда визит? С.В.Лавров: Весной. Мы готовы."),
            ["Вопрос: Когда визит?", "С.В.Лавров: Весной.", "Мы готовы."]
        );
    }

    #[test]
    fn date_phrase_opening_sentence_keeps_capitalised_subject() {
        assert_eq!(
            texts("В 2019 г. Казань приняла чемпионат. Потом был Сочи."),
            ["В 2019 г. Казань приняла чемпионат.", "Потом был Сочи."]
        );
        assert_eq!(
            texts("С 1 марта 2025 г. Банк России меняет тарифы."),
            ["С 1 марта 2025 г. Банк России меняет тарифы."]
        );
        assert_eq!(
            texts("В XVIII в. Тверь была богатым городом."),
            ["В XVIII в. Тверь была богатым городом."]
        );
        assert_eq!(
            texts("В 1980-х гг. Новгород восстанавливали."),
            ["В 1980-х гг. Новгород восстанавливали."]
        );
    }

    #[test]
    fn year_abbreviation_after_a_clause_still_ends_sentence_before_name() {
        assert_eq!(
            texts("Мост открыли в 1936 г. Казань тогда росла."),
            ["Мост открыли в 1936 г.", "Казань тогда росла."]
        );
    }

    #[test]
    fn acronym_after_currency_unit_continues() {
        assert_eq!(
            texts("Кредит составил 7 млрд долл. США сроком на год."),
            ["Кредит составил 7 млрд долл. США сроком на год."]
        );
    }

    #[test]
    fn settlement_type_abbreviation_keeps_its_name() {
        assert_eq!(
            texts("Школу открыли в пгт. Красная Поляна весной."),
            ["Школу открыли в пгт. Красная Поляна весной."]
        );
    }

    #[test]
    fn word_cut_short_before_its_noun_is_an_abbreviation() {
        assert_eq!(
            texts("Он работал в междунар. отделе банка. Потом уехал."),
            ["Он работал в междунар. отделе банка.", "Потом уехал."]
        );
        assert_eq!(
            texts("Отчёт центра экономич. исследований вышел."),
            ["Отчёт центра экономич. исследований вышел."]
        );
    }

    #[test]
    fn word_cut_short_before_a_number_keeps_it() {
        assert_eq!(
            texts("Лекция пройдёт в ауд. 214 после обеда."),
            ["Лекция пройдёт в ауд. 214 после обеда."]
        );
    }

    #[test]
    fn whole_word_before_lower_case_still_ends_sentence() {
        assert_eq!(
            texts("какие виды в горах. мы шли долго"),
            ["какие виды в горах.", "мы шли долго"]
        );
        assert_eq!(
            texts("мне было не до шуток. и всё же я пошёл"),
            ["мне было не до шуток.", "и всё же я пошёл"]
        );
    }

    #[test]
    fn unit_abbreviation_before_a_number_is_numbered() {
        assert_eq!(
            texts("Адрес: ул. Лесная, д. 7, кв. 31. Звоните."),
            ["Адрес: ул. Лесная, д. 7, кв. 31.", "Звоните."]
        );
    }

    #[test]
    fn unit_after_a_measure_ends_sentence_before_capital() {
        assert_eq!(
            texts("Рост — 180 см. Масса — 75 кг."),
            ["Рост — 180 см.", "Масса — 75 кг."]
        );
    }

    #[test]
    fn quotation_glued_to_next_sentence_ends_it() {
        assert_eq!(
            texts("Он ответил: «Я занят.»Потом ушёл."),
            ["Он ответил: «Я занят.»", "Потом ушёл."]
        );
    }

    #[test]
    fn lines_of_verse_without_marks_are_units() {
        assert_eq!(
            texts(
                "над рекою тихий свет\nи туман ложится в сад\nникого на свете тут\nтолько липы шелестят"
            ),
            [
                "над рекою тихий свет",
                "и туман ложится в сад",
                "никого на свете тут",
                "только липы шелестят"
            ]
        );
    }

    #[test]
    fn prose_in_a_narrow_column_keeps_its_sentences() {
        assert_eq!(
            texts(
                "Утром мы все вместе вышли из\nдома и пошли к широкой реке\nпо старой пыльной дороге мимо\nпустых полей и брошенных домов"
            ),
            [
                "Утром мы все вместе вышли из\nдома и пошли к широкой реке\nпо старой пыльной дороге мимо\nпустых полей и брошенных домов"
            ]
        );
    }

    #[test]
    fn latin_abbreviation_in_russian_text_keeps_its_name() {
        assert_eq!(
            texts("Встречу с Mr. Smith перенесли. Матч Spartak vs. Zenit отменили."),
            [
                "Встречу с Mr. Smith перенесли.",
                "Матч Spartak vs. Zenit отменили."
            ]
        );
    }

    #[test]
    fn era_after_a_date_phrase_belongs_to_it() {
        assert_eq!(
            texts("В I в. н. э. Рим был огромным. Город основан в 988 г. н. э. Позже он рос."),
            [
                "В I в. н. э. Рим был огромным.",
                "Город основан в 988 г. н. э.",
                "Позже он рос."
            ]
        );
    }

    #[test]
    fn pair_abbreviation_after_a_number_ends_like_a_unit() {
        assert_eq!(
            texts("Ставку снизили на 0,5 п. п. Рынок отреагировал. Купили сыр и пр. Ужин удался."),
            [
                "Ставку снизили на 0,5 п. п.",
                "Рынок отреагировал.",
                "Купили сыр и пр.",
                "Ужин удался."
            ]
        );
    }

    #[test]
    fn century_range_before_its_abbreviation_counts_as_a_number() {
        assert_eq!(
            texts("Расцвет пришёлся на XVIII–XIX вв. Это время реформ. В XV–XVI вв. Россия росла."),
            [
                "Расцвет пришёлся на XVIII–XIX вв.",
                "Это время реформ.",
                "В XV–XVI вв. Россия росла."
            ]
        );
    }

    #[test]
    fn region_after_its_name_may_end_a_sentence() {
        assert_eq!(
            texts("Мы переехали в Тверскую обл. Там тише."),
            ["Мы переехали в Тверскую обл.", "Там тише."]
        );
    }

    #[test]
    fn abbreviation_before_a_number_sign_continues() {
        assert_eq!(
            texts("Закон от 01.02.2023 г. № 15-ФЗ утратил силу. Далее авт. № 5 до конца."),
            [
                "Закон от 01.02.2023 г. № 15-ФЗ утратил силу.",
                "Далее авт. № 5 до конца."
            ]
        );
    }

    #[test]
    fn adverb_of_time_opens_a_date_phrase_and_a_sentence() {
        assert_eq!(
            texts(
                "Весной 1812 г. Наполеон готовил поход. Школу открыли в 2023 г. Летом там был ремонт."
            ),
            [
                "Весной 1812 г. Наполеон готовил поход.",
                "Школу открыли в 2023 г.",
                "Летом там был ремонт."
            ]
        );
    }
}
