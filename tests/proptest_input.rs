//! Invariants of reading input, on random texts and random bytes: any text
//! written in a supported encoding reads back unchanged, offsets map back to
//! the bytes of the file, and no bytes at all make the reader panic.

use std::path::Path;

use proptest::prelude::*;
use sverka::input::{self, Encoding, ReadOptions};

/// Text a translator's file could hold (no NUL, no lone CR, not blank).
fn russian_text() -> impl Strategy<Value = String> {
    "[а-яА-ЯёЁa-zA-Z0-9 .,;:!?\n-]{1,200}".prop_filter("not blank", |s| !s.trim().is_empty())
}

fn any_text() -> impl Strategy<Value = String> {
    // A leading U+FEFF or U+FFFE would be written as a byte-order mark.
    "[^\u{0}\r]{1,200}".prop_filter("not blank, no leading BOM", |s| {
        !s.trim().is_empty() && !s.starts_with(['\u{FEFF}', '\u{FFFE}'])
    })
}

/// Common words of Russian news prose (written for this test).
const RUSSIAN_WORDS: &[&str] = &[
    "переговоры",
    "министр",
    "стороны",
    "обсудили",
    "торговлю",
    "сотрудничество",
    "в",
    "и",
    "на",
    "о",
    "года",
    "Москве",
    "России",
    "правительство",
    "заявление",
    "соглашение",
    "встреча",
    "были",
    "это",
    "что",
    "Сергей",
    "Лавров",
    "вопросы",
    "безопасности",
    "с",
    "по",
    "также",
    "отметил",
    "нашей",
    "страны",
    "ООН",
    "США",
    "мы",
    "они",
    "его",
];

/// `text` in `encoding`, with its byte-order mark if `bom`.
fn encode(text: &str, encoding: Encoding, bom: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    if bom {
        bytes.extend(encoding.bom().unwrap_or_default());
    }
    match encoding {
        Encoding::Utf8 => bytes.extend(text.as_bytes()),
        Encoding::Utf16Le => bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes)),
        Encoding::Utf16Be => bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes)),
        Encoding::Windows1251 => {
            bytes.extend(encoding_rs::WINDOWS_1251.encode(text).0.iter());
        }
        Encoding::Koi8R => bytes.extend(encoding_rs::KOI8_R.encode(text).0.iter()),
    }
    bytes
}

/// Byte offset in the encoded file of each character of `text`.
fn char_offsets(text: &str, encoding: Encoding, bom: usize) -> Vec<(usize, usize)> {
    let mut file = bom;
    let mut out = Vec::new();
    for (at, c) in text.char_indices() {
        out.push((at, file));
        file += match encoding {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16Le | Encoding::Utf16Be => 2 * c.len_utf16(),
            Encoding::Windows1251 | Encoding::Koi8R => 1,
        };
    }
    out.push((text.len(), file));
    out
}

fn read(
    bytes: &[u8],
    encoding: Option<Encoding>,
    lossy: bool,
) -> Result<input::Text, sverka::Error> {
    let format = Some(input::InputFormat::Text);
    let options = ReadOptions {
        encoding,
        lossy,
        format,
        ..ReadOptions::default()
    };
    input::decode_bytes(Path::new("p.txt"), bytes, &options)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn unicode_encodings_round_trip_with_offsets(
        text in any_text(),
        encoding in prop::sample::select(&[Encoding::Utf8, Encoding::Utf16Le, Encoding::Utf16Be][..]),
        bom in any::<bool>(),
    ) {
        let bytes = encode(&text, encoding, bom);
        // UTF-16 without a BOM is read only when named.
        let given = (!bom).then_some(encoding);
        let read = read(&bytes, given, false).unwrap();
        prop_assert_eq!(&*read.text, text.as_str());
        prop_assert_eq!(read.encoding, encoding);
        let bom_len = if bom { encoding.bom().unwrap().len() } else { 0 };
        let mut map = read.offsets();
        for (at, file) in char_offsets(&text, encoding, bom_len) {
            prop_assert_eq!(map.file_offset(at), file);
        }
    }

    #[test]
    fn russian_encodings_round_trip_when_named(
        text in russian_text(),
        encoding in prop::sample::select(&[Encoding::Windows1251, Encoding::Koi8R][..]),
    ) {
        let bytes = encode(&text, encoding, false);
        let read = read(&bytes, Some(encoding), false).unwrap();
        prop_assert_eq!(&*read.text, text.as_str());
        let mut map = read.offsets();
        for (at, file) in char_offsets(&text, encoding, 0) {
            prop_assert_eq!(map.file_offset(at), file);
        }
    }

    #[test]
    fn detection_never_misreads_russian(
        text in russian_text(),
        encoding in prop::sample::select(&[Encoding::Windows1251, Encoding::Koi8R][..]),
    ) {
        // Detected: it must be the right encoding. Not detected: an error.
        // What must never happen is the wrong encoding read without a word.
        let bytes = encode(&text, encoding, false);
        match read(&bytes, None, false) {
            // Valid UTF-8 is read as UTF-8 (the documented rule; in practice
            // only ASCII-only text gets here).
            Ok(read) if read.encoding == Encoding::Utf8 => {
                prop_assert!(std::str::from_utf8(&bytes).is_ok());
            }
            Ok(read) => {
                prop_assert_eq!(read.encoding, encoding);
                prop_assert_eq!(&*read.text, text.as_str());
            }
            Err(e) => prop_assert!(
                matches!(e, sverka::Error::UnknownEncoding { .. }),
                "{}", e
            ),
        }
    }

    #[test]
    fn detects_russian_prose_in_either_encoding(
        words in prop::collection::vec(prop::sample::select(RUSSIAN_WORDS), 4..60),
        encoding in prop::sample::select(&[Encoding::Windows1251, Encoding::Koi8R][..]),
    ) {
        let text = words.join(" ") + ".";
        // Prose, not a list of acronyms: at least 20 letters, mostly lowercase
        // (shorter or shouting text is left undetected, see input/detect.rs).
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        let capitals = text.chars().filter(|c| c.is_uppercase()).count();
        prop_assume!(letters >= 20 && capitals * 4 <= letters);
        let read = read(&encode(&text, encoding, false), None, false).unwrap();
        prop_assert_eq!(read.encoding, encoding);
        prop_assert_eq!(&*read.text, text.as_str());
        prop_assert!(read.detected);
    }

    #[test]
    fn any_bytes_read_or_fail_with_one_line_naming_the_file(
        bytes in prop::collection::vec(any::<u8>(), 0..300),
        encoding in prop::option::of(prop::sample::select(&Encoding::ALL[..])),
        lossy in any::<bool>(),
    ) {
        match read(&bytes, encoding, lossy) {
            Ok(text) => {
                prop_assert!(!text.text.trim().is_empty());
                prop_assert!(!text.text.contains('\0'));
                let end = text.offsets().file_offset(text.text.len());
                prop_assert!(end <= bytes.len());
            }
            Err(e) => {
                let message = e.to_string();
                prop_assert!(message.starts_with("p.txt"), "{}", message);
                prop_assert!(!message.contains('\n'), "{}", message);
            }
        }
    }

    #[test]
    fn lossy_utf8_offsets_point_at_the_good_bytes(
        parts in prop::collection::vec(
            ("[a-zа-я ]{1,8}", prop::collection::vec(0x80u8..=0xBF, 0..3)),
            1..20,
        ),
    ) {
        // Good text interleaved with stray continuation bytes (each invalid).
        let mut bytes = Vec::new();
        for (good, bad) in &parts {
            bytes.extend(good.as_bytes());
            bytes.extend(bad);
        }
        prop_assume!(!String::from_utf8_lossy(&bytes).trim().is_empty());
        let read = read(&bytes, Some(Encoding::Utf8), true).unwrap();
        let mut map = read.offsets();
        for (at, c) in read.text.char_indices() {
            let file = map.file_offset(at);
            if c != char::REPLACEMENT_CHARACTER {
                let mut buf = [0; 4];
                prop_assert_eq!(&bytes[file..file + c.len_utf8()], c.encode_utf8(&mut buf).as_bytes());
            }
        }
        prop_assert_eq!(map.file_offset(read.text.len()), bytes.len());
    }

    #[test]
    fn any_bytes_in_any_format_read_or_fail_with_one_line(
        bytes in prop::collection::vec(any::<u8>(), 0..300),
        markup in prop::collection::vec(prop::sample::select(MARKUP), 0..30),
        format in prop::option::of(prop::sample::select(&[
            input::InputFormat::Html, input::InputFormat::Markdown, input::InputFormat::Docx,
        ][..])),
        whole_page in any::<bool>(),
    ) {
        // Random bytes, and random markup of pages and Markdown documents.
        for bytes in [bytes, markup.concat().into_bytes()] {
            let options = ReadOptions { format, whole_page, ..ReadOptions::default() };
            match input::decode_bytes(Path::new("p.txt"), &bytes, &options) {
                Ok(text) => {
                    prop_assert!(!text.text.trim().is_empty());
                    let mut offsets = text.offsets();
                    for s in sverka::split::split(&text.text, sverka::Lang::En) {
                        let span = offsets.file_span(s.start..s.end);
                        let (start, end) = (span.start, span.end);
                        prop_assert!(start <= end && end <= bytes.len(), "{:?} {start}..{end}", s);
                    }
                    prop_assert!(offsets.file_span(0..text.text.len()).end <= bytes.len());
                }
                Err(e) => {
                    let message = e.to_string();
                    prop_assert!(message.starts_with("p.txt"), "{}", message);
                    prop_assert!(!message.contains('\n'), "{}", message);
                }
            }
        }
    }
}

/// Pieces of web pages and Markdown documents, malformed ones included.
const MARKUP: &[&str] = &[
    "<!DOCTYPE html>",
    "<html>",
    "<body>",
    "<p>",
    "</p>",
    "<div class=\"nav\">",
    "</div>",
    "<a href=\"x\">",
    "</a>",
    "<b>",
    "</i>",
    "<br>",
    "<table><tr><td>",
    "</td>",
    "<li>",
    "<pre>\n",
    "</pre>",
    "<script>var a='<p>';</script>",
    "<!-- c -->",
    "&amp;",
    "&nbsp;",
    "&#1044;",
    "&bogus;",
    "&",
    "<",
    ">",
    "Word. ",
    "Слово. ",
    "\n",
    "\n\n",
    "\r\n",
    "# ",
    "```\n",
    "    ",
    "- ",
    "> ",
    "| a | b |\n|---|---|\n",
    "\\*",
    "`code`",
    "[a](b)",
    "**",
    "<main>",
    "</main>",
    "<nav>",
    "<header><h1>",
    "</h1></header>",
];
