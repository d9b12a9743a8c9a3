#!/usr/bin/env python3
"""The clinic's records for the benchmark's workloads, as file bytes in the
canonical form of docs/content-format.md (what clinicctl itself writes).

FAQ entries: ids are unique slugs made from the question the way clinicctl
makes them (at most 60 characters, cut at a word; -2, -3, ... when taken),
answers are 300-1,500 characters of varied words, one paragraph, no Markdown
markup; questions and answers use only letters, digits, spaces, commas, full
stops and a final question mark, so YAML reads them back unquoted. Locations
are in US states with five-digit ZIPs; their hours have two weekly ranges and
two special dates. Everything is a pure function of a seeded random.Random.

Python 3 standard library only.
"""

import re

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


def faq_file(entry_id, q, position, body, translation=None, category=CATEGORY):
    """An FAQ entry's file; translation is (question, answer) in Spanish, or None."""
    text = ("---\n"
            "id: %s\n"
            "question: %s\n"
            "category: %s\n"
            "position: %d\n") % (entry_id, q, category, position)
    if translation:
        text += "translations:\n  es:\n    question: %s\n    answer: %s\n" % translation
    return text + "---\n%s\n" % body


ES_WORDS = (
    "el la los las un una musculo punto gatillo aguja terapia paciente sesion tratamiento "
    "dolor alivio tejido tension respuesta recuperacion ejercicio postura movimiento fuerza "
    "articulacion nervio sangre cuello espalda cadera rodilla tobillo hombro semana dia hora "
    "cita seguro clinica casa plan suave breve esteril normal comun leve profundo mejorar "
    "reducir apoyar liberar relajar seguir evitar volver progresar cuidado equipo"
).split()


def spanish(rng):
    """A Spanish translation (question, answer) of plain words, YAML-safe unquoted."""
    words = [rng.choice(ES_WORDS) for _ in range(rng.randint(5, 9))]
    q = "Puedo " + " ".join(words) + "?"
    sentences = []
    for _ in range(rng.randint(2, 5)):
        w = " ".join(rng.choice(ES_WORDS) for _ in range(rng.randint(8, 16)))
        sentences.append(w[0].upper() + w[1:] + ".")
    return q, " ".join(sentences)


STATES = [("IL", "Chicago", "606"), ("WI", "Milwaukee", "532"), ("IN", "Gary", "464"),
          ("MI", "Detroit", "482"), ("OH", "Columbus", "432"), ("MN", "Minneapolis", "554"),
          ("IA", "Des Moines", "503"), ("MO", "Saint Louis", "631")]
STREETS = ["Monroe", "Lake", "Oak", "Maple", "Elm", "Cedar", "Washington", "Madison", "Main", "Park"]


def location_file(index, rng):
    """(id, file bytes) of generated location number index (1-based)."""
    state, city, zip3 = STATES[index % len(STATES)]
    loc_id = "branch-%03d" % index
    text = ("id: %s\n"
            "label: %s Branch %d\n"
            "address:\n"
            "  street:\n"
            "    - %d %s Street\n"
            "  city: %s\n"
            "  state: %s\n"
            "  zip: \"%s%02d\"\n"
            "  country: US\n"
            "status: open\n") % (loc_id, city, index, rng.randint(10, 9999), rng.choice(STREETS),
                                 city, state, zip3, index % 100)
    return loc_id, text


CLOSING_TIMES = ["17:00", "17:30", "18:00", "18:30", "19:00", "19:30", "20:00"]


def hours_file(loc_id, closes, special_day):
    """The hours of a location: weekdays until closes, Saturday morning, a
    closed holiday and a short day (special_day: 1-28, the short day's date in
    December 2026)."""
    return ("location: %s\n"
            "weekly:\n"
            "  - days: [mon, tue, wed, thu, fri]\n"
            "    opens: \"07:00\"\n"
            "    closes: \"%s\"\n"
            "  - days: [sat]\n"
            "    opens: \"08:00\"\n"
            "    closes: \"12:00\"\n"
            "special:\n"
            "  - from: \"2026-11-26\"\n"
            "    closed: true\n"
            "    reason: Thanksgiving\n"
            "  - from: \"2026-12-%02d\"\n"
            "    ranges:\n"
            "      - opens: \"09:00\"\n"
            "        closes: \"13:00\"\n") % (loc_id, closes, special_day)


def social_file(count):
    """count links: the real four networks first, then youtube, facebook and
    `other` links (a network other than `other` is listed once)."""
    links = [("tiktok", "https://www.tiktok.com/@jasonthept"), ("x", "https://x.com/jasonthept"),
             ("linkedin", "https://www.linkedin.com/company/jasonthept"),
             ("instagram", "https://www.instagram.com/jasonthept"),
             ("facebook", "https://www.facebook.com/jasonthept"),
             ("youtube", "https://www.youtube.com/@jasonthept")]
    links = links[:count]
    for n in range(len(links), count):
        links.append(("other", "https://branch%d.example.com/jasonthept" % n))
    text = "links:\n"
    for network, url in links:
        text += "  - network: %s\n    url: %s\n    handle: jasonthept\n" % (network, url)
    return text
