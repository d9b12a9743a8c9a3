#!/usr/bin/env python3
"""Print the clinicctl benchmark's tables from bench.sh's results file.

    python3 report.py RESULTS.tsv

RESULTS.tsv: one line per timed run, `operation<TAB>size<TAB>run<TAB>wall_ns<TAB>cpu_ns`;
lines whose operation starts with `#` carry a fact about a size
(`#faq-bytes`, `#git-kib`) in the wall column.

Prints, per operation and size:
- the median wall time, and its ratio to the smallest size's median;
- the median CPU time (user + system), and its ratio likewise: the CPU time
  hardly moves when other work competes for the cores, so it is the steadier
  of the two on a shared machine;
- the marginal cost per FAQ entry between consecutive sizes,
  (median(b) - median(a)) / (b - a), which removes the fixed cost of starting
  the process, and a reading of it (from the CPU medians): "SUPER-LINEAR" when
  the per-entry cost grows by more than 1.5x from one size step to the next
  and that step adds more than 50 ms;
- the spread of the runs, (max - min) / median of the wall times.

Python 3 standard library only.
"""

import collections
import statistics
import sys

CELL = 22


def fmt_ms(ms):
    if ms >= 100:
        return "%.0f ms" % ms
    if ms >= 10:
        return "%.1f ms" % ms
    return "%.2f ms" % ms


def fmt_us(us):
    return "%.0f us" % us if abs(us) >= 10 else "%.1f us" % us


def table(title, order, sizes, median, width):
    smallest = sizes[0]
    print(title)
    print("%-*s  %s" % (width, "operation", "".join(("%d entries" % n).rjust(CELL) for n in sizes)))
    for op in order:
        cells = []
        for n in sizes:
            if (op, n) not in median:
                cells.append("-".rjust(CELL))
                continue
            text = fmt_ms(median[(op, n)])
            if n != smallest and median.get((op, smallest), 0) > 0:
                text += " (%.1fx)" % (median[(op, n)] / median[(op, smallest)])
            cells.append(text.rjust(CELL))
        print("%-*s  %s" % (width, op, "".join(cells)))
    print()


def marginal(op, sizes, median):
    """[(a, b, us per entry, ms added)] between consecutive sizes."""
    steps = []
    for a, b in zip(sizes, sizes[1:]):
        if (op, a) in median and (op, b) in median:
            added = median[(op, b)] - median[(op, a)]
            steps.append((a, b, added * 1000 / (b - a), added))
    return steps


def reading(steps):
    if not steps:
        return ""
    if sum(s[3] for s in steps) < 20:
        return "flat (under 20 ms added over all sizes)"
    if any(s[2] <= 0 for s in steps):
        return "no clear trend (a larger size was not slower: noise)"
    if len(steps) < 2:
        return "two sizes only: no shape to read"
    growth = max(b[2] / a[2] for a, b in zip(steps, steps[1:]))
    if growth > 1.5 and steps[-1][3] > 50:
        return "SUPER-LINEAR (per-entry cost x%.1f from one size step to the next)" % growth
    return "about linear (per-entry cost x%.1f from one size step to the next)" % growth


def main():
    wall = collections.defaultdict(list)   # (op, size) -> [ms]
    cpu = collections.defaultdict(list)
    facts = {}
    order = []
    sizes = set()
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            op, size, _, wall_ns, cpu_ns = line.rstrip("\n").split("\t")
            size = int(size)
            if op.startswith("#"):
                facts[(op, size)] = int(wall_ns)
                continue
            if op not in order:
                order.append(op)
            sizes.add(size)
            wall[(op, size)].append(int(wall_ns) / 1e6)
            cpu[(op, size)].append(int(cpu_ns) / 1e6)
    sizes = sorted(sizes)
    if not sizes:
        sys.exit("report: no results")
    wall_median = {k: statistics.median(v) for k, v in wall.items()}
    cpu_median = {k: statistics.median(v) for k, v in cpu.items()}
    width = max(len(op) for op in order)
    runs = "/".join(sorted({str(len(v)) for v in wall.values()}, key=int))

    table("Median WALL time (runs per cell: %s); (Nx) = ratio to the %d-entry median"
          % (runs, sizes[0]), order, sizes, wall_median, width)
    table("Median CPU time, user + system (steadier on a shared machine); (Nx) likewise",
          order, sizes, cpu_median, width)

    print("Marginal cost per FAQ entry between sizes, (t(b) - t(a)) / (b - a), CPU [wall]:")
    for op in order:
        cpu_steps = marginal(op, sizes, cpu_median)
        wall_steps = marginal(op, sizes, wall_median)
        text = "   ".join("%d->%d: %s [%s]" % (a, b, fmt_us(us), fmt_us(w[2]))
                          for (a, b, us, _), w in zip(cpu_steps, wall_steps))
        verdict = reading(cpu_steps)
        print("  %-*s  %s%s" % (width, op, text, ("   => " + verdict) if verdict else ""))
    print()

    print("Spread of the wall times, (max - min) / median:")
    for op in order:
        cells = []
        for n in sizes:
            v = wall.get((op, n))
            cells.append(("%.0f%%" % (100 * (max(v) - min(v)) / statistics.median(v))
                          if v and len(v) > 1 else "-").rjust(CELL))
        print("%-*s  %s" % (width, op, "".join(cells)))

    if facts:
        print()
        for n in sizes:
            fb, gk = facts.get(("#faq-bytes", n)), facts.get(("#git-kib", n))
            print("  %d entries: FAQ files %s KiB%s" % (
                n, "?" if fb is None else "%.0f" % (fb / 1024),
                "" if gk is None else ", repository .git %d KiB at the end" % gk))


if __name__ == "__main__":
    main()
