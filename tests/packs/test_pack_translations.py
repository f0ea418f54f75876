"""A pack's own translations: extracted into its own catalogs only, drafts fuzzy, no guesses."""

import hashlib
import importlib.util
import os
import shutil
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from game.cli import main
from game.content.loader import load_library
from game.content.packs import ContentSources
from game.i18n.catalogs import po_path
from game.i18n.coverage import coverage_report
from game.paths import LOCALES_DIR, PROJECT_DIR

from pack_helpers import set_field


def _catalog(county, locale):
    with po_path(locale, county / "locales").open("rb") as f:
        return read_po(f, locale=locale)


def _digest(folder):
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*.po*"))}


def test_translate_writes_only_the_packs_catalogs(county, capsys):
    before = _digest(LOCALES_DIR)
    set_field(county / "tiles" / "qingshan.yaml", "keyword: 问问邻居", "keyword: 问问社区")
    assert main(["pack", "translate", str(county)]) == 0
    assert _digest(LOCALES_DIR) == before
    assert _catalog(county, "en").get("问问社区") is not None


def test_a_new_text_is_empty_and_never_a_guess_from_a_similar_one(county):
    set_field(county / "tiles" / "qingshan.yaml", "keyword: 号码停机", "keyword: 号码已停机")
    main(["pack", "translate", str(county)])
    entry = _catalog(county, "en").get("号码已停机")
    assert entry.string == "" and not entry.fuzzy


def test_translations_done_are_kept_and_old_texts_become_obsolete(county):
    set_field(county / "tiles" / "qingshan.yaml", "keyword: 号码停机", "keyword: 号码已停机")
    main(["pack", "translate", str(county)])
    catalog = _catalog(county, "en")
    assert catalog.get("问问邻居").string == "Ask a neighbour" and "号码停机" in catalog.obsolete


@pytest.mark.skipif(importlib.util.find_spec("opencc") is None, reason="OpenCC (the translate extra) not installed")
def test_opencc_drafts_are_fuzzy_and_count_as_untranslated(county):
    set_field(county / "tiles" / "qingshan.yaml", "keyword: 问问邻居", "keyword: 问问社区")
    main(["pack", "translate", str(county), "--locale", "zh_Hant", "--draft-hant"])
    entry = _catalog(county, "zh_Hant").get("问问社区")
    assert entry.string == "問問社區" and entry.fuzzy
    result = load_library(sources=ContentSources(extra=(county,)))
    missing = coverage_report(result, pack_roots=[county.resolve()])["zh_Hant"]["missing"]
    assert [(m["msgid"], m["state"]) for m in missing] == [("问问社区", "fuzzy")]


def test_a_fuzzy_entry_is_not_used_by_the_game(county):
    po = po_path("en", county / "locales")
    text = po.read_text(encoding="utf-8").replace('msgid "问问邻居"', '#, fuzzy\nmsgid "问问邻居"')
    po.write_text(text, encoding="utf-8")
    from game.i18n.catalogs import get_translator, use_pack_catalogs
    use_pack_catalogs(load_library(sources=ContentSources(extra=(county,))).catalog_dirs)
    try:
        assert get_translator("en")("问问邻居") == "问问邻居"
    finally:
        use_pack_catalogs([])


def test_texts_the_game_already_translates_come_filled_in(county):
    shutil.rmtree(county / "locales")
    main(["pack", "translate", str(county)])
    assert _catalog(county, "en").get("未知号码").string == "Unknown number"


# ---------------------------------------------------------------- the shared catalogs (tools/i18n.py)

def _tool():
    spec = importlib.util.spec_from_file_location("i18n_tool", PROJECT_DIR / "tools" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A tiny project for tools/i18n.py: one source file, an English catalog written unwrapped."""
    (tmp_path / "babel.cfg").write_text("[python: **.py]\n", encoding="utf-8")
    (tmp_path / "screen.py").write_text('tr("归属地：外省")\ntr("归属地：境外")\n'
                                        f'tr("{"很长的一句话" * 20}")\n', encoding="utf-8")
    po = tmp_path / "locales" / "en" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
                  'msgid "归属地：境外"\nmsgstr "Location: overseas"\n\n'
                  f'msgid "{"很长的一句话" * 20}"\nmsgstr "{"A very long sentence. " * 20}"\n', encoding="utf-8")
    tool = _tool()
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    monkeypatch.setattr(tool, "LOCALES_DIR", tmp_path / "locales")
    monkeypatch.setattr(tool, "POT", tmp_path / "locales" / "messages.pot")
    monkeypatch.setattr(tool, "TARGETS", ("en",))
    monkeypatch.setenv("PATH", str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"])   # pybabel
    return tool, po


def test_update_offers_no_fuzzy_guess_from_a_similar_text(project):
    tool, po = project
    tool.update()
    entry = read_po(po.open("rb"), locale="en").get("归属地：外省")
    assert entry.string == "" and not entry.fuzzy


def test_update_keeps_long_lines_unwrapped(project):
    tool, po = project
    tool.update()
    assert f'msgstr "{"A very long sentence. " * 20}"' in po.read_text(encoding="utf-8")
