//! Generates synthetic English–Russian document pairs for batch runs and
//! benchmarks: `en/<id>.txt`, `ru/<id>.txt` and a `manifest.csv`.
//!
//! ```sh
//! cargo run --release --example gen_pairs -- /tmp/pairs 1000          # 1,000 pairs, ~12 sentences each
//! cargo run --release --example gen_pairs -- /tmp/big 4 5000          # 4 pairs of 5,000 sentences
//! ```
//!
//! The sentences are filled-in templates written for this generator (no
//! corpus text): each carries numbers and names, as real statements do, and
//! about one Russian sentence in twelve merges two English ones (a 2-1 bead),
//! one in forty English sentences has no translation (1-0).

use std::fmt::Write as _;
use std::path::PathBuf;

/// A deterministic pseudo-random stream (SplitMix64), so that the same seed
/// always gives the same documents.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// (English, Russian) city names.
const CITIES: [(&str, &str); 8] = [
    ("Kazan", "Казань"),
    ("Novgorod", "Новгород"),
    ("Omsk", "Омск"),
    ("Tver", "Тверь"),
    ("Samara", "Самара"),
    ("Perm", "Пермь"),
    ("Kursk", "Курск"),
    ("Tula", "Тула"),
];

/// (English, Russian genitive) month names.
const MONTHS: [(&str, &str); 6] = [
    ("March", "марта"),
    ("April", "апреля"),
    ("May", "мая"),
    ("June", "июня"),
    ("October", "октября"),
    ("November", "ноября"),
];

/// (English, Russian) surnames.
const NAMES: [(&str, &str); 6] = [
    ("Ivanova", "Иванова"),
    ("Petrov", "Петров"),
    ("Smirnov", "Смирнов"),
    ("Orlova", "Орлова"),
    ("Volkov", "Волков"),
    ("Sokolova", "Соколова"),
];

/// One sentence in both languages, from one of a dozen templates.
pub fn sentence(rng: &mut Rng) -> (String, String) {
    let (city, city_ru) = *rng.pick(&CITIES);
    let (month, month_ru) = *rng.pick(&MONTHS);
    let (name, name_ru) = *rng.pick(&NAMES);
    let n = 2 + rng.below(480);
    let day = 1 + rng.below(28);
    let year = 1995 + rng.below(30);
    let pct = 1 + rng.below(60);
    match rng.below(12) {
        0 => (
            format!(
                "The council of {city} met on {day} {month} {year} and approved {n} new projects."
            ),
            format!(
                "Совет города {city_ru} собрался {day} {month_ru} {year} года и одобрил {n} новых проектов."
            ),
        ),
        1 => (
            format!("Ms {name} said that the plan would cost {n} million roubles."),
            format!("Г-жа {name_ru} сообщила, что план обойдётся в {n} млн рублей."),
        ),
        2 => (
            format!("Exports grew by {pct}% last year."),
            format!("В прошлом году экспорт вырос на {pct}%."),
        ),
        3 => (
            "We will return to this question later.".to_string(),
            "Мы вернёмся к этому вопросу позже.".to_string(),
        ),
        4 => (
            format!(
                "Mr {name} arrived in {city} on {day} {month}, accompanied by {n} delegates from the regions."
            ),
            format!(
                "Г-н {name_ru} прибыл в {city_ru} {day} {month_ru} в сопровождении {n} делегатов из регионов."
            ),
        ),
        5 => ("Thank you.".to_string(), "Спасибо.".to_string()),
        6 => (
            format!(
                "The new bridge over the river, which took {n} days to build, opened in {year}."
            ),
            format!(
                "Новый мост через реку, строительство которого заняло {n} дней, открылся в {year} году."
            ),
        ),
        7 => (
            format!("How many schools were repaired in {year}?"),
            format!("Сколько школ отремонтировали в {year} году?"),
        ),
        8 => (
            format!(
                "About {n} families still live in old houses near the station, and the city has promised to move them by {year}."
            ),
            format!(
                "Около {n} семей до сих пор живут в старых домах у вокзала, и город обещал переселить их к {year} году."
            ),
        ),
        9 => (
            format!("Prices for bread rose by {pct}% in {city}."),
            format!("Цены на хлеб в городе {city_ru} выросли на {pct}%."),
        ),
        10 => (
            "This is an important step.".to_string(),
            "Это важный шаг.".to_string(),
        ),
        _ => (
            format!("The report, signed by {name} on {day} {month} {year}, lists {n} violations."),
            format!(
                "В докладе, который {name_ru} подписал {day} {month_ru} {year} года, перечислено {n} нарушений."
            ),
        ),
    }
}

/// A document pair of about `sentences` English sentences, in paragraphs of
/// two to six sentences (blank line between paragraphs).
pub fn document(seed: u64, sentences: usize) -> (String, String) {
    let mut rng = Rng::new(seed);
    let (mut en, mut ru) = (String::new(), String::new());
    let mut left = sentences;
    while left > 0 {
        let paragraph = (2 + rng.below(5)).min(left);
        left -= paragraph;
        let (mut en_par, mut ru_par) = (Vec::new(), Vec::new());
        let mut k = 0;
        while k < paragraph {
            let (e, r) = sentence(&mut rng);
            if k + 1 < paragraph && rng.below(12) == 0 {
                // The translator joined two sentences: one Russian sentence.
                let (e2, r2) = sentence(&mut rng);
                let r = format!("{}, а {}", r.trim_end_matches('.'), lower_first(&r2));
                en_par.extend([e, e2]);
                ru_par.push(r);
                k += 2;
                continue;
            }
            en_par.push(e);
            if rng.below(40) != 0 {
                ru_par.push(r);
            }
            k += 1;
        }
        let _ = writeln!(en, "{}\n", en_par.join(" "));
        let _ = writeln!(ru, "{}\n", ru_par.join(" "));
    }
    (en, ru)
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gen_pairs OUT_DIR PAIRS [SENTENCES_PER_PAIR (default 12)]";
    let (Some(dir), Some(count)) = (args.first(), args.get(1).and_then(|n| n.parse().ok())) else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let sentences = match args.get(2).map(|n| n.parse::<usize>()) {
        None => 12,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            eprintln!("{usage}");
            std::process::exit(2);
        }
    };
    if let Err(e) = generate(&PathBuf::from(dir), count, sentences) {
        eprintln!("gen_pairs: {dir}: {e}");
        std::process::exit(1);
    }
}

/// Writes `count` pairs into `dir/en`, `dir/ru` and `dir/manifest.csv`.
pub fn generate(dir: &std::path::Path, count: usize, sentences: usize) -> std::io::Result<()> {
    std::fs::create_dir_all(dir.join("en"))?;
    std::fs::create_dir_all(dir.join("ru"))?;
    let mut manifest = String::from("id,en,ru\n");
    for k in 0..count {
        let id = format!("p{k:05}");
        let (en, ru) = document(k as u64, sentences);
        std::fs::write(dir.join("en").join(format!("{id}.txt")), en)?;
        std::fs::write(dir.join("ru").join(format!("{id}.txt")), ru)?;
        let _ = writeln!(manifest, "{id},en/{id}.txt,ru/{id}.txt");
    }
    std::fs::write(dir.join("manifest.csv"), manifest)
}
