"""Immutable, typed models of the game's content.

Everything the rules and the screens read about scams, tiles, boards, scripts,
quizzes and audience packs lives here. The loader (``loader.py``) builds these
from YAML after the validator has accepted the file; nothing here imports pygame.

Text fields hold the zh_Hans source text. That text is also the gettext msgid:
screens translate it at display time with ``game.i18n`` (see docs/content-format.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType
from typing import Mapping


class Technique(str, Enum):
    """Manipulation techniques; choices and scam types are tagged with them."""

    URGENCY = "urgency"
    AUTHORITY = "authority"
    SECRECY = "secrecy"
    GREED = "greed"
    FEAR = "fear"
    TRUST_BORROWING = "trust_borrowing"
    FOOT_IN_THE_DOOR = "foot_in_the_door"
    TECHNICAL_TRAP = "technical_trap"


class Channel(str, Enum):
    PHONE_CALL = "phone_call"
    SMS = "sms"
    CHAT = "chat"
    VIDEO_CALL = "video_call"
    SCREEN_SHARE = "screen_share"
    PAYMENT = "payment"
    IN_PERSON = "in_person"


class Outcome(str, Enum):
    """How risky one choice is."""

    SAFE = "safe"
    RISKY = "risky"
    NEUTRAL = "neutral"


class Ladder(str, Enum):
    """Steps on the risk ladder (GoPhish style). Higher rank = deeper in the scam.

    ``verified`` and ``reported`` are credit: the player checked or reported.
    """

    IGNORED = "ignored"
    ENGAGED = "engaged"
    SHARED_INFO = "shared_info"
    PAID = "paid"
    VERIFIED = "verified"
    REPORTED = "reported"

    @property
    def rank(self) -> int:
        return _LADDER_RANK[self]

    @property
    def is_credit(self) -> bool:
        return self in (Ladder.VERIFIED, Ladder.REPORTED)


_LADDER_RANK = {
    Ladder.REPORTED: -2,
    Ladder.VERIFIED: -1,
    Ladder.IGNORED: 0,
    Ladder.ENGAGED: 1,
    Ladder.SHARED_INFO: 2,
    Ladder.PAID: 3,
}


class EndingOutcome(str, Enum):
    ESCAPED = "escaped"
    REPORTED = "reported"
    SCAMMED = "scammed"

    @property
    def is_safe(self) -> bool:
        return self is not EndingOutcome.SCAMMED


class Audience(str, Enum):
    ELDERLY = "elderly"
    STUDENTS = "students"
    WORKPLACE = "workplace"
    GENERAL = "general"


class Speaker(str, Enum):
    THEM = "them"      # the caller / sender / scammer
    ME = "me"          # the player
    SYSTEM = "system"  # phone system notices, narrator


class TileType(str, Enum):
    SCAM = "scam"
    SAFE = "safe"


class RulePreset(str, Enum):
    SIMPLE = "simple"
    CLASSIC = "classic"


class Layout(str, Enum):
    RING = "ring"  # a closed loop drawn around the board's edge (classic)
    PATH = "path"  # an open snake path from start to finish (simple)


@dataclass(frozen=True)
class Source:
    """Where a model came from, for error messages: file path and 1-based line/col."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


# ---------------------------------------------------------------- scam types

@dataclass(frozen=True)
class ScamType:
    id: str
    name: str
    summary: str
    techniques: tuple[Technique, ...]
    signs: tuple[str, ...]
    right_action: str
    advice: str  # one short line shown on the results screen
    source: Source = field(default=Source(""), compare=False, repr=False)


# ---------------------------------------------------------------- tiles

@dataclass(frozen=True)
class Tile:
    """A keyword square: landing on it starts a scene, a quiz, or (safe tiles) helps."""

    id: str
    keyword: str
    type: TileType
    scam_type: str | None
    scenarios: tuple[str, ...]
    quiz_pool: str | None
    tip: str
    source: Source = field(default=Source(""), compare=False, repr=False)
    regions: tuple[str, ...] = ()   # where it plays (game.content.regions); () = everywhere


# ---------------------------------------------------------------- boards

@dataclass(frozen=True)
class Square:
    index: int
    colour: str | None
    tile: str | None         # Tile id or None for a plain square
    fly_to: int | None       # fly square: where a plane of this square's colour lands


@dataclass(frozen=True)
class Seat:
    """One player colour on the board."""

    colour: str
    start: int        # track index where a launched token enters the track
    home_entry: int   # last track index before the token turns into its home column
    shape: str        # token shape for colour-blind players: circle/square/triangle/diamond


@dataclass(frozen=True)
class Board:
    id: str
    name: str
    description: str
    layout: Layout
    rules: Mapping[str, object]   # full switch table: preset defaults + overrides
    preset: RulePreset
    squares: tuple[Square, ...]   # the track, in play order
    seats: tuple[Seat, ...]
    home_length: int              # squares in each home column, including the final one
    min_players: int
    max_players: int
    source: Source = field(default=Source(""), compare=False, repr=False)

    @property
    def length(self) -> int:
        return len(self.squares)


# ---------------------------------------------------------------- scenarios

@dataclass(frozen=True)
class Contact:
    name: str            # shown name, e.g. "平安快递客服" or "未知号码"
    number: str          # shown number, e.g. "+852 6012 3344"; may be empty
    note: str            # e.g. "归属地：境外" / "疑似诈骗"; may be empty
    avatar: str | None   # asset path relative to the content folder


@dataclass(frozen=True)
class Line:
    speaker: Speaker
    text: str


@dataclass(frozen=True)
class Choice:
    text: str
    to: str
    outcome: Outcome
    money: int           # CNY that leaves the player's account when taking this choice
    ladder: Ladder
    techniques: tuple[Technique, ...]
    feedback: str
    phone_action: str = ""   # the phone control that takes this choice (game.content.phone_actions); "" = none


@dataclass(frozen=True)
class Ending:
    outcome: EndingOutcome
    summary: str


@dataclass(frozen=True)
class Node:
    id: str
    channel: Channel
    contact: Contact | None
    lines: tuple[Line, ...]
    choices: tuple[Choice, ...]
    ending: Ending | None
    # Channel extras (empty when unused):
    tells: tuple[str, ...] = ()         # video_call: AI face-swap tells shown, e.g. blur_edges
    app: str = ""                        # screen_share / chat: the app asking; payment: the page title
    payee: str = ""                      # payment: who the money goes to
    amount: int = 0                      # payment: amount on the transfer page
    link: str = ""                       # sms / chat: a link shown in the message
    image: str | None = None             # optional picture (asset path)
    line_no: int = field(default=0, compare=False, repr=False)

    @property
    def is_ending(self) -> bool:
        return self.ending is not None

    @property
    def is_decision(self) -> bool:
        """More than one choice: a real decision. A lone choice ("听儿子的，报警") only moves the story on."""
        return len(self.choices) > 1


# The AI face-swap tells a video_call node may show.
FACE_SWAP_TELLS = (
    "blur_edges",        # face outline smears against the background
    "glitch_on_turn",    # face breaks up when asked to turn the head
    "glitch_on_wave",    # face breaks up when a hand passes in front
    "lip_sync",          # mouth out of step with the voice
    "no_blink",          # eyes stare without blinking
    "bad_signal",        # caller blames "bad signal" and keeps it short
)


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    scam_type: str
    audiences: tuple[Audience, ...]
    summary: str
    at_stake: int                     # CNY the scammer is after (savings protected when escaped)
    start: str
    nodes: Mapping[str, Node]
    source: Source = field(default=Source(""), compare=False, repr=False)
    # True when the money in this script is the company's (a finance clerk paying a fake "boss"):
    # scoring keeps it apart from the player's own savings.
    company_money: bool = False
    regions: tuple[str, ...] = ()   # where it plays (game.content.regions); () = everywhere

    @property
    def channels(self) -> frozenset[Channel]:
        """Channels of the decision nodes (an ending's channel is only its backdrop)."""
        return frozenset(n.channel for n in self.nodes.values() if not n.is_ending)


# ---------------------------------------------------------------- quiz

@dataclass(frozen=True)
class QuizItem:
    id: str
    question: str
    options: tuple[str, ...]
    answer: int          # 0-based index into options (authors write 1-based)
    explanation: str
    techniques: tuple[Technique, ...] = ()
    regions: tuple[str, ...] = ()   # where it is asked (game.content.regions); () = everywhere


@dataclass(frozen=True)
class QuizPool:
    id: str
    name: str
    scam_type: str | None
    items: tuple[QuizItem, ...]
    source: Source = field(default=Source(""), compare=False, repr=False)


# ---------------------------------------------------------------- packs

@dataclass(frozen=True)
class PackSettings:
    text_size: str = "normal"     # normal / large / extra_large
    voice: bool = False
    time_limit: int = 0           # seconds per choice; 0 = no time limit
    starting_savings: int = 100_000
    learning_check: bool = False  # 2–3 quiz items before the game and matched ones after (game.rules.checks)
    table_decides_for_computer: bool = False   # a computer player's scene waits for the people at the table to choose


@dataclass(frozen=True)
class Pack:
    id: str
    audience: Audience
    name: str
    description: str
    boards: tuple[str, ...]
    scenarios: tuple[str, ...]
    quiz_pools: tuple[str, ...]
    settings: PackSettings
    source: Source = field(default=Source(""), compare=False, repr=False)


# ---------------------------------------------------------------- the library

def _frozen(d: dict) -> Mapping:
    return MappingProxyType(dict(d))


@dataclass(frozen=True)
class Library:
    """All content that loaded cleanly, by id."""

    scam_types: Mapping[str, ScamType] = field(default_factory=lambda: _frozen({}))
    tiles: Mapping[str, Tile] = field(default_factory=lambda: _frozen({}))
    boards: Mapping[str, Board] = field(default_factory=lambda: _frozen({}))
    scenarios: Mapping[str, Scenario] = field(default_factory=lambda: _frozen({}))
    quiz_pools: Mapping[str, QuizPool] = field(default_factory=lambda: _frozen({}))
    packs: Mapping[str, Pack] = field(default_factory=lambda: _frozen({}))

    def scenarios_of(self, pack: Pack | None) -> tuple[str, ...]:
        """The scenarios an audience pack plays: those it lists; when it lists none, those the keyword
        squares of its boards can start (never another pack's scenes). No pack: all of them."""
        if pack is None:
            return tuple(self.scenarios)
        if pack.scenarios:
            return tuple(s for s in pack.scenarios if s in self.scenarios)
        return tuple(dict.fromkeys(s for t in self._pack_tiles(pack) for s in t.scenarios if s in self.scenarios))

    def quiz_pools_of(self, pack: Pack | None) -> tuple[str, ...]:
        """The quiz pools an audience pack asks from, chosen the same way as ``scenarios_of``."""
        if pack is None:
            return tuple(self.quiz_pools)
        if pack.quiz_pools:
            return tuple(q for q in pack.quiz_pools if q in self.quiz_pools)
        return tuple(dict.fromkeys(t.quiz_pool for t in self._pack_tiles(pack) if t.quiz_pool in self.quiz_pools))

    def _pack_tiles(self, pack: Pack) -> list[Tile]:
        return [self.tiles[sq.tile] for b in pack.boards if b in self.boards
                for sq in self.boards[b].squares if sq.tile in self.tiles]

    def quiz_item_count(self) -> int:
        return sum(len(p.items) for p in self.quiz_pools.values())

    def counts(self) -> dict[str, int]:
        return {
            "scam_types": len(self.scam_types),
            "tiles": len(self.tiles),
            "boards": len(self.boards),
            "scenarios": len(self.scenarios),
            "quiz_items": self.quiz_item_count(),
            "packs": len(self.packs),
        }
