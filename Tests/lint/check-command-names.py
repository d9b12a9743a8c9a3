#!/usr/bin/env python3
"""Every command of the clinicctl executable names itself.

A CommandConfiguration without `commandName:` makes ArgumentParser derive the
name with String(describing:) when it builds the command tree, on every run:
its protocol-conformance scans were 28% of the CPU of `clinicctl --version`
(docs/benchmarks.md). Prints each command that does not name itself and exits 1.
"""
import pathlib
import re
import sys

roots = [pathlib.Path(arg) for arg in sys.argv[1:]] or [pathlib.Path("Sources/ClinicctlCommands")]
missing = []
commands = 0
for path in sorted(path for root in roots for path in root.rglob("*.swift")):
    text = path.read_text(encoding="utf-8")
    for match in re.finditer(r"struct (\w+)\s*:[^{]*\bParsableCommand\b[^{]*\{", text):
        commands += 1
        start = text.find("CommandConfiguration(", match.end())
        depth, end = 0, start + len("CommandConfiguration")
        while start >= 0 and end < len(text):
            depth += {"(": 1, ")": -1}.get(text[end], 0)
            if depth == 0:
                break
            end += 1
        if start < 0 or "commandName:" not in text[start:end]:
            line = text.count("\n", 0, match.start()) + 1
            missing.append("%s:%d: command %s does not set commandName in its CommandConfiguration" % (path, line, match.group(1)))
for line in missing:
    print(line)
if commands == 0:
    print("check-command-names: no commands found under %s" % ", ".join(map(str, roots)))
    sys.exit(1)
print("check-command-names: %d of %d commands name themselves" % (commands - len(missing), commands))
sys.exit(1 if missing else 0)
