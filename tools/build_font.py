#!/usr/bin/env python3
"""Build the bundled UI fonts: subsets of Noto Sans CJK SC Regular/Bold.

Dev-time tool only (needs fontTools: ``pip install fonttools``); the game
itself never imports fontTools.

    python tools/build_font.py                    # system Noto CJK -> assets/fonts/
    python tools/build_font.py --src-dir DIR      # .ttc files live elsewhere
    python tools/build_font.py --extra-text FILE  # also keep every char in FILE(s)

The character set (see ``build_charset``) is ASCII, Latin-1, general
punctuation, CJK symbols, full/half-width forms, all of GB2312 (incl. its
6763 hanzi), all of Big5 (level-1 and level-2 hanzi, so Traditional
Chinese text renders too), arrows and a few symbols games use.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

try:
    from fontTools import subset
    from fontTools.ttLib import TTFont
except ImportError:  # pragma: no cover - dev tool
    sys.exit("fontTools is required: pip install fonttools")

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "assets" / "fonts"
SRC_DIR = Path("/usr/share/fonts/opentype/noto")

# (source collection, PostScript name of the face inside it, output file)
FACES = [
    ("NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular", "NotoSansSC-Regular.otf"),
    ("NotoSansCJK-Bold.ttc", "NotoSansCJKsc-Bold", "NotoSansSC-Bold.otf"),
]

# Inclusive code point ranges kept whole.
RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 supplement (¥ £ © ° · × ÷ ...)
    (0x2000, 0x206F),  # general punctuation (“ ” ‘ ’ … — ‰ ※ ...)
    (0x2190, 0x21FF),  # arrows
    (0x2460, 0x24FF),  # enclosed alphanumerics (①–⑳ ...)
    (0x25A0, 0x25FF),  # geometric shapes (■ □ ▲ △ ● ○ ◆ ◇ ...)
    (0x3000, 0x303F),  # CJK symbols and punctuation (、。「」《》【】 ...)
    (0xFF00, 0xFFEF),  # half-width and full-width forms (，！？（）％ ...)
]

# Individual extras a game UI tends to need.
EXTRA_CHARS = (
    "✓✔✗✘"        # check / cross marks (✔ ✗ ✘ via ALIASES)
    "★☆♠♣♥♦♪♫☎"   # stars, suits, notes, phone
    "€₩₽℃℉№™Ω"     # currency and letter-like symbols
    "≈≠≤≥±∞√"      # maths
    "ǎǐǒǔǖǘǚǜüÜ"   # pinyin tone marks (most are in GB2312 too)
    "\ufffd"       # replacement character
)


# Layout features removed from fontTools' default list (see subset_face).
DROPPED_FEATURES = {"locl", "vert", "vrt2", "valt", "vhal", "vchw", "vjmo", "vkrn", "vpal"}

# Symbols Noto Sans CJK lacks, mapped in the cmap to the closest glyph it has
# (a cmap alias, no new outlines): ✗ ✘ -> × (U+00D7), ✔ -> ✓ (U+2713).
ALIASES = {0x2717: 0x00D7, 0x2718: 0x00D7, 0x2714: 0x2713}


def _double_byte_chars(codec: str, leads: range, trails: list[range]) -> set[int]:
    """Every character a double-byte legacy charset can encode."""
    out = set()
    for hi in leads:
        for trail in trails:
            for lo in trail:
                try:
                    out.add(ord(bytes((hi, lo)).decode(codec)))
                except (UnicodeDecodeError, TypeError):
                    pass  # unassigned code, or decodes to more than one char
    return out


def gb2312_chars() -> set[int]:
    # Rows 0xA1-0xA9 are symbols/kana/Greek/Cyrillic/pinyin/box drawing,
    # rows 0xB0-0xF7 are the 6763 hanzi.
    return _double_byte_chars("gb2312", range(0xA1, 0xF8), [range(0xA1, 0xFF)])


def big5_chars() -> set[int]:
    # 0xA140-0xA3BF symbols, 0xA440-0xC67E level 1, 0xC940-0xF9D5 level 2.
    return _double_byte_chars("big5", range(0xA1, 0xFA), [range(0x40, 0x7F), range(0xA1, 0xFF)])


def build_charset(extra_files: list[Path]) -> set[int]:
    chars: set[int] = set()
    for lo, hi in RANGES:
        chars.update(range(lo, hi + 1))
    chars.update(ord(c) for c in EXTRA_CHARS)
    chars |= gb2312_chars()
    chars |= big5_chars()
    for path in extra_files:
        chars.update(ord(c) for c in path.read_text(encoding="utf-8") if c.isprintable())
    return chars


def find_face(ttc: Path, ps_name: str) -> int:
    """Index of the face with PostScript name ``ps_name`` in a collection."""
    for i in range(64):
        try:
            font = TTFont(ttc, fontNumber=i, lazy=True)
        except Exception:  # ran past the last face
            break
        if font["name"].getDebugName(6) == ps_name:
            return i
    raise SystemExit(f"{ps_name} not found in {ttc}")


def subset_face(ttc: Path, ps_name: str, out: Path, chars: set[int]) -> tuple[int, int]:
    font = TTFont(ttc, fontNumber=find_face(ttc, ps_name), recalcTimestamp=False)
    available = set(font.getBestCmap())
    wanted = sorted(chars & available)

    opts = subset.Options()
    opts.name_IDs = ["*"]          # keep copyright, trademark and licence records
    opts.name_languages = ["*"]
    opts.notdef_outline = True     # missing chars show as a visible box
    opts.recalc_timestamp = False  # reproducible output
    # Horizontal layout only.  'locl' and the vertical features would pull in
    # thousands of JP/KR/TC/vertical alternate glyphs (doubling the file) that
    # a horizontal SC UI never shows; without 'locl' the SC shapes are used
    # whatever the OS language is.
    opts.layout_features = [f for f in opts.layout_features if f not in DROPPED_FEATURES]
    opts.drop_tables += ["vhea", "vmtx", "VORG"]
    subsetter = subset.Subsetter(opts)
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)
    add_aliases(font, {k: v for k, v in ALIASES.items() if k in chars and k not in available})
    font.save(out)
    return len(font.getBestCmap()), len(chars - available - ALIASES.keys())


def add_aliases(font: TTFont, aliases: dict[int, int]) -> None:
    """Map each alias code point to the glyph of its target in every Unicode cmap."""
    best = font.getBestCmap()
    for table in font["cmap"].tables:
        if table.isUnicode() and table.format in (4, 12):
            for alias, target in aliases.items():
                if target in best:
                    table.cmap[alias] = best[target]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src-dir", type=Path, default=SRC_DIR, help="directory with NotoSansCJK-*.ttc")
    ap.add_argument("--out-dir", type=Path, default=OUT_DIR)
    ap.add_argument("--extra-text", type=Path, nargs="*", default=[],
                    help="UTF-8 text files whose characters must also be kept")
    args = ap.parse_args(argv)

    chars = build_charset(args.extra_text)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for src, ps_name, out_name in FACES:
        out = args.out_dir / out_name
        kept, missing = subset_face(args.src_dir / src, ps_name, out, chars)
        size_mb = out.stat().st_size / 1e6
        print(f"{out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}: "
              f"{kept} chars kept ({missing} requested chars not in source), {size_mb:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
