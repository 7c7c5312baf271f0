#!/usr/bin/env python3
"""Count the pages in a built site and check its internal links, for bench/run.sh.

    python3 bench/check-output.py OUT_DIR [ignore-prefix ...]

Prints one line: HTML files, links checked, links whose file or `#anchor` is missing. Every
relative `href` in every HTML file is followed (`x/` means `x/index.html`); links to other
sites and root-absolute links (`/x`, which depend on where the site is hosted) are skipped;
`#x` on the page itself is checked too. Paths starting with an ignore-prefix (e.g. mdBook's theme files) are
not counted as pages. Standard library only.
"""

import os
import re
import sys
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit


class Collect(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)
            elif name == "href" and value is not None and tag == "a":
                self.hrefs.append(value)


def parse(path, cache):
    if path not in cache:
        c = Collect()
        with open(path, encoding="utf-8", errors="replace") as f:
            c.feed(f.read())
        cache[path] = c
    return cache[path]


def main(argv):
    out = os.path.abspath(argv[1])
    ignore = tuple(argv[2:])
    html = []
    for dirpath, _dirs, files in os.walk(out):
        for name in files:
            if name.endswith(".html"):
                full = os.path.join(dirpath, name)
                if not os.path.relpath(full, out).startswith(ignore) or not ignore:
                    html.append(full)
    cache = {}
    checked = broken = 0
    examples = []
    for page in html:
        for href in parse(page, cache).hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("javascript:", "/")):
                continue  # other sites, and root-absolute links (leerrecht's 404 page) that depend on the host
            checked += 1
            if parts.path:
                target = os.path.normpath(os.path.join(os.path.dirname(page), unquote(parts.path)))
                if os.path.isdir(target):
                    target = os.path.join(target, "index.html")
            else:
                target = page
            ok = os.path.isfile(target)
            if ok and parts.fragment and target.endswith(".html"):
                ok = unquote(parts.fragment) in parse(target, cache).ids
            if not ok:
                broken += 1
                if len(examples) < 3:
                    examples.append(f"{os.path.relpath(page, out)} → {href}")
    print(f"{len(html)} html, {checked} links, {broken} broken"
          + (" (" + "; ".join(examples) + ")" if examples else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
