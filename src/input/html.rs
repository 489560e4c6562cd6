//! Web pages: parsed as browsers parse them (html5ever, through `scraper`),
//! rendered to the text a reader sees, with the site's chrome left out.
//!
//! # What is text
//! Text nodes of the body, whitespace collapsed as a browser does. `<head>`
//! (and so `<title>`), scripts, styles, templates, form controls, images' alt
//! text and hidden elements (`hidden`, `aria-hidden="true"`, `display:none`)
//! are never text. Block elements (paragraphs, headings, list items, table
//! cells, captions, ...) end a block; `<br>` is a line break.
//!
//! # Main content
//! Unless the whole page is asked for, the page's chrome is left out: the
//! text comes from `<main>` (or `role="main"`), else from the largest
//! `<article>`, else from the body; inside it, `nav`, `aside`, `form`,
//! `footer` and `header` (a header with a heading in it stays: an article's
//! title), the ARIA landmarks of navigation, banners, footers, sidebars and
//! search, elements whose class or id names chrome (menu, nav, share,
//! social, cookie, breadcrumb, footer, lang, sidebar, ...), code blocks
//! (`<pre>`), and blocks whose text is mostly link text (a menu, a
//! language switcher, "related news") are dropped.
//!
//! # Offsets
//! html5ever does not say where in the file a text node came from, so the
//! reader finds each text node in the source itself, in document order:
//! between two text nodes there is only markup (tags, comments, a doctype),
//! and a text node's characters stand in the source as themselves or as
//! character references. A node that cannot be found (the tree builder moved
//! it, as it does with text misplaced inside a table) is mapped as a whole to
//! where the search stood.

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use rustc_hash::{FxHashMap, FxHashSet};
use scraper::{Html, Node};

use super::Encoding;
use super::rendered::{Builder, Rendered};

/// The encoding a page declares in its first 1024 bytes (`<meta charset>`
/// or `<meta http-equiv="Content-Type" content="...; charset=...">`), if it
/// is one sverka reads. This is the prescan browsers do before parsing.
pub fn declared_encoding(bytes: &[u8]) -> Option<Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(i) = rest.find("<meta") {
        rest = &rest[i + 5..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        if let Some(j) = tag.find("charset") {
            let value = tag[j + 7..]
                .trim_start()
                .strip_prefix('=')?
                .trim_start()
                .trim_start_matches(['"', '\'']);
            let label: String = value
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
                .collect();
            return match encoding_rs::Encoding::for_label(label.as_bytes())? {
                e if e == encoding_rs::UTF_8 => Some(Encoding::Utf8),
                e if e == encoding_rs::WINDOWS_1251 => Some(Encoding::Windows1251),
                e if e == encoding_rs::KOI8_R => Some(Encoding::Koi8R),
                // A page that says UTF-16 in ASCII is not UTF-16 (the HTML standard).
                e if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => {
                    Some(Encoding::Utf8)
                }
                _ => None,
            };
        }
    }
    None
}

/// The deepest nesting of elements a page may have. html5ever, like the
/// WHATWG algorithm, checks scopes by walking the stack of open elements, so a
/// page nested N deep costs N² steps; browsers stop nesting at a few hundred
/// (Blink at 512), real pages stay far below this.
pub const MAX_NESTING: usize = 4096;

/// An upper bound of how deep the elements of `source` nest: start tags of
/// elements that need an end tag, less end tags (comments, and the content of
/// scripts and styles, skipped). Elements whose end tag may be left out
/// (`p`, `li`, `td`, ...) and void elements (`br`, `img`, ...) are not counted.
pub fn nesting_bound(source: &str) -> usize {
    let bytes = source.as_bytes();
    let (mut depth, mut deepest, mut at) = (0usize, 0usize, 0usize);
    while let Some(i) = source[at..].find('<') {
        at += i + 1;
        if source[at..].starts_with("!--") {
            at = source[at..].find("-->").map_or(bytes.len(), |j| at + j + 3);
            continue;
        }
        let close = bytes.get(at) == Some(&b'/');
        let name_start = at + usize::from(close);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            continue;
        }
        let name = source[name_start..name_start + name_len].to_ascii_lowercase();
        if close {
            depth = depth.saturating_sub(usize::from(needs_end_tag(&name)));
        } else if matches!(
            name.as_str(),
            "script" | "style" | "textarea" | "title" | "xmp"
        ) {
            // Raw text: to its end tag.
            at = source[at..]
                .match_indices("</")
                .map(|(j, _)| at + j)
                .find(|&j| {
                    bytes[j + 2..]
                        .get(..name.len())
                        .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
                })
                .unwrap_or(bytes.len());
        } else if needs_end_tag(&name) {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// Elements that stay open until their end tag (not void, end tag not optional).
fn needs_end_tag(name: &str) -> bool {
    !matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
            | "param"
            | "keygen"
            | "p"
            | "li"
            | "dt"
            | "dd"
            | "tr"
            | "td"
            | "th"
            | "option"
            | "optgroup"
            | "rb"
            | "rt"
            | "rp"
            | "rtc"
            | "thead"
            | "tbody"
            | "tfoot"
            | "colgroup"
            | "caption"
            | "html"
            | "head"
            | "body"
    )
}

/// Renders the page `source`; `whole_page` keeps all visible text.
pub fn render(source: String, whole_page: bool) -> Rendered {
    let html = Html::parse_document(&source);
    let mut walk = Walk {
        builder: Builder::new(source),
        cursor: 0,
        dropped: FxHashSet::default(),
    };
    let root = html.tree.root();
    let content = if whole_page {
        None
    } else {
        let content = main_content(root);
        walk.mark_chrome(content);
        Some(content.id())
    };
    walk.render_tree(root, content);
    walk.builder.finish()
}

/// The element holding a page's main content: `<main>` or `role="main"`
/// (with text in it), else the `<article>` with the most text, else the
/// whole document.
fn main_content(root: NodeRef<'_, Node>) -> NodeRef<'_, Node> {
    let lengths = text_lengths(root);
    let len = |node: &NodeRef<'_, Node>| lengths.get(&node.id()).copied().unwrap_or(0);
    let mut best_article: Option<(usize, NodeRef<'_, Node>)> = None;
    for node in root.descendants() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        // An empty <main> (a page that fills it by script) says nothing.
        if (element.name() == "main" || element.attr("role") == Some("main")) && len(&node) > 0 {
            return node;
        }
        if element.name() == "article" && best_article.is_none_or(|(best, _)| len(&node) > best) {
            best_article = Some((len(&node), node));
        }
    }
    best_article.map_or(root, |(_, node)| node)
}

/// Non-whitespace characters of text (scripts and styles not counted) under
/// every `<main>`, `role="main"` and `<article>`, in one pass over the tree.
fn text_lengths(root: NodeRef<'_, Node>) -> FxHashMap<ego_tree::NodeId, usize> {
    let mut lengths = FxHashMap::default();
    // Text so far under each open node; the tree is walked without recursion,
    // so a page nested a million deep costs memory, not the stack.
    let mut open: Vec<usize> = Vec::new();
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(text) => {
                    let never = node
                        .parent()
                        .and_then(|p| p.value().as_element().map(|e| never_text(e.name())))
                        .unwrap_or(false);
                    if let (false, Some(len)) = (never, open.last_mut()) {
                        *len += text.chars().filter(|c| !c.is_whitespace()).count();
                    }
                }
                _ => open.push(0),
            },
            Edge::Close(node) => {
                if node.value().is_text() {
                    continue;
                }
                let len = open.pop().unwrap_or(0);
                if let Some(parent) = open.last_mut() {
                    *parent += len;
                }
                if let Some(e) = node.value().as_element()
                    && (matches!(e.name(), "main" | "article") || e.attr("role") == Some("main"))
                {
                    lengths.insert(node.id(), len);
                }
            }
        }
    }
    lengths
}

/// Elements whose content is never shown as text.
fn never_text(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "title"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "select"
            | "textarea"
            | "input"
            | "button"
            | "datalist"
    )
}

/// Elements that start and end a block of text.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "legend"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
    )
}

/// Hidden by an attribute: `hidden`, `aria-hidden="true"`, inline `display:none`.
fn hidden(element: &scraper::node::Element) -> bool {
    element.attr("hidden").is_some()
        || element.attr("aria-hidden") == Some("true")
        || element.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            let s = s.to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// Words in a class or id that name site chrome, matched as whole words of
/// the name (`main-menu`, `share_bar`, `langSwitch`).
const CHROME_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "share",
    "sharing",
    "social",
    "cookie",
    "cookies",
    "consent",
    "footer",
    "lang",
    "langs",
    "language",
    "languages",
    "sidebar",
    "banner",
    "subscribe",
    "pagination",
    "pager",
    "toolbar",
    "skip",
    "print",
    "related",
    "popup",
    "modal",
    "search",
    "login",
];

/// Chrome words that also name chrome at the start or end of a longer word
/// (`topnav`, `navlinks`, `mainmenu`, `sitefooter`, `sharebar`): only those
/// that do not start or end common words of content (not `search`, which
/// ends `research`, nor `related` or `print`).
const CHROME_AFFIXES: &[&str] = &[
    "nav",
    "menu",
    "cookie",
    "breadcrumb",
    "footer",
    "sidebar",
    "share",
    "social",
];

/// Whether a class or id word names chrome.
fn chrome_word(word: &str) -> bool {
    CHROME_WORDS.contains(&word)
        // langs, langswitch, languageswitcher
        || (word.starts_with("lang") && word.len() <= 16 && word != "languid")
        || CHROME_AFFIXES.iter().any(|a| {
            (word.starts_with(a) || word.ends_with(a))
                && word.len() <= a.len() + 8
                && !matches!(word, "navy" | "shared" | "shareholder" | "shareholders")
        })
}

/// The lower-case words of a class or id: split at punctuation and at
/// camel-case humps.
fn name_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if !c.is_alphanumeric() {
            words.extend((!word.is_empty()).then(|| std::mem::take(&mut word)));
            previous_lower = false;
            continue;
        }
        if c.is_uppercase() && previous_lower {
            words.push(std::mem::take(&mut word));
        }
        previous_lower = c.is_lowercase();
        word.extend(c.to_lowercase());
    }
    words.extend((!word.is_empty()).then_some(word));
    words
}

/// ARIA roles of chrome.
fn chrome_role(role: &str) -> bool {
    role.split_whitespace().any(|r| {
        matches!(
            r,
            "navigation"
                | "banner"
                | "contentinfo"
                | "complementary"
                | "search"
                | "menu"
                | "menubar"
                | "toolbar"
                | "dialog"
                | "alertdialog"
        )
    })
}

/// Above this share of link text, a block is a list of links (a menu).
const LINK_DENSITY: f64 = 0.5;

struct Walk {
    builder: Builder,
    /// Where the search for the next text node starts in the source.
    cursor: usize,
    /// Elements of the main content that are chrome.
    dropped: FxHashSet<ego_tree::NodeId>,
}

impl Walk {
    /// Marks the chrome under `content` in `dropped`: elements that are
    /// chrome by name, role, class or id, and blocks mostly of link text.
    fn mark_chrome(&mut self, content: NodeRef<'_, Node>) {
        // (text, link text) under each open node, and how deep inside a
        // subtree that is skipped (never text, hidden, chrome) the walk is.
        let mut open: Vec<(usize, usize)> = Vec::new();
        let mut skipping = 0usize;
        for edge in content.traverse() {
            match edge {
                Edge::Open(node) => {
                    if skipping > 0 {
                        skipping += 1;
                        continue;
                    }
                    match node.value() {
                        Node::Text(text) => {
                            if let Some(acc) = open.last_mut() {
                                acc.0 += text.chars().filter(|c| !c.is_whitespace()).count();
                            }
                        }
                        Node::Element(e) => {
                            let is_root = node.id() == content.id();
                            if never_text(e.name()) || hidden(e) {
                                skipping = 1;
                            } else if !is_root && self.is_chrome(node, e) {
                                self.dropped.insert(node.id());
                                skipping = 1;
                            } else {
                                open.push((0, 0));
                            }
                        }
                        Node::Document | Node::Fragment => open.push((0, 0)),
                        _ => skipping = 1,
                    }
                }
                Edge::Close(node) => {
                    if skipping > 0 {
                        skipping -= 1;
                        continue;
                    }
                    if node.value().is_text() {
                        continue;
                    }
                    let (text, mut links) = open.pop().unwrap_or((0, 0));
                    let name = node.value().as_element().map_or("", |e| e.name());
                    if name == "a" {
                        links = text;
                    }
                    let link_block = matches!(
                        name,
                        "ul" | "ol"
                            | "menu"
                            | "dl"
                            | "div"
                            | "p"
                            | "section"
                            | "table"
                            | "li"
                            | "td"
                    );
                    let is_root = node.id() == content.id();
                    if !is_root
                        && link_block
                        && text > 0
                        && links as f64 > LINK_DENSITY * text as f64
                    {
                        self.dropped.insert(node.id());
                    } else if let Some(parent) = open.last_mut() {
                        parent.0 += text;
                        parent.1 += links;
                    }
                }
            }
        }
    }

    /// Chrome by tag, role, class or id.
    fn is_chrome(&self, node: NodeRef<'_, Node>, e: &scraper::node::Element) -> bool {
        let name = e.name();
        if matches!(
            name,
            "nav" | "aside" | "form" | "footer" | "pre" | "menu" | "dialog"
        ) {
            return true;
        }
        if name == "header" {
            // An article's header holds its title; a site's header may hold
            // the logo in an <h1>, but that is a link.
            // (The first few hundred nodes: a header's heading comes early,
            // and headers nested in headers must not cost quadratic time.)
            let has_heading = node.descendants().take(300).any(|n| {
                n.value()
                    .as_element()
                    .is_some_and(|e| matches!(e.name(), "h1" | "h2" | "h3"))
                    && !n
                        .descendants()
                        .take(300)
                        .any(|d| d.value().as_element().is_some_and(|e| e.name() == "a"))
            });
            return !has_heading;
        }
        if e.attr("role").is_some_and(chrome_role) {
            return true;
        }
        let names = e.attr("class").into_iter().chain(e.id());
        names.flat_map(name_words).any(|w| chrome_word(&w))
    }

    /// Renders the tree under `root`; `content` is the main content's root
    /// (its text is shown, unless dropped as chrome), `None` for the whole page.
    fn render_tree(&mut self, root: NodeRef<'_, Node>, content: Option<ego_tree::NodeId>) {
        // (text shown, whitespace kept) of each open node.
        let mut open: Vec<(bool, bool)> = Vec::new();
        for edge in root.traverse() {
            let (emit, pre) = open.last().copied().unwrap_or((content.is_none(), false));
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Text(text) => self.text(&text.text, emit, pre),
                    Node::Element(element) => {
                        let name = element.name();
                        let shown = emit
                            && !never_text(name)
                            && !hidden(element)
                            && !self.dropped.contains(&node.id());
                        let emit = shown || content == Some(node.id());
                        if is_block(name) && emit {
                            self.builder.end_block();
                        }
                        if name == "br" && emit {
                            let at = self.cursor;
                            self.builder.line_break(at, 0);
                        }
                        let pre = pre || matches!(name, "pre" | "textarea" | "listing");
                        open.push((emit, pre));
                    }
                    _ => open.push((emit || content == Some(node.id()), pre)),
                },
                Edge::Close(node) => {
                    if node.value().is_text() {
                        continue;
                    }
                    open.pop();
                    if let Some(e) = node.value().as_element()
                        && is_block(e.name())
                        && emit
                    {
                        self.builder.end_block();
                    }
                }
            }
        }
    }

    /// Finds a text node in the source and, if `emit`, renders it,
    /// collapsing whitespace unless `pre`.
    fn text(&mut self, text: &str, emit: bool, pre: bool) {
        let found = self.locate(text);
        if !emit {
            return;
        }
        let source = self.builder.source();
        // (character, its source offset, its source length)
        let chars: Vec<(char, usize, usize)> = match found {
            Some(start) => {
                let mut raw = start;
                text.chars()
                    .map(|c| {
                        let len = char_source_len(source, raw, c);
                        raw += len;
                        (c, raw - len, len)
                    })
                    .collect()
            }
            None => {
                let at = self.cursor.min(source.len());
                text.chars().map(|c| (c, at, 0)).collect()
            }
        };
        let mut buf = [0; 4];
        for (c, at, len) in chars {
            if !pre && is_html_space(c) {
                self.builder.space(at);
            } else if pre && c == '\n' {
                self.builder.line_break(at, len);
            } else {
                self.builder.push(c.encode_utf8(&mut buf), at, len);
            }
        }
    }

    /// The start of `text` in the source at or after the cursor, moving the
    /// cursor past it; `None` when it is not there.
    fn locate(&mut self, text: &str) -> Option<usize> {
        let source = self.builder.source();
        let starts_with_space = text.starts_with(is_html_space);
        let mut at = self.cursor;
        // Markup, and whitespace the tree builder dropped (before <html>,
        // between </head> and <body>, the newline after <pre>).
        loop {
            let next = skip_markup(source, at);
            let next = if starts_with_space {
                next
            } else {
                next + source[next..].len() - source[next..].trim_start_matches(is_html_space).len()
            };
            if next == at {
                break;
            }
            at = next;
        }
        let found = match match_text(source, at, text) {
            Some(end) => Some((at, end)),
            None => resync(source, at, text),
        };
        let (start, end) = found?;
        self.cursor = end;
        Some(start)
    }
}

/// How far ahead a text node that is not where expected is looked for.
const RESYNC_WINDOW: usize = 64 * 1024;

/// Finds `text` a little further on in the source, after something the
/// matcher did not expect (an unknown entity, text the tree builder moved).
fn resync(source: &str, at: usize, text: &str) -> Option<(usize, usize)> {
    let text = text.trim_start_matches(is_html_space);
    let prefix_len = text
        .char_indices()
        .find(|&(i, c)| i >= 32 || matches!(c, '&' | '<' | '\r' | '\n'))
        .map_or(text.len(), |(i, _)| i);
    if prefix_len == 0 {
        return None;
    }
    let mut window_end = (at + RESYNC_WINDOW).min(source.len());
    while !source.is_char_boundary(window_end) {
        window_end -= 1;
    }
    let window = &source[at..window_end];
    let mut from = 0;
    while let Some(i) = window[from..].find(&text[..prefix_len]) {
        let start = at + from + i;
        if let Some(end) = match_text(source, start, text) {
            return Some((start, end));
        }
        from += i + 1;
        while !window.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

/// HTML's whitespace, which a browser collapses (a no-break space is not).
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
}

/// Skips tags, comments and doctypes at `at`, returning where text starts.
fn skip_markup(source: &str, mut at: usize) -> usize {
    let bytes = source.as_bytes();
    while at < bytes.len() && bytes[at] == b'<' {
        let next = bytes.get(at + 1).copied().unwrap_or(b' ');
        if source[at..].starts_with("<!--") {
            at = source[at + 4..]
                .find("-->")
                .map_or(bytes.len(), |i| at + 4 + i + 3);
        } else if next.is_ascii_alphabetic() || next == b'/' || next == b'!' || next == b'?' {
            // A tag: to its `>`, past quoted attribute values.
            let mut quote = None;
            let mut i = at + 1;
            while i < bytes.len() {
                match (quote, bytes[i]) {
                    (None, b'>') => break,
                    (None, q @ (b'"' | b'\''))
                        if bytes[i - 1] == b'=' || bytes[i - 1].is_ascii_whitespace() =>
                    {
                        quote = Some(q)
                    }
                    (Some(q), b) if b == q => quote = None,
                    _ => {}
                }
                i += 1;
            }
            at = (i + 1).min(bytes.len());
        } else {
            break;
        }
    }
    at
}

/// Source bytes that character `c` of a text node takes at `at`: itself, a
/// character reference, or CRLF for a line feed.
fn char_source_len(source: &str, at: usize, c: char) -> usize {
    let rest = &source[at.min(source.len())..];
    if rest.starts_with(c) && c != '&' {
        return c.len_utf8();
    }
    if c == '\n' && rest.starts_with("\r\n") {
        return 2;
    }
    if rest.starts_with('&') {
        if c == '&' && super::rendered::entity_len(rest).is_none() {
            return 1;
        }
        if let Some(len) = super::rendered::entity_len(rest) {
            return len;
        }
        return 1;
    }
    rest.chars().next().map_or(0, char::len_utf8)
}

/// The end in the source of `text` matched at `at`, or `None` when the
/// source does not read as `text` there.
fn match_text(source: &str, at: usize, text: &str) -> Option<usize> {
    let mut raw = at;
    for c in text.chars() {
        let rest = source.get(raw..)?;
        if rest.starts_with('&')
            && let Some(len) = super::rendered::entity_len(rest)
        {
            // A character reference stands for this character.
            raw += len;
            continue;
        }
        if rest.starts_with(c) {
            raw += c.len_utf8();
        } else if c == '\n' && (rest.starts_with("\r\n")) {
            raw += 2;
        } else if c == '\n' && rest.starts_with('\r') {
            raw += 1;
        } else {
            return None;
        }
    }
    Some(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(page: &str) -> String {
        render(page.to_string(), false).text
    }

    #[test]
    fn blocks_become_paragraphs_and_inline_markup_goes() {
        let page = "<h1>Talks in <b>Seoul</b></h1><p>The ministers&nbsp;met.\n  They   talked.</p><ul><li>One</li><li>Two</li></ul>";
        assert_eq!(
            text(page),
            "Talks in Seoul\n\nThe ministers\u{a0}met. They talked.\n\nOne\n\nTwo"
        );
    }

    #[test]
    fn title_scripts_and_hidden_text_are_not_text() {
        let page = "<html><head><title>Page</title><style>p{}</style></head><body><script>var a = '<p>x</p>';</script><p>Body.</p><p hidden>Secret</p></body></html>";
        assert_eq!(text(page), "Body.");
    }

    #[test]
    fn chrome_is_left_out_unless_the_whole_page_is_asked_for() {
        let page = r##"<body><header><a href="/">Home</a> | <a href="/news">News</a></header>
<nav><ul><li><a href="/">Main</a></li></ul></nav>
<div class="lang-switch"><a href="/ru">Русский</a></div>
<div id="content"><h1>Statement</h1><p>The minister spoke.</p></div>
<div class="share-bar">Share: <a href="#">Twitter</a></div>
<footer>© Ministry</footer></body>"##;
        assert_eq!(text(page), "Statement\n\nThe minister spoke.");
        let all = render(page.to_string(), true).text;
        assert!(
            all.contains("Home | News") && all.contains("© Ministry"),
            "{all}"
        );
    }

    #[test]
    fn chrome_names_are_whole_words_or_safe_affixes() {
        for chrome in [
            "main-menu",
            "topNav",
            "share_bar",
            "langSwitch",
            "cookies",
            "breadcrumbs",
        ] {
            assert!(
                name_words(chrome).iter().any(|w| chrome_word(w)),
                "{chrome}"
            );
        }
        for content in [
            "research-paper",
            "unrelated",
            "shared-text",
            "navy",
            "article-body",
        ] {
            assert!(
                !name_words(content).iter().any(|w| chrome_word(w)),
                "{content}"
            );
        }
    }

    #[test]
    fn a_site_header_with_its_logo_in_a_heading_is_chrome() {
        let page = r#"<header><h1><a href="/">Ministry</a></h1></header><div><h2>Statement</h2><p>Text.</p></div>"#;
        assert_eq!(text(page), "Statement\n\nText.");
        let page =
            "<article><header><h1>Statement</h1><p>23 March</p></header><p>Text.</p></article>";
        assert_eq!(text(page), "Statement\n\n23 March\n\nText.");
    }

    #[test]
    fn offsets_point_into_the_source() {
        let page = "<p>A &amp; <i>B</i>.</p>";
        let r = render(page.to_string(), false);
        assert_eq!(r.text, "A & B.");
        assert_eq!(r.source_start(0), 3);
        assert_eq!(r.source_end(3), 10);
        assert_eq!(&page[r.source_start(4)..r.source_end(5)], "B");
        assert_eq!(r.source_end(r.text.len()), 20);
    }

    #[test]
    fn malformed_markup_is_read_as_browsers_read_it() {
        let page = "<p>One <b>two <i>three</b> four</i><p>Five";
        assert_eq!(text(page), "One two three four\n\nFive");
    }

    #[test]
    fn nesting_is_bounded_without_counting_optional_end_tags() {
        assert_eq!(nesting_bound("<div><p>a<p>b<ul><li>c<li>d</ul></div>"), 2);
        assert_eq!(nesting_bound(&"<div>".repeat(5000)), 5000);
        assert_eq!(nesting_bound("<script>'<div><div>'</script><b>x</b>"), 1);
        assert_eq!(nesting_bound(&"<p>x".repeat(10_000)), 0);
    }

    #[test]
    fn declared_charset_is_found() {
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">";
        assert_eq!(declared_encoding(page), Some(Encoding::Windows1251));
        assert_eq!(
            declared_encoding(b"<meta charset='koi8-r'>"),
            Some(Encoding::Koi8R)
        );
        assert_eq!(declared_encoding(b"<p>no meta</p>"), None);
    }
}
