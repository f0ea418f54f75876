"""Catalogs: extraction from YAML, compile-on-start, lookups, plural forms, locale formats."""

import io
import os
import shutil
import time

from babel.messages.pofile import read_po

from game.i18n.catalogs import LOCALES, Translator, compile_catalogs, po_path
from game.i18n.extract import content_texts, extract_content_yaml
from game.i18n import formatting
from game.paths import LOCALES_DIR


SCAM = """kind: scam_type
id: fake_police
name: 冒充公检法
summary: 骗子冒充警察。
techniques: [authority]
signs: [电话里办案, 要求保密]
right_action: 挂断，拨打110。
advice: 警察不会电话办案。
"""


def test_extractor_yields_every_text_field_with_its_line():
    texts = [(line, text) for line, text, _ctx in content_texts(SCAM.encode())]
    assert texts == [(3, "冒充公检法"), (4, "骗子冒充警察。"), (6, "电话里办案"), (6, "要求保密"),
                     (7, "挂断，拨打110。"), (8, "警察不会电话办案。")]


def test_extractor_does_not_yield_ids_or_enums():
    messages = [m for _l, _f, m, _c in extract_content_yaml(io.BytesIO(SCAM.encode()), [], [], {})]
    assert "fake_police" not in messages and "authority" not in messages


def test_extractor_survives_broken_yaml():
    assert content_texts(b"kind: [unclosed") == []


def _copy_locales(tmp_path):
    root = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, root, ignore=shutil.ignore_patterns("*.mo"))
    return root


def test_compile_writes_mo_when_missing(tmp_path):
    root = _copy_locales(tmp_path)
    written = compile_catalogs(root)
    assert {p.parent.parent.name for p in written} == {"zh_Hant", "en"}


def test_compile_skips_up_to_date_mo(tmp_path):
    root = _copy_locales(tmp_path)
    compile_catalogs(root)
    assert compile_catalogs(root) == []


def test_compile_redoes_mo_older_than_po(tmp_path):
    root = _copy_locales(tmp_path)
    compile_catalogs(root)
    po = po_path("en", root)
    later = time.time() + 10
    os.utime(po, (later, later))
    assert [p.parent.parent.name for p in compile_catalogs(root)] == ["en"]


def test_translator_translates_known_text(tmp_path):
    root = _copy_locales(tmp_path)
    compile_catalogs(root)
    with po_path("zh_Hant", root).open("rb") as f:
        message = next(m for m in read_po(f) if m.id and m.string and m.string != m.id and not m.fuzzy)
    assert Translator("zh_Hant", root).gettext(message.id) == message.string


def test_translator_returns_unknown_text_unchanged(tmp_path):
    root = _copy_locales(tmp_path)
    compile_catalogs(root)
    assert Translator("en", root).gettext("一句不存在的话") == "一句不存在的话"


def test_source_locale_is_identity():
    assert Translator("zh_Hans").gettext("继续") == "继续"


def test_chinese_catalogs_declare_one_plural_form():
    with po_path("zh_Hant").open("rb") as f:
        assert read_po(f).plural_forms.startswith("nplurals=1;")


def test_every_catalog_passes_babel_checks():
    for locale in LOCALES[1:]:
        with po_path(locale).open("rb") as f:
            catalog = read_po(f, locale=locale)
        assert [m.id for m, errors in catalog.check() if errors] == []


def test_money_is_cny_in_every_locale():
    assert [formatting.money(50000, loc) for loc in LOCALES] == ["¥50,000", "CN¥50,000", "CN¥50,000"]


def test_dates_follow_the_locale():
    import datetime
    day = datetime.date(2026, 11, 23)
    assert (formatting.date(day, "zh_Hans"), formatting.date(day, "en")) == ("2026年11月23日", "November 23, 2026")
