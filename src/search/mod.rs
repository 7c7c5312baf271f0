//! Search: the Dutch text pipeline and the index the browser loads lazily.

pub mod index;
pub mod pipeline;

use std::sync::Arc;

use crate::markdown::Analysis;
use crate::site::Site;
use index::{Builder as SearchBuilder, SearchDoc};

/// The search index as `search-index.js`, from the analyses of all pages.
pub fn index_script(site: &Site, analyses: &[Arc<Analysis>]) -> String {
    let mut builder = SearchBuilder::new();
    for (page, analysis) in site.pages.iter().zip(analyses) {
        let section = (page.section != crate::site::SectionId::HOME || !page.is_index)
            .then(|| site.section_title(page.section))
            .filter(|t| *t != page.front.title);
        let id = builder.page(&page.front.title, section, &page.url);
        for (i, chunk) in analysis.chunks.iter().enumerate() {
            let heading = chunk
                .heading
                .as_ref()
                .map(|h| (h.text.as_str(), h.id.as_str()));
            builder.add(
                SearchDoc {
                    page: id,
                    heading,
                    body: &chunk.text,
                },
                i == 0,
            );
        }
        if analysis.chunks.is_empty() {
            builder.add(
                SearchDoc {
                    page: id,
                    heading: None,
                    body: "",
                },
                true,
            );
        }
    }
    builder.finish()
}
