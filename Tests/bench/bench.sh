#!/usr/bin/env bash
# The clinicctl benchmark (docs/benchmarks.md): every everyday command on the
# real clinic, a mid chain and a full chain, side by side with the git program
# doing the same write and a Foundation hello-world, in one run; then the
# tables are written into docs/benchmarks.md.
#
#   make bench                      # release build, then this script
#   make bench-smoke                # tiny workload, one run per cell: checks the harness, judges nothing
#   bash Tests/bench/bench.sh       # after `swift build -c release`
#
# Environment:
#   CLINICCTL           the binary (default: .build/release/clinicctl; the smoke run: .build/debug/clinicctl)
#   BENCH_SMOKE=1       the smoke variant (results in .build/bench/smoke.json, docs untouched)
#   BENCH_WORKLOADS     workloads to run (default: clinic mid full; smoke: smoke)
#   BENCH_RUNS          runs per cell, median reported (default 5; smoke 1)
#   BENCH_CELL_SECONDS  a cell stops after the run that takes it past this many seconds (default 15)
#   BENCH_TIMEOUT       seconds one run may take; it is then killed and shown as timed out (default 60)
#   BENCH_DOC           the page whose generated section is replaced (default docs/benchmarks.md; empty: none)
#
# The workloads are generated once and cached in .build/bench/ (keyed by the
# generator's version and parameters); `rm -rf .build/bench` makes them again.
# Needs python3 with pygit2 (installed with pip when missing) and git.

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
python=${PYTHON:-python3}
smoke=${BENCH_SMOKE:-0}
cache=$root/.build/bench

die() { echo "bench: $*" >&2; exit 1; }

if [[ $smoke == 1 ]]; then
    clinicctl=${CLINICCTL:-$root/.build/debug/clinicctl}
    results=$cache/smoke.json
    doc=
else
    clinicctl=${CLINICCTL:-$root/.build/release/clinicctl}
    results=$cache/results.json
    doc=${BENCH_DOC-$root/docs/benchmarks.md}
fi
[[ -x $clinicctl ]] || die "no clinicctl at $clinicctl (build it first, or set CLINICCTL)"
command -v git >/dev/null || die "needs git (the baseline and the packer)"
command -v "$python" >/dev/null || die "needs $python"
if ! "$python" -c 'import pygit2' 2>/dev/null; then
    echo "bench: installing pygit2 (the workloads are written through libgit2)"
    "$python" -m pip install --quiet pygit2 || die "could not install pygit2"
fi
mkdir -p "$cache"

# Measure a private copy, so that a rebuild during the run cannot swap the binary.
cp "$clinicctl" "$cache/clinicctl-measured"
binary=$cache/clinicctl-measured

# The start-up floor: Foundation's hello-world, built like clinicctl (release;
# with the Swift runtime linked statically when clinicctl is).
hello_flags=()
if ! ldd "$clinicctl" 2>/dev/null | grep -q libswiftCore; then hello_flags=(--static-swift-stdlib); fi
hello=$cache/hello/release/hello
hello_kind=$cache/hello/kind   # how the cached hello-world was linked
if [[ -x $hello && $hello -nt $here/hello/Sources/hello/main.swift && $hello -nt $here/hello/Package.swift \
    && "$(cat "$hello_kind" 2>/dev/null)" == "${hello_flags[*]:-dynamic}" ]]; then
    echo "bench: Tests/bench/hello already built"
else
    echo "bench: building Tests/bench/hello (release${hello_flags[*]:+, ${hello_flags[*]}})"
    rm -f "$hello"
    swift build -c release --package-path "$here/hello" --scratch-path "$cache/hello" "${hello_flags[@]}" 2>&1 \
        | grep -E "error|warning" || true
    echo "${hello_flags[*]:-dynamic}" > "$hello_kind"
fi
[[ -x $hello ]] || die "the hello-world did not build"

case $clinicctl in
*/release/*) build="release build" ;;
*/debug/*) build="debug build" ;;
*) build="binary $clinicctl" ;;
esac
((${#hello_flags[@]})) && build+=", Swift runtime linked statically"
export BENCH_BUILD=$build

started=$SECONDS
smoke_flag=()
[[ $smoke == 1 ]] && smoke_flag=(--smoke)
(cd "$here" && "$python" bench.py --clinicctl "$binary" --hello "$hello" --root "$root" --cache "$cache" \
    --json "$results" "${smoke_flag[@]}")
echo
if [[ -n $doc ]]; then
    "$python" "$here/report.py" "$results" --doc "$doc"
    echo "bench: wrote the tables into $doc"
else
    "$python" "$here/report.py" "$results"
fi
echo "bench: done in $((SECONDS - started)) s"
