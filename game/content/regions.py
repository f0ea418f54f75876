"""Content by region: the ``regions:`` field, the library one region plays, and the hotline checks.

A scenario, a tile or a quiz item may say where it plays::

    regions: [mainland]        # a story about a call from 96110: only the mainland has that line

Left out, it plays everywhere. ``for_region`` gives the library a region plays: items limited to
other regions are left out and everything that pointed at them drops the reference, as the loader
does for a file that failed (a tile with nothing left becomes a plain square; a pack keeps its
other scenes). The checker reads every region at once (``load_library()`` without a region).

The text checks (``check_texts``), for one item and the regions it plays in:

* ``bad-placeholder`` (error): ``{hotline.…}`` with an unknown key, or written askew;
* ``hotline-missing`` (warning): a placeholder for a fact one of its regions lacks
  (``{hotline.app}`` in Taiwan): players there would see the placeholder;
* ``literal-hotline`` (warning): a region-dependent number written literally ("拨打96110")
  in an item that also plays where that number is wrong.
"""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

from . import hotlines
from .models import Library, TileType
from .problems import Problem, ProblemList

REGION_IDS = hotlines.REGION_IDS


def read_regions(r) -> tuple[str, ...]:
    """The optional ``regions`` list of the mapping ``r`` reads (a ``Reader``); () = every region."""
    items = r.list("regions", required=False)
    if items is None:
        return ()
    out: list[str] = []
    for i, value in enumerate(items):
        if value in REGION_IDS:
            if value not in out:
                out.append(value)
        else:
            from .reader import _did_you_mean   # the reader's own hint wording
            r.problems.error(*items.pos(i), "bad-value", f"{value!r} is not a region",
                             _did_you_mean(str(value), REGION_IDS) + f"one of: {', '.join(REGION_IDS)}")
            r.ok = False
    return tuple(out)


def plays_in(regions: tuple[str, ...]) -> tuple[str, ...]:
    """The regions an item plays in: its own list, or all of them."""
    return regions or REGION_IDS


def check_texts(records, regions: tuple[str, ...], problems: ProblemList, plain=()) -> None:
    """Hotline checks for the texts of one item (``TextRecord``s) and its plain fields
    (``plain``: (value, line, col, what) tuples, e.g. a contact's number)."""
    where_played = plays_in(regions)
    for rec in records:
        _check_one(rec.text, rec.line, rec.col, rec.context, where_played, problems, placeholders=True)
    for value, line, col, what in plain:
        _check_one(value, line, col, what, where_played, problems, placeholders=False)


def _check_one(text: str, line: int, col: int, where: str, regions, problems: ProblemList,
               placeholders: bool) -> None:
    for bad in hotlines.malformed_placeholders_in(text):
        problems.error(line, col, "bad-placeholder",
                       f"{where} has '{bad}', which is not a hotline placeholder",
                       "write one of " + ", ".join("{hotline.%s}" % k for k in hotlines.KEYS))
    if placeholders:
        for key, region in hotlines.missing_in(hotlines.placeholders_in(text), regions):
            problems.warning(line, col, "hotline-missing",
                             f"{where} names {{hotline.{key}}}, which {region} does not have: "
                             f"players there would see the placeholder",
                             f"add 'regions:' without {region} to the item, or say it without {{hotline.{key}}}")
    number = hotlines.literal_number_problem(text, regions)
    if number:
        owners = dict(hotlines.literal_numbers_in(text))[number]
        wrong = [r for r in regions if r not in owners]
        problems.warning(line, col, "literal-hotline",
                         f"{where} writes the number '{number}', which is wrong in {', '.join(wrong)}",
                         f"write {hotlines.placeholder_for(number)} (each region's own number), "
                         f"or limit the item with 'regions: [{', '.join(owners)}]'")


def for_region(library: Library, region: str) -> Library:
    """The library as ``region`` plays it."""
    scenarios = {sid: s for sid, s in library.scenarios.items() if region in plays_in(s.regions)}
    pools = {}
    for pid, pool in library.quiz_pools.items():
        items = tuple(q for q in pool.items if region in plays_in(q.regions))
        if items:
            pools[pid] = replace(pool, items=items)
    tiles = {}
    for tid, tile in library.tiles.items():
        if region not in plays_in(tile.regions):
            continue
        kept = replace(tile, scenarios=tuple(s for s in tile.scenarios if s in scenarios),
                       quiz_pool=tile.quiz_pool if tile.quiz_pool in pools else None)
        if kept.type is TileType.SCAM and not kept.scenarios and not kept.quiz_pool:
            continue
        tiles[tid] = kept
    boards = {bid: replace(b, squares=tuple(replace(sq, tile=sq.tile if sq.tile in tiles else None)
                                            for sq in b.squares))
              for bid, b in library.boards.items()}
    packs = {}
    for pid, pack in library.packs.items():
        kept_scenes = tuple(s for s in pack.scenarios if s in scenarios)
        kept_pools = tuple(q for q in pack.quiz_pools if q in pools)
        # An empty list means "everything": a pack whose whole list is elsewhere must not turn into that.
        if (pack.scenarios and not kept_scenes) or (pack.quiz_pools and not kept_pools):
            continue
        packs[pid] = replace(pack, scenarios=kept_scenes, quiz_pools=kept_pools)
    freeze = MappingProxyType
    return Library(library.scam_types, freeze(tiles), freeze(boards), freeze(scenarios), freeze(pools),
                   freeze(packs))


def check_library(library: Library) -> list[Problem]:
    """What a region loses that the whole library has: a pack a region cannot offer, and a keyword
    square that starts something on a pack's board but nothing in one region (a plain square there).
    A tile limited with its own ``regions:`` is meant to be missing elsewhere and is not reported."""
    out = []
    for region in REGION_IDS:
        there = for_region(library, region)
        for pack in library.packs.values():
            kept = there.packs.get(pack.id)
            if kept is None:
                out.append(Problem(pack.source.path, pack.source.line, pack.source.col, "region-pack-empty",
                                   f"pack '{pack.id}' has none of its scenarios or quiz pools in {region}, "
                                   f"so {region} does not offer it",
                                   "list scenes or pools that play there", "warning"))
                continue
            reported = set()
            for board_id in dict.fromkeys(pack.boards):
                for square in library.boards[board_id].squares:
                    tile = library.tiles.get(square.tile) if square.tile else None
                    if tile is None or tile.type is TileType.SAFE or tile.regions or tile.id in reported:
                        continue
                    if _starts_something(tile, pack) and not _starts_something(there.tiles.get(tile.id), kept):
                        reported.add(tile.id)
                        out.append(Problem(
                            pack.source.path, pack.source.line, pack.source.col, "region-square-empty",
                            f"in {region}, pack '{pack.id}' has tile '{tile.id}' ('{tile.keyword}') on board "
                            f"'{board_id}', and it starts nothing there: its scenes and quiz items in the pack "
                            f"are all limited to other regions",
                            f"add a scene or quiz pool that plays in {region} to the tile and the pack, "
                            f"or limit the tile itself with 'regions:'", "warning"))
    return out


def _starts_something(tile, pack) -> bool:
    if tile is None:
        return False
    scenes = [s for s in tile.scenarios if not pack.scenarios or s in pack.scenarios]
    quiz = tile.quiz_pool and (not pack.quiz_pools or tile.quiz_pool in pack.quiz_pools)
    return bool(scenes or quiz)
