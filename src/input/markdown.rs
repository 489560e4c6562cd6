//! Markdown: CommonMark (with tables, footnotes and strikethrough) parsed
//! with pulldown-cmark, rendered to the text a reader of the page sees.
//!
//! Headings, paragraphs, list items, block quotes, table cells and footnote
//! definitions are blocks. Code blocks, fenced or indented, are not prose:
//! they are left out and never aligned. Inline code stays in its sentence
//! as its text (without the backticks). Emphasis, links and escapes are
//! rendered (`**a**` is `a`, `[text](url)` is `text`, `\*` is `*`); images'
//! alt text and raw HTML are not shown text. A soft line break is a space,
//! as a browser shows it; a hard one (two spaces or `\` at the end of a
//! line) a line break. Offsets are byte offsets into the (decoded) file.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::rendered::{Builder, Rendered, push_escaped};

/// Renders the Markdown document `source`.
pub fn render(source: String) -> Rendered {
    let mut builder = Builder::new(source);
    let source = builder.source().to_string();
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    // Depth inside what is not shown: code blocks, images, HTML blocks.
    let mut hidden = 0usize;
    for (event, range) in Parser::new_ext(&source, options).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if matches!(tag, Tag::CodeBlock(_) | Tag::Image { .. } | Tag::HtmlBlock) {
                    hidden += 1;
                } else if hidden == 0 && is_block(&tag) {
                    builder.end_block();
                }
            }
            Event::End(tag) => {
                if matches!(tag, TagEnd::CodeBlock | TagEnd::Image | TagEnd::HtmlBlock) {
                    hidden = hidden.saturating_sub(1);
                    builder.end_block();
                } else if hidden == 0 && is_block_end(tag) {
                    builder.end_block();
                }
            }
            _ if hidden > 0 => {}
            Event::Text(text) => {
                let raw = &source[range.clone()];
                push_escaped(&mut builder, raw, &text, range.start);
            }
            Event::Code(code) => {
                // The code's text inside its backticks, where it is found.
                let raw = &source[range.clone()];
                match raw.find(&*code) {
                    Some(i) => builder.push(&code, range.start + i, code.len()),
                    None => builder.push(&code, range.start, raw.len()),
                }
            }
            Event::SoftBreak => builder.space(range.start),
            Event::HardBreak => builder.line_break(range.start, range.len()),
            _ => {}
        }
    }
    builder.finish()
}

fn is_block(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::List(_)
            | Tag::Item
            | Tag::FootnoteDefinition(_)
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::TableCell
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
    )
}

fn is_block_end(tag: TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::TableCell
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_blocks_are_left_out_and_inline_code_stays() {
        let md = "# Install\n\nRun `make` first.\nThen test.\n\n```sh\nmake test\n```\n\n    indented code\n\n- One *item*\n- Two\n";
        let r = render(md.to_string());
        assert_eq!(
            r.text,
            "Install\n\nRun make first. Then test.\n\nOne item\n\nTwo"
        );
        let at = r.text.find("make").unwrap();
        assert_eq!(&md[r.source_start(at)..r.source_end(at + 4)], "make");
    }

    #[test]
    fn escapes_and_entities_are_decoded() {
        let r = render("Price: 5\\*3 &amp; more&nbsp;text.".to_string());
        assert_eq!(r.text, "Price: 5*3 & more\u{a0}text.");
    }

    #[test]
    fn table_cells_and_quotes_are_blocks() {
        let md = "> Quoted line.\n\n| A | B |\n|---|---|\n| one | two |\n";
        assert_eq!(
            render(md.to_string()).text,
            "Quoted line.\n\nA\n\nB\n\none\n\ntwo"
        );
    }
}
