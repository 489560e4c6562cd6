//! Reading a web page, Word file or Markdown document into a [`Text`]: the
//! rendered text in [`Text::text`], its map to the source in
//! [`Text::rendered`].

use std::path::Path;
use std::sync::Arc;

use super::{Encoding, InputFormat, ReadOptions, Text, decode_plain, docx, html, markdown};
use crate::Error;

/// Reads `bytes` (from `path`) as a document of `format` (not plain text).
pub(super) fn read(
    path: &Path,
    bytes: &[u8],
    options: &ReadOptions,
    format: InputFormat,
) -> Result<Text, Error> {
    let (mut text, mut rendered) = match format {
        InputFormat::Docx => {
            if bytes.is_empty() {
                return Err(Error::Empty {
                    path: path.to_path_buf(),
                });
            }
            let rendered = docx::render(path, bytes)?;
            let text = Text {
                text: Arc::default(),
                encoding: Encoding::Utf8,
                detected: false,
                bom_len: 0,
                repairs: Vec::new(),
                format,
                rendered: None,
            };
            (text, rendered)
        }
        InputFormat::Html => {
            let mut options = *options;
            // The page's own word on its encoding, as browsers take it; a page
            // that is valid UTF-8 was most likely re-saved as UTF-8.
            if options.encoding.is_none()
                && Encoding::from_bom(bytes).is_none()
                && std::str::from_utf8(bytes).is_err()
            {
                options.encoding = html::declared_encoding(bytes);
            }
            let mut text = decode_plain(path, bytes, &options)?;
            let depth = html::nesting_bound(&text.text);
            if depth > html::MAX_NESTING {
                return Err(Error::Document {
                    path: path.to_path_buf(),
                    problem: format!(
                        "elements nested {depth} deep (more than {}); not read as a web page (give --input-format text to read the markup as text)",
                        html::MAX_NESTING
                    ),
                });
            }
            let source = std::mem::take(&mut text.text);
            (text, html::render(source.to_string(), options.whole_page))
        }
        InputFormat::Markdown => {
            let mut text = decode_plain(path, bytes, options)?;
            let source = std::mem::take(&mut text.text);
            (text, markdown::render(source.to_string()))
        }
        InputFormat::Text => return decode_plain(path, bytes, options),
    };
    if rendered.text.trim().is_empty() {
        return Err(Error::NoText {
            path: path.to_path_buf(),
            what: match format {
                InputFormat::Html if options.whole_page => "no visible text in this web page",
                InputFormat::Html => {
                    "no body text in this web page (navigation, headers, footers and code are left out; give --whole-page to keep all visible text)"
                }
                InputFormat::Docx => "no text in this Word document",
                _ => "no text outside code blocks in this Markdown document",
            },
        });
    }
    text.text = std::mem::take(&mut rendered.text).into();
    text.format = format;
    text.rendered = Some(rendered);
    Ok(text)
}
