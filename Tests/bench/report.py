#!/usr/bin/env python3
"""The benchmark's tables, from bench.py's results file, in Markdown.

    python3 report.py RESULTS.json                 # print the tables
    python3 report.py RESULTS.json --doc FILE.md   # also replace FILE's generated section

The generated section of docs/benchmarks.md lies between the lines
`<!-- bench:begin -->` and `<!-- bench:end -->`; the rest of the page is
written by hand and kept as it is.

Per workload, one row per command: median wall time, min-max, median CPU
time (user + system), peak RSS, runs; then the ratio to the baseline in the
same run (the git plumbing script for a write, the Foundation hello-world for
`--version`) and to the same command on the real 10-entry clinic, each as
wall / CPU (medians).

Python 3 standard library only.
"""

import sys

BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
TITLES = {"clinic": "the real clinic (content/)", "mid": "mid chain", "full": "full chain",
          "full-short": "full chain content, short history", "smoke": "smoke chain"}


def ms(seconds):
    value = seconds * 1000
    return "%.0f ms" % value if value >= 100 else "%.1f ms" % value


def ratio(a, b):
    return "%.1fx" % (a / b) if b else "—"


def both(row, base):
    """Wall and CPU ratio: on a busy machine the CPU one is the steadier."""
    return "%s / %s" % (ratio(row["median"], base["median"]), ratio(row["cpu"], base["cpu"]))


def describe(name, params):
    return ("%s FAQ entries (%d%% with a Spanish translation), %s locations with hours, %d social links, "
            "%s approval merges of history, %d open drafts") % (
        "{:,}".format(params["faq"]), params["spanish"] * 100, "{:,}".format(params["locations"]),
        params["social"], "{:,}".format(params["approvals"]), params["drafts"])


def tables(report):
    rows = report["results"]
    by = {(r["workload"], r["command"], r["against"]): r for r in rows}
    m = report["machine"]
    out = [
        "Measured %s: clinicctl %s, %s (bench at commit %s); %s cores (`nproc`), %s, %s MiB memory, %s; "
        "load average %.1f at the start. Up to %d runs per cell (fewer once a cell has taken %.0f s), "
        "timeout %.0f s per run; the whole bench took %d s." % (
            report["date"], report["version"], report["build"], report["commit"], m["cores"], m["cpu"],
            "{:,}".format(m["memory_mib"]), m["system"], m["load"][0], report["runs"], report["cell_seconds"],
            report["timeout"], report["seconds"]),
        "",
    ]
    if not report.get("no_publish", True):
        out += ["This clinicctl has no `review approve --no-publish`: approving also runs the publish step.", ""]
    hello = [r for r in rows if r["against"] == "Foundation hello-world"]
    version = [r for r in rows if r["command"] == "--version" and r["against"] == "clinicctl"]
    if hello and version:
        h, v = hello[0], version[0]
        out += ["| start-up | median | min-max | CPU | peak RSS | runs |", "|---|---:|---:|---:|---:|---:|"]
        for label, r in (("`clinicctl --version`", v), ("Foundation hello-world (Tests/bench/hello)", h)):
            out.append("| %s | %s | %s-%s | %s | %.1f MiB | %d |" % (
                label, ms(r["median"]), ms(r["min"]), ms(r["max"]), ms(r["cpu"]), r["rss_kib"] / 1024, r["runs"]))
        out += ["", "`clinicctl --version` is **%s** the hello-world." % ratio(v["median"], h["median"]), ""]
    for name, params in report["workloads"].items():
        out += ["### %s" % TITLES.get(name, name), "",
                describe(name, params) + (
                    " (generated in %.0f s)." % report["generated"][name] if report["generated"].get(name) else "."),
                "",
                "| command | median | min-max | CPU | peak RSS | runs | vs git plumbing (wall / CPU) | vs clinic (wall / CPU) |",
                "|---|---:|---:|---:|---:|---:|---:|---:|"]
        own = [r for r in rows if r["workload"] == name and r["command"] != "--version"]
        ordered = []
        for r in own:  # each clinicctl row, then the git program doing the same write
            if r["against"] == "clinicctl":
                ordered += [r] + [b for b in own if b["command"] == r["command"] and b["against"] != "clinicctl"]
        for r in ordered:
            plumbing = by.get((name, r["command"], "git plumbing"))
            clinic = by.get(("clinic", r["command"], r["against"]))
            label = "`%s`" % r["command"] if r["against"] == "clinicctl" else "&nbsp;&nbsp;%s, same write" % r["against"]
            # A run killed at the timeout took time and its rusage with it: no CPU or RSS to show.
            killed = r["timed_out"]
            out.append("| %s | %s | %s | %s | %s | %d | %s | %s |" % (
                label, ">%s (timed out)" % ms(r["median"]) if killed else ms(r["median"]),
                "—" if killed else "%s-%s" % (ms(r["min"]), ms(r["max"])), "—" if killed else ms(r["cpu"]),
                "—" if killed else "%.0f MiB" % (r["rss_kib"] / 1024), r["runs"],
                both(r, plumbing) if plumbing and r["against"] == "clinicctl" else "",
                (">" if killed else "") + ratio(r["median"], clinic["median"]) if killed and clinic and name != "clinic"
                else both(r, clinic) if clinic and name != "clinic" else ""))
        out.append("")
    return "\n".join(out)


def main():
    import json
    report = json.load(open(sys.argv[1]))
    text = tables(report)
    print(text)
    if len(sys.argv) == 4 and sys.argv[2] == "--doc":
        page = open(sys.argv[3], encoding="utf-8").read()
        if BEGIN not in page or END not in page:
            sys.exit("report: %s has no %s ... %s section" % (sys.argv[3], BEGIN, END))
        head, rest = page.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
        with open(sys.argv[3], "w", encoding="utf-8") as f:
            f.write(head + BEGIN + "\n" + text + "\n" + END + tail)


if __name__ == "__main__":
    main()
