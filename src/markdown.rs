//! Markdown to HTML, in two passes over the same text.
//!
//! [`analyze`] reads a page once to learn its headings (with their ids), the links it makes
//! and its plain text per section; those feed link checking, the table of contents and the
//! search index. [`to_html`] then renders it, rewriting `@/` links with what the analysis of
//! all pages made known.

use std::collections::BTreeSet;
use std::ops::Range;

use pulldown_cmark::{
    html, Alignment, BlockQuoteKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd,
};

use crate::slug::slugify;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    /// Plain text of the heading.
    pub text: String,
}

/// A link as written in the source, with where it was written (offsets into the page body).
#[derive(Debug, Clone)]
pub struct LinkRef {
    pub dest: String,
    pub span: Range<usize>,
    /// An image (`![…](…)`): it is loaded with the page, so it must come from the site.
    pub image: bool,
}

/// The text of a page between two headings of level 2 or 3: one search document.
#[derive(Debug, Clone, Default)]
pub struct Chunk {
    /// The heading that opens the chunk; None for the text before the first heading.
    pub heading: Option<Heading>,
    pub text: String,
}

#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub headings: Vec<Heading>,
    pub links: Vec<LinkRef>,
    pub chunks: Vec<Chunk>,
    /// A fingerprint of the headings' ids: what links to this page can point at. Taken once
    /// here, so that `serve` can tell cheaply whether any page's ids changed.
    pub ids: u64,
}

/// Headings at these levels start a new search chunk and appear in the table of contents.
const SECTION_LEVELS: std::ops::RangeInclusive<u8> = 2..=3;

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
}

fn level_number(level: HeadingLevel) -> u8 {
    level as u8
}

/// First pass: headings with unique ids, links, and the plain text per chunk.
pub fn analyze(body: &str) -> Analysis {
    let mut analysis = Analysis {
        chunks: vec![Chunk::default()],
        ..Analysis::default()
    };
    let mut used_ids = BTreeSet::new();
    let mut heading: Option<(u8, Option<String>, String)> = None;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                heading = Some((
                    level_number(level),
                    id.map(|i| i.to_string()),
                    String::new(),
                ));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, explicit, text)) = heading.take() {
                    let text = collapse_spaces(&text);
                    let id = unique_id(explicit.unwrap_or_else(|| slugify(&text)), &mut used_ids);
                    let h = Heading { level, id, text };
                    if SECTION_LEVELS.contains(&level) {
                        analysis.chunks.push(Chunk {
                            heading: Some(h.clone()),
                            text: String::new(),
                        });
                    }
                    analysis.headings.push(h);
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                analysis.links.push(LinkRef {
                    dest: dest_url.to_string(),
                    span: range,
                    image: false,
                });
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                analysis.links.push(LinkRef {
                    dest: dest_url.to_string(),
                    span: range,
                    image: true,
                });
            }
            Event::Text(t) | Event::Code(t) => match &mut heading {
                Some((_, _, text)) => text.push_str(&t),
                None => push_text(&mut analysis, &t),
            },
            Event::SoftBreak | Event::HardBreak => push_space(&mut analysis, &mut heading),
            Event::End(end) if is_block(end) => push_space(&mut analysis, &mut heading),
            Event::Rule => push_space(&mut analysis, &mut heading),
            _ => {}
        }
    }
    for chunk in &mut analysis.chunks {
        chunk.text = collapse_spaces(&chunk.text);
    }
    analysis
        .chunks
        .retain(|c| c.heading.is_some() || !c.text.is_empty());
    let ids: Vec<&str> = analysis.headings.iter().map(|h| h.id.as_str()).collect();
    analysis.ids = crate::fingerprint::hash_of(ids);
    analysis
}

/// Words on either side of a block boundary or line break must not run together.
fn push_space(analysis: &mut Analysis, heading: &mut Option<(u8, Option<String>, String)>) {
    match heading {
        Some((_, _, text)) => text.push(' '),
        None => push_text(analysis, " "),
    }
}

/// Ends of block elements; inline ends (emphasis, links) join their text to what follows.
fn is_block(end: TagEnd) -> bool {
    !matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::Superscript
            | TagEnd::Subscript
    )
}

fn push_text(analysis: &mut Analysis, text: &str) {
    if let Some(chunk) = analysis.chunks.last_mut() {
        chunk.text.push_str(text);
    }
}

/// `kop`, `kop-1`, `kop-2`: ids must be unique within a page for anchors to work.
fn unique_id(base: String, used: &mut BTreeSet<String>) -> String {
    let base = if base.is_empty() {
        "kop".to_string()
    } else {
        base
    };
    let mut id = base.clone();
    let mut n = 1;
    while used.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    used.insert(id.clone());
    id
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Second pass. `headings` come from [`analyze`] of the same text; `link` rewrites a link
/// destination (returning None keeps it as written).
pub fn to_html(body: &str, headings: &[Heading], link: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(body.len() * 3 / 2);
    let mut events: Vec<Event> = Vec::new();
    let mut heading_index = 0;
    let mut in_heading: Option<Vec<Event>> = None;
    let mut table = TableCells::default();
    // Tables since the last heading, to tell their scroll boxes apart.
    let mut tables_here = 0;
    for event in Parser::new_ext(body, options()) {
        // Raw HTML is shown as text, in headings too: pages stay accessible and no script or
        // markup can slip in. Our own markup is added below as Event::Html, after this.
        let event = match rewrite_link(event, link) {
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            other => other,
        };
        if let Some(buffer) = &mut in_heading {
            if let Event::End(TagEnd::Heading(level)) = event {
                let inner = std::mem::take(buffer);
                in_heading = None;
                let id = headings.get(heading_index).map_or("", |h| h.id.as_str());
                heading_index += 1;
                events.push(Event::Html(CowStr::from(heading_html(
                    level_number(level),
                    id,
                    inner,
                ))));
            } else {
                buffer.push(event);
            }
            continue;
        }
        match event {
            Event::Start(Tag::Heading { .. }) => {
                in_heading = Some(Vec::new());
                tables_here = 0;
            }
            Event::Start(Tag::BlockQuote(Some(kind))) => events.push(Event::Html(callout_open(kind).into())),
            Event::End(TagEnd::BlockQuote(Some(_))) => events.push(Event::Html("</div>\n".into())),
            Event::Start(Tag::Table(alignments)) => {
                // A wide table scrolls inside this box, which a keyboard user can focus and a
                // screen reader announces by name: the heading the table stands under, and its
                // number when that heading has more than one.
                tables_here += 1;
                let under = heading_index
                    .checked_sub(1)
                    .and_then(|i| headings.get(i))
                    .map(|h| h.text.as_str());
                let label = match (under, tables_here) {
                    (Some(text), 1) => format!("Tabel: {text}"),
                    (Some(text), n) => format!("Tabel {n}: {text}"),
                    (None, 1) => "Tabel".to_string(),
                    (None, n) => format!("Tabel {n}"),
                };
                events.push(Event::Html(
                    format!(
                        "<div class=\"tabel\" role=\"region\" aria-label=\"{}\" tabindex=\"0\">",
                        html_escape(&label)
                    )
                    .into(),
                ));
                // pulldown-cmark writes alignment as a style attribute, which the pages' CSP
                // blocks; the cells get a class instead (see TableCells).
                let plain = vec![Alignment::None; alignments.len()];
                table = TableCells::new(alignments);
                events.push(Event::Start(Tag::Table(plain)));
            }
            Event::Start(Tag::TableHead) => {
                table.start_row(true);
                events.push(Event::Start(Tag::TableHead));
            }
            Event::Start(Tag::TableRow) => {
                table.start_row(false);
                events.push(Event::Start(Tag::TableRow));
            }
            Event::Start(Tag::TableCell) => events.push(match table.next_cell() {
                Some(open) => Event::Html(open.into()),
                None => Event::Start(Tag::TableCell),
            }),
            Event::End(TagEnd::Table) => {
                events.push(Event::End(TagEnd::Table));
                events.push(Event::Html("</div>\n".into()));
            }
            // A disabled checkbox without a label is a form control screen readers stumble on;
            // a text mark says the same.
            Event::TaskListMarker(done) => events.push(Event::Html(
                if done {
                    "<span class=\"taak taak--klaar\" aria-hidden=\"true\">☑</span><span class=\"visueel-verborgen\">Gedaan: </span>"
                } else {
                    "<span class=\"taak\" aria-hidden=\"true\">☐</span><span class=\"visueel-verborgen\">Nog te doen: </span>"
                }
                .into(),
            )),
            other => events.push(other),
        }
    }
    html::push_html(&mut out, events.into_iter());
    out
}

/// Where a table's cells are, so an aligned cell can be opened with a class.
#[derive(Default)]
struct TableCells {
    alignments: Vec<Alignment>,
    in_head: bool,
    column: usize,
}

impl TableCells {
    fn new(alignments: Vec<Alignment>) -> Self {
        TableCells {
            alignments,
            in_head: false,
            column: 0,
        }
    }

    fn start_row(&mut self, head: bool) {
        self.in_head = head;
        self.column = 0;
    }

    /// The opening tag of the next cell when it is aligned; None for an unaligned one, which
    /// pulldown-cmark opens itself. Either way pulldown-cmark closes it.
    fn next_cell(&mut self) -> Option<String> {
        let alignment = self.alignments.get(self.column).copied();
        self.column += 1;
        let class = match alignment? {
            Alignment::None => return None,
            Alignment::Left => "links",
            Alignment::Center => "midden",
            Alignment::Right => "rechts",
        };
        let tag = if self.in_head { "th" } else { "td" };
        Some(format!("<{tag} class=\"uitlijnen-{class}\">"))
    }
}

fn rewrite_link<'a>(event: Event<'a>, link: &dyn Fn(&str) -> Option<String>) -> Event<'a> {
    match event {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let dest_url = link(&dest_url).map(CowStr::from).unwrap_or(dest_url);
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            })
        }
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let dest_url = link(&dest_url).map(CowStr::from).unwrap_or(dest_url);
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            })
        }
        other => other,
    }
}

/// A heading links to itself, the way MDN does it: readers copy a link to a part of a page
/// from the heading, and one `<a>` costs a third of a separate "#" anchor with its own label on
/// every heading of every page. A heading that already holds a link keeps only its text, since
/// links cannot nest; the table of contents still links to it.
fn heading_html(level: u8, id: &str, inner: Vec<Event>) -> String {
    // Raw HTML is text by now (see above); a footnote mark is a link of its own.
    let has_link = inner.iter().any(|e| {
        matches!(
            e,
            Event::Start(Tag::Link { .. }) | Event::FootnoteReference(_)
        )
    });
    let mut content = String::new();
    html::push_html(&mut content, inner.into_iter());
    let id = html_escape(id);
    if has_link {
        format!("<h{level} id=\"{id}\">{content}</h{level}>\n")
    } else {
        format!("<h{level} id=\"{id}\"><a href=\"#{id}\">{content}</a></h{level}>\n")
    }
}

fn callout_open(kind: BlockQuoteKind) -> String {
    let (class, label) = match kind {
        BlockQuoteKind::Note => ("opmerking", "Goed om te weten"),
        BlockQuoteKind::Tip => ("tip", "Tip"),
        BlockQuoteKind::Important => ("belangrijk", "Belangrijk"),
        BlockQuoteKind::Warning => ("waarschuwing", "Let op"),
        BlockQuoteKind::Caution => ("voorzichtig", "Pas op"),
    };
    format!("<div class=\"callout callout--{class}\" role=\"note\">\n<p class=\"callout__titel\">{label}</p>\n")
}

pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(md: &str) -> String {
        let a = analyze(md);
        to_html(md, &a.headings, &|d| {
            d.strip_prefix("@/").map(|p| format!("X/{p}"))
        })
    }

    #[test]
    fn headings_get_unique_ids_and_anchor_links() {
        let a = analyze("## Doel\n\ntekst\n\n## Doel\n\n### Eigen {#mijn-id}\n");
        let ids: Vec<_> = a.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["doel", "doel-1", "mijn-id"]);
        let html = render("## Doel *nu*\n");
        assert!(
            html.contains("<h2 id=\"doel-nu\"><a href=\"#doel-nu\">Doel <em>nu</em></a></h2>"),
            "{html}"
        );
        // Links do not nest: a heading that holds a link is not wrapped in its own.
        let html = render(
            "## Zie [de wet](https://wetten.overheid.nl)\n\n## Bron[^1]\n\n[^1]: Een bron.\n",
        );
        assert!(html.contains("<h2 id=\"bron\">Bron<sup"), "{html}");
        assert!(
            html.contains(
                "<h2 id=\"zie-de-wet\">Zie <a href=\"https://wetten.overheid.nl\">de wet</a></h2>"
            ),
            "{html}"
        );
    }

    #[test]
    fn chunks_split_at_h2_and_h3() {
        let a = analyze(
            "Intro **vet**.\n\n## Een\n\nTekst een.\n\n### Twee\n\n- a\n- b\n\n#### Diep\n\nnog\n",
        );
        let texts: Vec<_> = a
            .chunks
            .iter()
            .map(|c| (c.heading.as_ref().map(|h| h.text.as_str()), c.text.as_str()))
            .collect();
        assert_eq!(
            texts,
            [
                (None, "Intro vet."),
                (Some("Een"), "Tekst een."),
                (Some("Twee"), "a b nog")
            ]
        );
    }

    #[test]
    fn callouts_tables_tasks_footnotes_and_raw_html() {
        let html = render("> [!WARNING]\n> Pas op.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] klaar\n\nZie[^1].\n\n[^1]: Bron.\n\n<script>alert(1)</script>\n\n~~weg~~\n");
        assert!(
            html.contains("<div class=\"callout callout--waarschuwing\" role=\"note\">"),
            "{html}"
        );
        assert!(html.contains("<p class=\"callout__titel\">Let op</p>"));
        assert!(html.contains("<div class=\"tabel\" role=\"region\" aria-label=\"Tabel\""));
        let under = render("## Cijfers & feiten\n\n| a |\n|---|\n| 1 |\n\n| b |\n|---|\n| 2 |\n");
        assert!(
            under.contains("aria-label=\"Tabel: Cijfers &amp; feiten\""),
            "{under}"
        );
        assert!(
            under.contains("aria-label=\"Tabel 2: Cijfers &amp; feiten\""),
            "{under}"
        );
        assert!(html.contains("Gedaan: </span>klaar"), "{html}");
        assert!(html.contains("footnote-definition"));
        assert!(!html.contains("<script>"), "{html}");
        let heading = render("## Kop <img src=x onerror=alert(1)> en <b>vet</b>\n");
        assert!(
            heading.starts_with("<h2 id=\"kop-en-vet\"><a href=\"#kop-en-vet\">Kop &lt;img src=x onerror=alert(1)&gt; en &lt;b&gt;vet&lt;/b&gt;</a>"),
            "{heading}"
        );
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("<del>weg</del>"));
    }

    #[test]
    fn links_are_rewritten_and_recorded_with_their_place() {
        let md = "Zie [hier](@/a.md#b) en [daar](https://example.org).";
        let a = analyze(md);
        assert_eq!(a.links.len(), 2);
        assert_eq!(&md[a.links[0].span.clone()], "[hier](@/a.md#b)");
        assert!(render(md).contains("href=\"X/a.md#b\""));
    }
}
