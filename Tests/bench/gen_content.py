#!/usr/bin/env python3
"""Make a content folder with N FAQ entries for the clinicctl benchmark.

    python3 gen_content.py SOURCE_CONTENT_DIR OUT_DIR N [--seed S]

Copies SOURCE_CONTENT_DIR (the real content/: clinic.yaml, locations/, hours/,
categories.yaml, social.yaml, faq/, README.md) to OUT_DIR, then adds generated
FAQ entries until faq/ holds N entries in all (the real entries are kept; when
N is smaller than the number of real entries, real entries are dropped from
the end of the page order instead).

Generated entries are written in the exact canonical form of
docs/content-format.md (what clinicctl itself writes):

    ---
    id: <slug>
    question: <question>
    category: trigger-point-dry-needling
    position: <n>
    ---
    <answer>\n

ids are unique slugs made from the question the way clinicctl makes them
(at most 60 characters, cut at a word; -2, -3, ... when taken), positions continue the real
ones spaced by 10, answers are 300-1,500 characters of varied words, one
paragraph, no Markdown markup, ending with exactly one newline. Questions and
answers use only letters, digits, spaces, commas, full stops and a final
question mark, so YAML reads them back unquoted. Deterministic for a seed.

Python 3 standard library only.
"""

import argparse
import os
import random
import re
import shutil
import sys

CATEGORY = "trigger-point-dry-needling"

OPENERS = [
    "Can", "Should", "When should", "How should", "Why should", "How often should",
    "Could", "How soon can", "Where can", "How long should", "Why would", "How can",
]
SUBJECTS = [
    "I", "my child", "an athlete", "a runner", "an older patient", "a desk worker",
    "a pregnant patient", "someone after surgery", "a weekend golfer", "a swimmer",
    "a cyclist", "a new patient", "a teenager", "a dancer", "a nurse on night shifts",
]
VERBS = [
    "try dry needling for", "book a session for", "exercise with", "treat", "ice",
    "stretch after treatment for", "combine massage with care for", "get relief from",
    "prepare for a visit about", "return to sport with", "manage", "ask about",
]
AREAS = [
    "neck pain", "low back pain", "shoulder stiffness", "tennis elbow", "plantar fasciitis",
    "knee pain", "hip tightness", "tension headaches", "jaw pain", "sciatica",
    "calf cramps", "hamstring strain", "rotator cuff pain", "wrist pain", "ankle sprain",
    "upper back tension", "groin strain", "shin splints", "whiplash", "frozen shoulder",
]
QUALIFIERS = [
    "at The Loop", "in Glenview", "during the winter", "before a marathon", "on a weekday",
    "after a long flight", "with a busy schedule", "while working from home",
    "between physical therapy visits", "without a referral", "for the first time", "again",
]

WORDS = (
    "muscle trigger point needle filament therapist patient session treatment pain relief "
    "tissue tension twitch response soreness recovery exercise stretch posture movement "
    "strength mobility range motion joint tendon ligament fascia nerve blood flow healing "
    "inflammation stiffness spasm knot tight sore gentle brief sterile disposable single "
    "use licensed trained evaluation assessment plan goal week day hour minute visit "
    "schedule appointment insurance coverage referral doctor physician clinic home program "
    "ice heat water rest walk hydration sleep activity sport work desk lifting running "
    "cycling swimming shoulder neck back hip knee ankle elbow wrist jaw calf hamstring "
    "usually often sometimes rarely typically gradually quickly safely comfortably "
    "improve reduce restore support release relax reset respond measure monitor explain "
    "recommend expect notice feel report continue avoid return progress combine follow "
    "mild moderate common normal temporary local deep small several many most few "
    "research studies evidence mechanism reflex chemical mechanical change benefit risk "
    "side effect bruise fatigue ache response technique approach method care team"
).split()
CONNECTORS = ["and", "or", "but", "so", "because", "while", "after", "before", "with", "without",
              "for", "during", "within", "after", "the", "a", "your", "our", "this", "each"]


def slugify(text, max_length=60):
    """The id clinicctl makes from a question (Formats.slug(from:)): at most
    60 characters, cut at a word boundary past the middle."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")
    if len(slug) > max_length:
        ends_at_word = slug[max_length:max_length + 1] == "-"
        slug = slug[:max_length]
        cut = slug.rfind("-")
        if not ends_at_word and cut > max_length // 2:
            slug = slug[:cut]
        slug = slug.rstrip("-")
    return slug


def sentence(rng):
    n = rng.randint(8, 22)
    words = []
    for i in range(n):
        words.append(rng.choice(CONNECTORS) if i % 3 == 1 and rng.random() < 0.6 else rng.choice(WORDS))
    text = " ".join(words)
    if n > 12 and rng.random() < 0.4:
        cut = text.find(" ", len(text) // 2)
        if cut > 0:
            text = text[:cut] + "," + text[cut:]
    return text[0].upper() + text[1:] + "."


def answer(rng):
    target = rng.randint(300, 1500)
    sentences = []
    length = 0
    while length < target:
        s = sentence(rng)
        sentences.append(s)
        length += len(s) + 1
    text = " ".join(sentences)
    if len(text) > 1500:  # trim whole words, keep a sentence end
        text = text[:1499].rsplit(" ", 1)[0].rstrip(",") + "."
    return text


def question(rng, used):
    """A new question and its unique id (the slug, numbered -2, -3, ... when
    the slug is taken, as ids made from similar questions would be)."""
    q = "%s %s %s %s %s?" % (rng.choice(OPENERS), rng.choice(SUBJECTS), rng.choice(VERBS),
                             rng.choice(AREAS), rng.choice(QUALIFIERS))
    base = slugify(q)
    entry_id, n = base, 1
    while entry_id in used:
        n += 1
        entry_id = "%s-%d" % (base, n)
    used.add(entry_id)
    return q, entry_id


def faq_file(entry_id, q, position, body):
    return ("---\n"
            "id: %s\n"
            "question: %s\n"
            "category: %s\n"
            "position: %d\n"
            "---\n"
            "%s\n") % (entry_id, q, CATEGORY, position, body)


def real_positions(faq_dir):
    entries = []
    for name in sorted(os.listdir(faq_dir)):
        if not name.endswith(".md"):
            continue
        with open(os.path.join(faq_dir, name), encoding="utf-8") as f:
            m = re.search(r"^position: (\d+)$", f.read(), re.M)
        entries.append((int(m.group(1)) if m else 0, name))
    return sorted(entries)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("source")
    p.add_argument("out")
    p.add_argument("count", type=int)
    p.add_argument("--seed", type=int, default=20260101)
    args = p.parse_args()
    if args.count < 1:
        sys.exit("gen_content: N must be at least 1")
    if os.path.exists(args.out):
        sys.exit("gen_content: %s exists" % args.out)
    shutil.copytree(args.source, args.out)
    faq_dir = os.path.join(args.out, "faq")
    os.makedirs(faq_dir, exist_ok=True)
    real = real_positions(faq_dir)
    for _, name in real[args.count:]:
        os.remove(os.path.join(faq_dir, name))
    real = real[:args.count]
    used = {name[:-3] for _, name in real}
    position = max([pos for pos, _ in real] + [0])
    rng = random.Random(args.seed)
    for _ in range(args.count - len(real)):
        q, entry_id = question(rng, used)
        position += 10
        with open(os.path.join(faq_dir, entry_id + ".md"), "w", encoding="utf-8", newline="\n") as f:
            f.write(faq_file(entry_id, q, position, answer(rng)))
    total = len([n for n in os.listdir(faq_dir) if n.endswith(".md")])
    if total != args.count:
        sys.exit("gen_content: made %d entries, wanted %d" % (total, args.count))


if __name__ == "__main__":
    main()
