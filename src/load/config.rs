//! `site.toml`: the settings of one handbook.

use std::path::Path;

use serde::Deserialize;

use super::source::{read_text, SourceFile};
use super::toml_error;
use crate::diagnostics::Diagnostic;

pub const FILE: &str = "site.toml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Where the site will be published, e.g. `https://example.org/handboek/`. Only used
    /// where a link must be absolute (the 404 page, which a host serves at any depth).
    #[serde(default)]
    pub base_url: Option<toml::Spanned<String>>,
    #[serde(default)]
    pub language: Language,
    /// Build a search index and show the search box.
    #[serde(default = "yes")]
    pub search: bool,
    /// How the search index is written: in shards the browser loads as needed (the default),
    /// or as one classic elasticlunr.js index (an export for other tools).
    #[serde(default)]
    pub search_format: SearchFormat,
    /// Short id that keeps this handbook's saved answers apart from other handbooks opened
    /// from the same USB stick (all `file://` pages share one localStorage).
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub menu: Vec<MenuEntry>,
    #[serde(default)]
    pub extra: toml::Table,
}

fn yes() -> bool {
    true
}

/// The shape of the search index on disk.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq, Hash)]
pub enum SearchFormat {
    /// `search-index.js` names the shards under `zoekindex/`; a query loads only those of its
    /// words (docs/ontwikkelen.md, "Zoeken van binnen").
    #[default]
    #[serde(rename = "gedeeld")]
    Sharded,
    /// One `search-index.js` in elasticlunr.js 0.9.5's format, loaded whole.
    #[serde(rename = "elasticlunr")]
    Elasticlunr,
}

/// The languages the generator has a search pipeline and interface texts for.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
pub enum Language {
    #[default]
    #[serde(rename = "nl")]
    Nl,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Nl => "nl",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MenuEntry {
    pub name: String,
    /// `@/pad/naar/pagina.md` (checked like any internal link) or an `https://` address.
    pub url: toml::Spanned<String>,
}

/// The parsed config together with its source, so later stages can point into it.
#[derive(Debug, Clone)]
pub struct LoadedConfig {
    pub config: SiteConfig,
    pub file: SourceFile,
}

pub fn load(root: &Path) -> Result<LoadedConfig, Diagnostic> {
    if !root.join(FILE).is_file() {
        return Err(Diagnostic::file(FILE, format!("geen {FILE} gevonden in {}", root.display()))
            .with_hint("start in de map van een handboek, geef de map op met --root, of maak een nieuw handboek met `leerrecht new MAP`"));
    }
    let file = read_text(root, Path::new(FILE))?;
    let config: SiteConfig = toml::from_str(&file.text).map_err(|e| {
        toml_error::diagnostic(
            &file,
            0,
            &e,
            "toegestane sleutels: title, description, base_url, language (\"nl\"), search, search_format (\"gedeeld\" of \"elasticlunr\"), id, [[menu]] en [extra]".into(),
        )
    })?;
    check_base_url(&config, &file)?;
    Ok(LoadedConfig { config, file })
}

/// The base URL ends up in `sitemap.xml` and in the 404 page's links, so it must be a web
/// address: `javascript:…` or a relative path would make those links run code or break.
fn check_base_url(config: &SiteConfig, file: &SourceFile) -> Result<(), Diagnostic> {
    let Some(base) = &config.base_url else {
        return Ok(());
    };
    let lower = base.get_ref().trim().to_ascii_lowercase();
    let web = ["http://", "https://"]
        .iter()
        .any(|scheme| lower.len() > scheme.len() && lower.starts_with(scheme));
    if web {
        return Ok(());
    }
    Err(Diagnostic::at(&file.path, &file.text, base.span(), format!("base_url `{}` is geen webadres", base.get_ref()))
        .with_hint("schrijf het volledige adres van de site, beginnend met https://, bijvoorbeeld base_url = \"https://handboek.example.nl/\", of laat base_url weg"))
}

impl SiteConfig {
    /// The id used in storage keys: the configured one, or one derived from the title.
    pub fn site_id(&self) -> String {
        self.id
            .clone()
            .unwrap_or_else(|| crate::slug::slugify(&self.title))
    }
}
