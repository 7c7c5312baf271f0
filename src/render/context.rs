//! What templates see. URLs in here are relative to the site root; templates put `root`
//! (the way back from the current page, e.g. `../`) in front, so the shared navigation can
//! be built once and used by every page instead of once per page.

use std::sync::{Arc, OnceLock};

use minijinja::value::{Enumerator, Object};
use minijinja::Value;
use serde::Serialize;

use crate::markdown::Heading;

/// Any serializable value as a template value.
pub fn val<T: Serialize>(value: T) -> Value {
    Value::from(minijinja::value::Serde(value))
}
use crate::site::{relative_url, PageId, SectionId, Site};

#[derive(Serialize)]
pub struct LinkCtx<'a> {
    pub title: &'a str,
    pub url: &'a str,
}

#[derive(Serialize)]
struct PageSummary<'a> {
    title: &'a str,
    description: Option<&'a str>,
    url: &'a str,
    key: &'a str,
    weight: i64,
    extra: &'a toml::Table,
}

#[derive(Serialize)]
struct SectionCtx<'a> {
    title: &'a str,
    url: &'a str,
    description: Option<&'a str>,
    pages: Vec<PageSummary<'a>>,
    subsections: Vec<SectionSummary<'a>>,
}

#[derive(Serialize)]
struct SectionSummary<'a> {
    title: &'a str,
    url: &'a str,
    description: Option<&'a str>,
}

struct NavEntry<'a> {
    title: &'a str,
    url: &'a str,
    /// Prefix of every page inside this entry (`regio/`), to mark where the reader is.
    dir: &'a str,
    /// For a section: its pages, shown when the reader is inside it.
    pages: Vec<LinkCtx<'a>>,
    weight: i64,
}

#[derive(Serialize)]
struct MenuCtx<'a> {
    name: &'a str,
    url: String,
    external: bool,
}

#[derive(Serialize)]
pub struct PageCtx<'a> {
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub content: Value,
    pub toc: &'a [Heading],
    pub extra: &'a toml::Table,
    pub url: &'a str,
    pub key: &'a str,
    pub is_index: bool,
}

fn summary(site: &Site, id: PageId) -> PageSummary<'_> {
    let p = &site.pages[id];
    PageSummary {
        title: &p.front.title,
        description: p.front.description.as_deref(),
        url: &p.url,
        key: &p.key,
        weight: p.front.weight,
        extra: &p.front.extra,
    }
}

/// One value per section, shared by all pages in it.
/// `section` in templates, for the section with this id. Made when a page of the section
/// renders, not for every section in advance: after an edit `serve` renders a few pages, and
/// a large section lists thousands.
pub fn section(site: &Site, id: SectionId) -> Value {
    let s = &site.sections[id];
    val(SectionCtx {
        title: &s.title,
        url: &s.url,
        description: s
            .index
            .and_then(|i| site.pages[i].front.description.as_deref()),
        pages: s.pages.iter().map(|&p| summary(site, p)).collect(),
        subsections: s
            .children
            .iter()
            .map(|&c| {
                let c = &site.sections[c];
                SectionSummary {
                    title: &c.title,
                    url: &c.url,
                    description: c
                        .index
                        .and_then(|i| site.pages[i].front.description.as_deref()),
                }
            })
            .collect(),
    })
}

/// The top-level sections and pages in weight order, as the navigation lists them.
fn nav_entries(site: &Site) -> Vec<NavEntry<'_>> {
    let home = site.home();
    let mut entries: Vec<NavEntry> = home
        .children
        .iter()
        .map(|&c| {
            let s = &site.sections[c];
            NavEntry {
                title: &s.title,
                url: &s.url,
                dir: s.url.strip_suffix("index.html").unwrap_or(&s.url),
                pages: s
                    .pages
                    .iter()
                    .map(|&p| LinkCtx {
                        title: &site.pages[p].front.title,
                        url: &site.pages[p].url,
                    })
                    .collect(),
                weight: s.weight,
            }
        })
        .chain(home.pages.iter().map(|&p| NavEntry {
            title: &site.pages[p].front.title,
            url: &site.pages[p].url,
            dir: &site.pages[p].url,
            pages: Vec::new(),
            weight: site.pages[p].front.weight,
        }))
        .collect();
    entries.sort_by(|a, b| (a.weight, a.title).cmp(&(b.weight, b.title)));
    entries
}

/// The site navigation: top-level sections (with their pages) and top-level pages, in
/// weight order. Each entry is an object that notes when a template reads its `pages`, so
/// `serve` knows which pages must render again when a title in that list changes
/// ([`super::cache`]).
pub fn nav(site: &Site) -> Value {
    let entries = nav_entries(site).into_iter().enumerate().map(|(entry, e)| {
        Value::from_object(NavItem {
            entry,
            fields: [
                ("title", Value::from(e.title)),
                ("url", Value::from(e.url)),
                ("dir", Value::from(e.dir)),
                ("weight", Value::from(e.weight)),
            ],
            links: e
                .pages
                .iter()
                .map(|p| (p.title.to_string(), p.url.to_string()))
                .collect(),
            pages: OnceLock::new(),
            position: OnceLock::new(),
        })
    });
    Value::from(entries.collect::<Vec<_>>())
}

/// What of the navigation every page may show (titles, addresses and weights of the entries),
/// and per entry a hash of its page list, in the order of [`nav`].
pub fn nav_hashes(site: &Site) -> (u64, Vec<u64>) {
    let entries = nav_entries(site);
    let top = entries.iter().map(|e| (e.title, e.url, e.dir, e.weight));
    let top = crate::fingerprint::hash_of(top.collect::<Vec<_>>());
    let lists = entries
        .iter()
        .map(|e| {
            crate::fingerprint::hash_of(
                e.pages.iter().map(|p| (p.title, p.url)).collect::<Vec<_>>(),
            )
        })
        .collect();
    (top, lists)
}

#[derive(Debug)]
struct NavItem {
    /// Position in the navigation.
    entry: usize,
    fields: [(&'static str, Value); 4],
    /// The entry's pages as `(title, url)`.
    links: Vec<(String, String)>,
    /// `links` as the template value `pages`; this and `position` are made when a page first
    /// asks, so that `serve`, rendering a few pages after an edit, makes them for a few entries.
    pages: OnceLock<Value>,
    /// Address → place in `links`, so a page finds itself without a scan.
    position: OnceLock<std::collections::HashMap<String, usize>>,
}

impl NavItem {
    fn pages(&self) -> Value {
        let pages = self.pages.get_or_init(|| {
            let list = self.links.iter().map(|(title, url)| LinkCtx { title, url });
            val(list.collect::<Vec<_>>())
        });
        pages.clone()
    }

    fn field(&self, key: &str) -> Option<&Value> {
        let field = self.fields.iter().find(|(name, _)| *name == key);
        field.map(|(_, value)| value)
    }

    fn place_of(&self, url: &str) -> Option<usize> {
        let position = self.position.get_or_init(|| {
            let places = self.links.iter().enumerate();
            places.map(|(i, (_, url))| (url.clone(), i)).collect()
        });
        position.get(url).copied()
    }
}

/// How many pages before and after the current one a section menu lists.
pub const MENU_NEIGHBOURS: usize = 5;

/// The places in a list of `len` pages that a section menu shows for the page at `current`
/// (`None`: a page that is not in the list, such as the section's own index): the first and
/// the last page and [`MENU_NEIGHBOURS`] on either side of the current one. A section small
/// enough that this would leave out at most one page lists them all. Listing every page on
/// every page made output grow with the square of the section size (886 MB at 10 000 pages).
pub fn menu_window(len: usize, current: Option<usize>) -> Vec<usize> {
    let n = MENU_NEIGHBOURS;
    if len <= 2 * n + 3 {
        return (0..len).collect();
    }
    let centre = current.unwrap_or(0).min(len - 1);
    let low = centre.saturating_sub(n);
    let high = (centre + n).max(low + 2 * n).min(len - 1);
    let low = low.min(high.saturating_sub(2 * n));
    let mut places = Vec::with_capacity(2 * n + 3);
    if low > 0 {
        places.push(0);
    }
    places.extend(low..=high);
    if high < len - 1 {
        places.push(len - 1);
    }
    places
}

impl Object for NavItem {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let key = key.as_str()?;
        if key == "pages" {
            super::nav_reads::note(self.entry);
            return Some(self.pages());
        }
        self.field(key).cloned()
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Str(&["title", "url", "dir", "pages", "weight"])
    }

    /// `item.menu(page.url)`: the section menu of that page, bounded ([`menu_window`]):
    /// `pages` (each `title`, `url`, `href` from that page, and `gap_before` when pages were
    /// left out before it), `index` (the href of the entry itself), `total` and `bounded` (true
    /// when not every page is listed). The hrefs are the short ones of [`relative_url`]: the
    /// menu mostly links within the page's own folder.
    fn call_method(
        self: &Arc<Self>,
        _state: &mut minijinja::State<'_, '_>,
        method: &str,
        args: &[Value],
    ) -> Result<Value, minijinja::Error> {
        if method != "menu" {
            return Err(minijinja::Error::from(minijinja::ErrorKind::UnknownMethod));
        }
        let url = args.first().and_then(Value::as_str).unwrap_or_default();
        super::nav_reads::note(self.entry);
        let places = menu_window(self.links.len(), self.place_of(url));
        let mut previous = None;
        let pages: Vec<Value> = places
            .iter()
            .map(|&i| {
                let gap_before = previous.is_some_and(|p: usize| i > p + 1);
                previous = Some(i);
                let (title, to) = &self.links[i];
                let href = relative_url(url, to);
                minijinja::context! { title => title, url => to, href => href, gap_before => gap_before }
            })
            .collect();
        let index = self.field("url").and_then(Value::as_str);
        let index = index.map(|to| relative_url(url, to));
        Ok(minijinja::context! {
            pages => pages,
            index => index,
            total => self.links.len(),
            bounded => places.len() < self.links.len(),
        })
    }
}

/// `config` in templates. Menu URLs are root-relative like everything else.
pub fn config(site: &Site, menu_urls: &[Option<String>]) -> Value {
    let c = &site.config.config;
    let menu: Vec<MenuCtx> = c
        .menu
        .iter()
        .zip(menu_urls)
        .map(|(m, resolved)| MenuCtx {
            name: &m.name,
            url: resolved.clone().unwrap_or_else(|| m.url.get_ref().clone()),
            external: resolved.is_none(),
        })
        .collect();
    minijinja::context! {
        title => &c.title,
        description => &c.description,
        language => c.language.code(),
        search => c.search,
        site_id => c.site_id(),
        menu => val(menu),
        extra => val(&c.extra),
    }
}

/// Home → ... → the section containing the page (the page itself excluded).
pub fn breadcrumbs(site: &Site, section: SectionId, is_index: bool) -> Vec<LinkCtx<'_>> {
    let mut chain = site.ancestry(section);
    if is_index {
        chain.pop();
    }
    chain
        .into_iter()
        .map(|s| LinkCtx {
            title: &site.sections[s].title,
            url: &site.sections[s].url,
        })
        .collect()
}

#[derive(Serialize)]
struct SiteMapSection<'a> {
    title: &'a str,
    url: &'a str,
    pages: Vec<LinkCtx<'a>>,
    sections: Vec<SiteMapSection<'a>>,
}

fn site_map_section(site: &Site, id: SectionId) -> SiteMapSection<'_> {
    let s = &site.sections[id];
    SiteMapSection {
        title: &s.title,
        url: &s.url,
        pages: s
            .pages
            .iter()
            .map(|&p| LinkCtx {
                title: &site.pages[p].front.title,
                url: &site.pages[p].url,
            })
            .collect(),
        sections: s
            .children
            .iter()
            .map(|&c| site_map_section(site, c))
            .collect(),
    }
}

/// `site_map` in `sitemap.html`: the home section with every page and section below it, in
/// navigation order. The browser tests visit every page from this list.
pub fn site_map(site: &Site) -> Value {
    val(site_map_section(site, SectionId::HOME))
}

/// Every page address, for `sitemap.xml`, relative to the site root.
pub fn all_urls(site: &Site) -> Vec<&str> {
    let mut urls: Vec<&str> = site.sections.iter().map(|s| s.url.as_str()).collect();
    urls.extend(
        site.pages
            .iter()
            .filter(|p| !p.is_index)
            .map(|p| p.url.as_str()),
    );
    urls
}

/// How many pages one page of a section's index lists; a longer section's index continues on
/// `index-2.html`, `index-3.html`, … ([`listing_url`]).
pub const LISTING_PAGE_SIZE: usize = 100;

/// How many index pages a section gets: more than one only when it has more than
/// [`LISTING_PAGE_SIZE`] pages and is shown with the stock section template (another template,
/// such as the comparison of the regions, shows its section its own way, on one page).
pub fn listing_count(site: &Site, id: SectionId) -> usize {
    let section = &site.sections[id];
    let shown = match section.index {
        Some(page) => super::Shown::Page(page),
        None => super::Shown::BareSection(id),
    };
    if super::template_of(site, shown) != "section.html" {
        return 1;
    }
    section.pages.len().div_ceil(LISTING_PAGE_SIZE).max(1)
}

/// The address of page `number` (from 1) of a section's index at `index_url`.
pub fn listing_url(index_url: &str, number: usize) -> String {
    if number <= 1 {
        return index_url.to_string();
    }
    let dir = index_url.strip_suffix("index.html").unwrap_or_default();
    format!("{dir}index-{number}.html")
}

#[derive(Serialize)]
struct ListingLink {
    number: usize,
    url: String,
}

/// `listing` in a section's index page `number` (from 1): the `pages` it lists, its `number`,
/// how many there are (`count`) and `links` to all of them.
pub fn listing(site: &Site, id: SectionId, number: usize) -> Value {
    let section = &site.sections[id];
    let count = listing_count(site, id);
    let size = if count > 1 {
        LISTING_PAGE_SIZE
    } else {
        section.pages.len()
    };
    let pages: Vec<PageSummary> = section
        .pages
        .iter()
        .skip((number - 1) * size)
        .take(size)
        .map(|&p| summary(site, p))
        .collect();
    let links: Vec<ListingLink> = (1..=count)
        .map(|n| ListingLink {
            number: n,
            url: listing_url(&section.url, n),
        })
        .collect();
    minijinja::context! {
        pages => val(pages),
        number => number,
        count => count,
        links => val(links),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn menu_window_is_bounded_and_keeps_the_ends() {
        assert_eq!(menu_window(13, Some(6)), (0..13).collect::<Vec<_>>());
        assert_eq!(
            menu_window(100, Some(50)),
            [0, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 99]
        );
        assert_eq!(
            menu_window(100, Some(0)),
            [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 99]
        );
        assert_eq!(
            menu_window(100, Some(99)),
            [0, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99]
        );
        assert_eq!(menu_window(100, None), menu_window(100, Some(0)));
        for len in 0..40 {
            for current in 0..len {
                let w = menu_window(len, Some(current));
                assert!(w.len() <= 2 * MENU_NEIGHBOURS + 3 && w.contains(&current));
                assert!(w.windows(2).all(|p| p[0] < p[1]));
            }
        }
    }

    #[test]
    fn listing_urls() {
        assert_eq!(listing_url("groot/index.html", 1), "groot/index.html");
        assert_eq!(listing_url("groot/index.html", 3), "groot/index-3.html");
        assert_eq!(listing_url("index.html", 2), "index-2.html");
    }
}
