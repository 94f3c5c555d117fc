#!/usr/bin/env bash
# Times preflight and Checkov side by side on the same inputs: one small file (the pre-commit case),
# examples/, and a generated 1,000-file corpus. Wall time from hyperfine, peak RSS from GNU time.
# Usage: bash bench/compare.sh        (from anywhere; results in bench/out/compare.md)
#
# Environment:
#   CHECKOV_VERSION   Checkov to install into bench/out/checkov-venv (default 3.3.30)
#   PREFLIGHT_RUNS    hyperfine runs for preflight (default 10, after 2 warm-ups)
#   CHECKOV_RUNS      hyperfine runs for Checkov (default 3, after 1 warm-up)
#   QUIET_WAIT        seconds to wait for the machine to go idle before each case (default 120)
set -euo pipefail

start=$SECONDS
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out=bench/out
work=$out/compare
mkdir -p "$work"

CHECKOV_VERSION=${CHECKOV_VERSION:-3.3.30}
PREFLIGHT_RUNS=${PREFLIGHT_RUNS:-10}
CHECKOV_RUNS=${CHECKOV_RUNS:-3}

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
command -v hyperfine >/dev/null || { log "installing hyperfine"; apt_install hyperfine; }
[[ -x /usr/bin/time ]] || { log "installing time"; apt_install time; }

venv=$out/checkov-venv
checkov=$venv/bin/checkov
if [[ ! -x $checkov ]] || [[ $("$checkov" --version 2>/dev/null) != "$CHECKOV_VERSION" ]]; then
    log "installing checkov==$CHECKOV_VERSION into $venv"
    [[ -x $venv/bin/pip ]] || python3 -m venv "$venv"
    "$venv/bin/pip" install -q "checkov==$CHECKOV_VERSION"
fi
# Offline: no platform mapping download, no SCA package scan, no API key, no module download.
export BC_SKIP_MAPPING=TRUE CHECKOV_RUN_SCA_PACKAGE_SCAN_V2=false LOG_LEVEL=ERROR
unset BC_API_KEY || true
checkov_version=$("$checkov" --version)

log "building target/release/preflight"
cargo build --release --quiet
# Measure a copy: another build may replace target/release/preflight while this runs.
cp target/release/preflight "$work/preflight"
preflight=$work/preflight
preflight_version=$("$preflight" --version | awk '{print $2}')

# --- inputs -----------------------------------------------------------------------------------------------
# Own corpus directory (run.sh regenerates bench/out/corpus-1000 from scratch when it runs).
corpus=$work/corpus-1000
if [[ $(find "$corpus" -name '*.tf' 2>/dev/null | wc -l) -ne 1000 ]]; then
    log "generating $corpus"
    python3 bench/gen_corpus.py --files 1000 --out "$corpus"
else
    log "reusing $corpus"
fi

# The pre-commit case: the smallest resource file of the corpus, passed by path. preflight still reads the
# other .tf files of its directory (to resolve variables and companions) and reports on this file only;
# Checkov's pre-commit hook passes files with -f, and then reads only that file.
single=$(python3 - "$corpus" <<'EOF'
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

names=() pf_cmds=() ck_cmds=()
ck_flags="--framework terraform -o json --quiet --skip-download --download-external-modules false"
names+=("one file (pre-commit)")
pf_cmds+=("$preflight check $single --format json")
ck_cmds+=("$checkov -f $single $ck_flags")
if [[ -d examples ]]; then
    names+=("examples/")
    pf_cmds+=("$preflight check examples --format json")
    ck_cmds+=("$checkov -d examples $ck_flags")
else
    log "examples/ does not exist: skipping that case"
fi
names+=("1,000-file corpus")
pf_cmds+=("$preflight check $corpus --format json")
ck_cmds+=("$checkov -d $corpus $ck_flags")

# --- helpers ----------------------------------------------------------------------------------------------
busy_pct() {
    local a b
    a=($(head -1 /proc/stat)); sleep 1; b=($(head -1 /proc/stat))
    local total=0 idle=$(( (b[4] + b[5]) - (a[4] + a[5]) )) k
    for k in 1 2 3 4 5 6 7 8; do total=$(( total + b[k] - a[k] )); done
    echo $(( total > 0 ? 100 * (total - idle) / total : 0 ))
}
# Waits up to QUIET_WAIT seconds for the machine to be idle; prints the busy % it settled at.
wait_quiet() {
    local waited=0 busy
    while busy=$(busy_pct); (( busy > 15 )); do
        if (( waited >= ${QUIET_WAIT:-120} )); then
            log "still ${busy}% busy after ${waited} s; measuring anyway"
            break
        fi
        (( waited % 30 == 0 )) && log "machine ${busy}% busy with other work; waiting for it to settle"
        waited=$(( waited + 1 ))
    done
    echo "$busy"
}
loadavg() { cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/'; }

# Runs a scanner once; exit code 1 (findings) is success, anything else stops the script.
run_ok() {
    local rc=0
    "$@" || rc=$?
    [[ $rc -eq 0 || $rc -eq 1 ]] || die "'$*' exited with $rc"
}

median() { # hyperfine JSON -> the raw seconds, then "12.3 ms" / "4.56 s"
    python3 -c '
import json, sys
t = json.load(open(sys.argv[1]))["results"][0]["median"]
print(t, f"{t * 1000:.1f} ms" if t < 1 else f"{t:.2f} s")' "$1"
}
peak_mb() { # GNU time %M lines (KB) -> largest, in MB
    python3 -c '
import sys
v = [int(l.split()[0]) for l in open(sys.argv[1]) if l.strip() and l.split()[0].isdigit()]
print(f"{max(v) / 1024:.1f}")' "$1"
}

# --- measure ----------------------------------------------------------------------------------------------
rows=() notes=()
for i in "${!names[@]}"; do
    name=${names[$i]}
    slug=$(tr -c 'a-z0-9\n' '-' <<<"${name,,}" | tr -s '-' | sed 's/-$//; s/^-//')
    log "$name"
    read -r -a pf <<<"${pf_cmds[$i]}"
    read -r -a ck <<<"${ck_cmds[$i]}"

    # Correctness first: both scans work, and the number of files.
    run_ok "${pf[@]}" >"$work/$slug.preflight.json"
    run_ok "${ck[@]}" >"$work/$slug.checkov.json"
    read -r files pf_findings ck_failed < <(python3 - "$work/$slug.preflight.json" "$work/$slug.checkov.json" <<'EOF'
import json, sys
p = json.load(open(sys.argv[1]))
if p["summary"]["errors"]:
    sys.exit(f"preflight reported {p['summary']['errors']} errors in {sys.argv[1]}")
c = json.load(open(sys.argv[2]))
c = c if isinstance(c, list) else [c]
if any(r.get("summary", {}).get("parsing_errors", 0) for r in c):
    sys.exit(f"checkov reported parsing errors in {sys.argv[2]}")
failed = sum(len(r.get("results", {}).get("failed_checks", [])) for r in c)
print(p["summary"]["files"], p["summary"]["findings"], failed)
EOF
)
    echo "files: $files; preflight findings: $pf_findings; checkov failed checks: $ck_failed" >&2

    busy=$(wait_quiet)
    load_before=$(loadavg)

    hyperfine -N -i --warmup 2 --runs "$PREFLIGHT_RUNS" --style basic \
        --export-json "$work/$slug.preflight.hyperfine.json" -n "preflight: $name" "${pf_cmds[$i]}" >&2
    hyperfine -N -i --warmup 1 --runs "$CHECKOV_RUNS" --style basic \
        --export-json "$work/$slug.checkov.hyperfine.json" -n "checkov: $name" "${ck_cmds[$i]}" >&2

    : >"$work/$slug.preflight.time.txt"
    for _ in 1 2 3; do
        run_ok /usr/bin/time -a -o "$work/$slug.preflight.time.txt" -f '%M %P' "${pf[@]}" >/dev/null
    done
    : >"$work/$slug.checkov.time.txt"
    for _ in 1 2; do
        run_ok /usr/bin/time -a -o "$work/$slug.checkov.time.txt" -f '%M %P' "${ck[@]}" >/dev/null
    done
    load_after=$(loadavg)

    read -r pf_s pf_med < <(median "$work/$slug.preflight.hyperfine.json")
    read -r ck_s ck_med < <(median "$work/$slug.checkov.hyperfine.json")
    ratio=$(python3 -c 'import sys; r = float(sys.argv[2]) / float(sys.argv[1]); print(f"{r:,.0f}×" if r >= 10 else f"{r:.1f}×")' "$pf_s" "$ck_s")
    rows+=("| $name | $(python3 -c 'import sys; print(f"{int(sys.argv[1]):,}")' "$files") | $pf_med | $ck_med | $ratio | $(peak_mb "$work/$slug.preflight.time.txt") | $(peak_mb "$work/$slug.checkov.time.txt") |")
    note="- $name: load average $load_before before, $load_after after (1/5/15 min; the scans themselves add"
    note+=" about 1); CPU ${busy}% busy with other work when started. preflight: $pf_findings findings; Checkov:"
    note+=" $ck_failed failed checks (all of its checks, not only the mapped ones)"
    notes+=("$note")
done

# --- report -----------------------------------------------------------------------------------------------
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || true)
{
    echo "## preflight vs Checkov"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(uname -m), $(nproc) cores${cpu:+ ($cpu)};" \
        "preflight $preflight_version (commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)), Checkov $checkov_version"
    echo
    echo "| case | files | preflight median | checkov median | ratio (checkov/preflight) | preflight peak MB | checkov peak MB |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "Median wall time of whole-process runs (hyperfine: preflight $PREFLIGHT_RUNS runs after 2 warm-ups," \
        "Checkov $CHECKOV_RUNS runs after 1 warm-up), JSON output to /dev/null; peak RSS is the largest maximum" \
        "resident set size (GNU time) over 3 preflight and 2 Checkov runs. Checkov runs offline:" \
        "\`$ck_flags\`, BC_SKIP_MAPPING=TRUE, CHECKOV_RUN_SCA_PACKAGE_SCAN_V2=false."
    echo
    echo "Load while measuring:"
    echo
    printf '%s\n' "${notes[@]}"
} >"$out/compare.md"

echo
cat "$out/compare.md"
echo
echo "Written to $out/compare.md; raw data in $work/. Took $((SECONDS - start)) s."
