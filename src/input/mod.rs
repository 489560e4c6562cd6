//! Reading input files into text.

use std::path::Path;

use crate::Error;

/// Reads a UTF-8 text file (with or without a byte-order mark).
///
/// Returns the text and the number of bytes skipped at the start (the BOM),
/// so that offsets into the text can be turned into offsets into the file.
pub fn read_text(path: &Path) -> Result<(String, usize), Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    decode(path, bytes)
}

/// Decodes the bytes of a file read from `path` as UTF-8 text.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<(String, usize), Error> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    let skip = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let mut bytes = bytes;
    bytes.drain(..skip);
    let text = String::from_utf8(bytes).map_err(|e| Error::Decode {
        path: path.to_path_buf(),
        encoding: "UTF-8".into(),
        offset: e.utf8_error().valid_up_to() + skip,
    })?;
    if text.trim().is_empty() {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok((text, skip))
}
