#!/usr/bin/env bash
# The speed benchmark of issue 6, in one run:
#   builds  leerrecht, Hugo and mdBook building the same pages (the default handbook and the
#           synthetic corpora of 1 000 and 10 000 pages), interleaved: bench/compare.py
#   serve   rebuild latency of `leerrecht serve` after editing one page: bench/serve-latency.mjs
#   search  first keystroke to results in Chromium: bench/search-latency.mjs
#
#   bash bench/run.sh [path-to-binary]   (default: `cargo build --release`, then target/release/leerrecht)
#
# Environment:
#   SETS="handbook 1000 10000"   what to build: `handbook` is this checkout's handbook, copied to
#                                bench/corpus/handbook at the start of the run; a number N is a
#                                corpus of N pages (gen-corpus.py)
#   RUNS_handbook=10 RUNS_1000=5 RUNS_10000=3   rounds per set (after one warm-up round)
#   PARTS="builds serve search"  which parts to run; `peers` is issue 16's table (leerrecht, Hugo,
#                                Hugo + Pagefind, Zola, mdBook; mdBook at 10 000 pages only with
#                                MDBOOK_10000=1) on this checkout's handbook and both corpus shapes
#                                (bench/peers.py; PEER_SHAPES="handbook shared own", PEER_SIZES="1000 10000")
#                                and the share of the index a first query loads (search-bytes.mjs);
#                                add `profile` for a perf profile of one
#                                build of 1 000 pages, phase by phase (bench/perf-phases.py)
#   BUILD_OUT=DIR                where the three tools write their output (default bench/out;
#                                e.g. /dev/shm/bench to leave the disk out of the figures)
#   SKIP_LINKS=1                 do not check every link of every output (slow at 10 000 pages)
#
# Needs python3 (3.11+), GNU time (/usr/bin/time), Hugo (Debian package `hugo`), mdBook
# (crates.io, installed into bench/tools/mdbook), Node.js with playwright-core (npm ci) and
# Chromium (/usr/bin/chromium). When run as root it installs Hugo and GNU time with apt-get and
# mdBook with cargo, saying so first; otherwise it says what is missing and stops. Corpora go to
# bench/corpus/, outputs and JSON to bench/out/, mdBook to bench/tools/; all gitignored.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
bin="${1:-}"
sets="${SETS:-handbook 1000 10000}"
parts="${PARTS:-builds serve search}"
mdbook_version="${MDBOOK_VERSION:-0.5.4}"
mdbook="$here/tools/mdbook/bin/mdbook"
is_root=0
[[ "$(id -u)" == 0 ]] && is_root=1

want() { [[ " $parts " == *" $1 "* ]]; }

missing=0
need() { # need WHAT HOW-TO-GET-IT
    echo "missing: $1 — $2" >&2
    missing=1
}
apt_install() { # apt_install PACKAGE...: only as root, and said out loud
    echo "== installing with apt-get (root): $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null \
        || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null; }
}

if [[ -z "$bin" ]]; then
    # the default binary is built from this checkout first, so that it matches the source
    echo "== cargo build --release (the default binary must match the checkout's source)"
    (cd "$repo" && cargo build --release --quiet)
    bin="$repo/target/release/leerrecht"
fi
[[ -x "$bin" ]] || need "the leerrecht binary $bin" "build it with: cargo build --release"
command -v python3 >/dev/null || need python3 "apt-get install python3"
if [[ ! -x /usr/bin/time ]]; then
    if (( is_root )); then apt_install time; else need "GNU time (/usr/bin/time)" "apt-get install time"; fi
fi
# Hugo is in both the builds and the peers table (a peers run without it left Hugo's rows out).
if want builds || want peers; then
    if ! command -v hugo >/dev/null; then
        if (( is_root )); then apt_install hugo; else need hugo "apt-get install hugo (Debian's package)"; fi
    fi
fi
if want builds || want peers; then
    if [[ ! -x "$mdbook" ]]; then
        if command -v cargo >/dev/null; then
            echo "== installing mdBook $mdbook_version from crates.io into bench/tools/mdbook (takes about 5 minutes on 2 cores):"
            echo "   cargo install mdbook --version $mdbook_version --locked --root $here/tools/mdbook"
            cargo install mdbook --version "$mdbook_version" --locked --root "$here/tools/mdbook"
        else
            need mdbook "install Rust (cargo), then: cargo install mdbook --locked --root $here/tools/mdbook"
        fi
    fi
fi
if want serve || want search; then
    command -v node >/dev/null || need node "apt-get install nodejs npm"
    [[ -d "$repo/node_modules/playwright-core" ]] || need playwright-core "npm ci (in $repo)"
    [[ -x "${CHROMIUM:-/usr/bin/chromium}" ]] || need chromium "apt-get install chromium"
fi
(( missing == 0 )) || exit 1

bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
mkdir -p "$here/corpus" "$here/out"
gen_hash="$(cat "$here/gen-corpus.py" | sha256sum | cut -d' ' -f1)"
conv_hash="$(cat "$here/convert.py" | sha256sum | cut -d' ' -f1)"

runs_for() {
    local var="RUNS_$1"
    case "$1" in
        handbook) echo "${!var:-10}" ;;
        1000) echo "${!var:-5}" ;;
        10000) echo "${!var:-3}" ;;
        *) echo "${!var:-3}" ;;
    esac
}

corpus_for() { # the leerrecht site folder of a set, generated when missing or outdated
    local n="$1" corpus="$here/corpus/$1"
    if [[ "$n" == handbook ]]; then
        echo "$corpus"
        return
    fi
    if [[ ! -f "$corpus/.gen-hash" || "$(cat "$corpus/.gen-hash")" != "$gen_hash" ]]; then
        echo "== generating corpus of $n pages" >&2
        rm -rf "$corpus"
        python3 "$here/gen-corpus.py" "$n" "$corpus" >&2
        echo "$gen_hash" >"$corpus/.gen-hash"
    fi
    echo "$corpus"
}

# This checkout's handbook, copied once at the start of every run: other people edit the working
# tree while we measure, and all three tools must build the same pages in every round.
peers_handbook() { want peers && [[ " ${PEER_SHAPES:-handbook} " == *" handbook "* ]]; }
if [[ " $sets " == *" handbook "* ]] || want search || peers_handbook; then
    echo "== copying the handbook of $repo (site.toml, content, checklists, templates, static) to bench/corpus/handbook"
    rm -rf "$here/corpus/handbook"
    mkdir -p "$here/corpus/handbook"
    for p in site.toml content checklists templates static; do
        if [[ -e "$repo/$p" ]]; then cp -r "$repo/$p" "$here/corpus/handbook/"; fi
    done
    date +%s.%N >"$here/corpus/handbook/.snapshot"
fi

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem:/ {print $2}') GB RAM"
echo "commit:  $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" status --porcelain -- src templates static content checklists site.toml | grep -q . && echo ' (with uncommitted changes in the site or src)')"
echo "binary:  $bin ($("$bin" --version))"
if want builds; then
    echo "hugo:    $(hugo version | cut -d' ' -f1-2)"
    echo "mdbook:  $("$mdbook" --version)"
fi
echo

if want builds; then
    jsons=()
    for set in $sets; do
        site="$(corpus_for "$set")"
        hugo_site="$here/corpus/$set-hugo"
        mdbook_site="$here/corpus/$set-mdbook"
        stamp="$conv_hash $(cat "$site/.gen-hash" "$site/.snapshot" 2>/dev/null || true)"
        if [[ ! -f "$hugo_site/.conv-hash" || "$(cat "$hugo_site/.conv-hash")" != "$stamp" || ! -d "$mdbook_site" ]]; then
            echo "== converting $set for Hugo and mdBook"
            python3 "$here/convert.py" "$site" "$hugo_site" "$mdbook_site"
            echo "$stamp" >"$hugo_site/.conv-hash"
        fi
        runs="$(runs_for "$set")"
        echo "== $set: 1 warm-up round and $runs rounds of leerrecht build, leerrecht check, hugo, mdbook (rotating order)"
        python3 "$here/compare.py" run "$set" "$runs" "$here/out/compare-$set.json" \
            "$bin" "$site" "$(command -v hugo)" "$hugo_site" "$mdbook" "$mdbook_site" "${BUILD_OUT:-$here/out}"
        jsons+=("$here/out/compare-$set.json")
        echo
    done
    python3 "$here/compare.py" table "${jsons[@]}" | tee "$here/out/builds.md"
    echo
fi

if want serve; then
    site="$(corpus_for 1000)"
    echo "== serve: rebuild latency after editing one page of the 1 000-page corpus"
    (cd "$repo" && node "$here/serve-latency.mjs" "$bin" "$site") | tee "$here/out/serve.md"
    echo
    echo "== serve, the same with search = false in site.toml (what the search index costs)"
    (cd "$repo" && SEARCH=off node "$here/serve-latency.mjs" "$bin" "$site" 10) | tee "$here/out/serve-nosearch.md"
    echo
    echo "== serve, the same with the output on a tmpfs (/dev/shm: what writing to this disk costs)"
    (cd "$repo" && SERVE_OUT=/dev/shm/leerrecht-serve-out node "$here/serve-latency.mjs" "$bin" "$site" 10) | tee "$here/out/serve-tmpfs.md"
    echo
    echo "== serve, the same with the title edited (the section's pages list it, so they render again)"
    (cd "$repo" && EDIT=title node "$here/serve-latency.mjs" "$bin" "$site" 10) | tee "$here/out/serve-title.md"
    echo
fi

if want peers; then
    # Zola is in neither Debian nor the crate registry: a binary built from its source is in
    # ../shared/peers (see its README). Pagefind comes through npx (npm's own client).
    if [[ ! -x "$here/tools/zola" && -f "$repo/../shared/peers/zola-0.22.1-x86_64-linux-gnu.gz" ]]; then
        mkdir -p "$here/tools"
        gunzip -c "$repo/../shared/peers/zola-0.22.1-x86_64-linux-gnu.gz" >"$here/tools/zola"
        chmod +x "$here/tools/zola"
    fi
    peer_jsons=()
    for shape in ${PEER_SHAPES:-handbook shared own}; do
        sizes="${PEER_SIZES:-1000 10000}"
        # The handbook is one set, copied afresh each run (other people edit the working tree).
        [[ "$shape" == handbook ]] && sizes=handbook
        for n in $sizes; do
            name="$shape-$n"
            [[ "$shape" == handbook ]] && name=handbook
            dir="$here/corpus/peers-$name"
            if [[ ! -d "$dir/leerrecht" || "$shape" == handbook ]]; then
                echo "== preparing the $name set for every tool"
                python3 "$here/peers.py" prepare "$shape" "${n//handbook/0}" "$dir"
            fi
            echo "== peers, $name: $(runs_for "$n") rounds after a warm-up, rotating order; load average $(cut -d' ' -f1-3 /proc/loadavg)"
            python3 "$here/peers.py" run "$name" "$(runs_for "$n")" "$here/out/peers-$name.json" \
                "$bin" "$dir" "${BUILD_OUT:-$here/out}"
            peer_jsons+=("$here/out/peers-$name.json")
            (cd "$repo" && node "$here/search-bytes.mjs" "${BUILD_OUT:-$here/out}/$name-leerrecht") | tee "$here/out/search-bytes-$name.md"
        done
    done
    python3 "$here/peers.py" table "${peer_jsons[@]}" | tee "$here/out/peers.md"
    echo
fi

if want profile; then
    if command -v perf >/dev/null; then
        site="$(corpus_for 1000)"
        echo "== perf profile of one build of 1 000 pages (the previous output is replaced, as in serve)"
        "$bin" build --root "$site" --out "$here/out/prof-1000" >/dev/null
        perf record -q -F 997 --call-graph dwarf,16384 -o "$here/out/build.perf" \
            "$bin" build --root "$site" --out "$here/out/prof-1000"
        perf script -i "$here/out/build.perf" -F tid,time,ip,sym 2>/dev/null >"$here/out/build.stacks"
        python3 "$here/perf-phases.py" "$here/out/build.stacks" 997 | tee "$here/out/profile.md"
        echo
    else
        echo "perf is missing (Debian: apt-get install linux-perf); skipping the profile" >&2
    fi
fi

if want search; then
    site="$(corpus_for 1000)"
    echo "== search: first keystroke to results in Chromium"
    "$bin" build --root "$(corpus_for handbook)" --out "$here/out/search-handbook" >/dev/null
    "$bin" build --root "$site" --out "$here/out/search-1000" >/dev/null
    (cd "$repo" && node "$here/search-latency.mjs" "handbook=$here/out/search-handbook" "1000=$here/out/search-1000") \
        | tee "$here/out/search.md"
fi
