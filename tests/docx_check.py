"""Reads the .docx files our own writer makes (static/js/lib/docx.js) back with python-docx, a
real parser that knows nothing of how they were written, and checks what a reader would see:
headings with Word's heading styles, paragraphs, bullets, table cells, Dutch characters and
markup characters as text, A4 paper, and the repeating header row of each table.

Usage: python tests/docx_check.py   (run by `make test`; needs node on the PATH)
"""

import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm

ROOT = Path(__file__).resolve().parent.parent


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def equal(actual, expected, what):
    check(actual == expected, f"{what}: {actual!r} != {expected!r}")


def blocks(document):
    """(style name, text) of every paragraph outside the tables."""
    return [(p.style.name, p.text) for p in document.paragraphs if p.text]


def cells(table):
    return [[c.text for c in row.cells] for row in table.rows]


def rows_props(table):
    """Per row: (cantSplit, tblHeader) as written in its w:trPr."""
    out = []
    for row in table.rows:
        tr_pr = row._tr.trPr
        has = lambda tag: tr_pr is not None and tr_pr.find(qn(tag)) is not None  # noqa: E731
        out.append((has("w:cantSplit"), has("w:tblHeader")))
    return out


def near(length, mm):
    return abs(length - Mm(mm)) < Mm(0.1)


def check_sample(path):
    document = Document(path)
    equal(
        blocks(document),
        [
            ("Heading 1", "Rapport: één, twee & drie"),
            ("Normal", "Regio: Zuid-Holland Oost"),
            ("Normal", 'Tekst met <tekens> & "aanhalingen" en een ë.'),
            ("Heading 2", "Financiën"),
            ("List Bullet", "Eerste punt"),
            ("List Bullet", "Tweede punt: café"),
            ("Heading 3", "Ideeën"),
        ],
        "sample paragraphs",
    )
    bold = [r.text for r in document.paragraphs[1].runs if r.bold]
    equal(bold, ["Regio: "], "bold run")
    equal(len(document.tables), 1, "tables")
    table = document.tables[0]
    equal(
        cells(table),
        [["Actie", "Eigenaar"], ["Bel <school> & ouders", "Leerplicht"], ["Plan een overleg", "Coördinator"]],
        "sample table",
    )
    equal(rows_props(table), [(True, True), (True, False), (True, False)], "cantSplit, tblHeader")
    section = document.sections[0]
    check(near(section.page_width, 210) and near(section.page_height, 297), "A4 portrait")
    check(near(section.left_margin, 20) and near(section.top_margin, 20), "margins of 2 cm")
    equal(section.orientation, WD_ORIENT.PORTRAIT, "orientation")
    equal(document.core_properties.title, "Proef: één & twee", "title")
    equal(document.core_properties.language, "nl-NL", "language")


def check_werkagenda(path):
    document = Document(path)
    equal(
        blocks(document),
        [
            ("Heading 1", "Werkagenda Noord-Kennemerland"),
            ("Normal", "Regio: Noord-Kennemerland"),
            ("Normal", "Datum: 15 december 2026"),
            ("Heading 2", "Het kind centraal"),
            ("Normal", "Nog geen acties."),
            ("Heading 2", "Hoe eerder hoe beter"),
        ],
        "werkagenda paragraphs",
    )
    equal(len(document.tables), 1, "one table: one theme has actions")
    equal(
        cells(document.tables[0]),
        [
            ["Nr.", "Actie", "Doel", "Eigenaar", "Deadline", "Status", "Notities", "Bron"],
            ["1", "Maak afspraken <met> leerplicht & school", "Eerder hulp", "Leerplicht", "", "Gepland", "", "Checklist"],
            ["2", "Overleg met de coördinator", "", "", "1 maart 2027", "Bezig", "Financiën in mei", "eigen actie"],
        ],
        "werkagenda table",
    )
    equal(rows_props(document.tables[0])[0], (True, True), "header row")
    section = document.sections[0]
    equal(section.orientation, WD_ORIENT.LANDSCAPE, "orientation")
    check(near(section.page_width, 297) and near(section.page_height, 210), "A4 landscape")


def check_report(path):
    """The report of a scored result: whose, the score, the missing duty with its article, the
    gaps with advice and source, what to find out, and the note."""
    document = Document(str(path))
    texts = [p.text for p in document.paragraphs]
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    equal(
        headings,
        ["Rapport: Proefchecklist", "Wettelijke plichten die ontbreken", "Waar je aan kunt werken", "Uitzoeken", "Notities"],
        "report headings",
    )
    check("Regio of school: Basisschool De Vlinder" in texts, f"the name: {texts}")
    check("Instrument: Proefchecklist, versie 2" in texts, "instrument and version")
    check(any(t.startswith("Score: ") for t in texts), "a score")
    check("Leerplichtwet 1969, artikel 21a. Vraag 1: Staat de meldplicht erin?" in texts, f"the duty: {texts}")
    gaps = cells(document.tables[0])
    equal(gaps[0], ["Vraag", "Antwoord", "Advies", "Waarom en bron"], "gap header")
    equal(gaps[1][:3], ["1. Staat de meldplicht erin?", "Nee", "Neem de meldplicht op."], "heaviest gap first")
    check("Bron: Leerplichtwet 1969, artikel 21a." in gaps[1][3], f"source of the gap: {gaps[1][3]!r}")
    check("De school meldt na 16 uur." in gaps[1][3], "why it matters")
    find_out = cells(document.tables[1])
    equal(find_out[1][:2], ["3. Zijn er cijfers?", "Zoek uit hoe dit nu geregeld is en wie dat weet. Vul deze vraag daarna opnieuw in."], "unknown")
    equal(cells(document.tables[2])[1], ["4. Is er een plan?", "Klaar in maart"], "the note")


def main():
    target = ROOT / "target"
    target.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target) as out:
        subprocess.run(["node", str(ROOT / "tests/js/make-docx-sample.mjs"), out], check=True)
        check_sample(Path(out) / "proef.docx")
        check_werkagenda(Path(out) / "werkagenda.docx")
        check_report(Path(out) / "rapport.docx")
    print("docx_check: 3 passed, 0 failed")


if __name__ == "__main__":
    sys.exit(main())
