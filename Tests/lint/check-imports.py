#!/usr/bin/env python3
"""Fails when a Swift target imports a module its Package.swift entry does not declare.

SwiftPM's --explicit-target-dependency-import-check misses modules that are only
transitively available (Swift 6.3, Linux), so this compares each target's
`import` lines with `swift package describe --type json`. It keeps the wall
around Git honest: only ClinicWorkflow (and its tests) may import ClinicGit, and
ClinicWorkflow only as `internal import` or `package import` (SE-0409), so the
compiler refuses any public declaration that names a Git type.

Usage: swift package describe --type json | check-imports.py -
"""
import json
import pathlib
import re
import sys

# Modules of the toolchain and the platform: any target may import them.
PLATFORM = {"Foundation", "FoundationEssentials", "FoundationNetworking", "Dispatch", "Glibc", "Musl",
            "Darwin", "Testing", "XCTest", "Synchronization", "_Concurrency", "os"}

IMPORT = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|internal|package|private|fileprivate)\s+)?"
                    r"import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)", re.M)
# The one library behind the wall, and the targets allowed to reach it without exposing it.
WALLED = "ClinicGit"
HIDDEN_IMPORT = re.compile(r"^\s*(?:internal|package|private|fileprivate)\s+import\s+ClinicGit\b", re.M)
ANY_IMPORT_OF_WALLED = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:\w+\s+)?import\s+ClinicGit\b", re.M)
MULTILINE_STRING = re.compile(r'#*"""(?:.|\n)*?"""#*')


def main() -> int:
    package = json.loads(sys.stdin.read() if sys.argv[1] == "-" else pathlib.Path(sys.argv[1]).read_text())
    root = pathlib.Path(package.get("path", "."))
    problems = []
    for target in package["targets"]:
        if target.get("type") == "system-target":
            continue
        declared = set(target.get("target_dependencies") or []) | set(target.get("product_dependencies") or [])
        allowed = declared | PLATFORM | {target["name"]}
        for file in sorted((root / target["path"]).rglob("*.swift")):
            # Multi-line string literals hold other languages' code (Python witnesses in tests).
            code = MULTILINE_STRING.sub('""', file.read_text(encoding="utf-8"))
            for module in IMPORT.findall(code):
                if module not in allowed:
                    problems.append(f"{file.relative_to(root)}: imports {module}, which target {target['name']} "
                                    f"does not declare in Package.swift (it declares: {', '.join(sorted(declared)) or 'nothing'})")
            if target.get("type") != "test" and target["name"] != WALLED:
                exposed = len(ANY_IMPORT_OF_WALLED.findall(code)) - len(HIDDEN_IMPORT.findall(code))
                if exposed > 0:
                    problems.append(f"{file.relative_to(root)}: imports {WALLED} without `internal` or `package`; "
                                    f"a public declaration could then name a Git type")
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if problems:
        print(f"check-imports: {len(problems)} import problem(s)", file=sys.stderr)
        return 1
    print(f"check-imports: every import of {sum(1 for t in package['targets'] if t.get('type') != 'system-target')} targets is declared")
    return 0


if __name__ == "__main__":
    sys.exit(main())
