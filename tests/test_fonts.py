"""Bundled fonts, FontBook and the pygame-free coverage check (game.ui.fonts)."""
import os
import struct
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pytest  # noqa: E402

from game.ui import fonts  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("bold", [False, True])
def test_bundled_font_exists_with_reasonable_size(bold):
    path = fonts.bundled_font_path(bold)
    assert 1_000_000 < path.stat().st_size < 8_000_000


def test_licence_ships_with_fonts():
    assert "SIL OPEN FONT LICENSE Version 1.1" in (fonts.FONT_DIR / "OFL.txt").read_text(encoding="utf-8")


def test_common_chinese_is_covered():
    assert fonts.font_covers("请拨打96110咨询，或下载国家反诈中心APP。“公检法”《通知》……——") is None


def test_traditional_chinese_is_covered():
    assert fonts.font_covers("請撥打96110諮詢，或下載國家反詐中心APP。詐騙電話") is None


def test_game_symbols_are_covered():
    assert fonts.font_covers("¥✓✗→←↑↓●○▲■◆★①⑳") is None


def test_font_covers_finds_emoji():
    assert fonts.font_covers("小心诈骗😀！") == "😀"


def test_font_covers_finds_rare_character():
    assert fonts.font_covers("安全𠀀") == "𠀀"


def test_newline_counts_as_covered():
    assert fonts.font_covers("第一行\n第二行") is None


def test_covered_codepoints_is_cached():
    first = fonts.covered_codepoints()
    assert isinstance(first, frozenset)
    assert fonts.covered_codepoints() is first


def test_struct_reader_matches_fonttools():
    ttlib = pytest.importorskip("fontTools.ttLib")
    path = fonts.bundled_font_path()
    table = ttlib.TTFont(str(path), lazy=True)["cmap"]
    expected = {cp for t in table.tables if t.format in (4, 12) and t.isUnicode()
                for cp, glyph in t.cmap.items() if glyph != ".notdef"}
    assert fonts.read_cmap_struct(path) == expected


def _sfnt_with_cmap_format12(groups):
    """A minimal font file holding only a cmap with one (3, 10) format 12 subtable."""
    sub = struct.pack(">HHIII", 12, 0, 16 + 12 * len(groups), 0, len(groups))
    sub += b"".join(struct.pack(">III", *g) for g in groups)
    cmap = struct.pack(">HH", 0, 1) + struct.pack(">HHI", 3, 10, 12) + sub
    header = struct.pack(">IHHHH", 0x00010000, 1, 16, 0, 0)
    record = struct.pack(">4sIII", b"cmap", 0, 12 + 16, len(cmap))
    return header + record + cmap


def test_struct_reader_reads_format12(tmp_path):
    path = tmp_path / "tiny.otf"
    path.write_bytes(_sfnt_with_cmap_format12([(0x41, 0x43, 1), (0x20000, 0x20001, 4)]))
    assert fonts.read_cmap_struct(path) == {0x41, 0x42, 0x43, 0x20000, 0x20001}


def test_coverage_check_does_not_import_pygame():
    code = ("import sys; from game.ui.fonts import covered_codepoints, font_covers; "
            "assert font_covers('中') is None and len(covered_codepoints()) > 10000; "
            "assert 'pygame' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_fontbook_loads_each_face_and_size_once():
    book = fonts.FontBook()
    assert book.get(24) is book.get(24)
    assert book.get(24, bold=True) is not book.get(24)


def test_fontbook_knows_every_game_locale():
    book = fonts.FontBook()
    for locale in ("zh_Hans", "zh_Hant", "en"):
        book.set_locale(locale)
        assert book.path().is_file() and book.path(bold=True).is_file()


def test_fontbook_rejects_unknown_locale():
    with pytest.raises(KeyError):
        fonts.FontBook().set_locale("xx")


def test_the_font_book_keeps_a_bounded_number_of_sizes_loaded():
    from game.ui.fonts import MAX_FONTS, FontBook

    book = FontBook()
    for size in range(8, 8 + MAX_FONTS * 2):
        book.get(size)
    assert len(book._fonts) == MAX_FONTS


def test_the_font_book_keeps_the_size_used_last():
    from game.ui.fonts import MAX_FONTS, FontBook

    book = FontBook()
    first = book.get(20)
    for size in range(30, 30 + MAX_FONTS - 1):
        book.get(size)
        assert book.get(20) is first       # in use all along: never reloaded
