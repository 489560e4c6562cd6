//! The English splitter on the phenomena a splitter that generalises must
//! handle (issue 15): abbreviations, initials, clock times, glued sentences,
//! list items, ellipses, quotes and brackets after the mark, numbers, links,
//! runs of marks, headings and dialogue.
//!
//! Every sentence here was written for this suite by the sverka team; none
//! comes from an evaluation set. Each test is one phenomenon, a table of
//! texts and the sentences they must split into; a failing test lists every
//! case of its table that failed, not only the first.
//!
//! Where a case is ambiguous, the table follows the convention written in
//! `docs/splitting.md` ("The English phenomenon suite and its conventions")
//! and says so in a comment.

mod common;

use sverka::Lang;

/// Splits every text of `cases` in English and fails with all the mismatches.
fn check(phenomenon: &str, cases: &[(&str, &[&str])]) {
    common::check_split(Lang::En, phenomenon, cases);
}

#[test]
fn titles_before_names() {
    check(
        "titles",
        &[
            (
                "Dr. Okafor checked the results twice. Nobody argued.",
                &["Dr. Okafor checked the results twice.", "Nobody argued."],
            ),
            (
                "We wrote to Prof. Lindqvist and Mrs. Hale about the grant.",
                &["We wrote to Prof. Lindqvist and Mrs. Hale about the grant."],
            ),
            (
                "The letter was signed by Sen. Marsh. It arrived late.",
                &["The letter was signed by Sen. Marsh.", "It arrived late."],
            ),
            (
                "Ms. Varga and Mr. O'Neill share an office on the third floor.",
                &["Ms. Varga and Mr. O'Neill share an office on the third floor."],
            ),
            (
                "Capt. Reyes gave the order. Lt. Cho repeated it.",
                &["Capt. Reyes gave the order.", "Lt. Cho repeated it."],
            ),
            (
                "The parish of St. Brendan runs a food bank on Fridays.",
                &["The parish of St. Brendan runs a food bank on Fridays."],
            ),
            (
                "Rev. Abernathy read the banns. Then the choir sang.",
                &["Rev. Abernathy read the banns.", "Then the choir sang."],
            ),
            (
                "She met Gen. Ivers, Col. Bright and Sgt. Mole at the gate.",
                &["She met Gen. Ivers, Col. Bright and Sgt. Mole at the gate."],
            ),
            (
                "The award went to Martin Hale Jr. of Leeds.",
                &["The award went to Martin Hale Jr. of Leeds."],
            ),
            (
                "The firm hired Dr. Amara Singh. She starts on Monday.",
                &["The firm hired Dr. Amara Singh.", "She starts on Monday."],
            ),
            (
                "I asked Mr. Patel whether Mrs. Patel was in.",
                &["I asked Mr. Patel whether Mrs. Patel was in."],
            ),
            (
                "We drove along Mt. Pleasant Road. It was icy.",
                &["We drove along Mt. Pleasant Road.", "It was icy."],
            ),
            (
                "The prize went to Tom Hale Sr. The runner-up was his son.",
                &[
                    "The prize went to Tom Hale Sr.",
                    "The runner-up was his son.",
                ],
            ),
            (
                "The prize went to Tom Hale Sr. of Bristol.",
                &["The prize went to Tom Hale Sr. of Bristol."],
            ),
            (
                "Gov. Reed signed it. Rep. Chan objected.",
                &["Gov. Reed signed it.", "Rep. Chan objected."],
            ),
        ],
    );
}

#[test]
fn latin_abbreviations() {
    check(
        "latin",
        &[
            (
                "Pack light, e.g. one bag and a coat. The bus is small.",
                &["Pack light, e.g. one bag and a coat.", "The bus is small."],
            ),
            (
                "Use a neutral colour (i.e. grey or beige) for the walls.",
                &["Use a neutral colour (i.e. grey or beige) for the walls."],
            ),
            (
                "We sell nails, screws, hinges, etc. Ask at the counter.",
                &["We sell nails, screws, hinges, etc.", "Ask at the counter."],
            ),
            (
                "Bring pens, paper, etc. to the exam room.",
                &["Bring pens, paper, etc. to the exam room."],
            ),
            (
                "The model was proposed by Park et al. in a short note.",
                &["The model was proposed by Park et al. in a short note."],
            ),
            (
                "The effect was first reported by Moreau et al. Later work confirmed it.",
                &[
                    "The effect was first reported by Moreau et al.",
                    "Later work confirmed it.",
                ],
            ),
            (
                "Compare the two drafts (cf. the appendix) before you vote.",
                &["Compare the two drafts (cf. the appendix) before you vote."],
            ),
            (
                "Tonight it is Leeds vs. Hull at the old ground.",
                &["Tonight it is Leeds vs. Hull at the old ground."],
            ),
            (
                "Some fruit, e.g. Plums, keeps well. Other fruit does not.",
                &[
                    "Some fruit, e.g. Plums, keeps well.",
                    "Other fruit does not.",
                ],
            ),
            (
                "He lists the usual suspects, viz. rent, food and heating.",
                &["He lists the usual suspects, viz. rent, food and heating."],
            ),
            (
                "Bring the forms, the receipts, the keys etc.",
                &["Bring the forms, the receipts, the keys etc."],
            ),
            (
                "We met in the foyer, i.e. The Grand Hall, at noon.",
                &["We met in the foyer, i.e. The Grand Hall, at noon."],
            ),
            // A number right after is the abbreviation's own: a year, a page.
            (
                "As Smith et al. 2019 showed, the effect is small.",
                &["As Smith et al. 2019 showed, the effect is small."],
            ),
            (
                "Hadrian began the wall in A.D. 122 and finished it in six years.",
                &["Hadrian began the wall in A.D. 122 and finished it in six years."],
            ),
            (
                "The town was founded in 55 B.C. 300 years later it was a city.",
                &[
                    "The town was founded in 55 B.C.",
                    "300 years later it was a city.",
                ],
            ),
        ],
    );
}

#[test]
fn units_and_measures() {
    check(
        "units",
        &[
            // A unit of a unit after a number may end the sentence.
            (
                "Spacious 3 bed semi, approx. 1,100 sq. ft. Gas CH, double glazing.",
                &[
                    "Spacious 3 bed semi, approx. 1,100 sq. ft.",
                    "Gas CH, double glazing.",
                ],
            ),
            (
                "Available from 1st Sept. Viewing by appt. only, £850 pcm excl. bills.",
                &[
                    "Available from 1st Sept.",
                    "Viewing by appt. only, £850 pcm excl. bills.",
                ],
            ),
            (
                "The shelf is 4 ft. wide and 2 ft. deep.",
                &["The shelf is 4 ft. wide and 2 ft. deep."],
            ),
            (
                "Add 2 oz. of butter. Stir well.",
                &["Add 2 oz. of butter.", "Stir well."],
            ),
            // After an ordinal as after a number; a date phrase with an
            // ordinal that opens the sentence goes on, as "After 2 yrs." does.
            (
                "United scored in the 89th min. Fans celebrated.",
                &["United scored in the 89th min.", "Fans celebrated."],
            ),
            (
                "In the 2nd yr. Smith left the firm.",
                &["In the 2nd yr. Smith left the firm."],
            ),
            // The second unit of a rate, after a quantity and its unit.
            (
                "The limit is 50 mi. per hr. Police enforce it.",
                &["The limit is 50 mi. per hr.", "Police enforce it."],
            ),
            // Shortened words of notes and forms go on before lower case and
            // end before a common opener.
            (
                "The temp. dropped below zero. Roads iced over.",
                &["The temp. dropped below zero.", "Roads iced over."],
            ),
            (
                "Enter the avg. score per wk. Then press Save.",
                &["Enter the avg. score per wk.", "Then press Save."],
            ),
            (
                "The parcel weighs 12 lbs. and costs a fortune to post.",
                &["The parcel weighs 12 lbs. and costs a fortune to post."],
            ),
            (
                "The pole is ten ft. The rope is longer.",
                &["The pole is ten ft.", "The rope is longer."],
            ),
            (
                "Bake for 40 min. at a low heat.",
                &["Bake for 40 min. at a low heat."],
            ),
            (
                "The flat is 60 sq. m in all.",
                &["The flat is 60 sq. m in all."],
            ),
            (
                "Boil it for 3 mins. Then drain the pasta.",
                &["Boil it for 3 mins.", "Then drain the pasta."],
            ),
            (
                "The trail climbs 900 ft. over two miles.",
                &["The trail climbs 900 ft. over two miles."],
            ),
            (
                "It took 2 hrs. We were tired.",
                &["It took 2 hrs.", "We were tired."],
            ),
            (
                "Use approx. 3 cups of flour.",
                &["Use approx. 3 cups of flour."],
            ),
            (
                "Mix 2 tbsp. flour with 1 tsp. salt.",
                &["Mix 2 tbsp. flour with 1 tsp. salt."],
            ),
            (
                "Leave the pkg. outside the bldg. door.",
                &["Leave the pkg. outside the bldg. door."],
            ),
            // After a number a unit ends the sentence before a capital, as
            // "5 млн руб." does; elsewhere only before a common opener.
            (
                "The parcel weighs 3 lbs. Shipping is free.",
                &["The parcel weighs 3 lbs.", "Shipping is free."],
            ),
            (
                "We waited a few hrs. Then the bus came. Ft. Worth police said nothing.",
                &[
                    "We waited a few hrs.",
                    "Then the bus came.",
                    "Ft. Worth police said nothing.",
                ],
            ),
        ],
    );
}

#[test]
fn months_and_days() {
    check(
        "months",
        &[
            (
                // A short month after the day ends the date, and the sentence
                // before a capital, unless the date opens the sentence.
                "The deal closed on 12 Sept. Shares rose. On 5 Oct. Smith resigned.",
                &[
                    "The deal closed on 12 Sept.",
                    "Shares rose.",
                    "On 5 Oct. Smith resigned.",
                ],
            ),
            (
                "The shop reopens on Jan. 9 after the holidays.",
                &["The shop reopens on Jan. 9 after the holidays."],
            ),
            (
                "The lease ends in Sept. The owner will not renew it.",
                &["The lease ends in Sept.", "The owner will not renew it."],
            ),
            (
                "Payment is due Oct. 31, 2024. Late fees apply.",
                &["Payment is due Oct. 31, 2024.", "Late fees apply."],
            ),
            (
                "Classes run from Mon. to Thurs. every week.",
                &["Classes run from Mon. to Thurs. every week."],
            ),
            (
                "The letter is dated Feb. 3. It was never sent.",
                &["The letter is dated Feb. 3.", "It was never sent."],
            ),
            (
                "Dec. 24 is a half day for staff.",
                &["Dec. 24 is a half day for staff."],
            ),
            (
                "Open Tue. through Sat. from ten to six.",
                &["Open Tue. through Sat. from ten to six."],
            ),
            (
                "The vote moved from Aug. 2 to Aug. 16.",
                &["The vote moved from Aug. 2 to Aug. 16."],
            ),
            // A month written short after a preposition of time, with no day
            // after it, ends the phrase; not when the phrase opens the
            // sentence, nor before a number.
            (
                "The central bank reacted in Oct. Inflation slowed.",
                &["The central bank reacted in Oct.", "Inflation slowed."],
            ),
            (
                "By Jan. Smith had left. Jan. Smith spoke later.",
                &["By Jan. Smith had left.", "Jan. Smith spoke later."],
            ),
            // So does a day written short, after "on" too.
            (
                "We arrived on Mon. Traffic was bad. We ate out last Sat. Loved it.",
                &[
                    "We arrived on Mon.",
                    "Traffic was bad.",
                    "We ate out last Sat.",
                    "Loved it.",
                ],
            ),
            (
                // A day before the date it names goes on.
                "The shop opens on Sat. March 9 at noon. We met on Fri. Jan. 12 there.",
                &[
                    "The shop opens on Sat. March 9 at noon.",
                    "We met on Fri. Jan. 12 there.",
                ],
            ),
            (
                "Since Tue. Smith has not called. They were wed. Guests cheered.",
                &[
                    "Since Tue. Smith has not called.",
                    "They were wed.",
                    "Guests cheered.",
                ],
            ),
        ],
    );
}

#[test]
fn numbered_references() {
    check(
        "references",
        &[
            (
                "The results are plotted in Fig. 4 and listed in Table 2.",
                &["The results are plotted in Fig. 4 and listed in Table 2."],
            ),
            (
                "She lives at No. 14 on the high street.",
                &["She lives at No. 14 on the high street."],
            ),
            (
                "Turn to p. 212 for the answers.",
                &["Turn to p. 212 for the answers."],
            ),
            // References in legislation; "art." without its number is the word.
            (
                "Reg. 9 was revoked by art. 3. The fees under reg. 4 are in Sch. 2 to these Regulations.",
                &[
                    "Reg. 9 was revoked by art. 3.",
                    "The fees under reg. 4 are in Sch. 2 to these Regulations.",
                ],
            ),
            (
                "She taught modern art. Paintings filled her flat.",
                &["She taught modern art.", "Paintings filled her flat."],
            ),
            // Patents write the reference word in capitals, and name what a
            // number sign numbers with a word cut short.
            (
                "As shown in FIG. 3, the valve is closed. It is disclosed in U.S. Pat. No. 7,123,456 to Smith.",
                &[
                    "As shown in FIG. 3, the valve is closed.",
                    "It is disclosed in U.S. Pat. No. 7,123,456 to Smith.",
                ],
            ),
            (
                "See p. 45 for a worked example. Then try Ex. 4 on your own.",
                &[
                    "See p. 45 for a worked example.",
                    "Then try Ex. 4 on your own.",
                ],
            ),
            // A book of the Bible cut short before its chapter and verse; no
            // sentence is a number alone before the bracket that closes.
            (
                "Compare Isa. 40:31 with Ps. 103:5. The text is the Sermon on the Mount (cf. Matt. 5:1–12). It is in the British Library (MS Add. 4892).",
                &[
                    "Compare Isa. 40:31 with Ps. 103:5.",
                    "The text is the Sermon on the Mount (cf. Matt. 5:1–12).",
                    "It is in the British Library (MS Add. 4892).",
                ],
            ),
            (
                "In vv. 4–6 the psalmist turns to praise. The town, pop. 12,400 (elev. 412 m), lies on the Exe.",
                &[
                    "In vv. 4–6 the psalmist turns to praise.",
                    "The town, pop. 12,400 (elev. 412 m), lies on the Exe.",
                ],
            ),
            (
                "Area: 1,024 km². Pop. 48,300 (2019 est.). Founded around A.D. 529.",
                &[
                    "Area: 1,024 km².",
                    "Pop. 48,300 (2019 est.).",
                    "Founded around A.D. 529.",
                ],
            ),
            // The plural of a listed reference word ("Sect.") is one too, and
            // so is a "sub" part of one.
            (
                "Sects. 4–5 discuss the results. We conclude in Sect. 6.",
                &["Sects. 4–5 discuss the results.", "We conclude in Sect. 6."],
            ),
            (
                "As per subsec. (b) above, fees are due. See subpara. 2 as well.",
                &[
                    "As per subsec. (b) above, fees are due.",
                    "See subpara. 2 as well.",
                ],
            ),
            (
                "The essay is in Vol. 3, pp. 41-58. It is short.",
                &["The essay is in Vol. 3, pp. 41-58.", "It is short."],
            ),
            (
                "See Sec. 2.4 for the proof. It is long.",
                &["See Sec. 2.4 for the proof.", "It is long."],
            ),
            (
                "Apply Eq. 7 to both sides.",
                &["Apply Eq. 7 to both sides."],
            ),
            (
                "His symphony No. 5 is his best known work.",
                &["His symphony No. 5 is his best known work."],
            ),
            (
                "Figs. 2 and 3 show the same trend.",
                &["Figs. 2 and 3 show the same trend."],
            ),
            (
                "Art. 9 of the charter protects the press.",
                &["Art. 9 of the charter protects the press."],
            ),
            (
                "The answer was no. We left it there.",
                &["The answer was no.", "We left it there."],
            ),
            (
                "Read Vol. 2, ch. 3. It covers the war.",
                &["Read Vol. 2, ch. 3.", "It covers the war."],
            ),
            // "chap." is no chapter: it is the word.
            (
                "He is a first-rate chap.' Oblonsky looked at his watch.",
                &["He is a first-rate chap.'", "Oblonsky looked at his watch."],
            ),
            // A word without a vowel is cut short, and the number after it is
            // its own; an interjection and a unit after a quantity are not.
            (
                "Notices go to the address in Sch. 2. Each party may change it.",
                &[
                    "Notices go to the address in Sch. 2.",
                    "Each party may change it.",
                ],
            ),
            (
                "Hmm. 5 people came. After 10 km. 5 runners dropped out.",
                &[
                    "Hmm.",
                    "5 people came.",
                    "After 10 km.",
                    "5 runners dropped out.",
                ],
            ),
        ],
    );
}

#[test]
fn initials() {
    check(
        "initials",
        &[
            (
                "C. S. Lewis taught at Oxford for years.",
                &["C. S. Lewis taught at Oxford for years."],
            ),
            (
                "The poems of T.S. Eliot are hard work.",
                &["The poems of T.S. Eliot are hard work."],
            ),
            (
                "The report was written by Maria T. Gomez and her team.",
                &["The report was written by Maria T. Gomez and her team."],
            ),
            (
                "A letter from H. G. Wells was sold at auction. It fetched a lot.",
                &[
                    "A letter from H. G. Wells was sold at auction.",
                    "It fetched a lot.",
                ],
            ),
            (
                "Vitamin C. The body cannot make it.",
                &["Vitamin C.", "The body cannot make it."],
            ),
            (
                "Harry S. Truman was president in 1945.",
                &["Harry S. Truman was president in 1945."],
            ),
            (
                "We voted for option B. Then we went home.",
                &["We voted for option B.", "Then we went home."],
            ),
            (
                "The talk by P. K. Nair starts at noon.",
                &["The talk by P. K. Nair starts at noon."],
            ),
            (
                "E.B. White wrote for children too.",
                &["E.B. White wrote for children too."],
            ),
            (
                "Ask Anna K. She knows the code.",
                &["Ask Anna K.", "She knows the code."],
            ),
            (
                "The winner was Jonas E. Berg of Oslo.",
                &["The winner was Jonas E. Berg of Oslo."],
            ),
        ],
    );
}

#[test]
fn clock_times() {
    check(
        "a.m./p.m.",
        &[
            // A range glued by its dash ends in the clock time.
            (
                "Open Sat. 10 a.m.–4 p.m. Admission is free.",
                &["Open Sat. 10 a.m.–4 p.m.", "Admission is free."],
            ),
            (
                "The train leaves at 6 a.m. It is always late.",
                &["The train leaves at 6 a.m.", "It is always late."],
            ),
            (
                "Doors open at 7 p.m. and the band plays at nine.",
                &["Doors open at 7 p.m. and the band plays at nine."],
            ),
            (
                "At 8 a.m. Mrs. Quinn unlocked the library.",
                &["At 8 a.m. Mrs. Quinn unlocked the library."],
            ),
            (
                "We finished at 11 p.m. Everyone was exhausted.",
                &["We finished at 11 p.m.", "Everyone was exhausted."],
            ),
            (
                "By 10 a.m. Jonas had fed the goats.",
                &["By 10 a.m. Jonas had fed the goats."],
            ),
            (
                "The market opens at 9 A.M. Stalls close at noon.",
                &["The market opens at 9 A.M.", "Stalls close at noon."],
            ),
            (
                "Call between 2 p.m. and 4 p.m. on weekdays.",
                &["Call between 2 p.m. and 4 p.m. on weekdays."],
            ),
            (
                "The alarm rang at 5 a.m. Nobody moved.",
                &["The alarm rang at 5 a.m.", "Nobody moved."],
            ),
            (
                "I usually wake at 6:30 a.m. on Sundays.",
                &["I usually wake at 6:30 a.m. on Sundays."],
            ),
            // Convention: a clock time at the end of a clause that did not
            // open with it ends the sentence before a title and name (see
            // docs/splitting.md).
            (
                "The shop shut at 6 p.m. Mr. Ford went home.",
                &["The shop shut at 6 p.m.", "Mr. Ford went home."],
            ),
            (
                "Since 7 a.m. Lena has answered forty calls.",
                &["Since 7 a.m. Lena has answered forty calls."],
            ),
            // Convention, and a known miss: a short clause of function words
            // before the time counts as a time phrase opening the sentence.
            (
                "It was 10 a.m. Dr. Lowe was late.",
                &["It was 10 a.m. Dr. Lowe was late."],
            ),
        ],
    );
}

#[test]
fn sentences_glued_without_a_space() {
    check(
        "glued",
        &[
            (
                "We closed early on Friday.Mrs. Dale was not pleased.",
                &["We closed early on Friday.", "Mrs. Dale was not pleased."],
            ),
            (
                "The soup was cold.The bread was stale.",
                &["The soup was cold.", "The bread was stale."],
            ),
            (
                "It rained all week.Then the sun came out.",
                &["It rained all week.", "Then the sun came out."],
            ),
            (
                "Is it open?Yes, until six.",
                &["Is it open?", "Yes, until six."],
            ),
            ("Stop!We are not ready.", &["Stop!", "We are not ready."]),
            (
                "They sold 3,400.It was a record year.",
                &["They sold 3,400.", "It was a record year."],
            ),
            (
                "Download the file from files.example.net today.",
                &["Download the file from files.example.net today."],
            ),
            (
                "Our office moved to Main St.Dr. Webb did not move with it.",
                &[
                    "Our office moved to Main St.",
                    "Dr. Webb did not move with it.",
                ],
            ),
            (
                "I came home late.I was tired.",
                &["I came home late.", "I was tired."],
            ),
            (
                "The lights went out.A minute later they came back.",
                &["The lights went out.", "A minute later they came back."],
            ),
            (
                "She left at noon.I'm not sure why.",
                &["She left at noon.", "I'm not sure why."],
            ),
            (
                "He paid in cash.Ms. Lee gave him the change.",
                &["He paid in cash.", "Ms. Lee gave him the change."],
            ),
            (
                "Great food!The staff were kind.",
                &["Great food!", "The staff were kind."],
            ),
        ],
    );
}

#[test]
fn list_items() {
    check(
        "lists",
        &[
            (
                "You will need:\n1. A hammer\n2. Some nails\n3. Patience",
                &[
                    "You will need:",
                    "1. A hammer",
                    "2. Some nails",
                    "3. Patience",
                ],
            ),
            (
                "1. Preheat the oven. 2. Grease the tin. 3. Pour the batter in.",
                &[
                    "1. Preheat the oven.",
                    "2. Grease the tin.",
                    "3. Pour the batter in.",
                ],
            ),
            (
                "1) Fill in the form 2) Sign it 3) Post it",
                &["1) Fill in the form", "2) Sign it", "3) Post it"],
            ),
            (
                "a) apples b) pears c) plums",
                &["a) apples", "b) pears", "c) plums"],
            ),
            // Letters with a full stop, after the colon that announces them
            // (the first stays with the colon, as a numbered first item
            // does) or in capitals; not the initials of a list of names.
            (
                "Packing list: a. Pack boots b. Pack socks c. Lock the door.",
                &[
                    "Packing list: a. Pack boots",
                    "b. Pack socks",
                    "c. Lock the door.",
                ],
            ),
            (
                "A. Scope B. Definitions C. Fees",
                &["A. Scope", "B. Definitions", "C. Fees"],
            ),
            (
                "A. Smith, B. Jones and C. Brown signed it.",
                &["A. Smith, B. Jones and C. Brown signed it."],
            ),
            (
                "(i) the buyer pays (ii) the seller delivers (iii) both sign",
                &[
                    "(i) the buyer pays",
                    "(ii) the seller delivers",
                    "(iii) both sign",
                ],
            ),
            (
                "The plan has two parts: (a) a survey and (b) a report.",
                &["The plan has two parts: (a) a survey and (b) a report."],
            ),
            ("- milk\n- eggs\n- flour", &["- milk", "- eggs", "- flour"]),
            (
                "• Check the tyres\n• Fill the tank\n• Pack the tent",
                &["• Check the tyres", "• Fill the tank", "• Pack the tent"],
            ),
            (
                "A. Introduction\nB. Method\nC. Results",
                &["A. Introduction", "B. Method", "C. Results"],
            ),
            // Convention: a label and its number before a full stop and a
            // capital ("Step 1.", like a caption's "Figure 2") is a unit of
            // its own (docs/splitting.md, "Conventions").
            (
                "Step 1. Unplug the kettle.\nStep 2. Let it cool.",
                &["Step 1.", "Unplug the kettle.", "Step 2.", "Let it cool."],
            ),
            (
                "1.) Read the brief 2.) Write the draft",
                &["1.) Read the brief", "2.) Write the draft"],
            ),
            (
                "We scored 2. They scored 3. It was close.",
                &["We scored 2.", "They scored 3.", "It was close."],
            ),
            (
                "i) red ii) green iii) blue",
                &["i) red", "ii) green", "iii) blue"],
            ),
            ("A) Yes B) No C) Maybe", &["A) Yes", "B) No", "C) Maybe"]),
            // A list lettered inside a numbered one: each numbering counts
            // on its own, so "3)" follows "2)" whatever letters came between.
            (
                "Bring 1) a passport 2) a visa a) apply online b) pay the fee c) wait 3) a return ticket",
                &[
                    "Bring 1) a passport",
                    "2) a visa a) apply online",
                    "b) pay the fee",
                    "c) wait",
                    "3) a return ticket",
                ],
            ),
            (
                "Rules: (1) Arrive on time (2) Bring a pen (a) black ink only (3) Leave your phone outside",
                &[
                    "Rules: (1) Arrive on time",
                    "(2) Bring a pen (a) black ink only",
                    "(3) Leave your phone outside",
                ],
            ),
            (
                "The options are: 1) stay, 2) go, or 3) wait.",
                &["The options are: 1) stay, 2) go, or 3) wait."],
            ),
            (
                "• 1. Wash the rice • 2. Soak it • 3. Boil it",
                &["• 1. Wash the rice", "• 2. Soak it", "• 3. Boil it"],
            ),
            (
                "a. Wash the rice. b. Soak it. c. Boil it.",
                &["a. Wash the rice.", "b. Soak it.", "c. Boil it."],
            ),
            (
                "I. The Problem II. The Answer",
                &["I. The Problem", "II. The Answer"],
            ),
            (
                "Section 4(a)(ii) applies here. Section 5 does not.",
                &["Section 4(a)(ii) applies here.", "Section 5 does not."],
            ),
            // Convention: items that end in ";" and continue the sentence that
            // introduces them stay in that sentence, as grammar has it.
            (
                "The contract requires:\n(i) a deposit;\n(ii) a signed form; and\n(iii) two references.",
                &[
                    "The contract requires:\n(i) a deposit;\n(ii) a signed form; and\n(iii) two references.",
                ],
            ),
        ],
    );
}

#[test]
fn ellipses() {
    check(
        "ellipses",
        &[
            (
                "I thought about it... and said no.",
                &["I thought about it... and said no."],
            ),
            (
                "We waited for hours... Nobody came.",
                &["We waited for hours...", "Nobody came."],
            ),
            ("Well… maybe later.", &["Well… maybe later."]),
            (
                "The story ends there… The sequel begins years later.",
                &["The story ends there…", "The sequel begins years later."],
            ),
            (
                "Count with me: 1... 2... 3... go!",
                &["Count with me: 1... 2... 3... go!"],
            ),
            (
                "The list went on . . . and on.",
                &["The list went on . . . and on."],
            ),
            (
                "He never finished the sentence. . . . She laughed.",
                &["He never finished the sentence. . . .", "She laughed."],
            ),
            (
                "The minutes say only that \"the board [...] agreed\" on the cuts.",
                &["The minutes say only that \"the board [...] agreed\" on the cuts."],
            ),
            (
                "It was late.... We went home.",
                &["It was late....", "We went home."],
            ),
            ("So... what now?", &["So... what now?"]),
            (
                "She paused.... Then she spoke.",
                &["She paused....", "Then she spoke."],
            ),
            (
                "I'm not sure . . . Maybe tomorrow.",
                &["I'm not sure . . .", "Maybe tomorrow."],
            ),
            (
                "The draft said that \"the fund . . . will close\" in May.",
                &["The draft said that \"the fund . . . will close\" in May."],
            ),
            (
                "\u{2026}and so it goes on.",
                &["\u{2026}and so it goes on."],
            ),
            (
                "He said it was fine... but it wasn't.",
                &["He said it was fine... but it wasn't."],
            ),
            (
                "We talked about the move... (Photos of the new flat are below.)",
                &[
                    "We talked about the move...",
                    "(Photos of the new flat are below.)",
                ],
            ),
            (
                "The theory \"explains everything [...]\" (Hale 2009) and more.",
                &["The theory \"explains everything [...]\" (Hale 2009) and more."],
            ),
            (
                "We went back... (twice, in fact) and liked it.",
                &["We went back... (twice, in fact) and liked it."],
            ),
        ],
    );
}

#[test]
fn quotes_and_brackets_after_the_mark() {
    check(
        "closers",
        &[
            (
                // A command or a name in lower case opens the sentence after
                // a closed bracket or quotation, as after a word.
                "Pass the flag to skip the check (see the notes below). git then writes the \
                 file as \"draft\". npm reads it later.",
                &[
                    "Pass the flag to skip the check (see the notes below).",
                    "git then writes the file as \"draft\".",
                    "npm reads it later.",
                ],
            ),
            (
                "\"Good morning.\" Then she sat down.",
                &["\"Good morning.\"", "Then she sat down."],
            ),
            (
                "(The figures are rounded.) The totals still match.",
                &["(The figures are rounded.)", "The totals still match."],
            ),
            (
                "He pointed at the sign (see below.) and walked on.",
                &["He pointed at the sign (see below.) and walked on."],
            ),
            (
                "The label said \u{201c}Handle with care.\u{201d} We ignored it.",
                &[
                    "The label said \u{201c}Handle with care.\u{201d}",
                    "We ignored it.",
                ],
            ),
            (
                "She said, 'That is enough.' Nobody spoke.",
                &["She said, 'That is enough.'", "Nobody spoke."],
            ),
            (
                "\"Is it raining?\" asked Tom.",
                &["\"Is it raining?\" asked Tom."],
            ),
            (
                "He wrote \"back soon.\" on the door.",
                &["He wrote \"back soon.\" on the door."],
            ),
            (
                "The fee is small [it was waived last year.] The form is long.",
                &[
                    "The fee is small [it was waived last year.]",
                    "The form is long.",
                ],
            ),
            (
                "\u{201c}We won.\u{201d} \u{201c}Really?\u{201d} \u{201c}Yes.\u{201d}",
                &[
                    "\u{201c}We won.\u{201d}",
                    "\u{201c}Really?\u{201d}",
                    "\u{201c}Yes.\u{201d}",
                ],
            ),
            (
                "'Done.' She closed the book.",
                &["'Done.'", "She closed the book."],
            ),
            (
                "[Editor's note: the figures were corrected.] The report continues.",
                &[
                    "[Editor's note: the figures were corrected.]",
                    "The report continues.",
                ],
            ),
            (
                "The answer (as always) was \"no!\" Nobody laughed.",
                &["The answer (as always) was \"no!\"", "Nobody laughed."],
            ),
            (
                "He smiled (a rare thing). She noticed.",
                &["He smiled (a rare thing).", "She noticed."],
            ),
            (
                "The mayor wrote: ' The bridge will close. Traffic will move to the ring road. ' Nobody was surprised.",
                &[
                    "The mayor wrote: ' The bridge will close.",
                    "Traffic will move to the ring road. '",
                    "Nobody was surprised.",
                ],
            ),
            (
                "He quoted her: \" Stay calm. \" Then he left.",
                &["He quoted her: \" Stay calm. \"", "Then he left."],
            ),
            (
                "The sign is old. ' Fresh eggs ' it says.",
                &["The sign is old.", "' Fresh eggs ' it says."],
            ),
        ],
    );
}

#[test]
fn numbers_and_decimals() {
    check(
        "numbers",
        &[
            (
                "The rate rose to 4.75 per cent. Banks were slow to follow.",
                &[
                    "The rate rose to 4.75 per cent.",
                    "Banks were slow to follow.",
                ],
            ),
            (
                "The ticket costs $12.50. Children go free.",
                &["The ticket costs $12.50.", "Children go free."],
            ),
            (
                "Pi is about 3.14159 and e about 2.718.",
                &["Pi is about 3.14159 and e about 2.718."],
            ),
            (
                "The new release is 10.4.2. It fixes the crash.",
                &["The new release is 10.4.2.", "It fixes the crash."],
            ),
            (
                "Attendance fell by .5 per cent last year.",
                &["Attendance fell by .5 per cent last year."],
            ),
            (
                "She was born in 1987. Her brother is older.",
                &["She was born in 1987.", "Her brother is older."],
            ),
            (
                "The meeting starts at 14.30 sharp.",
                &["The meeting starts at 14.30 sharp."],
            ),
            (
                "Revenue was £2.4m, up from £1.9m.",
                &["Revenue was £2.4m, up from £1.9m."],
            ),
            (
                "We need 25 chairs. 30 would be better.",
                &["We need 25 chairs.", "30 would be better."],
            ),
            (
                "He ran 100 m in 9.58 s. Nobody was faster.",
                &["He ran 100 m in 9.58 s.", "Nobody was faster."],
            ),
            (
                "They ranked No. 1. Nobody expected it.",
                &["They ranked No. 1.", "Nobody expected it."],
            ),
            (
                "The gate code is 4.2.7.9. Do not share it.",
                &["The gate code is 4.2.7.9.", "Do not share it."],
            ),
        ],
    );
}

#[test]
fn links_addresses_and_file_names() {
    check(
        "links",
        &[
            (
                "The form is at https://forms.example.org/apply?id=7. Fill it in.",
                &[
                    "The form is at https://forms.example.org/apply?id=7.",
                    "Fill it in.",
                ],
            ),
            (
                "Write to j.moreno@mail.example.com with questions.",
                &["Write to j.moreno@mail.example.com with questions."],
            ),
            (
                "My address is lena.berg@example.net. Use it.",
                &["My address is lena.berg@example.net.", "Use it."],
            ),
            (
                "Open report_final.pdf and check the totals.",
                &["Open report_final.pdf and check the totals."],
            ),
            (
                "The settings live in config.yaml. Edit them with care.",
                &["The settings live in config.yaml.", "Edit them with care."],
            ),
            (
                "See www.example.com for details.",
                &["See www.example.com for details."],
            ),
            (
                "Run setup.exe as an administrator.",
                &["Run setup.exe as an administrator."],
            ),
            (
                "I found it on example.co.uk. It was cheap.",
                &["I found it on example.co.uk.", "It was cheap."],
            ),
            (
                "The script main.py reads data.csv and writes out.json.",
                &["The script main.py reads data.csv and writes out.json."],
            ),
            (
                "Go to example.org. Then log in.",
                &["Go to example.org.", "Then log in."],
            ),
            (
                "The page is http://example.org/a.html. Open it.",
                &["The page is http://example.org/a.html.", "Open it."],
            ),
            (
                "Ask on the forum (forum.example.org). Someone will answer.",
                &[
                    "Ask on the forum (forum.example.org).",
                    "Someone will answer.",
                ],
            ),
        ],
    );
}

#[test]
fn question_and_exclamation_runs() {
    check(
        "marks",
        &[
            (
                "You did what?! I cannot believe it.",
                &["You did what?!", "I cannot believe it."],
            ),
            (
                "Are you sure?? Check again.",
                &["Are you sure??", "Check again."],
            ),
            (
                "We won!!! The whole town came out.",
                &["We won!!!", "The whole town came out."],
            ),
            (
                "Really!? That is news to me.",
                &["Really!?", "That is news to me."],
            ),
            (
                "Where is the key? Under the mat? No.",
                &["Where is the key?", "Under the mat?", "No."],
            ),
            (
                "Help! Fire! Call someone!",
                &["Help!", "Fire!", "Call someone!"],
            ),
            ("Wait\u{2026} what?", &["Wait\u{2026} what?"]),
            ("What?!? No.", &["What?!?", "No."]),
            ("WOW!!! Best pizza ever.", &["WOW!!!", "Best pizza ever."]),
            // Convention: in web text a question or exclamation ends its
            // sentence before lower case.
            ("Hey!! how are you", &["Hey!!", "how are you"]),
        ],
    );
}

#[test]
fn marks_inside_quotations() {
    check(
        "quoted marks",
        &[
            (
                "\"Stop!\" he shouted across the yard.",
                &["\"Stop!\" he shouted across the yard."],
            ),
            (
                "\"Watch out!\" The cart rolled past.",
                &["\"Watch out!\"", "The cart rolled past."],
            ),
            (
                "She yelled \u{201c}Run!\u{201d} and we ran.",
                &["She yelled \u{201c}Run!\u{201d} and we ran."],
            ),
            (
                "\u{201c}Who is there?\u{201d} she whispered.",
                &["\u{201c}Who is there?\u{201d} she whispered."],
            ),
            (
                "He read the sign aloud: \"No entry!\" Then he turned back.",
                &[
                    "He read the sign aloud: \"No entry!\"",
                    "Then he turned back.",
                ],
            ),
            (
                "The film is called \"Run!\" and it is long.",
                &["The film is called \"Run!\" and it is long."],
            ),
            (
                "'Hurry!' 'Why?' 'The bus!'",
                &["'Hurry!'", "'Why?'", "'The bus!'"],
            ),
        ],
    );
}

#[test]
fn headings_without_a_full_stop() {
    check(
        "headings",
        &[
            // A screenplay's scene heading.
            ("INT. KITCHEN – NIGHT", &["INT. KITCHEN – NIGHT"]),
            (
                "Getting started\nInstall the package first.",
                &["Getting started", "Install the package first."],
            ),
            (
                "Chapter 3\nThe storm broke at dawn.",
                &["Chapter 3", "The storm broke at dawn."],
            ),
            (
                "Opening hours\nWe are open daily. Closed on holidays.",
                &["Opening hours", "We are open daily.", "Closed on holidays."],
            ),
            (
                "1. Introduction\nThis report covers the year.",
                &["1. Introduction", "This report covers the year."],
            ),
            (
                "Results and Discussion\nThe yield doubled.",
                &["Results and Discussion", "The yield doubled."],
            ),
            (
                "Dear Ms. Rowe,\nThank you for your letter.",
                &["Dear Ms. Rowe,", "Thank you for your letter."],
            ),
            ("Best wishes,\nTomas", &["Best wishes,", "Tomas"]),
        ],
    );
}

#[test]
fn dialogue() {
    check(
        "dialogue",
        &[
            (
                "\"Are you coming?\" she asked. \"Not yet,\" he said. \"Go on ahead.\"",
                &[
                    "\"Are you coming?\" she asked.",
                    "\"Not yet,\" he said.",
                    "\"Go on ahead.\"",
                ],
            ),
            (
                "\u{201c}I lost the map,\u{201d} said Ivo. \u{201c}Again?\u{201d}",
                &[
                    "\u{201c}I lost the map,\u{201d} said Ivo.",
                    "\u{201c}Again?\u{201d}",
                ],
            ),
            (
                "\"Where were you?\" \"Out.\" \"Out where?\"",
                &["\"Where were you?\"", "\"Out.\"", "\"Out where?\""],
            ),
            (
                "'It is late,' she said. 'We should go.'",
                &["'It is late,' she said.", "'We should go.'"],
            ),
            (
                "He looked up. \"Is that you, Dr. Hart?\"",
                &["He looked up.", "\"Is that you, Dr. Hart?\""],
            ),
            (
                "\u{201c}Sit down.\u{201d} He sat. \u{201c}Now listen.\u{201d}",
                &[
                    "\u{201c}Sit down.\u{201d}",
                    "He sat.",
                    "\u{201c}Now listen.\u{201d}",
                ],
            ),
            (
                "\"I can't,\" she said, \"not today.\"",
                &["\"I can't,\" she said, \"not today.\""],
            ),
            (
                "\"Why?\" \"Because.\" \"Why?\"",
                &["\"Why?\"", "\"Because.\"", "\"Why?\""],
            ),
        ],
    );
}

#[test]
fn acronyms_and_place_abbreviations() {
    check(
        "acronyms",
        &[
            (
                "She studied in the U.K. for two years.",
                &["She studied in the U.K. for two years."],
            ),
            // Convention: an ambiguous abbreviation ends a sentence only before
            // a common sentence opener or a word the text writes in lower case
            // elsewhere; "Shoppers" is neither here, so it may be a name ("the
            // U.S. Shoppers' Guild") and the sentence goes on. A known miss.
            (
                "Prices rose across the U.S. Shoppers cut back.",
                &["Prices rose across the U.S. Shoppers cut back."],
            ),
            (
                "Prices rose across the U.S. Most shoppers cut back.",
                &["Prices rose across the U.S.", "Most shoppers cut back."],
            ),
            (
                "Prices rose across the U.S.\nShoppers cut back.",
                &["Prices rose across the U.S.", "Shoppers cut back."],
            ),
            (
                "He moved to the U.S. Eventually everyone followed him.",
                &["He moved to the U.S.", "Eventually everyone followed him."],
            ),
            (
                "The grade on the test was an A. Everyone was happy.",
                &["The grade on the test was an A.", "Everyone was happy."],
            ),
            // The text writes "shoppers" in lower case elsewhere: an ordinary
            // word, so its capital opens a sentence.
            (
                "Prices rose across the U.S. Shoppers cut back, and most shoppers waited.",
                &[
                    "Prices rose across the U.S.",
                    "Shoppers cut back, and most shoppers waited.",
                ],
            ),
            (
                "The U.S. Navy sent two ships.",
                &["The U.S. Navy sent two ships."],
            ),
            (
                "He holds a Ph.D. in chemistry.",
                &["He holds a Ph.D. in chemistry."],
            ),
            (
                "The firm is Holt & Sons Ltd. Its owner is retired.",
                &["The firm is Holt & Sons Ltd.", "Its owner is retired."],
            ),
            (
                "Rowan Bros. make the best bread in town.",
                &["Rowan Bros. make the best bread in town."],
            ),
            (
                "We bought it from Fenwick & Co. last spring.",
                &["We bought it from Fenwick & Co. last spring."],
            ),
            (
                "She moved to Washington, D.C. in 2010.",
                &["She moved to Washington, D.C. in 2010."],
            ),
            (
                "The E.U. and the U.N. both sent observers.",
                &["The E.U. and the U.N. both sent observers."],
            ),
            (
                "Meet me at the corner of Elm St. and Fifth Ave. tonight.",
                &["Meet me at the corner of Elm St. and Fifth Ave. tonight."],
            ),
            (
                "He works for Kell Corp. in Ohio.",
                &["He works for Kell Corp. in Ohio."],
            ),
            (
                "I visited the U.S.A. last year.",
                &["I visited the U.S.A. last year."],
            ),
            (
                "The U.S.A. is big. Canada is bigger.",
                &["The U.S.A. is big.", "Canada is bigger."],
            ),
            // A street type after its name ends the sentence before a
            // capital, whatever the word; a compass point goes on.
            (
                "The fire started on Fifth Ave. Police closed the street.",
                &[
                    "The fire started on Fifth Ave.",
                    "Police closed the street.",
                ],
            ),
            (
                "Meet me on 5th Ave. At noon we eat.",
                &["Meet me on 5th Ave.", "At noon we eat."],
            ),
            (
                "The office is at 1600 Pennsylvania Ave. NW in Washington.",
                &["The office is at 1600 Pennsylvania Ave. NW in Washington."],
            ),
        ],
    );
}

#[test]
fn lines_broken_inside_a_sentence() {
    check(
        "broken lines",
        &[
            (
                "The meeting was moved to\nFriday because of the storm.",
                &["The meeting was moved to\nFriday because of the storm."],
            ),
            (
                "The report was sent to the\nBoard on Monday.",
                &["The report was sent to the\nBoard on Monday."],
            ),
            (
                "We drove all night and\nMonday morning we arrived.",
                &["We drove all night and\nMonday morning we arrived."],
            ),
            (
                "The river is wide here\nand the current is slow.",
                &["The river is wide here\nand the current is slow."],
            ),
            (
                "Our plan was simple\nWe would leave at dawn.",
                &["Our plan was simple", "We would leave at dawn."],
            ),
            (
                "Things to pack\nTent\nStove\nMatches",
                &["Things to pack", "Tent", "Stove", "Matches"],
            ),
            (
                "I could not find it\nThe shop was shut.",
                &["I could not find it", "The shop was shut."],
            ),
            ("Sign in\nRegister\nHelp", &["Sign in", "Register", "Help"]),
            // A page break of text out of a PDF (pdftotext starts each page
            // with a form feed) inside a sentence.
            (
                "The committee met on\n\u{C}Monday and decided nothing.",
                &["The committee met on\n\u{C}Monday and decided nothing."],
            ),
        ],
    );
}

#[test]
fn hard_wrapped_prose() {
    // Wrapped at any width from 30 to 100 columns, as an editor, a mail
    // client or a PDF's column wraps it, a statement keeps its sentences: a
    // line broken before a name ("in the⏎Middle East"), a lower-case word or
    // a dash is a wrap, the short line of a heading ("Results of the visit")
    // is not.
    common::check_wrapping_moves_no_boundary(
        Lang::En,
        &[
            "On 5 December the Minister of Foreign Affairs held talks in Moscow with his \
             counterpart from Brazil. The ministers discussed trade, energy and the situation \
             in the Middle East, and agreed to meet again in Brasilia in the spring. Both sides \
             noted the growth of tourism between the two countries – more than 200,000 visits \
             last year – and the work of the joint commission on trade.",
            "The talks were followed by a press conference at the Foreign Ministry. Journalists \
             asked about the grain deal, about the prices of fertiliser and about plans for a \
             new direct flight between Moscow and Rio de Janeiro. The Minister said that the \
             airlines of both countries were ready to start flights next summer.",
            "Results of the visit",
            "The ministers signed a plan of consultations for 2027 and a memorandum on \
             cooperation in education. Dr. Silva, the head of the Brazilian delegation, invited \
             the Minister to visit Sao Paulo in May.",
        ],
    );
}

#[test]
fn short_wrapped_paragraph_is_no_poem() {
    // Four short lines, most without a mark, as a poem has; but a sentence
    // ends inside one of them, as in prose and not in verse.
    check(
        "short wrapped paragraph",
        &[(
            "The museum is small but worth a visit, with paintings\nfrom every part of the \
             region. Most of them\nwere given by local families who kept them\nfor generations.",
            &[
                "The museum is small but worth a visit, with paintings\nfrom every part of the \
                 region.",
                "Most of them\nwere given by local families who kept them\nfor generations.",
            ],
        )],
    );
}

#[test]
fn quote_standing_alone_closes_the_sentence() {
    // A closing quote written apart from the quote inside it, as the nested
    // quotations of a Bible are ("‘Is it peace?’ ”"), closes the sentence it
    // follows, curly or typed straight; an opening quote is written against
    // its word.
    check(
        "quote standing alone",
        &[
            (
                "He said, “The king says, ‘Is it peace?’ ” Jehu said, “Go on.”",
                &[
                    "He said, “The king says, ‘Is it peace?’ ”",
                    "Jehu said, “Go on.”",
                ],
            ),
            (
                "He said, \"The king says, 'Is it peace?' \" Jehu said, \"Go on.\"",
                &[
                    "He said, \"The king says, 'Is it peace?' \"",
                    "Jehu said, \"Go on.\"",
                ],
            ),
            (
                "He said, “They told me, ‘Go and say, “I will come.” ’ ” Then he left.",
                &[
                    "He said, “They told me, ‘Go and say, “I will come.” ’ ”",
                    "Then he left.",
                ],
            ),
            (
                "She wrote: “They said, ‘We will come back.’ ” Then she left.",
                &[
                    "She wrote: “They said, ‘We will come back.’ ”",
                    "Then she left.",
                ],
            ),
        ],
    );
}

#[test]
fn invisible_characters_move_no_boundary() {
    // A page scraped from the web or a Word file brings characters a reader
    // never sees: zero-width spaces, soft hyphens, no-break spaces for
    // spaces, line separators, accents as separate characters. Written with
    // them, a statement keeps its sentences.
    common::check_invisible_characters_move_no_boundary(
        Lang::En,
        &[
            "Results of the visit",
            "On 5 December Dr. Silva held talks in Moscow with the U.S. delegation. The \
             ministers discussed trade, energy and the situation in the Middle East... Both \
             sides noted the growth of tourism: more than 200,000 visits last year!",
            "The Minister said:\n– We are ready to start flights next summer.\n– And the \
             café on No. 5 Tverskaya Street? asked a journalist.",
            "The agenda:\n1. Trade\n2. Energy\n3. Education",
            "“Is this the end?” he asked. “No,” she said. The talks went on until 6 p.m. \
             Moscow time.",
        ],
    );
}

#[test]
fn text_in_capitals() {
    // A clause of a contract, a notice or a telegram written in capitals:
    // every word has a capital, so a capital is no sign of a new sentence.
    // An abbreviation goes on before its number and before a word that does
    // not open sentences, as it would before lower case; a common opener
    // ("THE", "IT") still ends it.
    check(
        "capitals",
        &[
            (
                "THE HEARING IS SET FOR MAR. 9, 2026 IN HALL NO. 2 OF THE U.S. DISTRICT COURT.",
                &["THE HEARING IS SET FOR MAR. 9, 2026 IN HALL NO. 2 OF THE U.S. DISTRICT COURT."],
            ),
            (
                "THE LICENSEE SHALL COMPLY WITH SEC. 12 AND ART. 4 OF THE AGREEMENT. NO OTHER \
                 TERMS APPLY.",
                &[
                    "THE LICENSEE SHALL COMPLY WITH SEC. 12 AND ART. 4 OF THE AGREEMENT.",
                    "NO OTHER TERMS APPLY.",
                ],
            ),
            (
                "FEES, TAXES, DUTIES, ETC. REMAIN PAYABLE BY THE BUYER. THE SELLER BEARS NONE.",
                &[
                    "FEES, TAXES, DUTIES, ETC. REMAIN PAYABLE BY THE BUYER.",
                    "THE SELLER BEARS NONE.",
                ],
            ),
            (
                "THE BUYER PAYS FREIGHT, INSURANCE, ETC. IT ALSO PAYS STORAGE.",
                &[
                    "THE BUYER PAYS FREIGHT, INSURANCE, ETC.",
                    "IT ALSO PAYS STORAGE.",
                ],
            ),
            (
                "DEPART GENEVA WED. 18 STOP ARRIVE 7 P.M. STOP",
                &["DEPART GENEVA WED. 18 STOP ARRIVE 7 P.M. STOP"],
            ),
            (
                // A sign without its number is the plain word.
                "THE BOARD SAID NO. THE PLAN WAS DROPPED.",
                &["THE BOARD SAID NO.", "THE PLAN WAS DROPPED."],
            ),
            (
                // A state or a month without a number may be the word itself.
                "THE PATIENT WAS ILL. DOCTORS CAME AT ONCE.",
                &["THE PATIENT WAS ILL.", "DOCTORS CAME AT ONCE."],
            ),
        ],
    );
}

#[test]
fn mathematics_in_running_text() {
    check(
        "mathematics",
        &[
            (
                // Statements are cited by number, as sections are.
                "By Thm. 4.2 and the remark after Def. 3.1, the map is onto. We turn to Cor. 5.",
                &[
                    "By Thm. 4.2 and the remark after Def. 3.1, the map is onto.",
                    "We turn to Cor. 5.",
                ],
            ),
            (
                "Compare Lem. 2.3 with Prop. 2.7, where the same bound is proved for k = 1.",
                &["Compare Lem. 2.3 with Prop. 2.7, where the same bound is proved for k = 1."],
            ),
            (
                // A factorial before a relation is no exclamation.
                "Since 5! = 120 and 7! ≈ 5.04 × 10³, the estimate holds. It is sharp.",
                &[
                    "Since 5! = 120 and 7! ≈ 5.04 × 10³, the estimate holds.",
                    "It is sharp.",
                ],
            ),
            (
                "For every n ≥ 4 we have n! ≥ 2ⁿ, and the proof is by induction.",
                &["For every n ≥ 4 we have n! ≥ 2ⁿ, and the proof is by induction."],
            ),
        ],
    );
}

#[test]
fn lines_weeks_and_words_shouted() {
    check(
        "lines, weeks, shouting",
        &[
            (
                "The draft of ll. 212–19 differs from the printed text in two words.",
                &["The draft of ll. 212–19 differs from the printed text in two words."],
            ),
            (
                // A week is a unit of time, as an hour is.
                "The bridge will be shut for approx. 3 wks. Diversions are signed.",
                &[
                    "The bridge will be shut for approx. 3 wks.",
                    "Diversions are signed.",
                ],
            ),
            (
                // Words in capitals after a unit are a sentence shouted, not
                // an acronym that qualifies the unit.
                "The whole run sold out in 12 min. FIVE THOUSAND TICKETS. Unreal.",
                &[
                    "The whole run sold out in 12 min.",
                    "FIVE THOUSAND TICKETS.",
                    "Unreal.",
                ],
            ),
        ],
    );
}

#[test]
fn mentions_a_sentence_leads_to() {
    check(
        "mentions led to",
        &[
            (
                // A retweet's marker and its source are one label.
                "RT @CityCouncil: Bins will be collected on Saturday this week",
                &["RT @CityCouncil: Bins will be collected on Saturday this week"],
            ),
            (
                "RT @metoffice heavy rain expected in the north tonight",
                &["RT @metoffice heavy rain expected in the north tonight"],
            ),
            (
                "And the winner of the raffle is — @sam_r with ticket 48!",
                &["And the winner of the raffle is — @sam_r with ticket 48!"],
            ),
            (
                // A reply still opens with its mention.
                "great shot from the pier @jo_b love the colours",
                &["great shot from the pier", "@jo_b love the colours"],
            ),
            (
                // A wry smiley closes its sentence as other smileys do.
                "Parcel still stuck at the depot :/ Any news from the courier?",
                &[
                    "Parcel still stuck at the depot :/",
                    "Any news from the courier?",
                ],
            ),
        ],
    );
}

#[test]
fn registers_deeds_and_war_diaries() {
    check(
        "registers, deeds, war diaries",
        &[
            (
                // Names written short in a register are no sentence ends.
                "Witnesses: Wm. Hartley, Thos. Greenwood. Both signed with a mark.",
                &[
                    "Witnesses: Wm. Hartley, Thos. Greenwood.",
                    "Both signed with a mark.",
                ],
            ),
            (
                "Bur. St. Mary's churchyard, 4 Oct. 1803. Bapt. Ann, d/o John Lee.",
                &[
                    "Bur. St. Mary's churchyard, 4 Oct. 1803.",
                    "Bapt. Ann, d/o John Lee.",
                ],
            ),
            (
                // A day of the month after a word cut short is no footnote.
                "She was bapt. 9 Feb. 1790 in the parish church.",
                &["She was bapt. 9 Feb. 1790 in the parish church."],
            ),
            (
                "He was born at Colne, Lancs. His father was a weaver.",
                &["He was born at Colne, Lancs.", "His father was a weaver."],
            ),
            (
                "Among the dead was Pte. Albert Lowe of the 2nd Bn. Lancashire Fusiliers.",
                &["Among the dead was Pte. Albert Lowe of the 2nd Bn. Lancashire Fusiliers."],
            ),
            (
                "In March he joined the 2nd Bn. He was killed in May.",
                &["In March he joined the 2nd Bn.", "He was killed in May."],
            ),
            (
                "The attack was made by 50 (Northumbrian) Inf. Div. at dawn.",
                &["The attack was made by 50 (Northumbrian) Inf. Div. at dawn."],
            ),
            (
                // A capitalised abbreviation before a number sign and its number.
                "Acme Ltd. (Co. No. 01234567) is the buyer. Payment is due today.",
                &[
                    "Acme Ltd. (Co. No. 01234567) is the buyer.",
                    "Payment is due today.",
                ],
            ),
            (
                // A code after a number sign is its number.
                "Given by Miss Harcourt (inv. no. WA1949.23). Shown in Gallery 8.",
                &[
                    "Given by Miss Harcourt (inv. no. WA1949.23).",
                    "Shown in Gallery 8.",
                ],
            ),
        ],
    );
}

#[test]
fn notes_of_a_clinic() {
    check(
        "clinical notes",
        &[
            (
                "Amoxicillin 500 mg t.d.s. for five days. GP to review.",
                &["Amoxicillin 500 mg t.d.s. for five days.", "GP to review."],
            ),
            (
                "Aspirin 75 mg o.d. DAPT for 12 months.",
                &["Aspirin 75 mg o.d.", "DAPT for 12 months."],
            ),
            (
                "Vit. K 1 mg IV given. PSA 6.2 ng/mL (prev. 4.1 in Jan. 2022).",
                &[
                    "Vit. K 1 mg IV given.",
                    "PSA 6.2 ng/mL (prev. 4.1 in Jan. 2022).",
                ],
            ),
            (
                // A number a comma closes is not the volume's own.
                "Lit.: J. Reid, Dutch Landscapes, Oxford, 1988, vol. II, p. 41.",
                &["Lit.: J. Reid, Dutch Landscapes, Oxford, 1988, vol. II, p. 41."],
            ),
            (
                "Pulse 80 per min. No murmurs heard.",
                &["Pulse 80 per min.", "No murmurs heard."],
            ),
        ],
    );
}

#[test]
fn timetables_matches_and_dictionary_labels() {
    check(
        "timetables, matches, dictionaries",
        &[
            (
                "Flight LH 2473: dep. 17.45, arr. 18.40. Allow time to connect.",
                &[
                    "Flight LH 2473: dep. 17.45, arr. 18.40.",
                    "Allow time to connect.",
                ],
            ),
            (
                "The goal was later given as an o.g. Second half under way.",
                &[
                    "The goal was later given as an o.g.",
                    "Second half under way.",
                ],
            ),
            (
                "biscuit n. a small flat baked cake, usu. crisp and sweet. Cf. cookie.",
                &[
                    "biscuit n. a small flat baked cake, usu. crisp and sweet.",
                    "Cf. cookie.",
                ],
            ),
            (
                "knackered adj. Brit. colloq. very tired.",
                &["knackered adj. Brit. colloq. very tired."],
            ),
            (
                // A range of days before a short month is a whole date.
                "The check runs 22–24 Apr. Access to every flat is required.",
                &[
                    "The check runs 22–24 Apr.",
                    "Access to every flat is required.",
                ],
            ),
        ],
    );
}

#[test]
fn chess_moves_and_their_numbers() {
    check(
        "chess notation",
        &[
            (
                "After 1. e4 e5 2. Nf3 Nc6 3. Bb5 the Ruy Lopez arises. White then chose 4. Ba4.",
                &[
                    "After 1. e4 e5 2. Nf3 Nc6 3. Bb5 the Ruy Lopez arises.",
                    "White then chose 4. Ba4.",
                ],
            ),
            (
                "Black erred with 19...Qb6? 20. Nxe6! fxe6 21. Qh5+ and the king is exposed. The game ended soon.",
                &[
                    "Black erred with 19...Qb6? 20. Nxe6! fxe6 21. Qh5+ and the king is exposed.",
                    "The game ended soon.",
                ],
            ),
            (
                "The move 27...Rxf2!? is double-edged. Engines prefer 27...Rd8.",
                &[
                    "The move 27...Rxf2!? is double-edged.",
                    "Engines prefer 27...Rd8.",
                ],
            ),
            (
                "The game ended after 41. Qg7#. A fine finish.",
                &["The game ended after 41. Qg7#.", "A fine finish."],
            ),
            (
                "Why not 15. Bxf7+? The answer is 15...Kxf7 16. Ng5+ Kg8, and Black holds.",
                &[
                    "Why not 15. Bxf7+?",
                    "The answer is 15...Kxf7 16. Ng5+ Kg8, and Black holds.",
                ],
            ),
            (
                "He won in 1972. Nf3 was his favourite first move.",
                &["He won in 1972.", "Nf3 was his favourite first move."],
            ),
        ],
    );
}

#[test]
fn music_catalogues_classical_citations_and_old_accounts() {
    check(
        "music, classics, old letters",
        &[
            (
                "Vol. 2 adds the Nocturnes, Opp. 9 and 15, and a Haydn sonata, Hob. XVI:50. The sound is warm.",
                &[
                    "Vol. 2 adds the Nocturnes, Opp. 9 and 15, and a Haydn sonata, Hob. XVI:50.",
                    "The sound is warm.",
                ],
            ),
            (
                "The nova peaked at mag. 2.1 on 3 May. It then faded.",
                &["The nova peaked at mag. 2.1 on 3 May.", "It then faded."],
            ),
            (
                "Hom. Od. 9.105 describes the Cyclopes. Their land is fertile.",
                &[
                    "Hom. Od. 9.105 describes the Cyclopes.",
                    "Their land is fertile.",
                ],
            ),
            (
                "Tacitus is sharper here (Ann. 15.44 is the locus classicus) than elsewhere.",
                &["Tacitus is sharper here (Ann. 15.44 is the locus classicus) than elsewhere."],
            ),
            (
                "The duty is stated plainly (Cic. Off. 1.22).",
                &["The duty is stated plainly (Cic. Off. 1.22)."],
            ),
            (
                "He lived in Rome. 1492 was the year he left.",
                &["He lived in Rome.", "1492 was the year he left."],
            ),
            (
                "The loan costs 6.2% p.a. Fees are extra.",
                &["The loan costs 6.2% p.a.", "Fees are extra."],
            ),
            (
                "Paid the smith 2s. 9d. for the shoeing. Very dear.",
                &["Paid the smith 2s. 9d. for the shoeing.", "Very dear."],
            ),
            (
                "Rent of £4 3s. 0d. paid to Lady Day.",
                &["Rent of £4 3s. 0d. paid to Lady Day."],
            ),
            (
                "Your letter dated 9th. June, 1822 arrived today.",
                &["Your letter dated 9th. June, 1822 arrived today."],
            ),
            (
                "She finished 1st. 2nd was her sister.",
                &["She finished 1st.", "2nd was her sister."],
            ),
            (
                "Witness: Eliz. Hartley, spinster.",
                &["Witness: Eliz. Hartley, spinster."],
            ),
            (
                "Track 3 (feat. a boys' choir) is the highlight.",
                &["Track 3 (feat. a boys' choir) is the highlight."],
            ),
            (
                "Give my love to all. Your affectionate brother, J. H. P.S. The parcel is sent.",
                &[
                    "Give my love to all.",
                    "Your affectionate brother, J. H.",
                    "P.S. The parcel is sent.",
                ],
            ),
            (
                // A listed abbreviation or a whole word is no citation.
                "The survey was run in Paris. Fig. 2 shows the results.",
                &["The survey was run in Paris.", "Fig. 2 shows the results."],
            ),
        ],
    );
}

#[test]
fn aviation_polls_and_tolerances() {
    check(
        "aviation, polls, specifications",
        &[
            (
                "Conditions at 0600 UTC: vis. 8 km, wind 240/12 kts. Expect Rwy 09.",
                &[
                    "Conditions at 0600 UTC: vis. 8 km, wind 240/12 kts.",
                    "Expect Rwy 09.",
                ],
            ),
            (
                "Support held at Con. 33% (−2) and Lab. 30% (+1). The poll closed on Friday.",
                &[
                    "Support held at Con. 33% (−2) and Lab. 30% (+1).",
                    "The poll closed on Friday.",
                ],
            ),
            (
                "The seat fell to Lab. The majority was 2,114.",
                &["The seat fell to Lab.", "The majority was 2,114."],
            ),
            (
                "Episode two (ep. 2 in the box set) is the strongest.",
                &["Episode two (ep. 2 in the box set) is the strongest."],
            ),
            (
                "It was built c. 1450 by a local mason.",
                &["It was built c. 1450 by a local mason."],
            ),
            (
                "Tolerance on the bore shall be 0.02 mm max. Gauges shall be calibrated yearly.",
                &[
                    "Tolerance on the bore shall be 0.02 mm max.",
                    "Gauges shall be calibrated yearly.",
                ],
            ),
        ],
    );
}

#[test]
fn figure_letters_and_brackets_after_quoted_titles() {
    check(
        "figures, quoted titles",
        &[
            (
                "Output rose sharply (Fig. B) after the change.",
                &["Output rose sharply (Fig. B) after the change."],
            ),
            (
                "Fig. C shows the drip tray. Push it fully home.",
                &["Fig. C shows the drip tray.", "Push it fully home."],
            ),
            (
                "The film \"Airplane!\" (1980) is still funny.",
                &["The film \"Airplane!\" (1980) is still funny."],
            ),
            (
                "He shouted \"Stop!\" (twice) and ran.",
                &["He shouted \"Stop!\" (twice) and ran."],
            ),
            (
                "I asked \"Why?\" (Nobody answered.) Then I left.",
                &["I asked \"Why?\"", "(Nobody answered.)", "Then I left."],
            ),
            (
                "The Power of the Dog (2021, dir. Jane Campion) is on at 9pm.",
                &["The Power of the Dog (2021, dir. Jane Campion) is on at 9pm."],
            ),
        ],
    );
}

#[test]
fn documents_positions_and_tonnage() {
    check(
        "UN documents, positions, tonnage",
        &[
            (
                "The resolution (UN Doc. S/RES/2334) was adopted in 2016.",
                &["The resolution (UN Doc. S/RES/2334) was adopted in 2016."],
            ),
            (
                "Her position was lat. 50° 10′ N, long. 4° 5′ W. The wind was rising.",
                &[
                    "Her position was lat. 50° 10′ N, long. 4° 5′ W.",
                    "The wind was rising.",
                ],
            ),
            (
                "It took far too long. Nobody waited.",
                &["It took far too long.", "Nobody waited."],
            ),
            (
                "The tanker measured 12,000 g.r.t. She sank within the hour.",
                &[
                    "The tanker measured 12,000 g.r.t.",
                    "She sank within the hour.",
                ],
            ),
            (
                "Prices went up at the local Co-op. Milk costs more now.",
                &["Prices went up at the local Co-op.", "Milk costs more now."],
            ),
        ],
    );
}

#[test]
fn listings_timetables_and_police_ranks() {
    check(
        "listings, timetables, police ranks",
        &[
            (
                "Det. Supt. Ann Cole led the inquiry. Det. Con. Reid assisted.",
                &[
                    "Det. Supt. Ann Cole led the inquiry.",
                    "Det. Con. Reid assisted.",
                ],
            ),
            (
                "A corner shop at 2 Duke's Rd. Vacant possession on completion.",
                &[
                    "A corner shop at 2 Duke's Rd.",
                    "Vacant possession on completion.",
                ],
            ),
            (
                "Flowers from May to Aug. Ht. 90 cm. Needs full sun.",
                &["Flowers from May to Aug.", "Ht. 90 cm.", "Needs full sun."],
            ),
            (
                "Trains leave from plat. 6 at 09.10. Seats are not reserved.",
                &[
                    "Trains leave from plat. 6 at 09.10.",
                    "Seats are not reserved.",
                ],
            ),
            (
                "Mint, SG 77, cat. £45. A fine copy.",
                &["Mint, SG 77, cat. £45.", "A fine copy."],
            ),
            (
                "We adopted the cat. Bella settled in at once.",
                &["We adopted the cat.", "Bella settled in at once."],
            ),
            (
                "Damp was noted to the rear wall; see Cross-ref. section D4 below.",
                &["Damp was noted to the rear wall; see Cross-ref. section D4 below."],
            ),
            (
                "The flat is in Council Tax Band E. Service charges are low.",
                &[
                    "The flat is in Council Tax Band E.",
                    "Service charges are low.",
                ],
            ),
            // A company's form after another is no label ("Co. Ltd.").
            (
                "Hale & Co. Ltd. bought the site in 2019.",
                &["Hale & Co. Ltd. bought the site in 2019."],
            ),
        ],
    );
}

#[test]
fn drug_labels_crosswords_and_climbs() {
    check(
        "drug labels, crosswords, climbs",
        &[
            (
                "Dissolve in Water for Injections (Ph. Eur.) before use.",
                &["Dissolve in Water for Injections (Ph. Eur.) before use."],
            ),
            (
                "The clue at 9 dn. (6) is the hardest. 14 ac. is easier.",
                &["The clue at 9 dn. (6) is the hardest.", "14 ac. is easier."],
            ),
            (
                "From the col allow 3½ hrs. Carry plenty of water.",
                &["From the col allow 3½ hrs.", "Carry plenty of water."],
            ),
            (
                "This week's prize goes to Mr. A. N. Other of Hull.",
                &["This week's prize goes to Mr. A. N. Other of Hull."],
            ),
            // One initial after a title may close the sentence.
            (
                "In the evening I wrote to Mrs. G. She never replied.",
                &["In the evening I wrote to Mrs. G.", "She never replied."],
            ),
        ],
    );
}

#[test]
fn chronicles_letters_and_plays() {
    check(
        "chronicles, letters, plays",
        &[
            (
                "That year Abp. Anselm came back, and Bp. Odo held the see.",
                &["That year Abp. Anselm came back, and Bp. Odo held the see."],
            ),
            (
                "Lands in Herefs. and Salop. were granted to the abbey.",
                &["Lands in Herefs. and Salop. were granted to the abbey."],
            ),
            (
                "The 2010 Ch. Lafite still needs time.",
                &["The 2010 Ch. Lafite still needs time."],
            ),
            (
                "We received your letter of the 5th inst. and enclose a cheque.",
                &["We received your letter of the 5th inst. and enclose a cheque."],
            ),
            (
                "Thank you for yours of the 2nd ult. We regret the delay.",
                &[
                    "Thank you for yours of the 2nd ult.",
                    "We regret the delay.",
                ],
            ),
            (
                "MAUD. You're back early. BERTIE (taking off his coat). The meeting was cancelled. (He sits.)",
                &[
                    "MAUD. You're back early.",
                    "BERTIE (taking off his coat). The meeting was cancelled.",
                    "(He sits.)",
                ],
            ),
            (
                "'That's fine! and what a day it is,' said Anna.",
                &["'That's fine! and what a day it is,' said Anna."],
            ),
            // Outside a play a name alone is a sentence.
            (
                "Silence. Nobody came to the door.",
                &["Silence.", "Nobody came to the door."],
            ),
        ],
    );
}

#[test]
fn letters_as_nouns_marks_and_verses() {
    check(
        "letters as nouns, marks, verses",
        &[
            (
                "She got an A. Mum was delighted.",
                &["She got an A.", "Mum was delighted."],
            ),
            (
                "The Mk. II version is louder.",
                &["The Mk. II version is louder."],
            ),
            (
                "The choir sings Ps. 121. 1–2 before the blessing.",
                &["The choir sings Ps. 121. 1–2 before the blessing."],
            ),
            // A listed abbreviation's number is no chapter.
            (
                "The curve is in Fig. 5. 10 samples were lost.",
                &["The curve is in Fig. 5.", "10 samples were lost."],
            ),
        ],
    );
}

#[test]
fn transcripts_obituaries_dictionaries_and_code_names() {
    check(
        "transcripts, obituaries, dictionaries, code names",
        &[
            // The audience's reaction goes with what it reacts to; a
            // direction leads to what is said next.
            (
                "CHAIR: Nobody read the minutes. [LAUGHTER] GUEST: I did.",
                &[
                    "CHAIR: Nobody read the minutes. [LAUGHTER]",
                    "GUEST: I did.",
                ],
            ),
            (
                "We will win this seat. (applause) Thank you all.",
                &["We will win this seat. (applause)", "Thank you all."],
            ),
            (
                "JOE: I can't. (beat) Maybe tomorrow.",
                &["JOE: I can't.", "(beat) Maybe tomorrow."],
            ),
            // Born, married and died, cut short at the head of a clause.
            (
                "Anne Wilde, botanist: b. Hull 3 May 1931; d. York 9 June 2020.",
                &["Anne Wilde, botanist: b. Hull 3 May 1931; d. York 9 June 2020."],
            ),
            (
                "The answer: b. The rest were wrong.",
                &["The answer: b.", "The rest were wrong."],
            ),
            (
                "The council cited Res. 1540 in its reply. Talks resume in May.",
                &[
                    "The council cited Res. 1540 in its reply.",
                    "Talks resume in May.",
                ],
            ),
            (
                "kith n. & pl. friends, esp. in kith and kin. Cf. kin, def. 1.",
                &[
                    "kith n. & pl. friends, esp. in kith and kin.",
                    "Cf. kin, def. 1.",
                ],
            ),
            (
                "His Excy. the Ambassador sailed on the 3rd inst. Nothing followed.",
                &[
                    "His Excy. the Ambassador sailed on the 3rd inst.",
                    "Nothing followed.",
                ],
            ),
            (
                "The dose was 2 g cefazolin i.v. Fever settled in a day.",
                &["The dose was 2 g cefazolin i.v.", "Fever settled in a day."],
            ),
            (
                "Printed for T. Cadell, n.d. Bound in calf.",
                &["Printed for T. Cadell, n.d.", "Bound in calf."],
            ),
            (
                "A reprint of the 1810 ed. Corrections are marked.",
                &["A reprint of the 1810 ed.", "Corrections are marked."],
            ),
            (
                "Support for old runtimes ends. .NET 4.8 builds are gone.",
                &[
                    "Support for old runtimes ends.",
                    ".NET 4.8 builds are gone.",
                ],
            ),
            (
                "Docs live at e.g. https://example.org/docs for now.",
                &["Docs live at e.g. https://example.org/docs for now."],
            ),
            (
                "Thanks @mira for the patch!",
                &["Thanks @mira for the patch!"],
            ),
        ],
    );
}

#[test]
fn laboratories_encyclopedias_and_asides() {
    check(
        "laboratories, encyclopedias, asides",
        &[
            (
                "The rate was 2.5 per cent. higher than forecast.",
                &["The rate was 2.5 per cent. higher than forecast."],
            ),
            (
                "Turnout was 62 per cent. Results follow.",
                &["Turnout was 62 per cent.", "Results follow."],
            ),
            (
                "Rinse with dist. water and dry over anhyd. Na2SO4 overnight.",
                &["Rinse with dist. water and dry over anhyd. Na2SO4 overnight."],
            ),
            (
                "Plant cv. 'Sungold' in May. Water daily.",
                &["Plant cv. 'Sungold' in May.", "Water daily."],
            ),
            (
                "Order the kit (Sigma, Cat. No. 4410) before Monday.",
                &["Order the kit (Sigma, Cat. No. 4410) before Monday."],
            ),
            (
                "The village lies 6 m. S.W. of Ely, on the Ouse.",
                &["The village lies 6 m. S.W. of Ely, on the Ouse."],
            ),
            (
                "See Freeman, Norm. Conq., vol. viii. p. 88 for the charter.",
                &["See Freeman, Norm. Conq., vol. viii. p. 88 for the charter."],
            ),
            (
                "She holds a Ph.D. (Edin.) 2009 and teaches statistics.",
                &["She holds a Ph.D. (Edin.) 2009 and teaches statistics."],
            ),
            (
                "Children (5–11 yrs.) £4, adults £8.",
                &["Children (5–11 yrs.) £4, adults £8."],
            ),
            (
                "The Coys. will move at dawn.",
                &["The Coys. will move at dawn."],
            ),
            // A label's value is a number or an abbreviation.
            (
                "Open from May to Sept. Ht. approx. 2 m.",
                &["Open from May to Sept.", "Ht. approx. 2 m."],
            ),
            // A word cut short before a comma after a whole word opens a
            // sentence as a label.
            (
                "The plate is damaged. Repr., with corrections, 1890.",
                &["The plate is damaged.", "Repr., with corrections, 1890."],
            ),
        ],
    );
}
