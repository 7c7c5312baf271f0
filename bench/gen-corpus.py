#!/usr/bin/env python3
"""Write a synthetic leerrecht site of N Markdown pages, for benchmarking.

    python3 bench/gen-corpus.py N OUTDIR

The output is a complete site folder: `site.toml`, `content/_index.md` and N pages spread
over sections of at most 50 pages (`content/sectie-007/_index.md`, `content/sectie-007/
pagina-0351.md`, ...). Every page has TOML front matter (title, description, weight) and
400-700 words of Dutch-like handbook text: `##`/`###` headings, paragraphs, bullet lists, a
GitHub table, sometimes a callout, and internal links to other pages (`@/sectie-003/
pagina-0123.md`), some with an anchor to a heading that exists on the target page.

Deterministic: the text of page i depends only on the fixed seed and i; the link targets
also depend on N. The same N always gives byte-identical files. Standard library only.
"""

import os
import random
import sys
import unicodedata

SEED = 20160801  # the Dutch "Passend onderwijs" act took effect on 1 August 2014; any fixed number will do
SECTION_SIZE = 50

# ---------------------------------------------------------------------------
# Vocabulary, written for this benchmark. Inflected forms (plural, -en, -s) are included on
# purpose so the Dutch stemmer has real work to do.

NOUNS = """
thuiszitter thuiszitters leerplicht leerplichtambtenaar leerplichtambtenaren school scholen
gemeente gemeenten samenwerkingsverband samenwerkingsverbanden verzuim verzuimmelding protocol
protocollen ouders ouder jeugdhulp jeugdarts leerling leerlingen kind kinderen jongere jongeren
onderwijs onderwijsconsulent zorgplicht ondersteuning ondersteuningsplan toelaatbaarheidsverklaring
vrijstelling vrijstellingen aanpak overleg casus casussen regio regio's mentor intern begeleider
zorgcoördinator wijkteam huisarts rapportage registratie termijn termijnen afspraak afspraken
handelingsplan ontwikkelingsperspectief plaatsing verwijzing doorzettingsmacht escalatie
inspectie onderwijsinspectie wethouder directeur bestuur schoolbestuur schoolbesturen maatwerk
dagbesteding zorgaanbieder thuisonderwijs lesrooster werkagenda ambitie monitor signalering
melding meldingen gesprek gesprekken dossier privacy toestemming klacht bezwaar bezwaarschrift
beschikking wet leerplichtwet kwalificatieplicht startkwalificatie uitstroom instroom
""".split()

VERBS = """
signaleert meldt bespreekt registreert onderzoekt begeleidt ondersteunt verwijst
plaatst regelt coördineert bewaakt evalueert beschrijft vraagt adviseert beslist toetst
organiseert informeert betrekt stelt bepaalt zorgt controleert voorkomt herstelt rapporteert
""".split()

ADJECTIVES = """
passend tijdig snel regionaal lokaal gezamenlijk verplicht duidelijk zorgvuldig
onafhankelijk integraal preventief structureel tijdelijk volledig beperkt wettelijk
praktisch concreet haalbaar open dringend bijzonder speciaal regulier
""".split()

FUNCTION = """
de het een en of maar want dus omdat als wanneer waarbij waardoor zodat terwijl
in op aan met voor door naar bij over onder tussen binnen zonder na tot
""".split()

NUMBERS = [
    "2014", "2016", "2017", "2020", "2023", "artikel 21a", "artikel 11", "artikel 5 onder a",
    "16 uur", "3 dagen", "4 weken", "12 weken", "18 jaar", "5 jaar", "10 procent", "COVID-19",
]

SUBJECTS = [
    "de leerplichtambtenaar", "de school", "de gemeente", "het samenwerkingsverband",
    "de intern begeleider", "de mentor", "de jeugdarts", "het wijkteam", "de ouders",
    "de zorgcoördinator", "het schoolbestuur", "de onderwijsconsulent", "de regio",
    "de directeur", "de wethouder", "de inspectie",
]

OBJECTS = [
    "het verzuim", "de thuiszitter", "de melding", "het protocol", "de afspraken",
    "het ondersteuningsplan", "de jeugdhulp", "de plaatsing", "het gesprek", "de registratie",
    "het ontwikkelingsperspectief", "de vrijstelling", "de toelaatbaarheidsverklaring",
    "het dossier", "de leerling", "de jongere", "het kind", "de casus", "de termijn",
    "de werkagenda", "het handelingsplan", "de verwijzing", "de startkwalificatie",
]

CLAUSES = [
    "binnen {num}", "volgens {num}", "uiterlijk na {num}", "sinds {num}",
    "zoals bedoeld in {num}", "ook na {num}",
]

HEADING_STEMS = [
    "Doel", "Aanpak", "Wie doet wat", "Termijnen", "Melding van verzuim", "Rol van de school",
    "Rol van de gemeente", "Rol van de ouders", "Overleg in de regio", "Escalatie",
    "Registratie en privacy", "Jeugdhulp en onderwijs", "Vrijstelling", "Maatwerk",
    "Thuiszitters in beeld", "Samenwerkingsverband", "Werkwijze", "Signalering",
    "Evaluatie", "Veelgestelde vragen", "Wettelijk kader", "Voorbeelden uit de praktijk",
    "Gesprek met ouders", "Ondersteuningsplan", "Doorzettingsmacht", "Terug naar school",
]

SUBHEADING_STEMS = [
    "Eerste stap", "Tweede stap", "Let op", "Uitzonderingen", "Voorbeeld", "Checklist",
    "Afspraken vastleggen", "Na {num}", "Volgens {num}", "Bijzondere situaties",
    "Wie is verantwoordelijk", "Wat ouders kunnen doen", "Wat de school meldt",
]

TITLE_STEMS = [
    "Verzuimprotocol", "Thuiszitters", "Leerplicht", "Samenwerkingsverband", "Jeugdhulp",
    "Ondersteuningsplan", "Vrijstelling", "Doorzettingsmacht", "Schoolweigering",
    "Maatwerk", "Terugkeer", "Signalering", "Overleg", "Registratie", "Escalatie",
    "Toelaatbaarheid", "Thuisonderwijs", "Dagbesteding", "Kwalificatieplicht", "Plaatsing",
]

TITLE_TAILS = [
    "in de regio", "voor scholen", "voor gemeenten", "voor ouders", "in het voortgezet onderwijs",
    "in het primair onderwijs", "na {num}", "en jeugdhulp", "in de praktijk", "stap voor stap",
    "bij langdurig verzuim", "volgens {num}",
]

SECTION_THEMES = [
    "Leerplicht en verzuim", "Thuiszitters", "Passend onderwijs", "Jeugdhulp", "Protocollen",
    "Regio's", "Ouders", "Wet- en regelgeving", "Instrumenten", "Praktijkvoorbeelden",
]

# ---------------------------------------------------------------------------


def slugify(text):
    """The heading id leerrecht gives a heading: lowercase, accents removed, every run of
    other characters one `-`, no leading or trailing `-`."""
    folded = unicodedata.normalize("NFKD", text.lower())
    out = []
    pending = False
    for ch in folded:
        if unicodedata.combining(ch):
            continue
        if ("a" <= ch <= "z") or ("0" <= ch <= "9"):
            if pending and out:
                out.append("-")
            pending = False
            out.append(ch)
        else:
            pending = True
    return "".join(out)


def toml_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def fill(rng, template):
    return template.replace("{num}", rng.choice(NUMBERS))


def cap(s):
    return s[:1].upper() + s[1:]


def sentence(rng):
    kind = rng.random()
    subj = rng.choice(SUBJECTS)
    verb = rng.choice(VERBS)
    obj = rng.choice(OBJECTS)
    adj = rng.choice(ADJECTIVES)
    if kind < 0.35:
        words = [subj, verb, obj, fill(rng, rng.choice(CLAUSES))]
    elif kind < 0.6:
        words = [subj, verb, "samen met", rng.choice(SUBJECTS), obj,
                 rng.choice(["zodat", "omdat", "terwijl", "waarbij"]),
                 rng.choice(OBJECTS), rng.choice(["blijft", "wordt", "is"]), adj]
    elif kind < 0.8:
        noun = rng.choice(NOUNS)
        words = [rng.choice(["bij", "voor", "na", "zonder", "tijdens"]), "een", adj, noun,
                 verb, subj, obj, rng.choice(["", "", fill(rng, rng.choice(CLAUSES))])]
    else:
        words = [obj, "is", adj, "als", subj, rng.choice(NOUNS), "en",
                 rng.choice(NOUNS), rng.choice(["bespreekt", "vastlegt", "toetst", "deelt"])]
    text = " ".join(w for w in words if w)
    return cap(text) + "."


def paragraph(rng, n_min=3, n_max=6):
    return " ".join(sentence(rng) for _ in range(rng.randint(n_min, n_max)))


def word_count(text):
    return len(text.split())


class PagePlan:
    """What other pages need to know before any body is written: where a page lives, its
    title and the headings (with their ids) it will have."""

    def __init__(self, index, n_pages):
        rng = random.Random(SEED * 1_000_003 + index)
        self.index = index
        self.section = index // SECTION_SIZE
        width = max(4, len(str(n_pages - 1)))
        self.key = f"sectie-{self.section:03d}/pagina-{index:0{width}d}.md"
        self.title = f"{rng.choice(TITLE_STEMS)} {fill(rng, rng.choice(TITLE_TAILS))} ({index + 1})"
        self.description = cap(sentence(rng).rstrip(".?!")) + "."
        self.weight = rng.randint(1, 100)
        # headings: 3-5 sections of `##`, each with 0-2 `###`; texts unique within the page so
        # that ids carry no `-1` suffix and anchors are easy to predict.
        used = set()
        self.outline = []  # list of (level, text, id)
        for stem in rng.sample(HEADING_STEMS, rng.randint(3, 5)):
            self._add(2, stem, used)
            for _ in range(rng.choice([0, 1, 1, 2])):
                self._add(3, fill(rng, rng.choice(SUBHEADING_STEMS)), used)

    def _add(self, level, text, used):
        base = text
        n = 2
        while slugify(text) in used:
            text = f"{base} {n}"
            n += 1
        used.add(slugify(text))
        self.outline.append((level, text, slugify(text)))


def link_markdown(rng, plans, here):
    target = plans[rng.randrange(len(plans))]
    if target.index == here.index and len(plans) > 1:
        target = plans[(here.index + 1) % len(plans)]
    if rng.random() < 0.5:
        level, text, hid = rng.choice(target.outline)
        return f"[{text.lower()} bij {target.title.split(' (')[0].lower()}](@/{target.key}#{hid})"
    return f"[{target.title}](@/{target.key})"


def table(rng):
    header = "| Wie | Wat | Termijn |"
    sep = "|-----|-----|---------|"
    rows = []
    for _ in range(rng.randint(3, 6)):
        rows.append("| {} | {} {} | {} |".format(
            cap(rng.choice(SUBJECTS)), cap(rng.choice(VERBS)), rng.choice(OBJECTS),
            rng.choice(["binnen 3 dagen", "binnen 4 weken", "na 12 weken", "direct",
                        "jaarlijks", "voor 1 augustus", "na 16 uur verzuim"])))
    return "\n".join([header, sep] + rows)


def bullets(rng, plans, here, links):
    items = []
    for _ in range(rng.randint(3, 6)):
        item = cap(rng.choice(SUBJECTS)) + " " + rng.choice(VERBS) + " " + rng.choice(OBJECTS)
        if links and rng.random() < 0.3:
            item += "; zie " + link_markdown(rng, plans, here)
        items.append("- " + item + ".")
    return "\n".join(items)


def page_body(plan, plans):
    rng = random.Random(SEED * 7_000_003 + plan.index)
    target_words = rng.randint(430, 660)
    blocks = [paragraph(rng, 2, 4)]
    table_at = rng.randrange(len(plan.outline))
    callout_at = rng.randrange(len(plan.outline)) if rng.random() < 0.35 else -1
    links_left = rng.randint(3, 6)
    # about 10 words a sentence; leave room for lists, the table and the top-up
    per_heading = max(1, round(target_words * 0.4 / len(plan.outline) / 10))
    for i, (level, text, _hid) in enumerate(plan.outline):
        blocks.append("#" * level + " " + text)
        blocks.append(paragraph(rng, max(1, per_heading - 1), per_heading + 1))
        if links_left and rng.random() < 0.6:
            blocks[-1] += " Meer hierover staat in " + link_markdown(rng, plans, plan) + "."
            links_left -= 1
        if rng.random() < 0.4:
            blocks.append(bullets(rng, plans, plan, links=True))
        if i == table_at:
            blocks.append(table(rng))
        if i == callout_at:
            blocks.append("> [!NOTE]\n> " + sentence(rng) + " " + sentence(rng))
    # top up to the target length with paragraphs under the last heading
    body = "\n\n".join(blocks)
    while word_count(body) < target_words:
        blocks.append(paragraph(rng))
        body = "\n\n".join(blocks)
    while links_left:
        blocks.append("Zie ook " + link_markdown(rng, plans, plan) + ".")
        links_left -= 1
    return "\n\n".join(blocks) + "\n"


def front_matter(title, description, weight):
    return "+++\n" + "\n".join([
        f"title = {toml_string(title)}",
        f"description = {toml_string(description)}",
        f"weight = {weight}",
    ]) + "\n+++\n\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main(argv):
    if len(argv) != 3 or not argv[1].isdigit() or int(argv[1]) < 1:
        sys.stderr.write("gebruik: python3 bench/gen-corpus.py N UITVOERMAP   (N >= 1)\n")
        return 2
    n = int(argv[1])
    out = argv[2]
    content = os.path.join(out, "content")
    if os.path.exists(content):
        sys.stderr.write(f"{content} bestaat al; kies een lege map\n")
        return 1
    plans = [PagePlan(i, n) for i in range(n)]
    write(os.path.join(out, "site.toml"),
          f'title = "Benchmarkhandboek met {n} pagina\'s"\n'
          'language = "nl"\n'
          "search = true\n")
    home_rng = random.Random(SEED)
    write(os.path.join(content, "_index.md"),
          front_matter(f"Benchmarkhandboek ({n} pagina's)",
                       "Synthetische inhoud om de bouwtijd van leerrecht te meten.", 0)
          + paragraph(home_rng) + "\n\nBegin bij " + link_markdown(home_rng, plans, plans[0])
          + ".\n")
    n_sections = (n + SECTION_SIZE - 1) // SECTION_SIZE
    for s in range(n_sections):
        rng = random.Random(SEED * 13 + s)
        theme = SECTION_THEMES[s % len(SECTION_THEMES)]
        write(os.path.join(content, f"sectie-{s:03d}", "_index.md"),
              front_matter(f"{theme} {s + 1}", cap(sentence(rng).rstrip(".?!")) + ".", s + 1)
              + paragraph(rng) + "\n")
    for plan in plans:
        write(os.path.join(content, plan.key),
              front_matter(plan.title, plan.description, plan.weight) + page_body(plan, plans))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
