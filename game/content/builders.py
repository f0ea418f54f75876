"""One builder per kind of content file: YAML tree → model, checking every field.

Each builder reads one file's top-level mapping through a ``Reader`` and returns
the model, or None when the file had errors (the problems say why). Checks that
need other files (does this scenario id exist?) are in ``validator.py``.
"""

from __future__ import annotations

from types import MappingProxyType

from . import hotlines, regions as region_checks
from .board_builder import build_board
from .built import AssetRef, Built  # noqa: F401 — importable from here as before
from .models import (
    FACE_SWAP_TELLS, Audience, Channel, Choice, Contact, Ending, EndingOutcome,
    Ladder, Line, Node, Outcome, Pack, PackSettings, QuizItem, QuizPool,
    ScamType, Scenario, Source, Speaker, Technique, Tile, TileType,
)
from .manifest import build_manifest
from .phone_actions import ALL_ACTIONS, check_phone_actions
from .reader import ID_PATTERN, Reader
from .wording import verdict_words_in
from .yamlsafe import YMap, brief

KINDS = ("scam_type", "tile_set", "board", "scenario", "quiz_pool", "pack", "content_pack")


def build(r: Reader, source_path: str, default_kind: str | None = None) -> Built | None:
    """``default_kind``: the kind of a file that may leave out ``kind:`` (a pack's manifest)."""
    kind = r.choice("kind", KINDS, required=default_kind is None, default=default_kind or "")
    if not kind:
        return None  # the other fields mean nothing without a kind; don't list them as unknown
    built = Built(kind)
    source = Source(source_path, r.data.line, r.data.col)
    first_text = len(r.texts)
    model = _BUILDERS[kind](r, built, source)
    ok = r.finish()
    _check_hotlines(r, built, first_text)
    if model is not None and ok:
        built.items.append(model)
    return built


def _check_hotlines(r: Reader, built: Built, first_text: int) -> None:
    """Hotline placeholders and literal numbers, each text against the regions it plays in."""
    spans = sorted(built.region_spans)
    outside = []
    for i in range(first_text, len(r.texts)):
        if not any(start <= i < end for start, end, _ in spans):
            outside.append(r.texts[i])
    region_checks.check_texts(outside, built.regions, r.problems, built.plain)
    for start, end, regions in spans:
        region_checks.check_texts(r.texts[start:end], regions, r.problems)


# ---------------------------------------------------------------- scam types

def _scam_type(r: Reader, built: Built, source: Source):
    r.where = "this scam type"
    scam = ScamType(
        id=r.id(),
        name=r.text("name"),
        summary=r.text("summary"),
        techniques=r.enum_list("techniques", Technique, required=True),
        signs=r.text_list("signs"),
        right_action=r.text("right_action"),
        advice=r.text("advice"),
        source=source,
    )
    return scam


# ---------------------------------------------------------------- tiles

def _tile_set(r: Reader, built: Built, source: Source):
    r.where = "this tile set"
    r.id()
    tiles = r.list("tiles")
    if tiles is None:
        return None
    seen: dict[str, int] = {}
    for i, t in r.each_mapping(tiles, "tiles", lambda i: f"tile {i + 1}"):
        first_text = len(t.texts)
        tile_id = t.id()
        if tile_id:
            t.where = f"tile '{tile_id}'"
        ttype = t.enum("type", TileType, required=False, default=TileType.SCAM)
        scam_type = t.ref("scam_type", required=ttype is TileType.SCAM)
        scenario_refs = t.ref_list("scenarios", required=False)
        scenarios = tuple(ref for ref, _l, _c in scenario_refs)
        quiz_pool = t.ref("quiz_pool", required=False)
        tip = t.text("tip")
        if ttype is TileType.SCAM and not scenarios and not quiz_pool:
            t.error(None, "tile-starts-nothing", f"{t.where} starts no scene and no quiz",
                    "add 'scenarios: [id, …]' or 'quiz_pool: id' (or make it 'type: safe')")
        if scam_type:
            built.refs.append(("scam_type", scam_type, *t.pos("scam_type"), tile_id or ""))
        if quiz_pool:
            built.refs.append(("quiz_pool", quiz_pool, *t.pos("quiz_pool"), tile_id or ""))
        for ref, line, col in scenario_refs:
            built.refs.append(("scenario", ref, line, col, tile_id or ""))
        keyword = t.text("keyword")
        regions = region_checks.read_regions(t)
        if regions:
            built.region_spans.append((first_text, len(t.texts), regions))
        shown = max((hotlines.resolve(keyword, r) for r in region_checks.plays_in(regions)), key=len, default="")
        if shown and len(shown) > 6:
            t.warning("keyword", "long-keyword",
                      f"the keyword '{brief(shown, quote=False)}' has {len(shown)} characters",
                      "keywords of 2–6 characters stay readable on a board square")
        # A bad tile is left out on its own; the file's other tiles still load.
        if t.finish() and tile_id:
            if tile_id in seen:
                t.error("id", "duplicate-id", f"tile id '{tile_id}' is used twice in this file")
                continue
            seen[tile_id] = i
            built.items.append(Tile(tile_id, keyword, ttype, scam_type, scenarios, quiz_pool, tip,
                                    Source(source.path, tiles.pos(i)[0], tiles.pos(i)[1]), regions))
    return None  # tiles were appended one by one


# ---------------------------------------------------------------- scenarios

def _scenario(r: Reader, built: Built, source: Source):
    r.where = "this scenario"
    scenario_id = r.id()
    title = r.text("title")
    scam_type = r.ref("scam_type")
    if scam_type:
        built.refs.append(("scam_type", scam_type, *r.pos("scam_type"), scenario_id or ""))
    audiences = r.enum_list("audiences", Audience, required=False) or tuple(Audience)
    summary = r.text("summary")
    at_stake = r.int("at_stake", default=0, low=0, high=100_000_000)
    company_money = r.bool("company_money", default=False)
    built.regions = region_checks.read_regions(r)
    start = r.id("start")
    nodes_data = r.mapping("nodes")
    nodes: dict[str, Node] = {}
    if nodes_data is not None:
        for node_id, value in nodes_data.items():
            line, col = nodes_data.key_pos[node_id]
            if not isinstance(node_id, str) or not ID_PATTERN.match(node_id):
                r.problems.error(line, col, "bad-id", f"{brief(node_id)} is not a valid node id",
                                 "node ids use lower-case letters, digits and '_'")
                r.ok = False
                continue
            if not isinstance(value, YMap):
                r.problems.error(line, col, "wrong-type", f"node '{node_id}' must be a mapping of fields")
                r.ok = False
                continue
            node = _node(Reader(value, r.problems, f"node '{node_id}'", r.texts), node_id, built, line)
            if node is None:
                r.ok = False
            else:
                nodes[node_id] = node
    if not (scenario_id and start and nodes) or not r.ok:
        return None
    return Scenario(scenario_id, title, scam_type, audiences, summary, at_stake, start,
                    MappingProxyType(nodes), source, company_money=company_money, regions=built.regions)


def _node(n: Reader, node_id: str, built: Built, line: int) -> Node | None:
    channel = n.enum("channel", Channel)
    contact = None
    c = n.sub("contact", f"the contact of node '{node_id}'", required=False)
    if c is not None:
        avatar = _asset(c, "avatar", built)
        number = c.plain("number")
        if number:
            built.plain.append((number, *c.pos("number"), f"the contact number of node '{node_id}'"))
        contact = Contact(c.text("name"), number, c.text("note", required=False), avatar)
        if not c.finish():
            n.ok = False
    lines = _lines(n, node_id)
    choices: list[Choice] = []
    tag_pos: list[tuple[int, int]] = []
    action_pos: list[tuple[int, int]] = []
    items = n.list("choices", required=False)
    if items is not None:
        for i, ch in n.each_mapping(items, "choices", lambda i: f"choice {i + 1} of node '{node_id}'"):
            choice = _choice(ch)
            if ch.finish() and choice:
                choices.append(choice)
                tag_pos.append(ch.pos("techniques") if "techniques" in ch.data else (ch.data.line, ch.data.col))
                action_pos.append(ch.pos("phone_action") if "phone_action" in ch.data else (ch.data.line, ch.data.col))
            else:
                n.ok = False
    if n.ok:
        _decision_checks(n, node_id, choices, tag_pos)
    ending = None
    e = n.sub("ending", f"the ending of node '{node_id}'", required=False)
    if e is not None:
        outcome = e.enum("outcome", EndingOutcome)
        summary = e.text("summary")
        ending = Ending(outcome, summary) if outcome else None
        if not e.finish():
            n.ok = False
    if ending and choices:
        n.error("ending", "ending-with-choices", f"node '{node_id}' is an ending but also has choices",
                "an ending closes the scene; move the choices to another node")
    tells = ()
    tell_items = n.list("tells", required=False)
    if tell_items is not None:
        tells_out = []
        for i, tell in enumerate(tell_items):
            if tell in FACE_SWAP_TELLS:
                tells_out.append(tell)
            else:
                n.problems.error(*tell_items.pos(i), "bad-value", f"{brief(tell)} is not a face-swap tell",
                                 f"one of: {', '.join(FACE_SWAP_TELLS)}")
                n.ok = False
        tells = tuple(tells_out)
        if channel is not None and channel is not Channel.VIDEO_CALL:
            n.warning("tells", "tells-off-video", "face-swap tells only show on a video_call node")
    app = n.text("app", required=False)
    payee = n.text("payee", required=False)
    amount = n.int("amount", default=0, low=0, high=100_000_000)
    link = n.plain("link")
    image = _asset(n, "image", built)
    if not check_phone_actions(n.problems, node_id, channel, link, choices, action_pos):
        n.ok = False
    if not n.finish() or channel is None:
        return None
    return Node(node_id, channel, contact, lines, tuple(choices), ending,
                tells, app, payee, amount, link, image, line)


def _lines(n: Reader, node_id: str) -> tuple[Line, ...]:
    items = n.list("lines", required=False)
    if items is None:
        return ()
    lines = []
    speakers = [s.value for s in Speaker]
    for i, item in enumerate(items):
        pos = items.pos(i)
        if not isinstance(item, dict) or len(item) != 1:
            n.problems.error(*pos, "bad-line", f"line {i + 1} of node '{node_id}' must be one 'speaker: text' pair",
                             "write e.g. '- them: 您好，我是客服' (speakers: them, me, system)")
            n.ok = False
            continue
        (speaker, text), = item.items()
        if speaker not in speakers:
            n.problems.error(*item.key_pos[speaker], "bad-value", f"{brief(speaker)} is not a speaker",
                             "speakers are: them (the other side), me (the player), system (phone notices)")
            n.ok = False
            continue
        value = Reader(item, n.problems, f"line {i + 1} of node '{node_id}'", n.texts).text(speaker)
        if value:
            lines.append(Line(Speaker(speaker), value))
        else:
            n.ok = False
    return tuple(lines)


def _decision_checks(n: Reader, node_id: str, choices: list[Choice], tag_pos) -> None:
    """A lone choice is no decision, so it tests no technique; a decision needs a safe way out and a tempting one."""
    if len(choices) == 1 and choices[0].techniques:
        n.problems.warning(*tag_pos[0], "lone-choice-tagged",
                           f"node '{node_id}' has one choice only, and it is tagged with techniques",
                           "a step with one choice tests nothing: remove its 'techniques', "
                           "or give the player a second choice")
    if len(choices) > 1:
        kinds = {c.outcome for c in choices}
        if Outcome.SAFE not in kinds or not kinds & {Outcome.RISKY, Outcome.NEUTRAL}:
            missing = "safe" if Outcome.SAFE not in kinds else "risky or neutral"
            n.warning("choices", "one-sided-decision",
                      f"node '{node_id}' offers no {missing} choice",
                      "every decision needs a safe choice and a tempting one (risky, or neutral: "
                      "plausible but not enough)")


def _choice(ch: Reader) -> Choice | None:
    text = ch.text("text")
    words = verdict_words_in(text) if text else []
    if words:
        ch.warning("text", "verdict-in-choice",
                   f"the text of {ch.where} says its own verdict ('{words[0]}'): {brief(text)}",
                   "a choice names an action (挂断，打110), never its verdict (这是骗局): "
                   "leave the judgement to the feedback")
    to = ch.id("to")
    outcome = ch.enum("outcome", Outcome)
    ladder = ch.enum("ladder", Ladder)
    money = ch.int("money", default=0, low=0, high=100_000_000)
    techniques = ch.enum_list("techniques", Technique)
    phone_action = ch.choice("phone_action", ALL_ACTIONS) if ch.has("phone_action") else ""
    needs_feedback = outcome is not Outcome.NEUTRAL
    feedback = ch.text("feedback", required=needs_feedback and outcome is not None)
    if outcome is Outcome.NEUTRAL and not feedback:
        ch.warning(None, "no-feedback", f"{ch.where} has no feedback",
                   "even a neutral choice teaches more with a line of feedback")
    if money and outcome is Outcome.SAFE:
        ch.warning("money", "money-on-safe", f"{ch.where} is safe but moves ¥{money}",
                   "money on a choice is what the player loses by taking it")
    if outcome is Outcome.RISKY and ladder is not None and ladder.is_credit:
        ch.warning("ladder", "credit-on-risky", f"{ch.where} is risky but its ladder step is '{ladder.value}'")
    if not (text and to and outcome and ladder):
        return None
    return Choice(text, to, outcome, money, ladder, techniques, feedback, phone_action)


def _asset(r: Reader, key: str, built: Built) -> str | None:
    path = r.plain(key)
    if not path:
        return None
    built.assets.append(AssetRef(path, *r.pos(key)))
    return path


# ---------------------------------------------------------------- quiz

def _quiz_pool(r: Reader, built: Built, source: Source):
    r.where = "this quiz pool"
    pool_id = r.id()
    name = r.text("name")
    scam_type = r.ref("scam_type", required=False)
    if scam_type:
        built.refs.append(("scam_type", scam_type, *r.pos("scam_type"), pool_id or ""))
    items = r.list("items")
    quiz_items = []
    seen: set[str] = set()
    for i, value in enumerate(items or ()):
        label = _quiz_item_label(i, value)
        if not isinstance(value, YMap):
            r.problems.error(*items.pos(i), "wrong-type", f"{label} must be a mapping of fields, not {brief(value)}")
            continue
        # A broken question is left out on its own: the pool's other questions still play.
        first_text = len(r.texts)
        with r.problems.about(f"{label}: "):
            item = _quiz_item(Reader(value, r.problems, "this question", r.texts), seen)
        if item is not None and item.regions:
            built.region_spans.append((first_text, len(r.texts), item.regions))
        if item is not None:
            quiz_items.append(item)
    if not pool_id or not quiz_items or not r.ok:
        return None
    return QuizPool(pool_id, name, scam_type, tuple(quiz_items), source)


def _quiz_item_label(index: int, value) -> str:
    """"quiz item 3 「手机响了，来电显示…」": where it stands and what it asks, for every problem in it."""
    question = value.get("question") if isinstance(value, dict) else None
    if isinstance(question, str) and question.strip():
        text = question.strip().replace("\n", " ")
        return f"quiz item {index + 1} 「{text if len(text) <= 24 else text[:23] + '…'}」"
    return f"quiz item {index + 1}"


def _quiz_item(q: Reader, seen: set[str]) -> QuizItem | None:
    item_id = q.id()
    question = q.text("question")
    options = q.text_list("options")
    answer = q.int("answer", required=True, low=1, high=max(len(options), 1))
    explanation = q.text("explanation")
    techniques = q.enum_list("techniques", Technique)
    regions = region_checks.read_regions(q)
    if options and len(options) < 2:
        q.error("options", "too-few-options", "a quiz item needs at least two options")
    if len(set(options)) != len(options):
        q.error("options", "duplicate-option", "two options have the same text")
    if item_id in seen:
        q.error("id", "duplicate-id", f"the id '{item_id}' is used by an earlier question of this pool")
    seen.add(item_id)
    if q.finish() and item_id and answer:
        return QuizItem(item_id, question, options, answer - 1, explanation, techniques, regions)
    return None


# ---------------------------------------------------------------- packs

def _pack(r: Reader, built: Built, source: Source):
    r.where = "this pack"
    pack_id = r.id()
    audience = r.enum("audience", Audience)
    name = r.text("name")
    description = r.text("description")
    lists = {kind: r.ref_list(key, required=(kind == "board"), non_empty=(kind == "board"))
             for kind, key in (("board", "boards"), ("scenario", "scenarios"), ("quiz_pool", "quiz_pools"))}
    for kind, refs in lists.items():
        for ref, line, col in refs:
            built.refs.append((kind, ref, line, col, pack_id or ""))
    boards, scenarios, quiz_pools = (tuple(ref for ref, _l, _c in lists[k]) for k in ("board", "scenario", "quiz_pool"))
    settings = PackSettings()
    s = r.sub("settings", "the pack's settings", required=False)
    if s is not None:
        settings = PackSettings(
            text_size=s.choice("text_size", ("normal", "large", "extra_large"), default="normal"),
            voice=s.bool("voice"),
            time_limit=s.int("time_limit", default=0, low=0, high=600),
            starting_savings=s.int("starting_savings", default=100_000, low=0, high=100_000_000),
            learning_check=s.bool("learning_check"),
            table_decides_for_computer=s.bool("table_decides_for_computer"),
        )
        if not s.finish():
            r.ok = False
    if not (pack_id and audience and boards) or not r.ok:
        return None
    return Pack(pack_id, audience, name, description, boards, scenarios, quiz_pools, settings, source)


_BUILDERS = {
    "scam_type": _scam_type,
    "tile_set": _tile_set,
    "board": build_board,
    "scenario": _scenario,
    "quiz_pool": _quiz_pool,
    "pack": _pack,
    "content_pack": build_manifest,
}
