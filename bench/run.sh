#!/usr/bin/env bash
# Benchmark a full `leerrecht build` on synthetic corpora of 100, 1 000 and 10 000 pages.
#
#   bash bench/run.sh [path-to-binary]        (default: target/release/leerrecht)
#
# Environment:
#   SIZES="100 1000 10000"   which corpus sizes to measure
#   RUNS_100=10 RUNS_1000=5 RUNS_10000=3   hyperfine runs per size (after 1 warm-up run)
#
# Needs python3, hyperfine (Debian: apt-get install hyperfine) and GNU time
# (Debian: apt-get install time, for /usr/bin/time -v). Corpora go to bench/corpus/N, output
# to bench/out/N, hyperfine's JSON to bench/out/N.json; all of it is gitignored.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
bin="${1:-$repo/target/release/leerrecht}"
sizes="${SIZES:-100 1000 10000}"

missing=0
if [[ ! -x "$bin" ]]; then
    echo "binary not found: $bin (build it with: cargo build --release)" >&2
    missing=1
fi
if ! command -v hyperfine >/dev/null; then
    echo "hyperfine is missing: install it with  apt-get install hyperfine" >&2
    missing=1
fi
if [[ ! -x /usr/bin/time ]]; then
    echo "/usr/bin/time (GNU time) is missing: install it with  apt-get install time" >&2
    missing=1
fi
if ! command -v python3 >/dev/null; then
    echo "python3 is missing: install it with  apt-get install python3" >&2
    missing=1
fi
(( missing == 0 )) || exit 1

bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
mkdir -p "$here/corpus" "$here/out"
gen_hash="$(sha256sum "$here/gen-corpus.py" | cut -d' ' -f1)"

runs_for() {
    case "$1" in
        100) echo "${RUNS_100:-10}" ;;
        1000) echo "${RUNS_1000:-5}" ;;
        10000) echo "${RUNS_10000:-3}" ;;
        *) echo 3 ;;
    esac
}

human() { # bytes -> "1.2 MB" (decimal units, like the build's summary line)
    python3 -c 'import sys
b = int(sys.argv[1])
for unit in ["B", "kB", "MB", "GB"]:
    if b < 1000 or unit == "GB":
        print(f"{b:.0f} {unit}" if unit == "B" else f"{b:.1f} {unit}")
        break
    b /= 1000' "$1"
}

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
echo "binary:  $bin ($("$bin" --version))"
echo

rows=()
for n in $sizes; do
    corpus="$here/corpus/$n"
    out="$here/out/$n"
    if [[ ! -f "$corpus/.gen-hash" || "$(cat "$corpus/.gen-hash")" != "$gen_hash" ]]; then
        echo "== generating corpus of $n pages"
        rm -rf "$corpus"
        python3 "$here/gen-corpus.py" "$n" "$corpus"
        echo "$gen_hash" >"$corpus/.gen-hash"
    fi
    text_bytes="$(find "$corpus/content" -name '*.md' -printf '%s\n' | awk '{s+=$1} END {print s}')"

    echo "== checking that the corpus builds ($n pages)"
    "$bin" build --root "$corpus" --out "$out"

    runs="$(runs_for "$n")"
    echo "== hyperfine, $runs runs"
    hyperfine --warmup 1 --runs "$runs" --export-json "$here/out/$n.json" \
        --command-name "build $n" "'$bin' build --root '$corpus' --out '$out'" \
        --command-name "check $n" "'$bin' check --root '$corpus'"

    echo "== peak memory (/usr/bin/time -v)"
    /usr/bin/time -v "$bin" build --root "$corpus" --out "$out" 2>"$here/out/$n.time" >/dev/null
    rss_kb="$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$here/out/$n.time")"

    index_bytes="$(stat -c %s "$out/search-index.js")"
    out_bytes="$(find "$out" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')"
    read -r median check_median <<<"$(python3 -c 'import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
print(r["build " + sys.argv[2]]["median"], r["check " + sys.argv[2]]["median"])' "$here/out/$n.json" "$n")"

    rows+=("$(python3 -c 'import sys
n, med, chk, rss, idx, text, outb = sys.argv[1:8]
n, med, chk = int(n), float(med), float(chk)
print(f"| {n:,} ".replace(",", " ") + f"| {med:.2f} s | {n / med:,.0f} ".replace(",", " ")
      + f"| {chk:.2f} s | {int(rss) / 1024:.0f} MiB | {sys.argv[8]} | {sys.argv[9]} "
      + f"| {int(idx) / int(text):.2f}× | {sys.argv[10]} |")' \
        "$n" "$median" "$check_median" "$rss_kb" "$index_bytes" "$text_bytes" "$out_bytes" \
        "$(human "$index_bytes")" "$(human "$text_bytes")" "$(human "$out_bytes")")")
    echo
done

echo "| pages (N) | build, median | pages/s | check, median | peak RSS | search-index.js | Markdown text | index ÷ text | total output |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
