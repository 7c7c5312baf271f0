#!/usr/bin/env python3
"""The side-by-side table of issue 16: leerrecht (sharded Dutch index), Hugo (no index), Hugo +
Pagefind, Zola (Dutch elasticlunr index) and, when present, mdBook, building the same pages.

    peers.py prepare SHAPE N DIR     make DIR/{leerrecht,hugo,zola,mdbook} for one set:
                                     SHAPE `shared` is ../shared/bench/gen_corpus.py (10 sections),
                                     `own` is bench/gen-corpus.py (200 sections), `handbook` the
                                     copy of this checkout's handbook that run.sh makes at the
                                     start of a run (bench/corpus/handbook; N is ignored); the
                                     last two converted for Hugo, mdBook and Zola by convert.py
    peers.py run NAME RUNS JSON LEERRECHT DIR OUT
                                     one warm-up round, then RUNS rounds, every tool once per round
                                     in an order that rotates; the output folder is removed before
                                     each build (not timed); the 1-minute load average is recorded
                                     before every build
    peers.py table JSON...           the Markdown table

Tools are found on PATH (hugo), in bench/tools (zola, mdbook/bin/mdbook) and through npx
(pagefind). Standard library only.
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SHARED_GEN = os.path.join(REPO, "..", "shared", "bench", "gen_corpus.py")
ZOLA = os.path.join(HERE, "tools", "zola")
MDBOOK = os.path.join(HERE, "tools", "mdbook", "bin", "mdbook")
CONVERT = os.path.join(HERE, "convert.py")
TOOLS = ("leerrecht", "hugo", "hugo+pagefind", "zola", "mdbook")
# run.sh's copy of this checkout's handbook: every part of the run measures the same pages.
HANDBOOK = os.path.join(HERE, "corpus", "handbook")


def sh(cmd, **kw):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, **kw)


def zola_dutch(config_path):
    """Zola's Dutch elasticlunr pipeline is coded `du` (see ../shared/peers/README.md)."""
    with open(config_path) as f:
        text = f.read()
    text = text.replace('default_language = "en"', 'default_language = "du"')
    with open(config_path, "w") as f:
        f.write(text)


def prepare(shape, n, root):
    if os.path.isdir(root):
        shutil.rmtree(root)
    os.makedirs(root)
    site = os.path.join(root, "leerrecht")
    if shape == "shared":
        for layout in ("leerrecht", "hugo", "zola", "mdbook"):
            sh([sys.executable, SHARED_GEN, str(n), os.path.join(root, layout), "--layout", layout])
    else:
        if shape == "handbook":
            # The instruments, the werkagenda and the workshop page included; Hugo, mdBook and
            # Zola get its pages.
            shutil.copytree(HANDBOOK, site)
        else:
            sh([sys.executable, os.path.join(HERE, "gen-corpus.py"), str(n), site])
        sh([sys.executable, CONVERT, site, os.path.join(root, "hugo"), os.path.join(root, "mdbook")])
        # Zola's config and templates come from the shared generator's Zola layout.
        sample = os.path.join(root, "zola-sample")
        sh([sys.executable, SHARED_GEN, "20", sample, "--layout", "zola"])
        sh([sys.executable, CONVERT, "--zola", site, os.path.join(root, "zola"), sample])
        shutil.rmtree(sample)
    zola_dutch(os.path.join(root, "zola", "config.toml"))


def folder_bytes(path):
    total = 0
    for base, _, files in os.walk(path):
        for f in files:
            total += os.path.getsize(os.path.join(base, f))
    return total


def folder_disk(path):
    """What the folder takes on disk, as `du -s` counts it: allocated blocks of every file and
    folder. A host stores whole blocks, so a page in a folder of its own (Hugo's `p1/index.html`)
    costs a folder's block besides its own; issue 16's Hugo figure (150 MB) was this measure."""
    total = 0
    for base, dirs, files in os.walk(path):
        total += file_disk(base) + sum(file_disk(os.path.join(base, f)) for f in files)
    return total


def markdown_bytes(site):
    total = 0
    for base, _, files in os.walk(os.path.join(site, "content")):
        total += sum(os.path.getsize(os.path.join(base, f)) for f in files if f.endswith(".md"))
    return total


def file_disk(path):
    return os.lstat(path).st_blocks * 512


def index_bytes(tool, out, folder=folder_bytes, file=os.path.getsize):
    """The search index in an output, in file bytes (or on disk, with folder_disk and file_disk)."""
    if tool == "leerrecht":
        manifest = os.path.join(out, "search-index.js")
        return folder(os.path.join(out, "zoekindex")) + (file(manifest) if os.path.exists(manifest) else 0)
    if tool == "hugo+pagefind":
        return folder(os.path.join(out, "pagefind"))
    if tool in ("zola", "mdbook"):
        return sum(file(os.path.join(out, f)) for f in os.listdir(out)
                   if f.startswith(("search_index", "searchindex")))
    return 0


def timed(cmd):
    """Wall seconds, CPU seconds and peak RSS (KiB) of one command, with GNU time."""
    start = time.monotonic()
    proc = subprocess.run(["/usr/bin/time", "-f", "%U %S %M"] + cmd,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.monotonic() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd[0]} failed:\n{proc.stderr[-2000:]}")
    user, system, rss = proc.stderr.strip().splitlines()[-1].split()
    return wall, float(user) + float(system), int(rss)


def commands(tool, leerrecht, root, out):
    if tool == "leerrecht":
        return [[leerrecht, "build", "--root", os.path.join(root, "leerrecht"), "--out", out]]
    hugo = [shutil.which("hugo") or "hugo", "--quiet", "--source", os.path.join(root, "hugo"), "--destination", out]
    if tool == "hugo":
        return [hugo]
    if tool == "hugo+pagefind":
        return [hugo, ["npx", "--yes", "pagefind", "--site", out, "--silent"]]
    if tool == "zola":
        return [[ZOLA, "--root", os.path.join(root, "zola"), "build", "--output-dir", out, "--force"]]
    return [[MDBOOK, "build", os.path.join(root, "mdbook"), "--dest-dir", out]]


def available(tool, name, root):
    if tool == "zola":
        return os.access(ZOLA, os.X_OK) and os.path.isdir(os.path.join(root, "zola"))
    if tool == "mdbook":
        # At 10 000 pages one mdBook build takes over 20 minutes (1 337 s in an earlier run):
        # only with MDBOOK_10000=1.
        big = name.endswith("-10000") and os.environ.get("MDBOOK_10000") != "1"
        return os.access(MDBOOK, os.X_OK) and os.path.isdir(os.path.join(root, "mdbook")) and not big
    if tool.startswith("hugo"):
        return shutil.which("hugo") is not None
    return True


def run(name, runs, out_json, leerrecht, root, out_dir):
    # Hugo reads a relative --destination from its --source folder.
    out_dir, root, leerrecht = (os.path.abspath(p) for p in (out_dir, root, leerrecht))
    tools = [t for t in TOOLS if available(t, name, root)]
    samples = {t: [] for t in tools}
    for rnd in range(runs + 1):
        order = tools[rnd % len(tools):] + tools[:rnd % len(tools)]
        for tool in order:
            out = os.path.join(out_dir, f"{name}-{tool.replace('+', '-')}")
            shutil.rmtree(out, ignore_errors=True)
            load = os.getloadavg()[0]
            wall, cpu, rss = 0.0, 0.0, 0
            for cmd in commands(tool, leerrecht, root, out):
                w, c, r = timed(cmd)
                wall, cpu, rss = wall + w, cpu + c, max(rss, r)
            if rnd > 0:  # round 0 warms the caches
                samples[tool].append({"wall": wall, "cpu": cpu, "rss": rss, "load": load})
            print(f"  round {rnd} {tool}: {wall:.2f} s, {rss // 1024} MiB, load {load:.1f}", file=sys.stderr)
    result = {"name": name, "markdown": markdown_bytes(os.path.join(root, "leerrecht")), "tools": {}}
    for tool in tools:
        out = os.path.join(out_dir, f"{name}-{tool.replace('+', '-')}")
        result["tools"][tool] = {"samples": samples[tool], "output": folder_bytes(out),
                                 "index": index_bytes(tool, out), "disk": folder_disk(out),
                                 "index_disk": index_bytes(tool, out, folder_disk, file_disk)}
    with open(out_json, "w") as f:
        json.dump(result, f, indent=1)


def human(b):
    return f"{b / 1e6:.1f} MB" if b >= 1e6 else f"{b / 1e3:.1f} kB"


def table(paths):
    print("| set | tool | wall, median (min–max) | CPU | peak RSS | ÷ Hugo: time | output | index | index ÷ Markdown | load avg (median, min–max) |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for path in paths:
        with open(path) as f:
            r = json.load(f)
        hugo = r["tools"].get("hugo", {}).get("samples")
        hugo_wall = statistics.median(s["wall"] for s in hugo) if hugo else None
        for tool, t in r["tools"].items():
            s = t["samples"]
            if not s:
                continue
            walls = [x["wall"] for x in s]
            loads = [x["load"] for x in s]
            wall = statistics.median(walls)
            ratio = f"{wall / hugo_wall:.2f}" if hugo_wall else "–"
            index = human(t["index"]) if t["index"] else "none"
            share = f"{t['index'] / r['markdown']:.2f}×" if t["index"] else "–"
            print(f"| {r['name']} | {tool} | {wall:.2f} s ({min(walls):.2f}–{max(walls):.2f}) | "
                  f"{statistics.median(x['cpu'] for x in s):.2f} s | "
                  f"{statistics.median(x['rss'] for x in s) / 1024:.0f} MiB | {ratio} | {human(t['output'])} | "
                  f"{index} | {share} | {statistics.median(loads):.1f} ({min(loads):.1f}–{max(loads):.1f}) |")
    # Issue 16: output at most 1.2× Hugo's (no index) plus leerrecht's index, in file bytes and on disk.
    print()
    for path in paths:
        with open(path) as f:
            r = json.load(f)
        ours, hugo = r["tools"].get("leerrecht"), r["tools"].get("hugo")
        if not ours or not hugo:
            continue
        line = f"- {r['name']}: output ÷ (Hugo + index) in file bytes {ours['output'] / (hugo['output'] + ours['index']):.2f}×"
        if "disk" in ours and "disk" in hugo:
            line += (f", on disk (`du`) {ours['disk'] / (hugo['disk'] + ours['index_disk']):.2f}× "
                     f"({human(ours['disk'])} ÷ ({human(hugo['disk'])} + {human(ours['index_disk'])}))")
        print(line)


def main(argv):
    if len(argv) >= 4 and argv[0] == "prepare":
        prepare(argv[1], int(argv[2]), argv[3])
    elif len(argv) == 7 and argv[0] == "run":
        run(argv[1], int(argv[2]), argv[3], argv[4], argv[5], argv[6])
    elif argv and argv[0] == "table":
        table(argv[1:])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
