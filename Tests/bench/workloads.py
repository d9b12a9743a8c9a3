#!/usr/bin/env python3
"""The benchmark's content repositories, written through libgit2 (pygit2)
and packed, cached between runs.

    python3 workloads.py ROOT CACHE_DIR NAME...     # prints NAME<TAB>PATH per workload

Each workload is a non-bare repository whose `main` is a first-parent chain
of approval merges over the clinic's content (the commit records clinicctl
writes: an edit commit with `Clinic-Change`/`Clinic-Entry` trailers on
`drafts/<id>`, merged by the reviewer with `Approved-by`/`Draft`/
`Approved-commit`), plus open drafts on `refs/heads/drafts/<id>`. Objects
are written directly (blobs, trees, commits), never through clinicctl, then
packed with `git gc` (the git program is the bench's witness tool, never the
product's).

A workload is cached under CACHE_DIR/<name>-<key>/repo, key = a hash of the
generator's version and the workload's parameters; a folder without its
`done` file (a run that died) is made again.

Every workload holds:
- FAQ entry `HISTORY_ENTRY` (a real entry) changed by 50 approvals, spread
  over the history, for `history faq`;
- draft `ten-edits` (10 FAQ edits by Olivia) for `review show` and `review
  approve`, and draft `one-edit` (1 FAQ edit by Olivia) for `faq edit --draft`.
"""

import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import time

import pygit2

import content_gen

GENERATOR_VERSION = 3
HISTORY_ENTRY = "is-the-procedure-painful"
HISTORY_CHANGES = 50
START_TIME = 1704067200  # 2024-01-01T00:00:00Z
REVIEWER = ("Rita", "rita@example.com")
AUTHORS = [("Olivia", "o@example.com"), ("Sam", "sam@example.com"), ("Priya", "priya@example.com")]
MODE_FILE = pygit2.GIT_FILEMODE_BLOB
MODE_TREE = pygit2.GIT_FILEMODE_TREE

# faq: total FAQ entries (the real 10 included); locations: total (the real 2 included);
# approvals: first-parent approval merges after the first commit; drafts: open drafts;
# spanish: share of generated entries with a Spanish translation; social: links.
WORKLOADS = {
    "clinic": dict(faq=10, locations=2, approvals=60, drafts=3, spanish=0.0, social=4),
    "mid": dict(faq=500, locations=30, approvals=1000, drafts=20, spanish=0.5, social=4),
    "full": dict(faq=5000, locations=300, approvals=20000, drafts=200, spanish=0.5, social=20),
    # The full chain's content with the mid chain's history length, for "history length
    # does not matter" (not in the defaults: BENCH_WORKLOADS="full-short full").
    "full-short": dict(faq=5000, locations=300, approvals=1000, drafts=200, spanish=0.5, social=20),
    # The smoke variant's tiny chain: every command and baseline, in seconds.
    "smoke": dict(faq=30, locations=4, approvals=60, drafts=3, spanish=0.5, social=6),
}


def cache_key(name):
    text = json.dumps([GENERATOR_VERSION, name, WORKLOADS[name]], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


class MemoryObjects(pygit2.OdbBackend):
    """Objects written since the last flush, in memory: writing loose objects
    costs a few file operations each, which at 100,000 objects is minutes."""

    def __init__(self):
        super().__init__()
        self.objects = {}
        self.bytes = 0

    def write_cb(self, oid, data, kind):
        self.objects[oid] = (kind, data)
        self.bytes += len(data)

    def read_cb(self, oid):
        return self.objects[oid]

    def read_header_cb(self, oid):
        kind, data = self.objects[oid]
        return kind, len(data)

    def exists_cb(self, oid):
        return oid in self.objects

    def refresh_cb(self):
        pass

    def __iter__(self):
        return iter(list(self.objects))


class PackedStore:
    """A repository view that writes into memory and reads memory first, then
    the packs of the repository at path; flush() packs what is in memory into
    that repository with libgit2's pack builder."""

    def __init__(self, path):
        self.memory = MemoryObjects()
        self.pack_dir = os.path.join(path, ".git", "objects", "pack")
        odb = pygit2.Odb()
        odb.add_backend(self.memory, 2)
        odb.add_disk_alternate(os.path.join(path, ".git", "objects"))
        self.repo = pygit2.Repository()
        self.repo.set_odb(odb)

    def flush(self, limit=0):
        if self.memory.bytes <= limit or not self.memory.objects:
            return
        builder = pygit2.PackBuilder(self.repo)
        for oid in self.memory.objects:
            builder.add(oid)
        builder.write(self.pack_dir)
        self.memory.objects.clear()
        self.memory.bytes = 0


class Folder:
    """One folder of the tree as it is now: name -> (oid, mode); the tree last
    written for it, and the names changed since (None: nothing changed)."""

    def __init__(self):
        self.entries = {}
        self.written = None
        self.dirty = set()

    def copy(self):
        other = Folder()
        other.entries, other.written, other.dirty = dict(self.entries), self.written, set(self.dirty)
        return other


class ContentWriter:
    """Writes blobs, trees and commits straight into the object database,
    rewriting only the folders a change touches (a tree builder starts from
    the folder's last tree and takes only the changed names)."""

    def __init__(self, repo):
        self.repo = repo
        self.folders = {"": Folder()}  # "content/faq" -> Folder; "" is the root
        self.clock = START_TIME

    def write(self, path, text):
        folder_path, _, name = path.rpartition("/")
        oid = self.repo.create_blob(text.encode("utf-8"))
        if folder_path not in self.folders:
            self.folders[folder_path] = Folder()
        self.folders[folder_path].entries[name] = (oid, MODE_FILE)
        self.folders[folder_path].dirty.add(name)
        while folder_path:  # every folder above changes too
            parent, _, name = folder_path.rpartition("/")
            if parent not in self.folders:
                self.folders[parent] = Folder()
            self.folders[parent].entries[name] = (None, MODE_TREE)
            self.folders[parent].dirty.add(name)
            folder_path = parent

    def tree(self, path=""):
        folder = self.folders[path]
        if folder.dirty or folder.written is None:
            base = self.repo.get(folder.written) if folder.written is not None else None
            builder = self.repo.TreeBuilder(base) if base is not None else self.repo.TreeBuilder()
            for name in (folder.dirty if base is not None else folder.entries):
                oid, mode = folder.entries[name]
                if mode == MODE_TREE:
                    oid = self.tree(path + "/" + name if path else name)
                    folder.entries[name] = (oid, mode)
                builder.insert(name, oid, mode)
            folder.written = builder.write()
            folder.dirty = set()
        return folder.written

    def snapshot(self):
        """The current tree state, to come back to (drafts branch off it)."""
        self.tree()
        return {path: f.copy() for path, f in self.folders.items()}

    def restore(self, state):
        self.folders = {path: f.copy() for path, f in state.items()}

    def commit(self, message, parents, author):
        self.clock += 1800
        who = pygit2.Signature(author[0], author[1], self.clock, 0)
        return self.repo.create_commit(None, who, who, message, self.tree(), parents)


def edit_message(change, entry, summary, details):
    return "%s\n\n%s\n\nClinic-Change: %s\nClinic-Entry: %s\n" % (
        summary, "\n".join("  " + line for line in details), change, entry)


def approval_message(draft, title, edits, approved):
    return ("Approve draft %s: %s\n\nEdits in this draft:\n%s\n\n"
            "Approved-by: %s <%s>\nDraft: %s\nApproved-commit: %s\n") % (
        draft, title[:49] + "…" if len(title) > 50 else title,
        "\n".join("  - %s (%s)" % edit for edit in edits), REVIEWER[0], REVIEWER[1], draft, approved)


class Clinic:
    """The clinic's records and how they change, deterministically."""

    def __init__(self, root, params, writer):
        self.params, self.writer = params, writer
        self.rng = random.Random(20261129)
        self.faq = {}  # id -> [question, position, answer, translation]
        self.hours = {}  # location id -> [closes, special day]
        self.real_dir = os.path.join(root, "content")
        self.edit_counts = {}

    def write_faq(self, entry_id):
        q, position, body, translation = self.faq[entry_id]
        self.writer.write("content/faq/%s.md" % entry_id,
                          content_gen.faq_file(entry_id, q, position, body, translation))

    def write_hours(self, loc_id):
        closes, day = self.hours[loc_id]
        self.writer.write("content/hours/%s.yaml" % loc_id, content_gen.hours_file(loc_id, closes, day))

    def first_tree(self):
        w, p, rng = self.writer, self.params, self.rng
        w.write("clinicctl.yaml", "publishedBranch: main\ncontentDirectory: content\n"
                "# Only reviewers listed here on the published branch may approve drafts.\n"
                "reviewers:\n  - name: \"%s\"\n    email: %s\n" % REVIEWER)
        for folder, _, files in os.walk(self.real_dir):
            for name in sorted(files):
                full = os.path.join(folder, name)
                rel = os.path.relpath(full, self.real_dir)
                with open(full, encoding="utf-8") as f:
                    text = f.read()
                if rel.startswith("faq/"):
                    fields = dict(line.split(": ", 1) for line in text.split("---\n")[1].splitlines())
                    self.faq[fields["id"]] = [fields["question"], int(fields["position"]),
                                              text.split("---\n", 2)[2][:-1], None]
                w.write("content/" + rel, text)
        if p["social"] != 4:
            w.write("content/social.yaml", content_gen.social_file(p["social"]))
        used = set(self.faq)
        position = max(entry[1] for entry in self.faq.values())
        for _ in range(p["faq"] - len(self.faq)):
            q, entry_id = content_gen.question(rng, used)
            position += 10
            translation = content_gen.spanish(rng) if rng.random() < p["spanish"] else None
            self.faq[entry_id] = [q, position, content_gen.answer(rng), translation]
            self.write_faq(entry_id)
        for index in range(1, p["locations"] - 1):
            loc_id, text = content_gen.location_file(index, rng)
            w.write("content/locations/%s.yaml" % loc_id, text)
            self.hours[loc_id] = [rng.choice(content_gen.CLOSING_TIMES), rng.randint(1, 23)]
            self.write_hours(loc_id)
        self.next_position = position

    def change(self, step, target=None):
        """Makes one edit; returns (change, entry, summary, details)."""
        rng = self.rng
        if target is None and self.hours and rng.random() < 0.85:
            loc_id = rng.choice(sorted(self.hours)) if step % 7 else sorted(self.hours)[step % len(self.hours)]
            old = self.hours[loc_id][0]
            closes = rng.choice([t for t in content_gen.CLOSING_TIMES if t != old])
            self.hours[loc_id][0] = closes
            self.write_hours(loc_id)
            return ("hours.set", "hours/" + loc_id, "Hours: %s Mon-Fri 07:00-%s" % (loc_id, closes),
                    ["Hours %s:" % loc_id, "  weekly Mon-Fri: 07:00-%s -> 07:00-%s" % (old, closes)])
        entry_id = target or rng.choice(sorted(self.faq))
        self.edit_counts[entry_id] = self.edit_counts.get(entry_id, 0) + 1
        entry = self.faq[entry_id]
        entry[2] = entry[2].split(" Reviewed again")[0] + " Reviewed again, version %d." % self.edit_counts[entry_id]
        self.write_faq(entry_id)
        return ("faq.edit", "faq/" + entry_id, "FAQ: edit \"%s\"" % entry_id,
                ["FAQ %s:" % entry_id, "  answer: changed"])


def generate(root, name, path):
    params = WORKLOADS[name]
    repo = pygit2.init_repository(path, bare=False, initial_head="main")
    repo.config["clinicctl.publishedBranch"] = "main"
    repo.config["gc.auto"] = "0"
    store = PackedStore(path)
    writer = ContentWriter(store.repo)
    clinic = Clinic(root, params, writer)
    clinic.first_tree()
    tip = writer.commit("Start the clinic's content repository\n\nClinic-Change: init\n", [], REVIEWER)
    approvals = params["approvals"]
    every = max(1, approvals // HISTORY_CHANGES)
    for step in range(approvals):
        target = HISTORY_ENTRY if step % every == every - 1 and clinic.edit_counts.get(HISTORY_ENTRY, 0) < HISTORY_CHANGES else None
        change, entry, summary, details = clinic.change(step, target)
        author = AUTHORS[step % len(AUTHORS)]
        draft = "%s-%d" % (entry.replace("/", "-")[:40], step)
        edit = writer.commit(edit_message(change, entry, summary, details), [tip], author)
        tip = writer.commit(approval_message(draft, summary, [(summary, author[0])], edit),
                            [tip, edit], REVIEWER)
        store.flush(limit=256 << 20)
    store.flush()
    history_changes = clinic.edit_counts.get(HISTORY_ENTRY, 0)
    repo.references.create("refs/heads/main", tip, force=True)
    # Open drafts, off the published tip: ten-edits, one-edit, then 1-10 edits each.
    published = writer.snapshot()
    rng = random.Random(7)
    drafts = []
    for number in range(params["drafts"]):
        draft, edits, author = ("ten-edits", 10, AUTHORS[0]) if number == 0 else \
            ("one-edit", 1, AUTHORS[0]) if number == 1 else \
            ("draft-%03d" % number, rng.randint(1, 10), AUTHORS[number % len(AUTHORS)])
        writer.restore(published)
        draft_tip = tip
        for _ in range(edits):
            entry_id = rng.choice(sorted(clinic.faq))
            change, entry, summary, details = clinic.change(0, entry_id)
            draft_tip = writer.commit(edit_message(change, entry, summary, details), [draft_tip], author)
        store.flush(limit=256 << 20)
        drafts.append((draft, draft_tip))
    store.flush()
    for draft, draft_tip in drafts:
        repo.references.create("refs/heads/drafts/" + draft, draft_tip)
    writer.restore(published)
    repo.checkout("refs/heads/main", strategy=pygit2.GIT_CHECKOUT_FORCE)
    subprocess.run(["git", "-C", path, "gc", "--quiet", "--prune=now"], check=True)
    with open(os.path.join(path, ".git", "bench-workload.json"), "w") as f:
        json.dump(dict(name=name, params=params, generator=GENERATOR_VERSION, history_entry=HISTORY_ENTRY,
                       history_changes=history_changes), f)


def ensure(root, cache, name):
    """The workload's repository, generated when not cached; returns its path."""
    folder = os.path.join(cache, "%s-%s" % (name, cache_key(name)))
    repo = os.path.join(folder, "repo")
    if os.path.exists(os.path.join(folder, "done")):
        return repo, 0.0
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    started = time.monotonic()
    generate(root, name, repo)
    seconds = time.monotonic() - started
    with open(os.path.join(folder, "done"), "w") as f:
        f.write("%.1f\n" % seconds)
    return repo, seconds


def main():
    root, cache, names = sys.argv[1], sys.argv[2], sys.argv[3:]
    for name in names:
        if name not in WORKLOADS:
            sys.exit("workloads: no workload %r (have: %s)" % (name, ", ".join(WORKLOADS)))
        repo, seconds = ensure(root, cache, name)
        print("%s\t%s\t%.1f" % (name, repo, seconds))


if __name__ == "__main__":
    main()
