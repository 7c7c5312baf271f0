#!/usr/bin/env python3
"""Readability of the built handbook: Flesch-Douma and words per sentence, per page.

Usage: leesbaarheid.py SITE_FOLDER [--check] [--pages PATTERN]

Reads every page of a built site (not the workshop participant pages, the 404 page or the
sitemap), takes the text inside <main> without navigation, scripts and heading anchors, splits it
into sentences and counts words and Dutch syllables (pyphen's nl_NL dictionary), and prints a
Markdown table. With --check it exits with status 1 when a page scores below 60 or has more than
15 words per sentence on average (the handbook's B1 goal).

How it counts:
- A sentence ends at . ! or ? followed by a capital, and at the end of every block: paragraph,
  list item, table cell, heading, legend, label, summary. Headings and list items are read as the
  short sentences they are.
- A word is a run of letters (with inner hyphens or apostrophes); numbers are not words.
- Syllables: pyphen's hyphenation points + 1 per word part, with one-letter edges allowed
  (left=1, right=1), so "ou-ders" is two and "school" one.
- Flesch-Douma = 206.835 - 0.93 x (words per sentence) - 77 x (syllables per word).
"""
import html.parser
import pathlib
import re
import sys

import pyphen

DIC = pyphen.Pyphen(lang="nl_NL", left=1, right=1)
BLOCKS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "summary",
          "legend", "label", "caption", "blockquote", "figcaption", "pre"}
SKIP = {"nav", "script", "style", "template", "svg", "button", "select", "textarea", "noscript"}
WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:['’-][A-Za-zÀ-ÖØ-öø-ÿ]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"„“(*]*[A-ZÀ-Ý])")
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base"}


class MainText(html.parser.HTMLParser):
    """Collects the text blocks inside <main>, skipping navigation and heading anchors."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_main = 0
        self.skip = []  # tags being skipped, innermost last
        self.depth = 0
        self.blocks = []
        self.buf = []

    def flush(self):
        text = " ".join("".join(self.buf).split())
        if text:
            self.blocks.append(text)
        self.buf = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        a = dict(attrs)
        if tag == "main":
            self.in_main += 1
            return
        if not self.in_main:
            return
        classes = (a.get("class") or "").split()
        if self.skip:
            self.skip.append(tag)
            return
        if tag in SKIP or "visueel-verborgen" in classes or a.get("hidden") is not None:
            self.skip.append(tag)
            return
        if tag in BLOCKS:
            self.flush()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if tag == "main":
            self.flush()
            self.in_main -= 1
            return
        if not self.in_main:
            return
        if self.skip:
            self.skip.pop()
            return
        if tag in BLOCKS:
            self.flush()

    def handle_data(self, data):
        if self.in_main and not self.skip:
            self.buf.append(data)


def syllables(word):
    return sum(len(DIC.positions(part)) + 1 for part in re.split(r"['’-]", word) if part)


def measure(text_blocks):
    sentences = words = syl = 0
    for block in text_blocks:
        for sentence in SENTENCE_END.split(block):
            ws = WORD.findall(sentence)
            if not ws:
                continue
            sentences += 1
            words += len(ws)
            syl += sum(syllables(w.lower()) for w in ws)
    if not words:
        return None
    wps = words / sentences
    spw = syl / words
    return {"words": words, "sentences": sentences, "wps": wps, "spw": spw,
            "fd": 206.835 - 0.93 * wps - 77 * spw}


def pages(site):
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.endswith("-deelnemen.html") or rel in ("404.html", "sitemap.html"):
            continue
        yield rel, path


def main(argv):
    check = "--check" in argv
    args = [a for a in argv[1:] if not a.startswith("--")]
    if not args:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    site = pathlib.Path(args[0])
    rows, failing = [], []
    total = {"words": 0, "sentences": 0, "syl": 0.0}
    for rel, path in pages(site):
        parser = MainText()
        parser.feed(path.read_text(encoding="utf-8"))
        m = measure(parser.blocks)
        if not m:
            continue
        ok = m["fd"] >= 60 and m["wps"] <= 15
        if not ok:
            failing.append(rel)
        total["words"] += m["words"]
        total["sentences"] += m["sentences"]
        total["syl"] += m["spw"] * m["words"]
        rows.append(f"| `{rel}` | {m['words']} | {m['sentences']} | {m['wps']:.1f} | {m['spw']:.2f} | "
                    f"{m['fd']:.0f} | {'ja' if ok else '**nee**'} |")
    print("| pagina | woorden | zinnen | woorden per zin | lettergrepen per woord | Flesch-Douma | B1-doel gehaald |")
    print("|---|---:|---:|---:|---:|---:|---|")
    print("\n".join(rows))
    if total["words"]:
        wps = total["words"] / total["sentences"]
        spw = total["syl"] / total["words"]
        print(f"| **alle pagina's** | {total['words']} | {total['sentences']} | {wps:.1f} | {spw:.2f} | "
              f"{206.835 - 0.93 * wps - 77 * spw:.0f} | |")
    if check and failing:
        print(f"\nOnder het B1-doel (Flesch-Douma < 60 of > 15 woorden per zin): {', '.join(failing)}",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
