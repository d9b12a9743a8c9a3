#!/usr/bin/env python3
"""The commands reach the world only through their CommandContext.

In Sources/ClinicctlCommands, outside Context/, no command may read the process's
environment, clock, folder or standard streams directly (`ProcessInfo`, `Date()`,
`FileHandle.standard…`, `Swift.print`, `Swift.readLine`, the current directory):
`CommandContext.current` gives them, so a test can run a command in-process with
its own. Prints each place that does and exits 1.
"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "Sources/ClinicctlCommands")
FORBIDDEN = re.compile(
    r"ProcessInfo\.processInfo|\bDate\(\)|FileHandle\.standard(?:Output|Error|Input)|Swift\.print\b|Swift\.readLine\b"
    r"|currentDirectoryPath|\bgetenv\(")
problems = []
for path in sorted(root.rglob("*.swift")):
    if path.relative_to(root).parts[0] == "Context":
        continue
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        code = line.split("//", 1)[0]
        if FORBIDDEN.search(code):
            problems.append(f"{path}:{number}: reaches the process directly; use CommandContext.current: {line.strip()}")
for problem in problems:
    print(f"error: {problem}", file=sys.stderr)
if problems:
    sys.exit(1)
print(f"check-command-context: every command in {root} goes through its CommandContext")
