//! English (en-GB) sentence rules: the shared scanner with English word lists.

use std::sync::LazyLock;

use super::abbreviations::{Abbreviations, Table};
use super::compiled::{
    CAPTION_WORDS, DATE_WORDS, EN_ABBREVIATIONS_EXACT, EN_ABBREVIATIONS_FOLDED,
    EN_ABBREVIATIONS_LONGEST, EN_FUNCTION_WORDS, EN_JOINING_OPENERS, EN_SALUTATION_OPENERS,
    EN_SALUTATION_PHRASES, EN_STARTERS, PART_WORDS,
};
use super::scanner::Rules;
use super::words::{
    CaptionWords, DateWords, FunctionWords, PartWords, Salutations, Starters, UnmarkedOpeners,
    WordEndings, WordSet,
};

/// The English abbreviations, which words in Latin script of a Russian text
/// fall back to ("Mr. Smith", "vs.").
pub static ABBREVIATIONS: Abbreviations = Abbreviations {
    exact: Table::Compiled(&EN_ABBREVIATIONS_EXACT),
    folded: Table::Compiled(&EN_ABBREVIATIONS_FOLDED),
    longest: EN_ABBREVIATIONS_LONGEST,
    latin: None,
};

/// The English rules: the word lists as the build script compiled them.
pub static RULES: LazyLock<Rules> = LazyLock::new(|| Rules {
    abbreviations: Abbreviations {
        exact: Table::Compiled(&EN_ABBREVIATIONS_EXACT),
        folded: Table::Compiled(&EN_ABBREVIATIONS_FOLDED),
        longest: EN_ABBREVIATIONS_LONGEST,
        latin: None,
    },
    starters: Starters(WordSet::Compiled(&EN_STARTERS)),
    joining_openers: Starters(WordSet::Compiled(&EN_JOINING_OPENERS)),
    salutations: Salutations {
        phrases: WordSet::Compiled(&EN_SALUTATION_PHRASES),
        openers: WordSet::Compiled(&EN_SALUTATION_OPENERS),
    },
    date_words: DateWords(WordSet::Compiled(&DATE_WORDS)),
    caption_words: CaptionWords(WordSet::Compiled(&CAPTION_WORDS)),
    part_words: PartWords(WordSet::Compiled(&PART_WORDS)),
    function_words: FunctionWords(WordSet::Compiled(&EN_FUNCTION_WORDS)),
    unmarked_openers: UnmarkedOpeners::default(),
    word_endings: WordEndings::default(),
    speech_dash: false,
});

#[cfg(test)]
mod tests {
    use crate::Lang;
    use crate::split::split;

    fn texts(text: &str) -> Vec<String> {
        split(text, Lang::En)
            .iter()
            .map(|s| s.text().to_string())
            .collect()
    }

    #[test]
    fn capitalised_word_without_mark_is_no_sentence_start() {
        // English capitalises "I", names and titles inside a sentence.
        assert_eq!(
            texts("We met at the station He was late again"),
            ["We met at the station He was late again"]
        );
    }

    #[test]
    fn keeps_title_abbreviation_with_name() {
        assert_eq!(
            texts("Mr. Smith met Dr. Jones. They talked."),
            ["Mr. Smith met Dr. Jones.", "They talked."]
        );
    }

    #[test]
    fn keeps_title_abbreviation_in_capitals() {
        assert_eq!(
            texts("ARGUMENT OF GEN. SMITH FOR THE STATE"),
            ["ARGUMENT OF GEN. SMITH FOR THE STATE"]
        );
    }

    #[test]
    fn keeps_latin_abbreviations() {
        assert_eq!(
            texts("Bring fruit, e.g. apples, i.e. something sweet. Then leave."),
            [
                "Bring fruit, e.g. apples, i.e. something sweet.",
                "Then leave."
            ]
        );
    }

    #[test]
    fn etc_ends_sentence_before_capital() {
        assert_eq!(
            texts("We bought pens, paper etc. The shop then closed."),
            ["We bought pens, paper etc.", "The shop then closed."]
        );
    }

    #[test]
    fn etc_before_lower_case_continues() {
        assert_eq!(
            texts("We bought pens, paper etc. and went home."),
            ["We bought pens, paper etc. and went home."]
        );
    }

    #[test]
    fn ambiguous_abbreviation_ends_only_before_sentence_opener() {
        assert_eq!(
            texts("He moved to the U.S. The move was hard."),
            ["He moved to the U.S.", "The move was hard."]
        );
        assert_eq!(
            texts("The U.S. Embassy issued a note."),
            ["The U.S. Embassy issued a note."]
        );
        assert_eq!(
            texts("Talks start on Jan. 5 in London."),
            ["Talks start on Jan. 5 in London."]
        );
    }

    #[test]
    fn company_form_ends_sentence_only_before_opener() {
        assert_eq!(
            texts("He works for Acme Inc. The firm is small."),
            ["He works for Acme Inc.", "The firm is small."]
        );
        assert_eq!(
            texts("Acme Inc. Phone 555 0100"),
            ["Acme Inc. Phone 555 0100"]
        );
    }

    #[test]
    fn keeps_initials_with_surname() {
        assert_eq!(
            texts("J. R. R. Tolkien wrote it. V. Putin spoke."),
            ["J. R. R. Tolkien wrote it.", "V. Putin spoke."]
        );
        assert_eq!(
            texts("J.R.R. Tolkien wrote books."),
            ["J.R.R. Tolkien wrote books."]
        );
    }

    #[test]
    fn initial_ends_sentence_before_opener() {
        assert_eq!(
            texts("We chose plan B. The rest failed."),
            ["We chose plan B.", "The rest failed."]
        );
    }

    #[test]
    fn numbered_abbreviation_keeps_its_number() {
        assert_eq!(
            texts("See No. 5 and Art. 12 of the treaty. It is clear."),
            ["See No. 5 and Art. 12 of the treaty.", "It is clear."]
        );
        assert_eq!(texts("He said No. Not now."), ["He said No.", "Not now."]);
    }

    #[test]
    fn numbered_abbreviation_without_its_number_is_the_word() {
        assert_eq!(
            texts("Oh no. Rain spoilt the picnic."),
            ["Oh no.", "Rain spoilt the picnic."]
        );
        assert_eq!(
            texts("Read no. (3) and No. IV first."),
            ["Read no. (3) and No. IV first."]
        );
        assert_eq!(
            texts("The owner says no. (Edit: I asked twice.)"),
            ["The owner says no.", "(Edit: I asked twice.)"]
        );
    }

    #[test]
    fn time_abbreviation_ends_sentence() {
        assert_eq!(
            texts("We met at 5 p.m. The talks went on."),
            ["We met at 5 p.m.", "The talks went on."]
        );
        assert_eq!(
            texts("We met at 10 a.m. (CDT) in Houston."),
            ["We met at 10 a.m. (CDT) in Houston."]
        );
    }

    #[test]
    fn keeps_decimals_and_thousands() {
        assert_eq!(
            texts("Growth was 3.5 per cent. Sales hit 1,000.5 tonnes."),
            ["Growth was 3.5 per cent.", "Sales hit 1,000.5 tonnes."]
        );
    }

    #[test]
    fn keeps_urls_emails_and_versions() {
        assert_eq!(
            texts(
                "Visit www.example.org/en or write to press@example.org today. Version 1.2.3 is out."
            ),
            [
                "Visit www.example.org/en or write to press@example.org today.",
                "Version 1.2.3 is out."
            ]
        );
    }

    #[test]
    fn full_stop_before_link_ends_sentence() {
        assert_eq!(
            texts("Read more here. http://example.org/a"),
            ["Read more here.", "http://example.org/a"]
        );
    }

    #[test]
    fn link_before_capital_ends_sentence() {
        assert_eq!(
            texts("Photos at http://example.org/a It is free."),
            ["Photos at http://example.org/a", "It is free."]
        );
    }

    #[test]
    fn splits_after_runs_of_marks() {
        assert_eq!(
            texts("Really?! Yes!!! Fine."),
            ["Really?!", "Yes!!!", "Fine."]
        );
    }

    #[test]
    fn quoted_question_with_attribution_continues() {
        assert_eq!(
            texts("“Why?” she asked. He shrugged."),
            ["“Why?” she asked.", "He shrugged."]
        );
    }

    #[test]
    fn closing_quote_stays_with_sentence() {
        assert_eq!(
            texts("He said \"Go.\" Then he left."),
            ["He said \"Go.\"", "Then he left."]
        );
        assert_eq!(
            texts("(See the annex.) The rest follows."),
            ["(See the annex.)", "The rest follows."]
        );
    }

    #[test]
    fn reference_marks_stay_with_sentence() {
        assert_eq!(
            texts("He was born in 1788. [3] He died young."),
            ["He was born in 1788. [3]", "He died young."]
        );
    }

    #[test]
    fn ellipsis_ends_sentence_only_before_capital() {
        assert_eq!(
            texts("I waited... Nobody came."),
            ["I waited...", "Nobody came."]
        );
        assert_eq!(texts("I waited… and waited."), ["I waited… and waited."]);
    }

    #[test]
    fn lower_case_after_abbreviation_continues() {
        assert_eq!(
            texts("It costs approx. ten pounds, vs. twelve before."),
            ["It costs approx. ten pounds, vs. twelve before."]
        );
    }

    #[test]
    fn question_before_lower_case_ends_in_web_text() {
        assert_eq!(
            texts("where are you? call me."),
            ["where are you?", "call me."]
        );
    }

    #[test]
    fn numbered_heading_is_not_a_sentence_end() {
        assert_eq!(
            texts("1. Scope of the agreement"),
            ["1. Scope of the agreement"]
        );
        assert_eq!(texts("IV. Results"), ["IV. Results"]);
    }

    #[test]
    fn salutation_comma_ends_sentence() {
        assert_eq!(
            texts("Kind regards, John Smith"),
            ["Kind regards,", "John Smith"]
        );
        assert_eq!(
            texts("Thank you, Mr Chairman."),
            ["Thank you, Mr Chairman."]
        );
    }

    #[test]
    fn greeting_before_the_person_greeted_goes_on() {
        assert_eq!(
            texts("Good morning, Tony. Hello, Mr. President. Hey, Tenuk, do you mind?"),
            [
                "Good morning, Tony.",
                "Hello, Mr. President.",
                "Hey, Tenuk, do you mind?"
            ]
        );
        assert_eq!(
            texts("Hello, I've been in this club."),
            ["Hello, I've been in this club."]
        );
        // A sentence after the greeting, and a signature after a sign-off.
        assert_eq!(texts("Hi, Thanks."), ["Hi,", "Thanks."]);
        assert_eq!(texts("Hi, Just checking in."), ["Hi,", "Just checking in."]);
        assert_eq!(
            texts("Best regards, Debra Perlingiere"),
            ["Best regards,", "Debra Perlingiere"]
        );
    }

    #[test]
    fn time_zone_after_clock_time_is_part_of_the_time() {
        assert_eq!(
            texts(
                "The talks begin at 3 p.m. Moscow time. It starts at 9 a.m. Eastern Standard Time on Monday."
            ),
            [
                "The talks begin at 3 p.m. Moscow time.",
                "It starts at 9 a.m. Eastern Standard Time on Monday."
            ]
        );
        assert_eq!(
            texts("It ended at 9 p.m. The time had come."),
            ["It ended at 9 p.m.", "The time had come."]
        );
    }

    #[test]
    fn mark_inside_code_span_is_code() {
        assert_eq!(
            texts("In `macro_rules!` `$crate` is used. A question mark `?` (not U+FFFD) is kept."),
            [
                "In `macro_rules!` `$crate` is used.",
                "A question mark `?` (not U+FFFD) is kept."
            ]
        );
        assert_eq!(
            texts("Both (`!Unpin` too) work. Call `panic!`. Then stop."),
            ["Both (`!Unpin` too) work.", "Call `panic!`.", "Then stop."]
        );
    }

    #[test]
    fn documentation_symbols_and_values_in_running_text() {
        assert_eq!(
            texts("We'll also discuss the ! type. It prints The answer is: 12. We specify f."),
            [
                "We'll also discuss the ! type.",
                "It prints The answer is: 12.",
                "We specify f."
            ]
        );
        assert_eq!(
            texts("A bool must be false (0) or true (1). Relocations (e.g. @plt, @TPOFF) work."),
            [
                "A bool must be false (0) or true (1).",
                "Relocations (e.g. @plt, @TPOFF) work."
            ]
        );
        assert_eq!(
            texts("Steps: 1. Open it 2. Close it"),
            ["Steps: 1. Open it", "2. Close it"]
        );
    }

    #[test]
    fn email_header_date_and_time_stand_apart() {
        assert_eq!(
            texts("Kay Mann 04/26/2001 07:17 AM Will you send it?"),
            ["Kay Mann", "04/26/2001 07:17 AM", "Will you send it?"]
        );
    }

    #[test]
    fn speaker_label_stays_with_sentence() {
        assert_eq!(
            texts("Question: Will you visit Seoul? Sergey Lavrov: Yes. We will."),
            [
                "Question: Will you visit Seoul?",
                "Sergey Lavrov: Yes.",
                "We will."
            ]
        );
    }

    #[test]
    fn postscript_stays_with_its_text() {
        assert_eq!(
            texts("Thanks again. P.S. I am moving soon. PS. Love it!"),
            ["Thanks again.", "P.S. I am moving soon.", "PS. Love it!"]
        );
    }

    #[test]
    fn name_with_exclamation_mark_keeps_sentence() {
        assert_eq!(
            texts("She works at Yahoo! in the accounts team."),
            ["She works at Yahoo! in the accounts team."]
        );
    }

    #[test]
    fn time_phrase_opening_sentence_keeps_name_after_am() {
        assert_eq!(
            texts(
                "At 9 a.m. Dr. Patel opened the clinic. She closed it at 4 p.m. Dr. Patel then drove home."
            ),
            [
                "At 9 a.m. Dr. Patel opened the clinic.",
                "She closed it at 4 p.m.",
                "Dr. Patel then drove home."
            ]
        );
    }

    #[test]
    fn double_hyphen_opening_a_sentence_is_a_separator() {
        assert_eq!(
            texts("Great day at the lake. -- Posted by Ann at 5:10 PM"),
            ["Great day at the lake.", "--", "Posted by Ann at 5:10 PM"]
        );
        assert_eq!(
            texts("He left -- Ann stayed behind."),
            ["He left -- Ann stayed behind."]
        );
        // A dateline's abbreviation is no sentence end that "--" could follow.
        assert!(
            !texts("NORFOLK, Va. -- The city voted on Monday.")
                .iter()
                .any(|s| s.trim() == "--")
        );
    }

    #[test]
    fn spaced_dash_before_sentence_opener_breaks_sentence_off() {
        assert_eq!(
            texts("We need a — Do you have a knife?"),
            ["We need a —", "Do you have a knife?"]
        );
        assert_eq!(
            texts("I wanted to — I wanted to win."),
            ["I wanted to — I wanted to win."]
        );
        assert_eq!(
            texts("The mayor — Anna Berg — spoke."),
            ["The mayor — Anna Berg — spoke."]
        );
    }

    #[test]
    fn contact_field_ends_after_its_value() {
        assert_eq!(
            texts("Email: ann@mail.example lol, the photos came out odd"),
            ["Email: ann@mail.example", "lol, the photos came out odd"]
        );
        assert_eq!(
            texts("Phone: 555.010.0199 Fax: 555.010.0198 See you."),
            ["Phone: 555.010.0199", "Fax: 555.010.0198", "See you."]
        );
        assert_eq!(
            texts("Email: ann@mail.example or call us."),
            ["Email: ann@mail.example or call us."]
        );
    }

    #[test]
    fn roman_list_markers_in_a_line_start_items() {
        assert_eq!(
            texts("i. Read it ii. Sign it iii. Send it"),
            ["i. Read it", "ii. Sign it", "iii. Send it"]
        );
        assert_eq!(texts("I. Scope II. Terms"), ["I. Scope", "II. Terms"]);
        assert_eq!(
            texts("h. Eight i. Nine j. Ten"),
            ["h. Eight", "i. Nine", "j. Ten"]
        );
    }

    #[test]
    fn full_stop_glued_to_lower_case_function_word_ends_sentence() {
        assert_eq!(
            texts("we lost the match.then it rained"),
            ["we lost the match.", "then it rained"]
        );
        assert_eq!(
            texts("see example.com or visit site.it today"),
            ["see example.com or visit site.it today"]
        );
    }

    #[test]
    fn bracketed_note_after_full_stop_opens_a_unit() {
        assert_eq!(
            texts("The fair has run for centuries. (credit: photo by Ann Lee)"),
            [
                "The fair has run for centuries.",
                "(credit: photo by Ann Lee)"
            ]
        );
    }

    #[test]
    fn caption_label_opening_a_paragraph_stands_alone() {
        assert_eq!(
            texts("Figure 2.3 Farmers bring their goods to the market."),
            ["Figure 2.3", "Farmers bring their goods to the market."]
        );
        assert_eq!(
            texts("As Figure 2 Shows, and Table 3 shows, prices rose."),
            ["As Figure 2 Shows, and Table 3 shows, prices rose."]
        );
    }

    #[test]
    fn day_after_clock_time_is_part_of_the_date() {
        assert_eq!(
            texts("The ferry leaves at 9 a.m. Monday to Friday. It is slow."),
            [
                "The ferry leaves at 9 a.m. Monday to Friday.",
                "It is slow."
            ]
        );
        assert_eq!(
            texts("On Monday at 9 a.m. Dr. Lee opened the clinic."),
            ["On Monday at 9 a.m. Dr. Lee opened the clinic."]
        );
    }

    #[test]
    fn full_stop_glued_to_title_ends_sentence() {
        assert_eq!(
            texts("The fair opens on Friday.Mrs. Hale runs it."),
            ["The fair opens on Friday.", "Mrs. Hale runs it."]
        );
        assert_eq!(
            texts("Write to Anna.Berg@post.example today."),
            ["Write to Anna.Berg@post.example today."]
        );
        assert_eq!(
            texts("He read it on Lenta.Ru yesterday."),
            ["He read it on Lenta.Ru yesterday."]
        );
    }

    #[test]
    fn spaced_three_dot_ellipsis_before_pronoun_i_is_a_pause() {
        assert_eq!(
            texts("Honestly . . . I forgot. Well... I did call."),
            ["Honestly . . . I forgot.", "Well...", "I did call."]
        );
        // Unless the quotation closes after it: the speech ended there.
        assert_eq!(
            texts("'Yes, yes . . .' 'I am glad,' she said."),
            ["'Yes, yes . . .'", "'I am glad,' she said."]
        );
        assert_eq!(
            texts("He waited . . . Nobody came."),
            ["He waited . . .", "Nobody came."]
        );
    }

    #[test]
    fn short_lower_case_lines_are_list_items() {
        assert_eq!(
            texts("opening hours\nticket prices\nhow to get there"),
            ["opening hours", "ticket prices", "how to get there"]
        );
        assert_eq!(
            texts("The printer jammed in the\nmiddle of the report."),
            ["The printer jammed in the\nmiddle of the report."]
        );
    }

    #[test]
    fn short_word_the_text_uses_as_abbreviation_keeps_a_name_after_it() {
        assert_eq!(
            texts("Write to the secr. of the club. The secr. Henry Park will reply."),
            [
                "Write to the secr. of the club.",
                "The secr. Henry Park will reply."
            ]
        );
    }

    #[test]
    fn ordinary_word_of_the_text_opens_sentence_after_ambiguous_abbreviation() {
        assert_eq!(
            texts("Our team flew to the U.S. Delegates from Peru stayed home."),
            ["Our team flew to the U.S. Delegates from Peru stayed home."]
        );
        assert_eq!(
            texts("The delegates flew to the U.S. Delegates from Peru stayed. Few delegates came."),
            [
                "The delegates flew to the U.S.",
                "Delegates from Peru stayed.",
                "Few delegates came."
            ]
        );
    }

    #[test]
    fn number_glued_to_next_sentence_ends_it() {
        assert_eq!(
            texts("The farm sold 2,500.That was a record."),
            ["The farm sold 2,500.", "That was a record."]
        );
        assert_eq!(texts("Version 2.0 is out."), ["Version 2.0 is out."]);
    }

    #[test]
    fn footnote_number_after_full_stop_stays_with_its_sentence() {
        assert_eq!(
            texts("Voters choose their council. 3 Most towns elect a mayor too."),
            [
                "Voters choose their council. 3",
                "Most towns elect a mayor too."
            ]
        );
        assert_eq!(
            texts("They won in 2019. 12 Teams took part."),
            ["They won in 2019.", "12 Teams took part."]
        );
    }

    #[test]
    fn equation_abbreviation_keeps_its_number() {
        assert_eq!(
            texts("Compare Eq. 4 with Fig. 2 first."),
            ["Compare Eq. 4 with Fig. 2 first."]
        );
    }

    #[test]
    fn quotation_glued_to_next_sentence_ends_it() {
        assert_eq!(
            texts("\"We are late.\"Ann ran to the car."),
            ["\"We are late.\"", "Ann ran to the car."]
        );
        assert_eq!(
            texts("Rain fell all night.\"Stay in,\" she said."),
            ["Rain fell all night.", "\"Stay in,\" she said."]
        );
        assert_eq!(
            texts("Buy \"Gazeta.Ru\" today."),
            ["Buy \"Gazeta.Ru\" today."]
        );
    }

    #[test]
    fn each_link_of_a_run_of_links_stands_alone() {
        assert_eq!(
            texts("Photos: http://example.org/a.jpg http://example.org/b.jpg see them"),
            [
                "Photos: http://example.org/a.jpg",
                "http://example.org/b.jpg see them"
            ]
        );
    }

    #[test]
    fn ellipsis_glued_to_a_capital_ends_sentence() {
        assert_eq!(
            texts("We waited an hour...Nobody came..I left."),
            ["We waited an hour...", "Nobody came..", "I left."]
        );
        assert_eq!(
            texts("We waited...and waited. Then: ...Nobody."),
            ["We waited...and waited.", "Then: ...Nobody."]
        );
        assert_eq!(
            texts("He called “Anna…Maria…” twice."),
            ["He called “Anna…Maria…” twice."]
        );
    }

    #[test]
    fn address_in_angle_brackets_ends_header_line() {
        assert_eq!(
            texts("From: \"Ann Lee\"<ann@mail.example> Thanks for the notes."),
            [
                "From: \"Ann Lee\"<ann@mail.example>",
                "Thanks for the notes."
            ]
        );
        assert_eq!(
            texts("Write to <ann@mail.example> today."),
            ["Write to <ann@mail.example> today."]
        );
    }

    #[test]
    fn full_stop_glued_to_one_letter_opener_ends_sentence() {
        assert_eq!(
            texts("The tap dripped.I fixed it.A plumber came anyway."),
            ["The tap dripped.", "I fixed it.", "A plumber came anyway."]
        );
    }

    #[test]
    fn senior_ends_sentence_only_before_opener() {
        assert_eq!(
            texts("Ask Ray Dunn Sr. He knows. Ray Dunn Sr. Jones is a cousin."),
            [
                "Ask Ray Dunn Sr.",
                "He knows.",
                "Ray Dunn Sr. Jones is a cousin."
            ]
        );
    }

    #[test]
    fn abbreviation_glued_to_title_ends_sentence() {
        assert_eq!(
            texts("They sold it to Brand Inc.Mr. Rao bought it back."),
            ["They sold it to Brand Inc.", "Mr. Rao bought it back."]
        );
    }

    #[test]
    fn bracket_closed_roman_and_capital_markers_start_items() {
        assert_eq!(texts("iv) load v) unload"), ["iv) load", "v) unload"]);
        assert_eq!(texts("i) load ii) unload"), ["i) load", "ii) unload"]);
        assert_eq!(texts("C) Blue D) Red"), ["C) Blue", "D) Red"]);
        assert_eq!(
            texts("(i) we load (ii) we unload"),
            ["(i) we load", "(ii) we unload"]
        );
    }

    #[test]
    fn inline_items_that_run_on_stay_in_their_sentence() {
        assert_eq!(
            texts("Pick 1) tea, 2) coffee or 3) juice."),
            ["Pick 1) tea, 2) coffee or 3) juice."]
        );
        assert_eq!(
            texts("It needs (a) paint and (b) nails."),
            ["It needs (a) paint and (b) nails."]
        );
    }

    #[test]
    fn line_broken_after_function_word_before_name_continues() {
        assert_eq!(
            texts("The parcel went to\nLeeds by mistake."),
            ["The parcel went to\nLeeds by mistake."]
        );
        assert_eq!(
            texts("We asked for\nThe manager came."),
            ["We asked for", "The manager came."]
        );
    }

    #[test]
    fn spaced_straight_quote_closes_open_quotation() {
        assert_eq!(
            texts("She wrote: ' We are safe. The roads are open. ' Then the line went dead."),
            [
                "She wrote: ' We are safe.",
                "The roads are open. '",
                "Then the line went dead."
            ]
        );
        assert_eq!(
            texts("Rain fell. ' Soon ' was all he said."),
            ["Rain fell.", "' Soon ' was all he said."]
        );
    }

    #[test]
    fn ellipsis_before_capitalised_bracketed_note_ends_sentence() {
        assert_eq!(
            texts("More next week... (Pictures to follow.)"),
            ["More next week...", "(Pictures to follow.)"]
        );
        assert_eq!(
            texts("The rule holds [...] (Lee 2004) in most cases."),
            ["The rule holds [...] (Lee 2004) in most cases."]
        );
    }

    #[test]
    fn range_of_months_or_days_written_short_reads_as_its_second() {
        for text in [
            "Data were collected in Jan.–Mar. 2021. Analysis followed in Apr.",
            "Data were collected in Jan.-Mar. 2021. Analysis followed in Apr.",
            "Data were collected in Jan. – Mar. 2021. Analysis followed in Apr.",
        ] {
            let (range, _) = text.split_at(text.find(" Analysis").unwrap());
            assert_eq!(texts(text), [range, "Analysis followed in Apr."]);
        }
        assert_eq!(
            texts("Open Mon.–Fri. 9 a.m. to 5 p.m. Closed on holidays."),
            ["Open Mon.–Fri. 9 a.m. to 5 p.m.", "Closed on holidays."]
        );
        // A range of days or months is a whole date: it ends before a
        // capitalised word that is no date name, unless it opens the sentence.
        assert_eq!(
            texts(
                "The office is closed Sat.–Sun. Call the hotline. The season runs Apr. – Oct. Tickets sell out. From Jan.–Mar. Smith led the team."
            ),
            [
                "The office is closed Sat.–Sun.",
                "Call the hotline.",
                "The season runs Apr. – Oct.",
                "Tickets sell out.",
                "From Jan.–Mar. Smith led the team."
            ]
        );
        // A command-line option is still no abbreviation.
        assert_eq!(
            texts("Run it with -v. The output is longer."),
            ["Run it with -v.", "The output is longer."]
        );
    }

    #[test]
    fn letter_of_a_part_may_end_sentence() {
        assert_eq!(
            texts("The assets are listed in Schedule A. Payment is due on completion."),
            [
                "The assets are listed in Schedule A.",
                "Payment is due on completion."
            ]
        );
        assert_eq!(
            texts("Take vitamin C. Zinc helps too."),
            ["Take vitamin C.", "Zinc helps too."]
        );
        // After a name the letter is an initial.
        assert_eq!(
            texts("The report by Anna K. Jones is attached."),
            ["The report by Anna K. Jones is attached."]
        );
    }

    #[test]
    fn one_capital_opening_a_sentence_labels_it() {
        assert_eq!(
            texts("Q. Did you see him that night? A. No, I did not."),
            ["Q. Did you see him that night?", "A. No, I did not."]
        );
    }
}
