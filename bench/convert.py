#!/usr/bin/env python3
"""Write the pages of a leerrecht site as a Hugo site and as an mdBook book, for bench/run.sh,
and as a Zola site, for bench/peers.py.

    python3 bench/convert.py SITE HUGO_DIR MDBOOK_DIR
    python3 bench/convert.py --zola SITE ZOLA_DIR TEMPLATES_FROM

SITE is a leerrecht site folder (site.toml, content/). The output folders are replaced.
What is converted, the same way for every tool:

- every non-draft page of content/ (`_index.md` is a section's page, as in leerrecht);
- internal links `@/a/b.md#x` become Hugo `{{< relref "/a/b.md#x" >}}` (Hugo checks that the
  page exists, not the anchor) and, for mdBook, relative links to the .md file (`../a/b.md#x`,
  which mdBook turns into .html; mdBook checks nothing). Links to instruments
  (`@/checklists/x.toml`) have no counterpart outside leerrecht and become plain text; links to
  other files become relative links and the files are copied;
- every heading gets leerrecht's id written out as `{#id}` (both tools read that syntax), so
  anchors are the same in all three outputs whatever slug rules each tool has;
- Hugo keeps the TOML front matter as it is (it reads `+++` TOML itself; `[extra]` becomes
  params); mdBook gets a SUMMARY.md in leerrecht's order (weight, then title) and each chapter
  starts with its title as `# title`, since mdBook has no front matter.

Hugo gets small layouts of its own (below) that render what a leerrecht page shows: the main
menu with every top-level section, breadcrumbs, the section's page list, the table of contents
(levels 2-3) and the page; no search. mdBook uses its built-in theme with its own search index;
its print page (the whole book in one file) is switched off because neither other tool makes one.
Zola gets the templates and config.toml of another Zola site (TEMPLATES_FROM, the shared corpus
generator's), front matter of only what Zola knows (title, description, weight; sections sorted
by weight), and keeps `@/` links to pages as they are (Zola's own syntax).

Standard library only (Python 3.11+ for tomllib).
"""

import os
import posixpath
import re
import shutil
import sys
import tomllib

# ---------------------------------------------------------------------------
# leerrecht's heading ids (src/slug.rs and unique_id in src/render/markdown.rs)

FOLD = {}
for chars, ascii_ in [("àáâãäå", "a"), ("æ", "ae"), ("ç", "c"), ("èéêë", "e"), ("ìíîï", "i"),
                      ("ñ", "n"), ("òóôõöø", "o"), ("œ", "oe"), ("ùúûü", "u"), ("ýÿ", "y"),
                      ("ĳ", "ij"), ("ß", "ss")]:
    for c in chars:
        FOLD[c] = ascii_


def slugify(text):
    out = []
    pending = False
    for c in text.lower():
        if "a" <= c <= "z" or "0" <= c <= "9":
            a = c
        else:
            a = FOLD.get(c)
        if a is None:
            pending = True
            continue
        if pending and out:
            out.append("-")
        pending = False
        out.append(a)
    return "".join(out)


def unique_id(base, used):
    base = base or "kop"
    ident, n = base, 1
    while ident in used:
        ident = f"{base}-{n}"
        n += 1
    used.add(ident)
    return ident


HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
EXPLICIT_ID = re.compile(r"\s*\{#([^}\s]+)\}\s*$")
FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def heading_text(markdown):
    """Roughly the plain text of a heading's inline Markdown (enough for slugify, which treats
    every non-letter as a separator anyway)."""
    t = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    t = t.replace("`", "")
    t = re.sub(r"[*_~]+", "", t)
    return " ".join(t.split())


def explicit_ids(body):
    """Give every ATX heading outside code fences leerrecht's id as `{#id}`."""
    used = set()
    out = []
    fence = None
    for line in body.split("\n"):
        m = FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            out.append(line)
            continue
        if m:
            fence = m.group(1)
            out.append(line)
            continue
        h = HEADING.match(line)
        if h:
            hashes, text = h.group(1), h.group(2)
            e = EXPLICIT_ID.search(text)
            if e:
                text = text[: e.start()]
                ident = unique_id(e.group(1), used)
            else:
                ident = unique_id(slugify(heading_text(text)), used)
            line = f"{hashes} {text} {{#{ident}}}"
        out.append(line)
    return "\n".join(out)


# ---------------------------------------------------------------------------
# Reading the leerrecht site


class Page:
    def __init__(self, key, front, body):
        self.key = key  # path from content/, e.g. "regio/lekstroom.md" or "regio/_index.md"
        self.front = front
        self.body = body
        self.title = front.get("title", "")
        self.weight = front.get("weight", 0)
        self.is_index = posixpath.basename(key) == "_index.md"
        self.dir = posixpath.dirname(key)


def split_front_matter(text, path):
    if not text.startswith("+++"):
        raise SystemExit(f"{path}: geen front matter tussen +++-regels")
    end = text.find("\n+++", 3)
    if end < 0:
        raise SystemExit(f"{path}: front matter niet afgesloten")
    raw = text[3:end].strip("\n")
    body = text[end + 4:].lstrip("\n")
    return raw, tomllib.loads(raw), body


def read_site(site):
    content = os.path.join(site, "content")
    pages, files = {}, []
    for dirpath, dirnames, filenames in os.walk(content):
        dirnames.sort()
        for name in sorted(filenames):
            full = os.path.join(dirpath, name)
            key = os.path.relpath(full, content).replace(os.sep, "/")
            if not name.endswith(".md"):
                files.append(key)
                continue
            with open(full, encoding="utf-8") as f:
                text = f.read().replace("\r\n", "\n")
            raw, front, body = split_front_matter(text, full)
            if front.get("draft", False):
                continue
            page = Page(key, front, body)
            page.raw_front = raw
            pages[key] = page
    with open(os.path.join(site, "site.toml"), "rb") as f:
        config = tomllib.load(f)
    return config, pages, files


LINK = re.compile(r"\]\(\s*@/([^)\s#]+)(#[^)\s]*)?(\s+\"[^\"]*\")?\s*\)")
REF_DEF = re.compile(r"^(\s{0,3}\[[^\]]+\]:\s*)@/(\S+?)(#\S*)?(\s.*)?$", re.M)


def rewrite_links(body, page, to_target):
    """Rewrite `](@/x#a)` and reference definitions `[r]: @/x#a` with to_target(page, path,
    anchor) -> replacement destination, or None to drop the link and keep its text."""

    def inline(m):
        dest = to_target(page, m.group(1), m.group(2) or "")
        if dest is None:
            return "](#)"  # marked, stripped below
        return f"]({dest}{m.group(3) or ''})"

    body = LINK.sub(inline, body)
    # a link with no counterpart: keep its text only
    body = re.sub(r"\[([^\]]*)\]\(#\)", r"\1", body)

    def refdef(m):
        dest = to_target(page, m.group(2), m.group(3) or "")
        return f"{m.group(1)}{dest or '#'}{m.group(4) or ''}"

    return REF_DEF.sub(refdef, body)


def is_instrument(path):
    return path.startswith("checklists/")


# ---------------------------------------------------------------------------
# Hugo

HUGO_BASEOF = """<!doctype html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
{{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
<link rel="stylesheet" href="/stijl.css">
</head>
<body>
<header>
<a href="/">{{ site.Title }}</a>
<nav aria-label="Hoofdmenu"><ul>
<li><a href="/">Start</a></li>
{{ range site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul></nav>
</header>
{{ if not .IsHome }}<nav aria-label="Kruimelpad"><ol>
{{ range .Ancestors.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}<li><span aria-current="page">{{ .Title }}</span></li>
</ol></nav>{{ end }}
<main>
{{ with .CurrentSection }}{{ if not .IsHome }}<nav aria-label="{{ .Title }}"><p><a href="{{ .RelPermalink }}">{{ .Title }}</a></p><ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul></nav>{{ end }}{{ end }}
<article>
<h1>{{ .Title }}</h1>
{{ if .TableOfContents }}<nav aria-label="Op deze pagina">{{ .TableOfContents }}</nav>{{ end }}
{{ block "main" . }}{{ end }}
</article>
</main>
<footer><p>{{ site.Title }}</p></footer>
</body>
</html>
"""

HUGO_SINGLE = """{{ define "main" }}{{ .Content }}{{ end }}
"""

HUGO_LIST = """{{ define "main" }}{{ .Content }}
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Description }} {{ . }}{{ end }}</li>
{{ end }}</ul>{{ end }}
"""

HUGO_404 = """{{ define "main" }}<p>Deze pagina bestaat niet.</p>{{ end }}
"""

CSS = "body{font:1rem/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem}\n"


def hugo_target(page, path, anchor):
    if is_instrument(path):
        return None
    if path.endswith(".md"):
        return '{{< relref "/' + path + anchor + '" >}}'
    rel = posixpath.relpath(path, page.dir or ".")
    return rel + anchor


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def toml_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_hugo(config, pages, files, site, out):
    write(os.path.join(out, "hugo.toml"), "\n".join([
        'baseURL = "/"',
        f"title = {toml_string(config.get('title', 'Handboek'))}",
        f"languageCode = {toml_string(config.get('language', 'nl'))}",
        f"defaultContentLanguage = {toml_string(config.get('language', 'nl'))}",
        "uglyURLs = true        # sectie/pagina.html, as leerrecht writes",
        "relativeURLs = true    # works from disk and under a sub-path, as leerrecht's output",
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]',
        "[markup.tableOfContents]",
        "startLevel = 2",
        "endLevel = 3",
        "",
    ]))
    layouts = os.path.join(out, "layouts")
    write(os.path.join(layouts, "_default", "baseof.html"), HUGO_BASEOF)
    write(os.path.join(layouts, "_default", "single.html"), HUGO_SINGLE)
    write(os.path.join(layouts, "_default", "list.html"), HUGO_LIST)
    write(os.path.join(layouts, "404.html"), HUGO_404)
    write(os.path.join(out, "static", "stijl.css"), CSS)
    for page in pages.values():
        body = rewrite_links(explicit_ids(page.body), page, hugo_target)
        write(os.path.join(out, "content", page.key),
              "+++\n" + page.raw_front + "\n+++\n\n" + body)
    for key in files:
        dest = os.path.join(out, "static", key)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        shutil.copyfile(os.path.join(site, "content", key), dest)


# ---------------------------------------------------------------------------
# mdBook


def mdbook_file(key):
    """Where a page goes in the book's src/: `_index.md` becomes `index.md`."""
    return key[: -len("_index.md")] + "index.md" if posixpath.basename(key) == "_index.md" else key


def mdbook_target(page, path, anchor):
    if is_instrument(path):
        return None
    here = posixpath.dirname(mdbook_file(page.key)) or "."
    return posixpath.relpath(mdbook_file(path), here) + anchor


def order(pages):
    return sorted(pages, key=lambda p: (p.weight, p.title))


def summary(pages):
    """SUMMARY.md: the home page first, then every section (its _index.md as the chapter,
    its pages and subsections nested below), in leerrecht's order."""
    by_dir = {}
    for p in pages.values():
        by_dir.setdefault(p.dir, []).append(p)
    dirs = {p.dir for p in pages.values()}
    all_dirs = set()
    for d in dirs:
        while d:
            all_dirs.add(d)
            d = posixpath.dirname(d)

    def title_of(d):
        index = pages.get(f"{d}/_index.md")
        return index.title if index else posixpath.basename(d)

    def weight_of(d):
        index = pages.get(f"{d}/_index.md")
        return index.weight if index else 0

    lines = ["# Summary", ""]
    home = pages.get("_index.md")
    if home:
        lines += [f"[{home.title}](index.md)", ""]

    def section(d, depth):
        index = pages.get(f"{d}/_index.md")
        link = f"({mdbook_file(index.key)})" if index else "()"
        lines.append("  " * depth + f"- [{title_of(d)}]{link}")
        children(d, depth + 1)

    def children(d, depth):
        items = [(p.weight, p.title, "page", p) for p in by_dir.get(d, []) if not p.is_index]
        items += [(weight_of(s), title_of(s), "dir", s) for s in all_dirs
                  if posixpath.dirname(s) == d]
        for _w, _t, kind, item in sorted(items, key=lambda x: (x[0], x[1])):
            if kind == "page":
                lines.append("  " * depth + f"- [{item.title}]({item.key})")
            else:
                section(item, depth)

    children("", 0)
    return "\n".join(lines) + "\n"


def write_mdbook(config, pages, files, site, out):
    write(os.path.join(out, "book.toml"), "\n".join([
        "[book]",
        f"title = {toml_string(config.get('title', 'Handboek'))}",
        f"language = {toml_string(config.get('language', 'nl'))}",
        'src = "src"',
        "",
        "[build]",
        "create-missing = false",
        "",
        "[output.html.print]",
        "enable = false          # no whole-book page: neither leerrecht nor our Hugo makes one",
        "",
        "[output.html.search]",
        "enable = true           # mdBook's default: an elasticlunr index (English pipeline)",
        "",
    ]))
    src = os.path.join(out, "src")
    write(os.path.join(src, "SUMMARY.md"), summary(pages))
    for page in pages.values():
        body = rewrite_links(explicit_ids(page.body), page, mdbook_target)
        write(os.path.join(src, mdbook_file(page.key)), f"# {page.title}\n\n{body}")
    for key in files:
        dest = os.path.join(src, key)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        shutil.copyfile(os.path.join(site, "content", key), dest)


# ---------------------------------------------------------------------------
# Zola


def zola_target(page, path, anchor):
    if is_instrument(path):
        return None
    if path.endswith(".md"):
        return "@/" + path + anchor
    return posixpath.relpath(path, page.dir or ".") + anchor


def zola_front(page):
    """Zola refuses front matter keys it does not know, and leerrecht's own (template, extra
    tables) mean nothing to it: keep title, description and weight."""
    lines = [f"title = {toml_string(page.title)}"]
    if page.front.get("description"):
        lines.append(f"description = {toml_string(page.front['description'])}")
    if isinstance(page.weight, int):
        lines.append(f"weight = {page.weight}")
    if page.is_index:
        lines.append('sort_by = "weight"')
    return "\n".join(lines)


def write_zola(pages, files, site, out, templates_from):
    shutil.copytree(os.path.join(templates_from, "templates"), os.path.join(out, "templates"))
    shutil.copy(os.path.join(templates_from, "config.toml"), os.path.join(out, "config.toml"))
    content = os.path.join(out, "content")
    for page in pages.values():
        body = rewrite_links(explicit_ids(page.body), page, zola_target)
        write(os.path.join(content, page.key), "+++\n" + zola_front(page) + "\n+++\n\n" + body)
    # Zola needs a section page in every folder with pages.
    for folder in {p.dir for p in pages.values()} | {""}:
        index = posixpath.join(folder, "_index.md")
        if index not in pages:
            title = posixpath.basename(folder) or "Handboek"
            write(os.path.join(content, index), f"+++\ntitle = {toml_string(title)}\n+++\n")
    for key in files:
        dest = os.path.join(content, key)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        shutil.copyfile(os.path.join(site, "content", key), dest)


def main(argv):
    if len(argv) == 5 and argv[1] == "--zola":
        site, zola, templates_from = argv[2:]
        _, pages, files = read_site(site)
        if os.path.exists(zola):
            shutil.rmtree(zola)
        write_zola(pages, files, site, zola, templates_from)
        print(f"{len(pages)} pagina's → {zola} (Zola)")
        return 0
    if len(argv) != 4:
        sys.stderr.write("gebruik: python3 bench/convert.py SITE HUGO_MAP MDBOOK_MAP\n"
                         "         python3 bench/convert.py --zola SITE ZOLA_MAP SJABLONEN_VAN\n")
        return 2
    site, hugo, mdbook = argv[1:]
    config, pages, files = read_site(site)
    for out, writer in [(hugo, write_hugo), (mdbook, write_mdbook)]:
        if os.path.exists(out):
            shutil.rmtree(out)
        writer(config, pages, files, site, out)
    print(f"{len(pages)} pagina's → {hugo} (Hugo) en {mdbook} (mdBook)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
