"""Seeds the fuzz corpora from content/ and the bad-input corpus.

content corpus: every file alone, and all of content/ in one input, in the
fuzz input's format (`=== <path>` lines before each file); every bad-input
case's files over content/. markdown corpus: every FAQ file and every `.md`
file of a bad-input case.
"""

import json
import pathlib
import sys

root = pathlib.Path(sys.argv[1])
out = pathlib.Path(sys.argv[2])
(out / "content").mkdir(parents=True, exist_ok=True)
(out / "markdown").mkdir(parents=True, exist_ok=True)


def pack(files):
    return b"".join(b"=== " + path.encode() + b"\n" + data for path, data in sorted(files.items()))


real = {str(p.relative_to(root)): p.read_bytes() for p in sorted((root / "content").rglob("*")) if p.is_file()}
(out / "content" / "all").write_bytes(pack(real))
for index, (path, data) in enumerate(real.items()):
    (out / "content" / f"file-{index}").write_bytes(pack({path: data}))
    if path.endswith(".md"):
        (out / "markdown" / f"faq-{index}").write_bytes(data)
for case in sorted((root / "Tests/ClinicctlTests/BadInput").glob("*.json")):
    files = json.loads(case.read_text()).get("files") or {}
    texts = {path: text.encode() for path, text in files.items() if isinstance(text, str)}
    if texts:
        (out / "content" / f"bad-{case.stem}").write_bytes(pack({**real, **texts}))
    for path, data in texts.items():
        if path.endswith(".md") and len(data) < 100_000:
            (out / "markdown" / f"bad-{case.stem}").write_bytes(data)
print(f"seeded {len(list((out / 'content').iterdir()))} content and {len(list((out / 'markdown').iterdir()))} markdown inputs")
