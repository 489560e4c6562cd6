//! Prints, for one English and one Russian sentence, which content words
//! find an anchor on the other side. Run:
//! `cargo run --example anchor_debug -- "English sentence" "Русское предложение"`

use sverka::Lang;
use sverka::anchor::lexicon::Lexicon;
use sverka::anchor::stem::{stem_en, stem_ru};
use sverka::anchor::translit::match_keys;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(en), Some(ru)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: anchor_debug ENGLISH RUSSIAN");
        std::process::exit(2);
    };
    let lex = Lexicon::builtin();
    for (text, lang) in [(en, Lang::En), (ru, Lang::Ru)] {
        for t in sverka::anchor::tokens::content_tokens(text, lang) {
            let stem = match lang {
                Lang::En => stem_en(&t.text),
                Lang::Ru => stem_ru(&t.text),
            };
            let ids: Vec<u32> = lex.keys(&t.text, lang).collect();
            println!(
                "{lang} {:<20} stem {:<16} keys {:<16} lexicon {:?}",
                t.text,
                stem,
                match_keys(&t.text, lang).join(","),
                ids
            );
        }
    }
    let a = sverka::anchor::sentence::SentenceAnchors::new(en, Lang::En, lex);
    let b = sverka::anchor::sentence::SentenceAnchors::new(ru, Lang::Ru, lex);
    println!("{:?}", sverka::anchor::sentence::overlap(&a, &b));
}
