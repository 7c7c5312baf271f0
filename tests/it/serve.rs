//! The dev server's builds reuse what did not change and write only what did. Whatever is
//! edited, the output after a rebuild (and its search index job) must be exactly what a fresh
//! build of the same site writes, byte for byte; a failing rebuild writes nothing.

use crate::common;

use common::{page, snapshot, Site};
use leerrecht::serve::session::Session;
use leerrecht::RenderOptions;

/// What a fresh build of the site as it is now writes (with the reload script, like serve).
fn fresh(site: &Site) -> std::collections::BTreeMap<String, Vec<u8>> {
    let out = tempfile::tempdir().unwrap();
    let options = RenderOptions {
        live_reload: true,
        ..RenderOptions::default()
    };
    leerrecht::build(site.root(), out.path(), options).unwrap_or_else(|d| panic!("{}", d.render()));
    snapshot(out.path())
}

/// Rebuild, run the index job, and return how many files the rebuild wrote.
fn rebuild(session: &mut Session) -> usize {
    let (report, job) = session
        .rebuild()
        .unwrap_or_else(|d| panic!("{}", d.render()));
    if let Some(job) = job {
        assert!(
            job.run().unwrap(),
            "the index of the newest build is written"
        );
    }
    report.files
}

/// A dev server session on `site` after its first build.
fn built(site: &Site) -> Session {
    let mut session = Session::new(site.root().to_path_buf(), site.out());
    rebuild(&mut session);
    session
}

/// One change to a site, as an editor would make it.
type Edit = Box<dyn Fn(&Site)>;

#[test]
fn every_kind_of_edit_gives_exactly_the_output_of_a_fresh_build() {
    let site = Site::fixture("basic");
    site.write("checklists/mini.toml", common::MINI_CHECKLIST);
    let mut session = Session::new(site.root().to_path_buf(), site.out());
    let all = rebuild(&mut session);
    assert_eq!(snapshot(&site.out()), fresh(&site), "first build");
    assert!(all > 10);

    let lekstroom =
        std::fs::read_to_string(site.root().join("content/regio/lekstroom.md")).unwrap();
    let edits: Vec<(&str, Edit)> = vec![
        (
            "the text of one page",
            Box::new(|s| {
                s.write(
                    "content/over.md",
                    &page("Over", "Nieuwe tekst.\n\n## Een kop\n\nMeer."),
                )
            }),
        ),
        (
            "a title, which every page's navigation shows",
            Box::new(|s| s.write("content/over.md", &page("Over ons", "Nieuwe tekst."))),
        ),
        (
            "a new page",
            Box::new(|s| s.write("content/regio/rotterdam.md", &page("Rotterdam", "Koers."))),
        ),
        (
            "a page removed",
            Box::new(|s| {
                std::fs::remove_file(s.root().join("content/regio/rotterdam.md")).unwrap()
            }),
        ),
        (
            "front matter a template reads",
            Box::new(move |s| {
                s.write(
                    "content/regio/lekstroom.md",
                    &lekstroom.replacen("description = \"", "description = \"Nieuw: ", 1),
                )
            }),
        ),
        (
            "a template",
            Box::new(|s| {
                s.write("templates/page.html", "{% extends \"base.html\" %}{% block content %}<h1>{{ page.title }}</h1>{{ page.content }}{% endblock %}")
            }),
        ),
        (
            "a stylesheet",
            Box::new(|s| s.write("static/css/leerrecht.css", "body { color: black; }\n")),
        ),
        (
            "a script module that entries import",
            Box::new(|s| {
                let builtin = include_str!("../../static/js/lib/csv.js");
                let edited = builtin.replace("'ja' : 'nee'", "'wel' : 'niet'");
                assert_ne!(edited, builtin);
                s.write("static/js/lib/csv.js", &edited)
            }),
        ),
        (
            "an instrument",
            Box::new(|s| {
                s.write(
                    "checklists/mini.toml",
                    &common::MINI_CHECKLIST.replace("Is er een plan?", "Is er een goed plan?"),
                )
            }),
        ),
        (
            "the site settings",
            Box::new(|s| s.write("site.toml", "title = \"Ander handboek\"\nsearch = true\n")),
        ),
    ];
    for (what, edit) in &edits {
        edit(&site);
        rebuild(&mut session);
        assert!(
            snapshot(&site.out()) == fresh(&site),
            "after editing {what}"
        );
    }
}

#[test]
fn an_edit_to_one_page_writes_that_page_and_the_search_index_only() {
    let site = Site::fixture("basic");
    let mut session = built(&site);
    let before = snapshot(&site.out());
    let text = std::fs::read_to_string(site.root().join("content/over.md")).unwrap();
    site.write(
        "content/over.md",
        &text.replace("Een pagina zonder kopjes", "Andere woorden"),
    );
    assert_eq!(
        rebuild(&mut session),
        1,
        "only over.html is written before the index"
    );
    let after = snapshot(&site.out());
    let changed: Vec<&String> = after
        .iter()
        .filter(|(path, bytes)| before.get(*path) != Some(*bytes))
        .map(|(path, _)| path)
        .collect();
    assert_eq!(changed.first().map(|p| p.as_str()), Some("over.html"));
    let index = |p: &&String| p.as_str() == "search-index.js" || p.starts_with("zoekindex/");
    assert!(changed[1..].iter().all(index), "{changed:?}");
    assert!(changed.len() > 1, "the index changed too");
}

/// The files of the search index, each with its inode: a file written again (through a
/// temporary file and a rename) gets a new one.
#[cfg(unix)]
fn index_inodes(out: &std::path::Path) -> std::collections::BTreeMap<String, u64> {
    use std::os::unix::fs::MetadataExt;
    let mut files = std::collections::BTreeMap::new();
    for entry in std::fs::read_dir(out.join("zoekindex")).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().to_string();
        files.insert(name, entry.metadata().unwrap().ino());
    }
    files
}

#[cfg(unix)]
#[test]
fn an_index_job_writes_only_the_shards_that_changed() {
    // Letters only: a word with a digit after a word would also make a pair.
    let word = |mut n: usize| {
        let mut text = String::from("kw");
        loop {
            text.push(char::from(b'a' + (n % 26) as u8));
            n /= 26;
            if n == 0 {
                break text;
            }
        }
    };
    let site = Site::fixture("basic");
    site.write("content/veel/_index.md", &page("Veel", "Veel pagina's."));
    let text = |i: usize, extra: &str| {
        let words: Vec<String> = (0..40).map(|j| word(i * 40 + j)).collect();
        page(
            &format!("Pagina {}", word(i)),
            &format!("{} {extra}", words.join(" ")),
        )
    };
    for i in 0..300 {
        site.write(&format!("content/veel/p{i}.md"), &text(i, ""));
    }
    let mut session = built(&site);
    // The first job after the first build writes every shard: it has no record yet.
    site.write("content/veel/p5.md", &text(5, "zonnebloem"));
    rebuild(&mut session);
    let before = index_inodes(&site.out());
    assert!(before.len() > 10, "enough shards to tell: {}", before.len());
    site.write("content/veel/p5.md", &text(5, "paardenbloem"));
    rebuild(&mut session);
    let after = index_inodes(&site.out());
    let rewritten = after
        .iter()
        .filter(|(name, inode)| before.get(*name) != Some(*inode))
        .count();
    assert!(
        rewritten >= 2,
        "the changed term shards and the page's document shard"
    );
    assert!(
        rewritten * 4 < after.len(),
        "{rewritten} of {} shards written again",
        after.len()
    );
    assert!(snapshot(&site.out()) == fresh(&site));
}

#[test]
fn a_title_edit_renders_the_pages_that_list_it_and_reuses_the_rest() {
    let site = Site::fixture("basic");
    for (file, title) in [
        ("_index", "Wetgeving"),
        ("a", "Leerplichtwet"),
        ("b", "Jeugdwet"),
    ] {
        site.write(&format!("content/wet/{file}.md"), &page(title, "Tekst."));
    }
    let mut session = built(&site);
    let text = std::fs::read_to_string(site.root().join("content/regio/lekstroom.md")).unwrap();
    site.write(
        "content/regio/lekstroom.md",
        &text.replacen("title = \"Lekstroom\"", "title = \"Regio Lekstroom\"", 1),
    );
    let (report, job) = session
        .rebuild()
        .unwrap_or_else(|d| panic!("{}", d.render()));
    job.unwrap().run().unwrap();
    // The three pages of regio/ show its page list; the home page, over.md and the three
    // pages of wet/ do not, so they come from the cache.
    assert_eq!(report.stats.reused, 5);
    assert!(snapshot(&site.out()) == fresh(&site));
    assert!(
        std::fs::read_to_string(site.out().join("regio/waterland.html"))
            .unwrap()
            .contains("Regio Lekstroom")
    );
}

#[test]
fn a_failing_rebuild_writes_nothing_and_the_next_good_one_recovers() {
    let site = Site::fixture("basic");
    let mut session = built(&site);
    let good = snapshot(&site.out());
    site.write("content/over.md", &page("Over", "[weg](@/bestaat-niet.md)"));
    assert!(session.rebuild().is_err());
    assert!(snapshot(&site.out()) == good);
    site.write("content/over.md", &page("Over", "Weer goed."));
    rebuild(&mut session);
    assert!(snapshot(&site.out()) == fresh(&site));
}

#[test]
fn an_index_job_of_an_older_build_writes_nothing() {
    let site = Site::fixture("basic");
    let mut session = built(&site);
    site.write("content/over.md", &page("Over", "Eerste versie."));
    let (_, old_job) = session.rebuild().unwrap();
    site.write("content/over.md", &page("Over", "Tweede versie."));
    let (_, new_job) = session.rebuild().unwrap();
    assert!(new_job.unwrap().run().unwrap());
    assert!(!old_job.unwrap().run().unwrap(), "a stale index is dropped");
    assert!(snapshot(&site.out()) == fresh(&site));
}

#[test]
fn pages_left_alone_are_not_read_again_and_every_edit_is_still_seen() {
    let site = Site::fixture("basic");
    let mut session = built(&site);
    let pages = session.pages_read();
    assert!(pages > 3, "the first build reads every page");
    // Files saved within the last two seconds are read again every time: their stamp could
    // still miss a change in the same clock tick.
    std::thread::sleep(std::time::Duration::from_millis(2200));
    rebuild(&mut session);
    assert_eq!(session.pages_read(), pages, "nothing remembered yet");
    rebuild(&mut session);
    assert_eq!(session.pages_read(), 0, "every page settled and remembered");

    // The same length, so only the stamp's time tells.
    let over = std::fs::read_to_string(site.root().join("content/over.md")).unwrap();
    let at = over.rfind('e').unwrap();
    let same_length = format!("{}a{}", &over[..at], &over[at + 1..]);
    assert_eq!(same_length.len(), over.len());
    site.write("content/over.md", &same_length);
    rebuild(&mut session);
    assert_eq!(session.pages_read(), 1);
    assert!(
        snapshot(&site.out()) == fresh(&site),
        "after a same-length edit"
    );

    // over.md was saved just now, so it is read again until it settles.
    site.write("content/regio/nieuw.md", &page("Nieuw", "Tekst."));
    rebuild(&mut session);
    assert_eq!(
        session.pages_read(),
        2,
        "the new page and the one just saved"
    );
    assert!(snapshot(&site.out()) == fresh(&site), "after a new page");
    std::fs::remove_file(site.root().join("content/regio/nieuw.md")).unwrap();
    rebuild(&mut session);
    assert_eq!(session.pages_read(), 1);
    assert!(
        snapshot(&site.out()) == fresh(&site),
        "after a removed page"
    );

    // The home page's links passed before and its text is the same, but the heading it links
    // to is gone: it is checked again, and the rebuild fails without writing anything.
    let good = snapshot(&site.out());
    let lekstroom = site.root().join("content/regio/lekstroom.md");
    let text = std::fs::read_to_string(&lekstroom).unwrap();
    site.write(
        "content/regio/lekstroom.md",
        &text.replace("## Doel", "## Koers"),
    );
    let error = session
        .rebuild()
        .err()
        .expect("a link to a heading that is gone");
    assert!(
        error.render().contains("geen kopje met id `doel`"),
        "{}",
        error.render()
    );
    assert!(snapshot(&site.out()) == good);
}

#[test]
fn an_edit_stops_the_running_index_job_and_the_next_build_writes_the_index() {
    let site = Site::fixture("basic");
    let mut session = built(&site);
    site.write("content/over.md", &page("Over", "Eerste versie."));
    let (_, job) = session.rebuild().unwrap();
    let before = snapshot(&site.out());
    // What the watcher does as soon as it sees a change, before it rebuilds.
    session.index_stop().now();
    assert!(
        !job.unwrap().run().unwrap(),
        "an index that is out of date is dropped"
    );
    assert!(snapshot(&site.out()) == before, "and writes nothing");
    site.write("content/over.md", &page("Over", "Tweede versie."));
    rebuild(&mut session);
    assert!(snapshot(&site.out()) == fresh(&site));
}

#[test]
fn an_index_job_waits_for_quiet_and_a_save_while_it_waits_drops_it() {
    use std::time::{Duration, Instant};
    let site = Site::fixture("basic");
    let mut session = built(&site);
    site.write("content/over.md", &page("Over", "Eerste versie."));
    let (_, job) = session.rebuild().unwrap();
    let before = snapshot(&site.out());
    // A save while the job waits: it stops without waiting out its quiet time.
    let stop = session.index_stop();
    let waiting = std::thread::spawn(move || {
        let started = Instant::now();
        let wrote = job
            .unwrap()
            .run_when_quiet(Duration::from_secs(30))
            .unwrap();
        (wrote, started.elapsed())
    });
    std::thread::sleep(Duration::from_millis(200));
    stop.now();
    let (wrote, waited) = waiting.join().unwrap();
    assert!(!wrote, "a job overtaken while it waits writes nothing");
    assert!(
        waited < Duration::from_secs(5),
        "and stops at once ({waited:?})"
    );
    assert!(snapshot(&site.out()) == before);

    // Left alone, it waits its time and then writes the index.
    site.write("content/over.md", &page("Over", "Tweede versie."));
    let (_, job) = session.rebuild().unwrap();
    let started = Instant::now();
    assert!(job
        .unwrap()
        .run_when_quiet(Duration::from_millis(300))
        .unwrap());
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert!(snapshot(&site.out()) == fresh(&site));
}

#[test]
fn a_page_rendered_by_a_build_that_failed_is_written_by_the_next_good_one() {
    let site = Site::fixture("basic");
    site.write(
        "templates/telling.html",
        "{% extends \"base.html\" %}{% block content %}<p>{{ page.extra.n + 1 }}</p>{{ page.content }}{% endblock %}",
    );
    let counted = |n: &str| {
        format!(
            "+++\ntitle = \"Telling\"\ntemplate = \"telling.html\"\n[extra]\nn = {n}\n+++\nTekst."
        )
    };
    site.write("content/regio/telling.md", &counted("1"));
    let mut session = built(&site);
    let good = snapshot(&site.out());

    // One save renders over.md anew; another page's template fails while it runs, so the build
    // writes nothing, also not the page that rendered fine.
    site.write("content/over.md", &page("Over", "Nieuwe tekst."));
    site.write("content/regio/telling.md", &counted("\"een\""));
    assert!(session.rebuild().is_err(), "a string plus one fails");
    assert!(snapshot(&site.out()) == good);

    // The fix touches only the failing page: over.md comes from the cache, and must be written
    // now, since the failed build never did.
    site.write("content/regio/telling.md", &counted("2"));
    rebuild(&mut session);
    let out = std::fs::read_to_string(site.out().join("over.html")).unwrap();
    assert!(out.contains("Nieuwe tekst."), "over.html is the new text");
    assert!(snapshot(&site.out()) == fresh(&site));
}

#[test]
fn files_removed_by_hand_from_the_output_come_back_with_the_next_build() {
    let site = Site::fixture("basic");
    let mut session = built(&site);
    // Pages that will not change, a whole folder of them, a stylesheet and part of the index.
    std::fs::remove_file(site.out().join("index.html")).unwrap();
    std::fs::remove_dir_all(site.out().join("regio")).unwrap();
    std::fs::remove_file(site.out().join("css/leerrecht.css")).unwrap();
    std::fs::remove_file(site.out().join("zoekindex/d0.js")).unwrap();
    // Only the text of one page changes, so the other pages come from the cache.
    let over = std::fs::read_to_string(site.root().join("content/over.md")).unwrap();
    site.write("content/over.md", &format!("{over}\nIets anders.\n"));
    // over.html, index.html, the three pages of regio/ and the stylesheet (the index job
    // writes d0.js).
    assert_eq!(rebuild(&mut session), 6);
    assert!(snapshot(&site.out()) == fresh(&site));
}
