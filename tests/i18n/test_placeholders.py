"""A translation keeps the placeholders of its source: {hotline.warning} must still be there to name the hotline."""

import shutil

from babel.messages.pofile import read_po, write_po

from game.content.loader import load_library
from game.i18n.catalogs import LOCALES, po_path
from game.i18n.coverage import coverage_report
from game.paths import LOCALES_DIR


def _report_with(tmp_path, msgid, translation):
    root = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, root, ignore=shutil.ignore_patterns("*.mo"))
    po = po_path("en", root)
    with po.open("rb") as f:
        catalog = read_po(f, locale="en")
    catalog[msgid].string = translation
    with po.open("wb") as f:
        write_po(f, catalog, width=0)
    report = coverage_report(load_library(check_font=False), root)["en"]
    return [m["state"] for m in report["missing"] if m["msgid"] == msgid]


SOURCE = "扫码拨打 {hotline.warning} 反诈专线"


def test_a_translation_that_drops_the_hotline_is_not_counted_as_translated(tmp_path):
    assert _report_with(tmp_path, SOURCE, "Scan to call the anti-fraud hotline") == ["placeholders"]


def test_a_translation_that_misspells_the_hotline_is_not_counted_as_translated(tmp_path):
    assert _report_with(tmp_path, SOURCE, "Scan to call {hotline.warnings}") == ["placeholders"]


def test_a_translation_that_keeps_it_is_counted(tmp_path):
    assert _report_with(tmp_path, SOURCE, "Scan to call {hotline.warning}, the anti-fraud hotline") == []


def test_every_shipped_translation_keeps_its_placeholders():
    import re
    wrong = []
    for locale in LOCALES[1:]:
        with po_path(locale).open("rb") as f:
            for m in read_po(f, locale=locale):
                if m.id and m.string and sorted(re.findall(r"\{[a-z_.]+\}", m.id)) != sorted(
                        re.findall(r"\{[a-z_.]+\}", m.string)):
                    wrong.append(f"{locale}: {m.id}")
    assert wrong == []
