#!/usr/bin/env python3
"""The clinicctl benchmark: every everyday command on each workload, side by
side with the git program doing the same write and a Foundation hello-world,
all in one run. Run through Tests/bench/bench.sh (`make bench`), which builds
what it needs; see docs/benchmarks.md.

    python3 bench.py --clinicctl BIN --hello BIN --root ROOT --cache DIR --json OUT [--smoke]

Each cell is measured as whole-process runs (wall, CPU and peak RSS from
wait4's rusage). A command that writes runs in a fresh copy of the workload
each time, with the cache one `validate --rev main` filled; one that only
reads runs in one shared copy, after that `validate --rev main` (a cold
`validate` removes `<git dir>/clinicctl/cache` before each run).
"""

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

import content_gen
import measure
import workloads

AUTHOR = "Olivia <o@example.com>"
REVIEWER = "Rita <rita@example.com>"
NEW_QUESTION = "How early should I arrive for my first visit?"
NEW_ID = "how-early-should-i-arrive-for-my-first-visit"
EDITED_ENTRY = "what-is-dry-needling"
NEW_ANSWER = "Please arrive fifteen minutes early, so the therapist can start on time."
HOURS = ("the-loop", "mon-thu", "08:00-18:00")
HOURS_FILE = ("location: the-loop\nweekly:\n  - days: [mon, tue, wed, thu]\n    opens: \"08:00\"\n"
              "    closes: \"18:00\"\n  - days: [fri]\n    opens: \"07:00\"\n    closes: \"15:00\"\n")

# The git program doing the same write: a commit on a branch without touching
# a work tree (a temporary index), and the everyday work-tree path.
PLUMBING = r'''set -eu
export GIT_INDEX_FILE="$(git rev-parse --git-dir)/bench-index"
old=$(git rev-parse -q --verify "$BRANCH" || true)
base=${old:-$BASE}
git read-tree "$base"
blob=$(git hash-object -w --path "$FILE" "$SOURCE")
git update-index --add --cacheinfo "100644,$blob,$FILE"
tree=$(git write-tree)
commit=$(git commit-tree "$tree" -p "$base" -m "$MESSAGE")
git update-ref "$BRANCH" "$commit" "$old"
rm -f "$GIT_INDEX_FILE"
'''
WORKTREE = r'''set -eu
if git rev-parse -q --verify "$BRANCH" >/dev/null; then git switch -q "${BRANCH#refs/heads/}"
else git switch -q -c "${BRANCH#refs/heads/}" "$BASE"; fi
cp "$SOURCE" "$FILE"
git add "$FILE"
git commit -q -m "$MESSAGE"
'''
MERGE_PLUMBING = r'''set -eu
commit=$(git commit-tree "$BRANCH^{tree}" -p main -p "$BRANCH" -m "$MESSAGE")
git update-ref refs/heads/main "$commit" "$(git rev-parse main)"
'''
MERGE_WORKTREE = 'set -eu\ngit merge -q --no-ff -m "$MESSAGE" "$BRANCH"\n'


def cells(args, info):
    """(name, kind, argv) per clinicctl cell; kind is read, cold or write."""
    c = [args.clinicctl]
    approve = c + ["review", "approve", "ten-edits", "--as", REVIEWER]
    if args.no_publish:
        approve.append("--no-publish")
    return [
        ("faq add (new draft)", "write", c + ["faq", "add", "--question", NEW_QUESTION, "--answer", NEW_ANSWER,
                                              "--category", content_gen.CATEGORY, "--json"]),
        ("faq edit --draft", "write", c + ["faq", "edit", EDITED_ENTRY, "--answer", NEW_ANSWER, "--draft", "one-edit"]),
        ("hours set", "write", c + ["hours", "set"] + list(HOURS)),
        ("review approve --no-publish", "write", approve),
        ("faq show ID", "read", c + ["faq", "show", info["history_entry"]]),
        ("faq list", "read", c + ["faq", "list"]),
        ("validate --rev main (cold)", "cold", c + ["validate", "--rev", "main"]),
        ("validate --rev main (warm)", "read", c + ["validate", "--rev", "main"]),
        ("export", "read", c + ["export", "--out", "EXPORT_DIR"]),
        ("drafts", "read", c + ["drafts"]),
        ("review show (10 edits)", "read", c + ["review", "show", "ten-edits"]),
        ("history faq ID (%d changes)" % workloads.HISTORY_CHANGES, "read",
         c + ["history", "faq", info["history_entry"]]),
    ]


def baselines(repo):
    """(command name, baseline name, script, environment) for the writing commands."""
    entry = os.path.join(repo, "content", "faq", EDITED_ENTRY + ".md")
    with open(entry, encoding="utf-8") as f:
        head = f.read().split("---\n")
    edited = "---\n".join(head[:2]) + "---\n" + NEW_ANSWER + "\n"
    writes = {
        "faq add (new draft)": ("refs/heads/drafts/faq-" + NEW_ID, "content/faq/%s.md" % NEW_ID,
                                content_gen.faq_file(NEW_ID, NEW_QUESTION, 10 ** 8, NEW_ANSWER)),
        "faq edit --draft": ("refs/heads/drafts/one-edit", "content/faq/%s.md" % EDITED_ENTRY, edited),
        "hours set": ("refs/heads/drafts/hours-the-loop", "content/hours/the-loop.yaml", HOURS_FILE),
    }
    out = []
    for command, (branch, path, text) in writes.items():
        env = dict(BRANCH=branch, BASE="main", FILE=path, TEXT=text, MESSAGE="bench: " + command)
        out.append((command, "git plumbing", PLUMBING, env))
        out.append((command, "git work tree", WORKTREE, env))
    env = dict(BRANCH="drafts/ten-edits", MESSAGE="Approve draft ten-edits")
    out.append(("review approve --no-publish", "git plumbing", MERGE_PLUMBING, env))
    out.append(("review approve --no-publish", "git work tree", MERGE_WORKTREE, env))
    return out


class Bench:
    def __init__(self, args):
        self.args = args
        self.scratch = args.scratch
        self.results = []
        self.env = dict(os.environ, CLINICCTL_AUTHOR=AUTHOR, GIT_CONFIG_NOSYSTEM="1",
                        HOME=os.path.join(self.scratch, "home"), GIT_AUTHOR_NAME="Olivia",
                        GIT_AUTHOR_EMAIL="o@example.com", GIT_COMMITTER_NAME="Olivia",
                        GIT_COMMITTER_EMAIL="o@example.com", LC_ALL="C.UTF-8")
        os.makedirs(self.env["HOME"], exist_ok=True)

    def cell(self, workload, command, against, prepare, argv, env=None):
        """Times argv until runs are done or the cell's time is spent (at least one run)."""
        runs, spent = [], 0.0
        log = os.path.join(self.scratch, "last")
        for number in range(self.args.runs):
            cwd = prepare(number)
            result = measure.run([a.replace("EXPORT_DIR", os.path.join(self.scratch, "export")) for a in argv],
                                 cwd, env or self.env, log, self.args.timeout)
            runs.append(result)
            spent += result["wall"]
            if result["timed_out"] or spent > self.args.cell_seconds:
                break
        walls = [r["wall"] for r in runs]
        row = dict(workload=workload, command=command, against=against, runs=len(runs),
                   median=statistics.median(walls), min=min(walls), max=max(walls),
                   cpu=statistics.median(r["cpu"] for r in runs), rss_kib=max(r["rss_kib"] for r in runs),
                   timed_out=any(r["timed_out"] for r in runs))
        self.results.append(row)
        print("bench: %-7s %-34s %-14s %8.1f ms (%d run%s)%s" % (
            workload, command, against, row["median"] * 1000, len(runs), "" if len(runs) == 1 else "s",
            "  TIMED OUT after %d s" % self.args.timeout if row["timed_out"] else ""), flush=True)

    def workload(self, name, pristine):
        with open(os.path.join(pristine, ".git", "bench-workload.json")) as f:
            info = json.load(f)
        shared = measure.fresh_copy(pristine, os.path.join(self.scratch, name + "-read"))
        writable = os.path.join(self.scratch, name + "-write")
        measure.run([self.args.clinicctl, "validate", "--rev", "main"], shared, self.env,
                    os.path.join(self.scratch, "check"), self.args.timeout)
        cache = os.path.join(shared, ".git", "clinicctl", "cache")
        # A write runs where the office manager works: a repository whose cache the
        # earlier commands filled (the first command after a clone is `validate (cold)`).
        warm = os.path.join(self.scratch, name + "-cache")
        if os.path.exists(warm):
            shutil.rmtree(warm)
        if os.path.isdir(cache):
            shutil.copytree(cache, warm)

        def fresh(_):
            target = measure.fresh_copy(pristine, writable)
            if os.path.isdir(warm):
                shutil.copytree(warm, os.path.join(target, ".git", "clinicctl", "cache"))
            return target

        def cold(_):
            if os.path.isdir(cache):
                shutil.rmtree(cache)
            elif os.path.exists(cache):
                os.remove(cache)
            return shared

        for command, kind, argv in cells(self.args, info):
            prepare = fresh if kind == "write" else cold if kind == "cold" else (lambda _: shared)
            self.cell(name, command, "clinicctl", prepare, argv)
        # The approval (the last write) left a published branch that is still valid.
        measure.run([self.args.clinicctl, "validate", "--rev", "main"], writable, self.env,
                    os.path.join(self.scratch, "check"), self.args.timeout)
        for command, against, script, extra in baselines(shared):
            env = dict(self.env, **extra)
            if "TEXT" in env:
                source = os.path.join(self.scratch, "baseline-file")
                with open(source, "w", encoding="utf-8") as f:
                    f.write(env.pop("TEXT"))
                env["SOURCE"] = source
            self.cell(name, command, against, fresh, ["bash", "-c", script], env)


def machine():
    model = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        memory = int(f.readline().split()[1]) // 1024
    return dict(cores=os.cpu_count(), cpu=model, memory_mib=memory, system=platform.platform(),
                load=os.getloadavg())


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--clinicctl", required=True)
    p.add_argument("--hello", required=True)
    p.add_argument("--root", required=True)
    p.add_argument("--cache", required=True)
    p.add_argument("--json", required=True)
    p.add_argument("--smoke", action="store_true")
    args = p.parse_args()
    args.runs = int(os.environ.get("BENCH_RUNS", "1" if args.smoke else "5"))
    args.timeout = float(os.environ.get("BENCH_TIMEOUT", "60"))
    args.cell_seconds = float(os.environ.get("BENCH_CELL_SECONDS", "15"))
    names = os.environ.get("BENCH_WORKLOADS", "smoke" if args.smoke else "clinic mid full").replace(",", " ").split()
    started = time.monotonic()
    version = subprocess.run([args.clinicctl, "--version"], capture_output=True, text=True, check=True).stdout.strip()
    approve_help = subprocess.run([args.clinicctl, "review", "approve", "--help"], capture_output=True, text=True).stdout
    args.no_publish = "--no-publish" in approve_help
    args.scratch = os.path.join(args.cache, "scratch")
    shutil.rmtree(args.scratch, ignore_errors=True)
    os.makedirs(args.scratch)
    bench = Bench(args)
    print("bench: clinicctl %s, workloads %s, up to %d runs per cell" % (version, " ".join(names), args.runs))
    generated = {}
    for name in names:
        repo, seconds = workloads.ensure(args.root, args.cache, name)
        generated[name] = round(seconds, 1)
        print("bench: workload %s at %s (%s)" % (name, repo, "generated in %.0f s" % seconds if seconds else "cached"))
    first = names[0]
    bench.cell(first, "--version", "clinicctl", lambda _: args.scratch, [args.clinicctl, "--version"])
    bench.cell(first, "--version", "Foundation hello-world", lambda _: args.scratch, [args.hello])
    for name in names:
        repo, _ = workloads.ensure(args.root, args.cache, name)
        try:
            bench.workload(name, repo)
        except measure.Failed as failure:
            sys.exit("bench: FAILED on workload %s: %s" % (name, failure))
    report = dict(version=version, build=os.environ.get("BENCH_BUILD", "build unknown"), commit=subprocess.run(["git", "-C", args.root, "rev-parse", "--short", "HEAD"],
                                                         capture_output=True, text=True).stdout.strip(),
                  date=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), machine=machine(),
                  runs=args.runs, timeout=args.timeout, cell_seconds=args.cell_seconds,
                  workloads={n: workloads.WORKLOADS[n] for n in names}, generated=generated,
                  no_publish=args.no_publish, seconds=round(time.monotonic() - started), results=bench.results)
    with open(args.json, "w") as f:
        json.dump(report, f, indent=1)
    if not args.smoke:
        shutil.rmtree(args.scratch, ignore_errors=True)
    print("bench: %d cells in %d s; results in %s" % (len(bench.results), report["seconds"], args.json))


if __name__ == "__main__":
    main()
