use super::*;

fn read(bytes: &[u8]) -> Result<Text, Error> {
    decode_bytes(Path::new("in.txt"), bytes, &ReadOptions::default())
}

fn read_as(bytes: &[u8], encoding: Encoding) -> Result<Text, Error> {
    let options = ReadOptions {
        encoding: Some(encoding),
        lossy: false,
        ..ReadOptions::default()
    };
    decode_bytes(Path::new("in.txt"), bytes, &options)
}

fn lossy(bytes: &[u8]) -> Text {
    let options = ReadOptions {
        encoding: None,
        lossy: true,
        ..ReadOptions::default()
    };
    decode_bytes(Path::new("in.txt"), bytes, &options).expect("lossy read")
}

fn utf16le(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

fn utf16be(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    bytes
}

/// "Переговоры прошли в Москве." in Windows-1251.
const CP1251: &[u8] = b"\xcf\xe5\xf0\xe5\xe3\xee\xe2\xee\xf0\xfb \xef\xf0\xee\xf8\xeb\xe8 \xe2 \xcc\xee\xf1\xea\xe2\xe5.";
/// The same sentence in KOI8-R.
const KOI8R: &[u8] = b"\xf0\xc5\xd2\xc5\xc7\xcf\xd7\xcf\xd2\xd9 \xd0\xd2\xcf\xdb\xcc\xc9 \xd7 \xed\xcf\xd3\xcb\xd7\xc5.";
const SENTENCE: &str = "Переговоры прошли в Москве.";

#[test]
fn reads_plain_utf8() {
    let t = read("Привет, мир.".as_bytes()).unwrap();
    assert_eq!(&*t.text, "Привет, мир.");
    assert_eq!(
        (t.encoding, t.bom_len, t.detected),
        (Encoding::Utf8, 0, true)
    );
}

#[test]
fn skips_utf8_bom_and_offsets_count_it() {
    let t = read(b"\xEF\xBB\xBFHello.").unwrap();
    assert_eq!(&*t.text, "Hello.");
    assert_eq!(t.bom_len, 3);
    assert_eq!(t.offsets().file_offset(1), 4);
}

#[test]
fn reads_utf16_with_either_bom() {
    for bytes in [utf16le("Мир и труд."), utf16be("Мир и труд.")] {
        let t = read(&bytes).unwrap();
        assert_eq!(&*t.text, "Мир и труд.");
        assert_eq!(t.bom_len, 2);
    }
    assert_eq!(read(&utf16le("x y")).unwrap().encoding, Encoding::Utf16Le);
    assert_eq!(read(&utf16be("x y")).unwrap().encoding, Encoding::Utf16Be);
}

#[test]
fn utf16_offsets_map_to_file_bytes() {
    let t = read(&utf16le("Да. 😀 Нет.")).unwrap();
    let mut map = t.offsets();
    let net = t.text.find("Нет").unwrap();
    // BOM 2 + "Да. " 4 units + emoji 2 units + space 1 unit = 2 + 14.
    assert_eq!(map.file_offset(net), 16);
    assert_eq!(map.file_offset(t.text.len()), 2 + 2 * 11);
    // Asking for an earlier offset starts over.
    assert_eq!(map.file_offset(0), 2);
}

#[test]
fn detects_windows_1251_and_koi8r() {
    let t = read(CP1251).unwrap();
    assert_eq!((&*t.text, t.encoding), (SENTENCE, Encoding::Windows1251));
    assert!(t.detected);
    let t = read(KOI8R).unwrap();
    assert_eq!((&*t.text, t.encoding), (SENTENCE, Encoding::Koi8R));
}

#[test]
fn one_byte_encoding_offsets_count_characters() {
    let t = read(CP1251).unwrap();
    let at = t.text.find("Москве").unwrap();
    assert_eq!(t.offsets().file_offset(at), 20);
}

#[test]
fn explicit_encoding_overrides_detection() {
    let t = read_as(CP1251, Encoding::Koi8R).unwrap();
    assert_eq!(t.encoding, Encoding::Koi8R);
    assert_ne!(&*t.text, SENTENCE);
    assert!(!t.detected);
}

#[test]
fn bom_wins_over_explicit_encoding() {
    let t = read_as(&utf16le("Мир."), Encoding::Windows1251).unwrap();
    assert_eq!((&*t.text, t.encoding), ("Мир.", Encoding::Utf16Le));
}

#[test]
fn explicit_utf16_reads_a_file_without_bom() {
    let bytes: Vec<u8> = "Мир, труд, май."
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(
        read_as(&bytes, Encoding::Utf16Le).unwrap().text.as_ref(),
        "Мир, труд, май."
    );
}

#[test]
fn utf16_without_bom_asks_for_encoding() {
    let bytes: Vec<u8> = "Hello there, world."
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let err = read(&bytes).unwrap_err();
    assert!(matches!(
        err,
        Error::Utf16WithoutBom {
            encoding: Encoding::Utf16Le,
            ..
        }
    ));
    assert!(err.to_string().contains("--encoding utf-16le"), "{err}");
}

#[test]
fn undecodable_utf8_names_the_byte_offset() {
    let err = read_as(b"Hello \xFF world", Encoding::Utf8).unwrap_err();
    assert!(matches!(err, Error::Decode { offset: 6, .. }), "{err}");
    assert_eq!(
        err.to_string(),
        "in.txt: invalid utf-8 at byte 6; give the right --encoding, or --lossy to replace bad bytes"
    );
}

#[test]
fn unclear_encoding_is_an_error_not_a_guess() {
    // Latin-1 "café au lait" style text: not UTF-8, not Russian.
    let err = read(b"The caf\xE9 served cr\xE8me br\xFBl\xE9e to the minister.").unwrap_err();
    assert!(
        matches!(err, Error::UnknownEncoding { offset: 7, .. }),
        "{err}"
    );
}

#[test]
fn lossy_replaces_bad_bytes_and_keeps_file_offsets() {
    let t = lossy(b"ab\xFF\xFEcd \xE2\x82 ef");
    assert_eq!(&*t.text, "ab\u{FFFD}\u{FFFD}cd \u{FFFD} ef");
    assert_eq!(t.replaced(), 3);
    let mut map = t.offsets();
    assert_eq!(map.file_offset(t.text.find("cd").unwrap()), 4);
    assert_eq!(map.file_offset(t.text.find("ef").unwrap()), 10);
}

#[test]
fn nul_byte_means_binary_with_offset() {
    let err = read(b"some text\0\x01\x02\x03 and more \x05\0\0").unwrap_err();
    assert!(matches!(err, Error::Binary { offset: 9, .. }), "{err}");
}

#[test]
fn nul_in_utf16_is_binary_too() {
    let err = read(&utf16le("ab\0c")).unwrap_err();
    assert!(matches!(err, Error::Binary { offset: 6, .. }), "{err}");
}

#[test]
fn document_formats_get_advice() {
    let err = read(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj").unwrap_err();
    assert!(err.to_string().contains("is a PDF file"), "{err}");
    // A zip cut short is taken for a Word file that did not arrive whole.
    let err = read(b"PK\x03\x04\x14\x00\x06\x00").unwrap_err();
    assert!(err.to_string().contains("not a readable zip file"), "{err}");
}

#[test]
fn empty_and_blank_files_are_errors_naming_the_file() {
    for bytes in [&b""[..], b"  \n\r\n\t ", b"\xEF\xBB\xBF", b"\xFF\xFE"] {
        let err = read(bytes).unwrap_err();
        assert!(matches!(err, Error::Empty { .. }), "{bytes:?}: {err}");
        assert!(err.to_string().starts_with("in.txt: file is empty"));
    }
}

#[test]
fn lone_cr_becomes_lf_and_crlf_stays() {
    assert_eq!(
        read(b"One.\rTwo.\r\rThree.").unwrap().text.as_ref(),
        "One.\nTwo.\n\nThree."
    );
    assert_eq!(
        read(b"One.\r\nTwo.\r\n").unwrap().text.as_ref(),
        "One.\r\nTwo.\r\n"
    );
    assert_eq!(read(b"A.\r\r\nB.").unwrap().text.as_ref(), "A.\n\r\nB.");
}
