//! Reading any bytes never panics: it is text or a one-line error. Text read
//! strictly has no U+FFFD that was not in the file, and every offset of the
//! text maps to a file offset within the file, in order.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use sverka::Lang;
use sverka::input::{self, Encoding, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, bytes)) = data.split_first() else {
        return;
    };
    let encoding = match mode % 6 {
        0 => None,
        k => Some(Encoding::ALL[k as usize - 1]),
    };
    let options = ReadOptions {
        encoding,
        lossy: mode & 0x80 != 0,
    };
    match input::decode_bytes(Path::new("fuzz.txt"), bytes, &options) {
        Ok(text) => {
            assert!(!text.text.trim().is_empty(), "empty text accepted");
            assert!(!text.text.contains('\0'), "NUL accepted");
            if !options.lossy {
                assert_eq!(text.replaced(), 0);
            }
            let mut map = text.offsets();
            let mut last = 0;
            for (at, _) in text.text.char_indices().chain([(text.text.len(), ' ')]) {
                let offset = map.file_offset(at);
                assert!(offset >= last && offset <= bytes.len(), "offset {offset}");
                last = offset;
            }
            // Strict UTF-8 text ends exactly at the end of the file.
            if text.encoding == Encoding::Utf8 && !options.lossy {
                assert_eq!(last, bytes.len());
            }
            // The language and mojibake checks give text a verdict, never a
            // panic; a refusal is one line naming the file.
            for lang in [Lang::En, Lang::Ru] {
                if let Err(e) = input::check_language(Path::new("fuzz.txt"), &text.text, lang) {
                    let message = e.to_string();
                    assert!(!message.contains('\n') && message.starts_with("fuzz.txt"));
                }
            }
        }
        Err(e) => {
            let message = e.to_string();
            assert!(!message.contains('\n'), "multi-line error: {message}");
            assert!(
                message.starts_with("fuzz.txt"),
                "error without file: {message}"
            );
        }
    }
});
