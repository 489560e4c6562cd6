//! The encodings sverka reads, and strict decoders that say where a file
//! stops being valid.

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

/// A character encoding of an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16, little-endian (what Word and Notepad write as "Unicode").
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// Windows-1251 (cp1251), the Russian ANSI code page of Windows.
    Windows1251,
    /// KOI8-R, the older Russian Unix encoding.
    Koi8R,
}

impl Encoding {
    /// Every encoding, in the order the help text lists them.
    pub const ALL: [Encoding; 5] = [
        Encoding::Utf8,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
        Encoding::Windows1251,
        Encoding::Koi8R,
    ];

    /// The name used in messages and accepted by `--encoding`.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1251 => "windows-1251",
            Encoding::Koi8R => "koi8-r",
        }
    }

    /// True for the one-byte-per-character legacy encodings.
    pub fn is_single_byte(self) -> bool {
        matches!(self, Encoding::Windows1251 | Encoding::Koi8R)
    }

    /// The byte-order mark of this encoding, if it has one.
    pub fn bom(self) -> Option<&'static [u8]> {
        match self {
            Encoding::Utf8 => Some(b"\xEF\xBB\xBF"),
            Encoding::Utf16Le => Some(b"\xFF\xFE"),
            Encoding::Utf16Be => Some(b"\xFE\xFF"),
            Encoding::Windows1251 | Encoding::Koi8R => None,
        }
    }

    /// The encoding announced by a byte-order mark at the start of `bytes`.
    pub fn from_bom(bytes: &[u8]) -> Option<Encoding> {
        [Encoding::Utf8, Encoding::Utf16Le, Encoding::Utf16Be]
            .into_iter()
            .find(|e| e.bom().is_some_and(|bom| bytes.starts_with(bom)))
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Encoding {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let key: String = s
            .to_ascii_lowercase()
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .collect();
        match key.as_str() {
            "utf8" => Ok(Encoding::Utf8),
            "utf16le" | "utf16" | "unicode" => Ok(Encoding::Utf16Le),
            "utf16be" => Ok(Encoding::Utf16Be),
            "windows1251" | "cp1251" | "win1251" | "1251" => Ok(Encoding::Windows1251),
            "koi8r" | "koi8" => Ok(Encoding::Koi8R),
            _ => Err(format!(
                "unknown encoding `{s}` (expected one of: {})",
                Encoding::ALL.map(Encoding::name).join(", ")
            )),
        }
    }
}

/// Where decoding stopped: the byte offset of the first undecodable byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Invalid {
    pub offset: usize,
}

/// Text decoded from bytes, with the spots that had to be repaired.
#[derive(Debug, Default)]
pub struct Decoded {
    pub text: String,
    /// `(offset in text, bytes of input)` for every U+FFFD put in for bad
    /// bytes, in order. Empty unless decoding was lossy.
    pub repairs: Vec<(usize, usize)>,
}

/// Decodes `bytes` (BOM already removed) as `encoding`. Strict unless `lossy`:
/// the first undecodable byte is an error; with `lossy` each bad sequence
/// becomes U+FFFD and is recorded in [`Decoded::repairs`].
pub fn decode(bytes: &[u8], encoding: Encoding, lossy: bool) -> Result<Decoded, Invalid> {
    match encoding {
        Encoding::Utf8 => utf8(bytes, lossy),
        Encoding::Utf16Le => utf16(bytes, u16::from_le_bytes, lossy),
        Encoding::Utf16Be => utf16(bytes, u16::from_be_bytes, lossy),
        Encoding::Windows1251 | Encoding::Koi8R => single_byte(bytes, encoding, lossy),
    }
}

fn utf8(bytes: &[u8], lossy: bool) -> Result<Decoded, Invalid> {
    let mut out = Decoded::default();
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                out.text.push_str(valid);
                return Ok(out);
            }
            Err(e) => {
                let valid_up_to = e.valid_up_to();
                if !lossy {
                    return Err(Invalid {
                        offset: bytes.len() - rest.len() + valid_up_to,
                    });
                }
                let (valid, bad) = rest.split_at(valid_up_to);
                // `from_utf8` vouched for this prefix, so the default never shows.
                out.text
                    .push_str(std::str::from_utf8(valid).unwrap_or_default());
                // `None`: an incomplete sequence cut off by the end of the file.
                let bad_len = e.error_len().unwrap_or(bad.len());
                out.repairs.push((out.text.len(), bad_len));
                out.text.push(char::REPLACEMENT_CHARACTER);
                rest = &bad[bad_len..];
            }
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, lossy: bool) -> Result<Decoded, Invalid> {
    let mut out = Decoded {
        text: String::with_capacity(bytes.len()),
        repairs: Vec::new(),
    };
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut at = 0;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                out.text.push(c);
                at += 2 * c.len_utf16();
            }
            Err(_) if lossy => {
                out.repairs.push((out.text.len(), 2));
                out.text.push(char::REPLACEMENT_CHARACTER);
                at += 2;
            }
            Err(_) => return Err(Invalid { offset: at }),
        }
    }
    if !bytes.len().is_multiple_of(2) {
        // A lone byte at the end: half a code unit.
        if !lossy {
            return Err(Invalid { offset: at });
        }
        out.repairs.push((out.text.len(), 1));
        out.text.push(char::REPLACEMENT_CHARACTER);
    }
    Ok(out)
}

fn single_byte(bytes: &[u8], encoding: Encoding, lossy: bool) -> Result<Decoded, Invalid> {
    let table = single_byte_table(encoding);
    let mut out = Decoded {
        text: String::with_capacity(bytes.len() * 2),
        repairs: Vec::new(),
    };
    for (offset, &b) in bytes.iter().enumerate() {
        match table[b as usize] {
            Some(c) => out.text.push(c),
            None if lossy => {
                out.repairs.push((out.text.len(), 1));
                out.text.push(char::REPLACEMENT_CHARACTER);
            }
            None => return Err(Invalid { offset }),
        }
    }
    Ok(out)
}

/// The character of each byte in a one-byte encoding (`None`: unassigned),
/// taken from `encoding_rs`'s WHATWG tables once. WHATWG maps Windows-1251's
/// one hole, 0x98, to the C1 control U+0098; Microsoft leaves it undefined,
/// and no text contains it, so it counts as undecodable here.
pub(crate) fn single_byte_table(encoding: Encoding) -> &'static [Option<char>; 256] {
    static CP1251: OnceLock<[Option<char>; 256]> = OnceLock::new();
    static KOI8R: OnceLock<[Option<char>; 256]> = OnceLock::new();
    let (cell, whatwg) = match encoding {
        Encoding::Koi8R => (&KOI8R, encoding_rs::KOI8_R),
        _ => (&CP1251, encoding_rs::WINDOWS_1251),
    };
    cell.get_or_init(|| {
        std::array::from_fn(|b| {
            let byte = [b as u8];
            let text = whatwg.decode_without_bom_handling_and_without_replacement(&byte)?;
            let mut chars = text.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if !('\u{80}'..='\u{9F}').contains(&c) => Some(c),
                _ => None,
            }
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_common_spellings_of_encoding_names() {
        assert_eq!("CP1251".parse(), Ok(Encoding::Windows1251));
        assert_eq!("windows-1251".parse(), Ok(Encoding::Windows1251));
        assert_eq!("KOI8-R".parse(), Ok(Encoding::Koi8R));
        assert_eq!("UTF-16LE".parse(), Ok(Encoding::Utf16Le));
        assert_eq!("utf_8".parse(), Ok(Encoding::Utf8));
        assert!("latin1".parse::<Encoding>().is_err());
    }

    #[test]
    fn names_parse_back() {
        for e in Encoding::ALL {
            assert_eq!(e.name().parse(), Ok(e));
        }
    }

    #[test]
    fn reports_offset_of_first_bad_utf8_byte() {
        assert_eq!(
            decode(b"abc\xFFdef", Encoding::Utf8, false).unwrap_err(),
            Invalid { offset: 3 }
        );
    }

    #[test]
    fn lossy_utf8_replaces_and_records_each_bad_sequence() {
        let d = decode(b"a\xFF\xFEb\xE2\x82", Encoding::Utf8, true).unwrap();
        assert_eq!(d.text, "a\u{FFFD}\u{FFFD}b\u{FFFD}");
        assert_eq!(d.repairs, [(1, 1), (4, 1), (8, 2)]);
    }

    #[test]
    fn decodes_utf16_both_byte_orders() {
        let le: Vec<u8> = "Мир".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = "Мир".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le, Encoding::Utf16Le, false).unwrap().text, "Мир");
        assert_eq!(decode(&be, Encoding::Utf16Be, false).unwrap().text, "Мир");
    }

    #[test]
    fn reports_offset_of_unpaired_surrogate_and_odd_byte() {
        // "a", then a lone high surrogate, then "b".
        let bytes = [b'a', 0, 0x00, 0xD8, b'b', 0];
        assert_eq!(
            decode(&bytes, Encoding::Utf16Le, false).unwrap_err(),
            Invalid { offset: 2 }
        );
        assert_eq!(
            decode(b"a\0b", Encoding::Utf16Le, false).unwrap_err(),
            Invalid { offset: 2 }
        );
    }

    #[test]
    fn decodes_cp1251_and_koi8r_letters() {
        // "Привет" in each encoding.
        let cp1251 = b"\xCF\xF0\xE8\xE2\xE5\xF2";
        let koi8r = b"\xF0\xD2\xC9\xD7\xC5\xD4";
        assert_eq!(
            decode(cp1251, Encoding::Windows1251, false).unwrap().text,
            "Привет"
        );
        assert_eq!(
            decode(koi8r, Encoding::Koi8R, false).unwrap().text,
            "Привет"
        );
    }

    #[test]
    fn cp1251_unassigned_byte_is_an_error_with_offset() {
        let table = single_byte_table(Encoding::Windows1251);
        let unassigned: Vec<u8> = (0..=255u8)
            .filter(|&b| table[b as usize].is_none())
            .collect();
        assert_eq!(unassigned, [0x98]);
        assert_eq!(
            decode(b"ab\x98", Encoding::Windows1251, false).unwrap_err(),
            Invalid { offset: 2 }
        );
    }
}
