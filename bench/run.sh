#!/usr/bin/env bash
# Benchmarks `preflight check` on examples/, one small file, and generated corpora of 1,000 and 10,000 files.
# Usage: bash bench/run.sh        (from anywhere; results in bench/out/results.md)
set -euo pipefail

start=$SECONDS
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out=bench/out
mkdir -p "$out"

log() { printf '\n==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# --- tools ------------------------------------------------------------------------------------------------
apt_updated=0
apt_install() {
    local pkg=$1 sudo=""
    [[ $(id -u) -eq 0 ]] || sudo=sudo
    if [[ $apt_updated -eq 0 ]]; then
        $sudo apt-get update -qq
        apt_updated=1
    fi
    $sudo apt-get install -y -qq "$pkg" >/dev/null
}
if ! command -v hyperfine >/dev/null; then
    log "installing hyperfine"
    apt_install hyperfine
fi
if [[ ! -x /usr/bin/time ]]; then
    log "installing time"
    apt_install time
fi

# --- build and corpora ------------------------------------------------------------------------------------
log "building target/release/preflight"
cargo build --release --quiet
# Measure a copy: another build may replace target/release/preflight while this runs.
cp target/release/preflight "$out/preflight"
bin=$out/preflight

log "generating corpora"
python3 bench/gen_corpus.py --files 1000 --out "$out/corpus-1000"
python3 bench/gen_corpus.py --files 10000 --out "$out/corpus-10000"
python3 bench/gen_corpus.py --templates 1000 --out "$out/templates-1000"

# The pre-commit case: the smallest resource file of the 1,000-file corpus (preflight still reads its
# directory's other .tf files to resolve variables and companions, but reports only on this one).
single=$(python3 - "$out/corpus-1000" <<'EOF'
import os, sys
best = None
for d, _, files in os.walk(sys.argv[1]):
    for f in files:
        if f.endswith(".tf") and f not in ("variables.tf", "main.tf"):
            p = os.path.join(d, f)
            with open(p) as fh:
                key = (sum(1 for _ in fh), p)
            best = min(best, key) if best else key
print(best[1])
EOF
)

# --- cases ------------------------------------------------------------------------------------------------
names=() paths=() runs=()
if [[ -d examples ]]; then
    names+=("examples/") paths+=("examples") runs+=(10)
else
    log "examples/ does not exist: skipping that case"
fi
names+=("single file") paths+=("$single") runs+=(10)
names+=("1,000 files") paths+=("$out/corpus-1000") runs+=(10)
names+=("10,000 files") paths+=("$out/corpus-10000") runs+=(5)
names+=("1,000 CloudFormation templates") paths+=("$out/templates-1000") runs+=(10)

# Timings are meaningless while something else (a cargo build, say) is using the CPU: before each case, wait
# up to QUIET_WAIT seconds (default 300) for the machine to be idle, and note it in the results if it never is.
busy_pct() {
    local a b
    a=($(head -1 /proc/stat)); sleep 1; b=($(head -1 /proc/stat))
    local total=0 idle=$(( (b[4] + b[5]) - (a[4] + a[5]) )) k
    for k in 1 2 3 4 5 6 7 8; do total=$(( total + b[k] - a[k] )); done
    echo $(( total > 0 ? 100 * (total - idle) / total : 0 ))
}
notes=()
wait_quiet() {
    local waited=0 busy
    while busy=$(busy_pct); (( busy > 15 )); do
        if (( waited >= ${QUIET_WAIT:-300} )); then
            notes+=("- $1 was measured while the machine was ${busy}% busy with other work.")
            log "still ${busy}% busy after ${waited} s; measuring anyway"
            return
        fi
        (( waited % 30 == 0 )) && log "machine ${busy}% busy with other work; waiting for it to settle"
        waited=$(( waited + 1 ))
    done
}

# Runs preflight; exit code 1 (findings) is success here, anything else is not.
run_preflight() {
    local rc=0
    "$@" || rc=$?
    [[ $rc -eq 0 || $rc -eq 1 ]] || die "'$*' exited with $rc"
}

rows=() cpu_lines=()
for i in "${!names[@]}"; do
    name=${names[$i]} path=${paths[$i]} n=${runs[$i]}
    slug=$(tr -c 'a-z0-9\n' '-' <<<"${name,,}" | tr -s '-' | sed 's/-$//')
    log "$name: $path"

    # Correctness first: no scan errors, and the number of files reported.
    run_preflight "$bin" check "$path" --format json >"$out/$slug.scan.json"
    read -r files errors findings < <(python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
print(s["files"], s["errors"], s["findings"])' "$out/$slug.scan.json")
    [[ $errors -eq 0 ]] || die "$name: $errors scan errors (see $out/$slug.scan.json)"
    echo "files: $files, findings: $findings, errors: $errors" >&2

    wait_quiet "$name"

    # Wall time. -N runs the command without a shell, so even the small cases measure preflight alone.
    hyperfine -N -i --warmup 2 --runs "$n" --style basic \
        --export-json "$out/$slug.hyperfine.json" \
        -n "$name" "$bin check $path" >&2
    median=$(python3 -c '
import json, sys
t = json.load(open(sys.argv[1]))["results"][0]["median"]
print(f"{t * 1000:.1f} ms" if t < 1 else f"{t:.2f} s")' "$out/$slug.hyperfine.json")

    # Peak memory (max RSS, KB) and CPU utilization ((user+sys)/wall, %): the largest RSS and the median CPU
    # of three runs.
    : >"$out/$slug.time.txt"
    for _ in 1 2 3; do
        run_preflight /usr/bin/time -a -o "$out/$slug.time.txt" -f '%M %P' "$bin" check "$path" >/dev/null
    done
    read -r rss_mb cpu < <(python3 -c '
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip() and l.split()[0].isdigit()]
rss = max(int(r[0]) for r in rows) / 1024
cpu = sorted(int(r[1].rstrip("%")) for r in rows)[len(rows) // 2]
print(f"{rss:.1f}", cpu)' "$out/$slug.time.txt")

    rows+=("| $name | $files | $median | $rss_mb MB |")
    if [[ $name == "1,000 files" || $name == "10,000 files" ]]; then
        cpu_lines+=("- $name: ${cpu}% (user+sys / wall; $(nproc) cores = $(( $(nproc) * 100 ))%)")
    fi
done

# --- report -----------------------------------------------------------------------------------------------
{
    echo "## preflight benchmark"
    echo
    echo "$(date -u +%Y-%m-%d), $(uname -m), $(nproc) cores, preflight $("$bin" --version | awk '{print $2}')," \
        "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo
    echo "| case | files | median wall time | peak RSS |"
    echo "|---|---:|---:|---:|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "CPU utilization:"
    echo
    printf '%s\n' "${cpu_lines[@]}"
    if (( ${#notes[@]} )); then
        echo
        printf '%s\n' "${notes[@]}"
    fi
} >"$out/results.md"

echo
cat "$out/results.md"
echo
echo "Written to $out/results.md; raw data in $out/*.hyperfine.json. Took $((SECONDS - start)) s."
