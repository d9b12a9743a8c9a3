#!/usr/bin/env bash
# How clinicctl scales with the size of the content: median wall and CPU time
# of the everyday commands at several FAQ sizes, each size's ratio to the
# smallest and the marginal cost per entry, all measured side by side in one
# run. See docs/benchmarks.md.
#
#   make bench                       # release build, then this script
#   bash Tests/bench/bench.sh        # after `swift build -c release`
#
# Environment:
#   CLINICCTL      the binary (default: .build/release/clinicctl)
#   BENCH_SIZES    FAQ entry counts, space- or comma-separated (default: 10 1000 2000;
#                  5000 would take over 20 minutes with 5 runs: see docs/benchmarks.md)
#   BENCH_RUNS     timed runs per command and size; the median is reported (default: 5)
#   BENCH_TIMEOUT  seconds one command may take before it counts as failed (default: 120)
#   BENCH_KEEP     1 keeps the scratch folder (its path is printed) instead of removing it
#
# Exits non-zero, showing the command and its stderr, when any command fails.
# Python 3 (standard library only) makes the content and prints the table.

set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

clinicctl=${CLINICCTL:-$root/.build/release/clinicctl}
sizes=${BENCH_SIZES:-10 1000 2000}
sizes=${sizes//,/ }
runs=${BENCH_RUNS:-5}
timeout_s=${BENCH_TIMEOUT:-120}
python=${PYTHON:-python3}

reviewer="Rita <rita@example.com>"
author="Olivia <o@example.com>"

die() { echo "bench: $*" >&2; exit 1; }

[[ -x $clinicctl ]] || die "no clinicctl at $clinicctl (run \`swift build -c release\`, or set CLINICCTL)"
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive whole number, not '$runs'"
for n in $sizes; do [[ $n =~ ^[1-9][0-9]*$ ]] || die "BENCH_SIZES: '$n' is not a positive whole number"; done
[[ -n ${sizes// /} ]] || die "BENCH_SIZES is empty"
sizes=$(printf '%s\n' $sizes | sort -nu | tr '\n' ' ')   # ascending, once each
sizes=${sizes% }
command -v "$python" >/dev/null || die "needs $python"
[[ -d $root/content/faq ]] || die "no content/ at $root"
clinicctl=$(cd "$(dirname "$clinicctl")" && pwd)/$(basename "$clinicctl")

work=$(mktemp -d "${TMPDIR:-/tmp}/clinicctl-bench.XXXXXX")
cleanup() {
    if [[ ${BENCH_KEEP:-0} == 1 ]]; then echo "bench: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Measure a private copy, so that a rebuild during the run cannot swap the binary.
cp "$clinicctl" "$work/clinicctl" || die "could not copy $clinicctl"
binary_path=$clinicctl
clinicctl=$work/clinicctl

results=$work/results.tsv   # op <TAB> size <TAB> run <TAB> wall ns <TAB> CPU ns
: > "$results"

# Wall-clock now in nanoseconds, without forking (bash 5's EPOCHREALTIME).
now_ns() {
    if [[ -n ${EPOCHREALTIME:-} ]]; then
        local t=${EPOCHREALTIME/[.,]/}
        echo "${t}000"
    else
        date +%s%N
    fi
}

# run_cmd DIR LOGNAME -- COMMAND...: runs COMMAND in DIR through runner.py
# (stdout and stderr to $work/LOGNAME.out/.err); on failure prints them and
# exits. Sets WALL_NS and CPU_NS.
run_cmd() {
    local dir=$1 log=$2; shift 3
    local measured rc
    measured=$("$python" "$here/runner.py" "$timeout_s" "$dir" "$work/$log.out" "$work/$log.err" -- "$@")
    rc=$?
    if ((rc != 0)); then
        {
            echo "bench: FAILED (exit $rc$( ((rc == 124)) && echo ", timed out after ${timeout_s}s")) in $dir:"
            printf '  '; printf '%q ' "$@"; echo
            echo "--- stderr:"; cat "$work/$log.err"
            echo "--- stdout (last 20 lines):"; tail -n 20 "$work/$log.out"
        } >&2
        exit 1
    fi
    read -r WALL_NS CPU_NS <<< "$measured"
}

# timed OP SIZE RUN DIR -- COMMAND...: run_cmd, and record the times.
timed() {
    local op=$1 size=$2 run=$3 dir=$4; shift 5
    run_cmd "$dir" "last" -- "$@"
    printf '%s\t%s\t%s\t%s\t%s\n' "$op" "$size" "$run" "$WALL_NS" "$CPU_NS" >> "$results"
}

# fact NAME SIZE VALUE: a number about a size, for the report.
fact() { printf '#%s\t%s\t0\t%s\t0\n' "$1" "$2" "$3" >> "$results"; }

# json_field FILE KEY: a top-level string field of a JSON object.
json_field() {
    "$python" -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"
}

# What this binary offers.
version=$("$clinicctl" --version 2>&1) || die "clinicctl --version failed: $version"
approve_flags=()
if "$clinicctl" review approve --help 2>&1 | grep -q -- '--no-publish'; then
    approve_flags=(--no-publish)
fi
has_export=0
if "$clinicctl" export --help 2>/dev/null | grep -q 'USAGE: clinicctl export'; then
    has_export=1
fi

cores=$(nproc 2>/dev/null || echo "?")
bench_started=$(now_ns)
echo "bench: clinicctl $version ($binary_path)"
echo "bench: $(uname -sm), $cores core(s), $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "bench: FAQ sizes: $sizes; $runs timed run(s) per command, median reported"
echo "bench: review approve ${approve_flags[*]:-(no --no-publish flag: approving also runs the publish step)}"
((has_export)) || echo "bench: this clinicctl has no export command; not timed"
echo

export CLINICCTL_AUTHOR=$author
# Keep the user's Git configuration out of the measurements.
export GIT_CONFIG_NOSYSTEM=1 HOME=$work/home
mkdir -p "$HOME"

# 1. One repository per size (untimed but reported), and for each size one
#    open draft per run for approve to consume. Each of those gets its own
#    position so that approving them one after another stays warning-free.
declare -A approve_drafts show_draft
for n in $sizes; do
    t0=$(now_ns)
    content=$work/content-$n
    repo=$work/repo-$n
    "$python" "$here/gen_content.py" "$root/content" "$content" "$n" || die "could not generate $n FAQ entries"
    run_cmd "$work" "init-$n" -- "$clinicctl" init "$repo" --from "$content" \
        --reviewer "$reviewer" --as "Bench <bench@example.com>"
    printf '%s\t%s\t%s\t%s\t%s\n' "init (once)" "$n" 1 "$WALL_NS" "$CPU_NS" >> "$results"
    fact faq-bytes "$n" "$(cat "$content"/faq/*.md | wc -c)"
    rm -rf "$content"
    for ((r = 1; r <= runs; r++)); do
        run_cmd "$repo" "prep" -- "$clinicctl" faq add --question "Approve $r?" --answer "A." \
            --position $((100000000 + r)) --json
        approve_drafts[$n,$r]=$(json_field "$work/prep.out" draft) \
            || die "faq add --json printed no draft id: $(cat "$work/prep.out")"
    done
    echo "bench: $n entries ready in $(( ($(now_ns) - t0) / 1000000 )) ms (init, $runs drafts to approve)"
done

# 2. The timed commands. Sizes are interleaved within each run (run 1 at every
#    size, then run 2, ...), so that a burst of other work on the machine
#    slows every size alike instead of one size's whole series.
for op in validate validate-tree list export add show approve; do
    ((has_export)) || [[ $op != export ]] || continue
    t0=$(now_ns)
    for ((r = 1; r <= runs; r++)); do
        for n in $sizes; do
            repo=$work/repo-$n
            case $op in
            validate) timed "validate --rev main" "$n" "$r" "$repo" -- "$clinicctl" validate --rev main ;;
            # The same check reading the checked-out files instead of Git objects.
            validate-tree) timed "validate (work tree)" "$n" "$r" "$repo" -- "$clinicctl" validate ;;
            list) timed "faq list --json" "$n" "$r" "$repo" -- "$clinicctl" faq list --json ;;
            export) timed "export --out DIR" "$n" "$r" "$repo" -- "$clinicctl" export --out "$work/export-$n" ;;
            add)
                # Each run opens a fresh draft with one edit.
                timed "faq add (new draft)" "$n" "$r" "$repo" -- "$clinicctl" faq add --question "Q$r?" --answer "A." --json
                [[ -n ${show_draft[$n]:-} ]] || show_draft[$n]=$(json_field "$work/last.out" draft) \
                    || die "faq add --json printed no draft id: $(cat "$work/last.out")"
                ;;
            show) timed "review show (1 edit)" "$n" "$r" "$repo" -- "$clinicctl" review show "${show_draft[$n]}" ;;
            approve)
                timed "review approve" "$n" "$r" "$repo" -- "$clinicctl" review approve "${approve_drafts[$n,$r]}" \
                    --as "$reviewer" "${approve_flags[@]}"
                ;;
            esac
        done
    done
    echo "bench: $op timed in $(( ($(now_ns) - t0) / 1000000 )) ms"
done

# 3. The approvals must have left a valid published branch behind.
for n in $sizes; do
    run_cmd "$work/repo-$n" "check" -- "$clinicctl" validate --rev main
    fact git-kib "$n" "$(du -sk "$work/repo-$n/.git" | cut -f1)"
done

echo
"$python" "$here/report.py" "$results" || die "could not print the table"
echo
echo "bench: total $(( ($(now_ns) - bench_started) / 1000000000 )) s"
echo "bench: done"
