"""Colours and proportions of the two themes (warm default, high contrast).

Screens never hard-code a colour: they ask the active theme. Pairs listed in
``TEXT_PAIRS`` are text-on-background combinations that must stay readable;
a test computes their contrast ratios (WCAG formula) against each theme's target.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

RGB = tuple[int, int, int]


@dataclass(frozen=True)
class Theme:
    name: str
    contrast_target: float   # minimum contrast ratio of every pair in TEXT_PAIRS
    background: RGB          # screen background
    panel: RGB               # cards, dialogs
    text: RGB                # main text on background and panel
    text_muted: RGB          # secondary text on panel
    accent: RGB              # titles, highlights on background
    button: RGB              # primary button face
    button_text: RGB
    button_alt: RGB          # secondary button face
    button_alt_text: RGB
    safe: RGB                # safe outcome badge face
    safe_text: RGB
    risky: RGB               # risky outcome badge face
    risky_text: RGB
    neutral: RGB
    neutral_text: RGB
    board: RGB               # board background
    square: RGB              # plain square face
    square_text: RGB
    tile_scam: RGB           # keyword square face
    tile_scam_text: RGB
    tile_safe: RGB           # help square face
    tile_safe_text: RGB
    phone_body: RGB
    phone_screen: RGB
    phone_text: RGB
    bubble_them: RGB
    bubble_them_text: RGB
    bubble_me: RGB
    bubble_me_text: RGB
    warning: RGB             # e.g. the "境外来电" label on an incoming call
    warning_text: RGB
    red: RGB
    yellow: RGB
    blue: RGB
    green: RGB
    red_text: RGB            # numbers on tokens, initials on avatars, words on bars of the player colours
    yellow_text: RGB
    blue_text: RGB
    green_text: RGB
    phone_text_muted: RGB    # secondary text on the phone screen (input hints, dates)
    link: RGB                # a link in a message bubble
    transfer: RGB            # a money-transfer card in a chat
    transfer_text: RGB
    red_packet: RGB          # a red-packet card in a chat
    red_packet_text: RGB

    def player_colour(self, name: str) -> RGB:
        return getattr(self, name)

    def text_on(self, colour: RGB) -> RGB:
        """The text colour paired with a player colour (``red_text`` on ``red`` …); for any other
        colour, whichever of the theme's darkest and lightest text reads better."""
        for name in ("red", "yellow", "blue", "green"):
            if tuple(colour) == tuple(getattr(self, name)):
                return getattr(self, f"{name}_text")
        candidates = (self.text, self.button_text, self.button_alt_text, self.phone_text)
        return max(candidates, key=lambda c: contrast_ratio(c, colour))


# (text colour field, background colour field) pairs that carry text.
TEXT_PAIRS = (
    ("text", "background"), ("text", "panel"), ("text_muted", "panel"), ("accent", "background"),
    ("button_text", "button"), ("button_alt_text", "button_alt"),
    ("safe_text", "safe"), ("risky_text", "risky"), ("neutral_text", "neutral"),
    ("square_text", "square"), ("tile_scam_text", "tile_scam"), ("tile_safe_text", "tile_safe"),
    ("phone_text", "phone_screen"), ("bubble_them_text", "bubble_them"), ("bubble_me_text", "bubble_me"),
    ("warning_text", "warning"),
    ("red_text", "red"), ("yellow_text", "yellow"), ("blue_text", "blue"), ("green_text", "green"),
    ("phone_text_muted", "phone_screen"), ("link", "bubble_them"),
    ("transfer_text", "transfer"), ("red_packet_text", "red_packet"),
)

WARM = Theme(
    name="warm",
    contrast_target=4.5,
    background=(253, 246, 234),
    panel=(255, 255, 255),
    text=(40, 33, 28),
    text_muted=(92, 82, 74),
    accent=(170, 40, 30),
    button=(196, 52, 36),
    button_text=(255, 255, 255),
    button_alt=(236, 226, 210),
    button_alt_text=(40, 33, 28),
    safe=(28, 122, 62),
    safe_text=(255, 255, 255),
    risky=(190, 38, 38),
    risky_text=(255, 255, 255),
    neutral=(90, 96, 110),
    neutral_text=(255, 255, 255),
    board=(244, 232, 210),
    square=(255, 252, 245),
    square_text=(40, 33, 28),
    tile_scam=(255, 226, 196),
    tile_scam_text=(120, 24, 14),
    tile_safe=(214, 240, 220),
    tile_safe_text=(18, 84, 42),
    phone_body=(30, 30, 36),
    phone_screen=(245, 245, 247),
    phone_text=(20, 20, 24),
    bubble_them=(255, 255, 255),
    bubble_them_text=(20, 20, 24),
    bubble_me=(149, 226, 105),
    bubble_me_text=(20, 20, 24),
    warning=(200, 40, 30),
    warning_text=(255, 255, 255),
    red=(214, 48, 49),
    yellow=(240, 176, 0),
    blue=(41, 98, 204),
    green=(34, 150, 80),
    red_text=(255, 255, 255),
    yellow_text=(20, 20, 24),
    blue_text=(255, 255, 255),
    green_text=(20, 20, 24),
    phone_text_muted=(92, 92, 96),
    link=(41, 98, 204),
    transfer=(191, 87, 0),
    transfer_text=(255, 255, 255),
    red_packet=(200, 50, 40),
    red_packet_text=(255, 240, 200),
)

HIGH_CONTRAST = Theme(
    name="high_contrast",
    contrast_target=7.0,
    background=(0, 0, 0),
    panel=(16, 16, 16),
    text=(255, 255, 255),
    text_muted=(230, 230, 230),
    accent=(255, 230, 0),
    button=(255, 230, 0),
    button_text=(0, 0, 0),
    button_alt=(255, 255, 255),
    button_alt_text=(0, 0, 0),
    safe=(0, 70, 20),
    safe_text=(255, 255, 255),
    risky=(120, 0, 0),
    risky_text=(255, 255, 255),
    neutral=(40, 40, 40),
    neutral_text=(255, 255, 255),
    board=(0, 0, 0),
    square=(0, 0, 0),
    square_text=(255, 255, 255),
    tile_scam=(255, 230, 0),
    tile_scam_text=(0, 0, 0),
    tile_safe=(0, 255, 255),
    tile_safe_text=(0, 0, 0),
    phone_body=(60, 60, 60),
    phone_screen=(0, 0, 0),
    phone_text=(255, 255, 255),
    bubble_them=(255, 255, 255),
    bubble_them_text=(0, 0, 0),
    bubble_me=(255, 230, 0),
    bubble_me_text=(0, 0, 0),
    warning=(255, 255, 0),
    warning_text=(0, 0, 0),
    red=(255, 110, 110),
    yellow=(255, 230, 0),
    blue=(90, 170, 255),
    green=(60, 220, 110),
    red_text=(0, 0, 0),
    yellow_text=(0, 0, 0),
    blue_text=(0, 0, 0),
    green_text=(0, 0, 0),
    phone_text_muted=(200, 200, 200),
    link=(0, 0, 200),
    transfer=(255, 170, 40),
    transfer_text=(0, 0, 0),
    red_packet=(120, 0, 0),
    red_packet_text=(255, 230, 0),
)

THEMES = {t.name: t for t in (WARM, HIGH_CONTRAST)}


def relative_luminance(rgb: RGB) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: RGB, b: RGB) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def colour_fields() -> list[str]:
    return [f.name for f in fields(Theme) if f.name not in ("name", "contrast_target")]
