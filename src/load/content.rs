//! Walking `content/`: folders become sections, Markdown files become pages.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::front_matter;
use super::memo::{PageMemo, Remembered, Stamp};
use super::source::{classify, is_ignored, read_text, SourceFile};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::site::{Page, PageId, Section, SectionId};
use crate::slug::slugify;

pub const DIR: &str = "content";
const INDEX: &str = "_index.md";

pub struct Content {
    pub pages: Vec<Page>,
    pub sections: Vec<Section>,
    pub by_key: BTreeMap<String, PageId>,
    pub drafts: BTreeSet<String>,
    /// Keys of inputs that could not be read or parsed (their problem is reported).
    pub unreadable: BTreeSet<String>,
    pub assets: Vec<PathBuf>,
}

/// Read every page. Problems are collected; pages with problems are left out so the
/// remaining checks can still run on the rest.
/// With `serve`'s `memo`, files that did not change since the last build are not read again.
pub fn load(root: &Path, diagnostics: &mut Diagnostics, memo: Option<&mut PageMemo>) -> Content {
    let mut content = Content {
        pages: Vec::new(),
        sections: vec![new_section(String::new(), None)],
        by_key: BTreeMap::new(),
        drafts: BTreeSet::new(),
        unreadable: BTreeSet::new(),
        assets: Vec::new(),
    };
    let base = root.join(DIR);
    if !base.is_dir() {
        diagnostics.push(
            Diagnostic::file(DIR, "de map content/ ontbreekt")
                .with_hint("maak een map content/ met minstens een _index.md voor de startpagina"),
        );
        return content;
    }
    let mut section_of_dir: BTreeMap<String, SectionId> =
        BTreeMap::from([(String::new(), SectionId::HOME)]);
    // Markdown files are read and parsed after the walk, on all cores (see `read_pages`).
    let mut markdown: Vec<(PathBuf, String, SectionId)> = Vec::new();
    for entry in WalkDir::new(&base)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(&e.file_name().to_string_lossy()))
    {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e
                    .path()
                    .map_or_else(|| PathBuf::from(DIR), |p| rel(root, p));
                diagnostics.push(Diagnostic::file(
                    path,
                    format!("kan de map niet lezen: {e}"),
                ));
                continue;
            }
        };
        let key = key_of(&base, entry.path());
        if entry.file_type().is_dir() {
            if entry.depth() > 0 {
                let parent_dir = parent_key(&key);
                let parent = section_of_dir.get(&parent_dir).copied();
                let id = SectionId(content.sections.len());
                content.sections.push(new_section(key.clone(), parent));
                if let Some(parent) = parent {
                    content.sections[parent].children.push(id);
                }
                section_of_dir.insert(key, id);
            }
            continue;
        }
        let rel_path = rel(root, entry.path());
        // The walk knows a regular file from the folder listing, without asking the file
        // system again; links and anything else go through the one rule for them.
        if !entry.file_type().is_file() {
            if let Err(d) = classify(root, &rel_path) {
                diagnostics.push(d);
                continue;
            }
        }
        if entry.path().extension().is_some_and(|e| e == "md") {
            let section = section_of_dir
                .get(&parent_key(&key))
                .copied()
                .unwrap_or(SectionId::HOME);
            markdown.push((rel_path, key, section));
        } else {
            content.assets.push(rel_path);
        }
    }
    let parsed = read_pages(root, &markdown, memo);
    for ((_, key, section), result) in markdown.into_iter().zip(parsed) {
        match result {
            Ok((file, split)) => add_page(file, split, key, section, &mut content),
            Err(d) => {
                content.unreadable.insert(key);
                diagnostics.push(d);
            }
        }
    }
    content
}

type Parsed = Result<(SourceFile, front_matter::Split), Diagnostic>;

/// Read and parse every Markdown file, in order. Parsing front matter is most of loading a
/// large handbook, and the files do not depend on each other, so all cores share the list.
/// With a memo, a file whose stamp is unchanged comes from it instead.
fn read_pages(
    root: &Path,
    files: &[(PathBuf, String, SectionId)],
    memo: Option<&mut PageMemo>,
) -> Vec<Parsed> {
    let now = std::time::SystemTime::now();
    let remembered = memo.as_deref();
    let one = |(rel_path, _, _): &(PathBuf, String, SectionId)| {
        let stamp = remembered.and_then(|_| Stamp::of(&root.join(rel_path)));
        if let Some(kept) = remembered.and_then(|m| m.get(rel_path, stamp)) {
            return (Ok(kept), stamp, false);
        }
        let parsed = read_text(root, rel_path)
            .and_then(|file| front_matter::parse(&file).map(|split| (file, split)));
        (parsed, stamp, true)
    };
    let results = crate::parallel::map(files, one).unwrap_or_else(|e| {
        // A panic while reading is a bug; report it on the first file rather than lose it.
        let shown = files.first().map(|f| f.0.clone()).unwrap_or_default();
        vec![(Err(Diagnostic::file(shown, e.to_string())), None, true)]
    });
    if let Some(memo) = memo {
        let fresh = files
            .iter()
            .zip(&results)
            .filter(|(_, (_, _, fresh))| *fresh)
            .map(|((rel_path, _, _), (parsed, stamp, _))| {
                let remembered = match (parsed, stamp) {
                    (Ok((file, split)), Some(stamp)) => Some(Remembered {
                        stamp: *stamp,
                        file: file.clone(),
                        split: split.clone(),
                    }),
                    _ => None,
                };
                (rel_path.as_path(), remembered)
            })
            .collect();
        let all: Vec<&Path> = files.iter().map(|(p, _, _)| p.as_path()).collect();
        memo.update(fresh, &all, now);
    }
    results.into_iter().map(|(parsed, _, _)| parsed).collect()
}

fn add_page(
    file: SourceFile,
    split: front_matter::Split,
    key: String,
    section: SectionId,
    content: &mut Content,
) {
    if split.front.draft {
        content.drafts.insert(key);
        return;
    }
    let is_index = key == INDEX || key.ends_with(&format!("/{INDEX}"));
    let url = if is_index {
        section_url(&content.sections[section].dir)
    } else {
        page_url(&key)
    };
    let id = PageId(content.pages.len());
    if is_index {
        let s = &mut content.sections[section];
        s.index = Some(id);
        s.title = split.front.title.clone();
        s.weight = split.front.weight;
    } else {
        content.sections[section].pages.push(id);
    }
    content.by_key.insert(key.clone(), id);
    content.pages.push(Page {
        file,
        front: split.front,
        front_range: split.front_range,
        body_start: split.body_start,
        intro: None,
        instrument: None,
        key,
        url,
        section,
        is_index,
    });
}

pub fn new_section(dir: String, parent: Option<SectionId>) -> Section {
    let title = dir
        .rsplit('/')
        .next()
        .map(title_from_folder)
        .unwrap_or_default();
    Section {
        url: section_url(&dir),
        dir,
        title,
        weight: 0,
        index: None,
        pages: Vec::new(),
        children: Vec::new(),
        parent,
    }
}

/// Sort pages and subsections by weight, then title, so navigation is stable.
pub fn finish_sections(content: &mut Content) {
    let pages = &content.pages;
    let titles: Vec<(i64, String)> = content
        .sections
        .iter()
        .map(|s| (s.weight, s.title.clone()))
        .collect();
    for section in &mut content.sections {
        section.pages.sort_by(|&a, &b| {
            (pages[a].front.weight, &pages[a].front.title)
                .cmp(&(pages[b].front.weight, &pages[b].front.title))
        });
        section
            .children
            .sort_by(|&a, &b| titles[a.0].cmp(&titles[b.0]));
    }
}

/// `regio-aanpak` → `Regio aanpak`: a readable title for a folder without `_index.md`.
fn title_from_folder(name: &str) -> String {
    let spaced = name.replace(['-', '_'], " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Output path of a page: each folder and the file name slugified, `.md` → `.html`.
pub fn page_url(key: &str) -> String {
    let stem = key.strip_suffix(".md").unwrap_or(key);
    let parts: Vec<String> = stem.split('/').map(slug_or_keep).collect();
    format!("{}.html", parts.join("/"))
}

pub fn section_url(dir: &str) -> String {
    if dir.is_empty() {
        "index.html".to_string()
    } else {
        let parts: Vec<String> = dir.split('/').map(slug_or_keep).collect();
        format!("{}/index.html", parts.join("/"))
    }
}

/// A name that slugifies to nothing (`!!!.md`) keeps a safe placeholder instead of vanishing.
fn slug_or_keep(part: &str) -> String {
    let slug = slugify(part);
    if slug.is_empty() {
        "pagina".to_string()
    } else {
        slug
    }
}

fn key_of(base: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(base).unwrap_or(path);
    rel.to_string_lossy().replace('\\', "/")
}

fn parent_key(key: &str) -> String {
    key.rsplit_once('/')
        .map(|(p, _)| p.to_string())
        .unwrap_or_default()
}

fn rel(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_slugified_files() {
        assert_eq!(
            page_url("regio/Noord Kennemerland.md"),
            "regio/noord-kennemerland.html"
        );
        assert_eq!(section_url(""), "index.html");
        assert_eq!(section_url("regio"), "regio/index.html");
        assert_eq!(
            title_from_folder("rollen-en-escalatie"),
            "Rollen en escalatie"
        );
    }
}
