#!/usr/bin/env python3
"""Where one `leerrecht build` spends its time, phase by phase, from a perf profile.

    perf record -F 997 --call-graph dwarf,16384 -o bench/out/build.perf \\
        target/release/leerrecht build --root bench/corpus/1000 --out bench/out/prof-1000
    perf script -i bench/out/build.perf -F tid,time,ip,sym > bench/out/build.stacks
    python3 bench/perf-phases.py bench/out/build.stacks 997

For each phase (a function of leerrecht on the stack) it prints when the first and the last
sample inside it were taken, from the start of the process (wall clock: the phase's span, which
includes waiting), on which threads, and how many samples fell in it (CPU time = samples ÷
frequency). Phases overlap where threads run side by side (the search index is built on its own
thread while the pages render). Standard library only.
"""

import collections
import re
import sys

PHASES = [
    ("leerrecht::build", "build, all of it"),
    ("leerrecht::load::load", "load: read and parse every input"),
    ("leerrecht::render::render", "render (validate, Markdown, templates, index)"),
    ("leerrecht::render::markdown::analyze", "  Markdown, first pass (headings, links, text)"),
    ("leerrecht::validate::", "  validate links and outputs"),
    ("leerrecht::render::render_pages", "  render pages (Markdown to HTML, templates)"),
    ("leerrecht::render::templates::Templates::render", "    of which minijinja templates"),
    ("leerrecht::search::index::Builder::add", "  search index: add documents (pipeline, trie)"),
    ("leerrecht::search::index::Builder::finish", "  search index: serialize and compact"),
    ("drop_in_place<leerrecht::search::index::Builder>", "    of which dropping the elasticlunr index"),
    ("leerrecht::output::write_files", "write every file into the new folder"),
    ("leerrecht::output::swap_in", "swap in, remove the previous output"),
    ("remove_dir_all", "removing folders (the previous output)"),
    ("leerrecht::output::remove_stale", "remove stale folders"),
]


def main(argv):
    path, freq = argv[1], float(argv[2])
    samples = []
    cur = None
    for line in open(path, errors="replace"):
        m = re.match(r"^\s*(\d+)\s+([\d.]+):", line)
        if m:
            cur = (int(m.group(1)), float(m.group(2)), [])
            samples.append(cur)
        elif cur is not None and line.strip():
            cur[2].append(line.strip())
    if not samples:
        sys.exit("no samples")
    t0 = min(s[1] for s in samples)
    t1 = max(s[1] for s in samples)
    threads = collections.Counter(s[0] for s in samples)
    print(f"process: {1000 * (t1 - t0):.0f} ms from first to last sample, {len(samples)} samples "
          f"({1000 * len(samples) / freq:.0f} ms CPU) on {len(threads)} threads")
    print()
    print("| phase | from | to | span (wall) | CPU (samples) | threads |")
    print("|---|---:|---:|---:|---:|---:|")
    names = {}
    for key, label in PHASES:
        hit = [s for s in samples if any(key in frame for frame in s[2])]
        if not hit:
            continue
        a = min(s[1] for s in hit)
        b = max(s[1] for s in hit)
        tids = sorted({s[0] for s in hit})
        for t in tids:
            names.setdefault(t, len(names) + 1)
        print(f"| {label} | {1000 * (a - t0):.0f} ms | {1000 * (b - t0):.0f} ms "
              f"| {1000 * (b - a):.0f} ms | {1000 * len(hit) / freq:.0f} ms "
              f"| {', '.join(str(names[t]) for t in tids)} |")


if __name__ == "__main__":
    main(sys.argv)
