//! Search: the Dutch text pipeline and the index the browser loads lazily, in shards
//! ([`shards`], the default) or as one classic elasticlunr.js index ([`index`], an export).

pub mod index;
pub mod pipeline;
pub mod shards;

use std::sync::Arc;

use crate::load::config::SearchFormat;
use crate::markdown::Analysis;
use crate::site::Site;
use index::{Builder as SearchBuilder, SearchDoc};

/// The folder of the shards, beside `search-index.js`.
pub const SHARD_DIR: &str = "zoekindex";

/// One searchable chunk with the page it belongs to, in the order refs are given.
pub struct Chunk<'a> {
    pub doc: SearchDoc<'a>,
    /// The page title is indexed on a page's first chunk only.
    pub first_of_page: bool,
    /// The page asks to rank below others (`search_lower = true` under `[extra]`).
    pub lower: bool,
}

/// The front-matter key under `[extra]` that lowers a page in the results: a glossary whose
/// every entry is a document would otherwise fill the results with short, exact entries and
/// push the pages on the same subject down.
pub const LOWER_KEY: &str = "search_lower";

/// Whether a page's front matter asks to rank it lower (validated when the page is loaded).
pub fn is_lowered(extra: &toml::Table) -> bool {
    extra
        .get(LOWER_KEY)
        .and_then(toml::Value::as_bool)
        .unwrap_or(false)
}

/// What the index is made of: per page `[title, section, address]`, and every chunk.
pub struct Corpus<'a> {
    pub pages: Vec<index::PageInfo<'a>>,
    pub chunks: Vec<Chunk<'a>>,
}

/// Every page and chunk of the site, in page order.
pub fn corpus<'a>(site: &'a Site, analyses: &'a [Arc<Analysis>]) -> Corpus<'a> {
    let mut corpus = Corpus {
        pages: Vec::with_capacity(site.pages.len()),
        chunks: Vec::new(),
    };
    for (page, analysis) in site.pages.iter().zip(analyses) {
        let section = (page.section != crate::site::SectionId::HOME || !page.is_index)
            .then(|| site.section_title(page.section))
            .filter(|t| *t != page.front.title);
        let id = corpus.pages.len();
        let lower = is_lowered(&page.front.extra);
        corpus
            .pages
            .push((page.front.title.as_str(), section, page.url.as_str()));
        for (i, chunk) in analysis.chunks.iter().enumerate() {
            let heading = chunk
                .heading
                .as_ref()
                .map(|h| (h.text.as_str(), h.id.as_str()));
            corpus.chunks.push(Chunk {
                doc: SearchDoc {
                    page: id,
                    heading,
                    body: &chunk.text,
                },
                first_of_page: i == 0,
                lower,
            });
        }
        if analysis.chunks.is_empty() {
            corpus.chunks.push(Chunk {
                doc: SearchDoc {
                    page: id,
                    heading: None,
                    body: "",
                },
                first_of_page: true,
                lower,
            });
        }
    }
    corpus
}

/// Asked now and then while the index is built: true when it is no longer wanted (`serve`
/// started a newer build), so the work stops and leaves the cores to that build.
pub type Stop<'a> = &'a (dyn Fn() -> bool + Sync);

/// For a build: the index is always wanted.
pub fn never() -> bool {
    false
}

/// The search index as files (path relative to the output, contents), in the site's format;
/// None when `stop` said so before it was done.
pub fn index_files(
    site: &Site,
    analyses: &[Arc<Analysis>],
    stop: Stop,
) -> Option<Vec<(String, String)>> {
    let corpus = corpus(site, analyses);
    match site.config.config.search_format {
        SearchFormat::Sharded => shards::build(&corpus, stop),
        SearchFormat::Elasticlunr => {
            let script = elasticlunr_script(&corpus);
            (!stop()).then(|| vec![(crate::render::SEARCH_INDEX.to_string(), script)])
        }
    }
}

/// The classic single index: `search-index.js` in elasticlunr.js 0.9.5's format.
pub fn elasticlunr_script(corpus: &Corpus) -> String {
    let mut builder = SearchBuilder::new();
    for (title, section, url) in &corpus.pages {
        builder.page(title, *section, url);
    }
    for chunk in &corpus.chunks {
        builder.add(
            SearchDoc {
                page: chunk.doc.page,
                heading: chunk.doc.heading,
                body: chunk.doc.body,
            },
            chunk.first_of_page,
        );
    }
    builder.finish()
}
