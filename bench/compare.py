#!/usr/bin/env python3
"""Time leerrecht, Hugo and mdBook building the same pages, interleaved, for bench/run.sh.

    python3 bench/compare.py run NAME RUNS OUT_JSON LEERRECHT SITE HUGO HUGO_SITE MDBOOK MDBOOK_SITE OUT_DIR
    python3 bench/compare.py table JSON...

`run` does one warm-up round, then RUNS rounds; every round builds with each tool once (and
runs `leerrecht check`), in an order that rotates from round to round, so that whatever else
the machine does at that moment hits all tools alike. Before each build the tool's output folder
is removed (not timed), so every tool writes into an empty folder. Wall time is measured around
the process (`time.perf_counter`), CPU time (user + system) and peak resident memory come from
GNU time (`/usr/bin/time -f`). After the last round the outputs are measured: bytes of all files,
HTML files, the search index, and (unless SKIP_LINKS=1) the links checked by check-output.py.

`table` prints the Markdown tables for bench/README.md from one or more JSON files.
Standard library only.
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def folder_bytes(path):
    total = files = html = 0
    for dirpath, _dirs, names in os.walk(path):
        for name in names:
            files += 1
            total += os.path.getsize(os.path.join(dirpath, name))
            html += name.endswith(".html")
    return total, files, html


def search_index_bytes(tool, out):
    if tool == "leerrecht":
        p = os.path.join(out, "search-index.js")
        return os.path.getsize(p) if os.path.exists(p) else 0
    if tool == "mdbook":
        return sum(os.path.getsize(os.path.join(out, n)) for n in os.listdir(out)
                   if n.startswith("searchindex"))
    return 0


def timed(cmd, cwd=None):
    """Run cmd; return (wall seconds, cpu seconds, peak RSS kB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        full = ["/usr/bin/time", "-f", "%U %S %M", "-o", t.name] + cmd
        start = time.perf_counter()
        r = subprocess.run(full, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wall = time.perf_counter() - start
        if r.returncode != 0:
            sys.stderr.write(r.stderr.decode("utf-8", "replace")[-3000:])
            raise SystemExit(f"failed ({r.returncode}): {' '.join(cmd)}")
        user, system, rss = t.read().split()[-3:]
    return wall, float(user) + float(system), int(rss)


def run(argv):
    name, runs, out_json, leerrecht, site, hugo, hugo_site, mdbook, mdbook_site, out_dir = argv
    runs = int(runs)
    outs = {t: os.path.join(out_dir, f"{name}-{t}") for t in ("leerrecht", "hugo", "mdbook")}
    commands = {
        "leerrecht": [leerrecht, "build", "--root", site, "--out", outs["leerrecht"]],
        "leerrecht check": [leerrecht, "check", "--root", site],
        "hugo": [hugo, "--quiet", "--source", hugo_site, "--destination", outs["hugo"]],
        "mdbook": [mdbook, "build", mdbook_site, "--dest-dir", outs["mdbook"]],
    }
    order = list(commands)
    samples = {c: [] for c in commands}
    load_before = os.getloadavg()
    for round_ in range(runs + 1):
        rotated = order[round_ % len(order):] + order[: round_ % len(order)]
        for c in rotated:
            if c in outs and os.path.exists(outs[c]):
                shutil.rmtree(outs[c])
            wall, cpu, rss = timed(commands[c])
            if round_ > 0:
                samples[c].append({"wall": wall, "cpu": cpu, "rss_kb": rss})
            print(f"  {'warm-up' if round_ == 0 else f'round {round_}/{runs}'}  {c:16s}"
                  f" {wall:7.2f} s wall {cpu:7.2f} s cpu {rss / 1024:7.0f} MiB", flush=True)
    load_after = os.getloadavg()
    result = {"name": name, "runs": runs, "load_before": load_before, "load_after": load_after,
              "tools": {}}
    for c, s in samples.items():
        walls = sorted(x["wall"] for x in s)
        entry = {
            "command": commands[c],
            "wall_median": statistics.median(walls),
            "wall_min": walls[0],
            "wall_max": walls[-1],
            "cpu_median": statistics.median(x["cpu"] for x in s),
            "rss_kb_median": statistics.median(x["rss_kb"] for x in s),
            "samples": s,
        }
        if c in outs:
            total, files, html = folder_bytes(outs[c])
            entry.update(output_bytes=total, files=files, html=html,
                         index_bytes=search_index_bytes(c, outs[c]))
            if os.environ.get("SKIP_LINKS") != "1":
                check = subprocess.run([sys.executable, os.path.join(HERE, "check-output.py"),
                                        outs[c]], capture_output=True, text=True)
                entry["links"] = check.stdout.strip()
        result["tools"][c] = entry
    text_bytes = 0
    for dirpath, _dirs, names in os.walk(os.path.join(site, "content")):
        text_bytes += sum(os.path.getsize(os.path.join(dirpath, n)) for n in names
                          if n.endswith(".md"))
    result["markdown_bytes"] = text_bytes
    with open(out_json, "w") as f:
        json.dump(result, f, indent=1)
    print(f"  load average before {load_before[0]:.2f}, after {load_after[0]:.2f}")


def human(b):
    for unit in ["B", "kB", "MB", "GB"]:
        if b < 1000 or unit == "GB":
            return f"{b:.0f} {unit}" if unit == "B" else f"{b:.1f} {unit}"
        b /= 1000


def secs(s):
    return f"{s:.2f} s" if s < 10 else f"{s:.1f} s"


def table(paths):
    results = [json.load(open(p)) for p in paths]
    print("| pages | tool | build, median (min–max) | CPU, median | peak RSS | "
          "leerrecht ÷ tool: time | leerrecht ÷ tool: memory | output | HTML files | search index |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        t = r["tools"]
        lr = t["leerrecht"]
        for c in ("leerrecht", "hugo", "mdbook"):
            e = t[c]
            ratio_t = lr["wall_median"] / e["wall_median"]
            ratio_m = lr["rss_kb_median"] / e["rss_kb_median"]
            print(f"| {r['name']} | {c} | {secs(e['wall_median'])} ({e['wall_min']:.2f}–{e['wall_max']:.2f}) "
                  f"| {secs(e['cpu_median'])} | {e['rss_kb_median'] / 1024:.0f} MiB "
                  f"| {'–' if c == 'leerrecht' else f'{ratio_t:.2f}'} "
                  f"| {'–' if c == 'leerrecht' else f'{ratio_m:.2f}'} "
                  f"| {human(e['output_bytes'])} | {e['html']:,} ".replace(",", " ")
                  + f"| {human(e['index_bytes']) if e['index_bytes'] else 'none'} |")
    print()
    print("| pages | leerrecht check, median | build − check (writing) | Markdown text | "
          "leerrecht index ÷ text | mdBook index ÷ text | load avg before → after |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in results:
        t = r["tools"]
        chk = t["leerrecht check"]["wall_median"]
        text = r["markdown_bytes"]
        print(f"| {r['name']} | {secs(chk)} | {t['leerrecht']['wall_median'] - chk:.2f} s "
              f"| {human(text)} | {t['leerrecht']['index_bytes'] / text:.2f}× "
              f"| {t['mdbook']['index_bytes'] / text:.2f}× "
              f"| {r['load_before'][0]:.1f} → {r['load_after'][0]:.1f} |")
    print()
    for r in results:
        for c in ("leerrecht", "hugo", "mdbook"):
            if "links" in r["tools"][c]:
                print(f"- {r['name']}, {c}: {r['tools'][c]['links']}")


def main(argv):
    if len(argv) >= 2 and argv[1] == "run" and len(argv) == 12:
        run(argv[2:])
    elif len(argv) >= 3 and argv[1] == "table":
        table(argv[2:])
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
