//! Every file the build will write, worked out before anything is rendered, so that two
//! inputs never write the same output file: the second would silently replace the first
//! (`a b.md` and `a-b.md` both become `a-b.html`).

use std::collections::BTreeMap;

use crate::assets::Asset;
use crate::diagnostics::{display_path, Diagnostic, Diagnostics};
use crate::instrument::Instrument;
use crate::render::context::{listing_count, listing_url};
use crate::render::{NOT_FOUND, SEARCH_INDEX, SITE_MAP, SITE_MAP_XML};
use crate::site::{SectionId, Site};

/// An output path and the input that wants it, as shown to the editor.
pub struct Claim {
    pub path: String,
    pub origin: String,
}

fn claim(path: impl Into<String>, origin: impl Into<String>) -> Claim {
    Claim {
        path: path.into(),
        origin: origin.into(),
    }
}

/// Every file of the output and where it comes from. `instruments` is indexed like
/// `site.instruments`.
pub fn plan(site: &Site, instruments: &[Instrument], assets: &[Asset]) -> Vec<Claim> {
    let mut claims = Vec::new();
    // Two instruments with one id are reported as such (instrument::check_across_files); the
    // files the second would write add nothing but noise.
    let mut ids = std::collections::BTreeSet::new();
    for page in &site.pages {
        let instrument = page.instrument.and_then(|i| instruments.get(i));
        if instrument.is_some_and(|i| !ids.insert(i.id.as_str())) {
            continue;
        }
        let origin = display_path(&page.file.path);
        claims.push(claim(&page.url, &origin));
        if page.is_index {
            claims.extend(listing_claims(site, page.section, &page.url, &origin));
        }
        if let Some(i) = instrument {
            claims.push(claim(i.json_path(), &origin));
            claims.push(claim(i.data_script_path(), &origin));
            if let Some(join) = i.participant_path() {
                claims.push(claim(join, &origin));
            }
        }
    }
    for (id, section) in site.section_ids().filter(|(_, s)| s.index.is_none()) {
        let origin = format!("content/{}", section.dir);
        claims.push(claim(&section.url, &origin));
        claims.extend(listing_claims(site, id, &section.url, &origin));
    }
    claims.push(claim(SITE_MAP, "templates/sitemap.html"));
    if site.config.config.base_url.is_some() {
        claims.push(claim(SITE_MAP_XML, "site.toml"));
    }
    claims.push(claim(NOT_FOUND, "templates/404.html"));
    if site.config.config.search {
        claims.push(claim(SEARCH_INDEX, "(zoekindex)"));
    }
    claims.extend(assets.iter().map(|a| claim(&a.path, &a.origin)));
    claims
}

/// Pages 2, 3, … of a long section's index (`index-2.html`, …), which a page of that name in
/// the same folder would collide with.
fn listing_claims(site: &Site, id: SectionId, url: &str, origin: &str) -> Vec<Claim> {
    (2..=listing_count(site, id))
        .map(|n| claim(listing_url(url, n), origin))
        .collect()
}

/// The sharded search index owns the folder `zoekindex/`: its file names are known only once
/// the index is built, so nothing else may write there.
pub fn check_index_folder(site: &Site, claims: &[Claim], diagnostics: &mut Diagnostics) {
    let sharded = site.config.config.search
        && site.config.config.search_format == crate::load::config::SearchFormat::Sharded;
    if !sharded {
        return;
    }
    let prefix = format!("{}/", crate::search::SHARD_DIR);
    for c in claims.iter().filter(|c| c.path.starts_with(&prefix)) {
        diagnostics.push(
            Diagnostic::file(c.origin.as_str(), format!("{} schrijft in de map {prefix} van de zoekindex", c.path))
                .with_hint("geef de map een andere naam; leerrecht schrijft de delen van de zoekindex in zoekindex/"),
        );
    }
}

pub fn check_unique(claims: &[Claim], diagnostics: &mut Diagnostics) {
    let mut by_path: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for c in claims {
        by_path.entry(&c.path).or_default().push(&c.origin);
    }
    for (path, origins) in by_path {
        if origins.len() > 1 {
            let first = origins[0];
            diagnostics.push(
                Diagnostic::file(first, format!("{} bestanden schrijven allemaal naar {path}: {}", origins.len(), origins.join(", ")))
                    .with_hint("geef een van de bestanden een andere naam; bestandsnamen worden in kleine letters met streepjes omgezet"),
            );
        }
    }
}

/// Most file systems refuse a file name over 255 bytes; such a page would pass every check
/// and then fail while writing, blaming the output folder. Found here, it names the input.
pub const MAX_NAME_BYTES: usize = 255;

pub fn check_names(claims: &[Claim], diagnostics: &mut Diagnostics) {
    for c in claims {
        if let Some(long) = c.path.split('/').find(|part| part.len() > MAX_NAME_BYTES) {
            diagnostics.push(
                Diagnostic::file(&c.origin, format!("de naam van het uitvoerbestand is te lang ({} bytes; de grens is {MAX_NAME_BYTES}): {long}", long.len()))
                    .with_hint("geef het bestand of de map een kortere naam"),
            );
        }
    }
}
