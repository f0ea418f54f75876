"""A stylised person (head and shoulders) from simple shapes, for video calls and scenes.

The head (hair, outline, ears) and the face (eyes, brows, nose, mouth) are drawn
by separate functions so a video call can move them apart: an AI face-swap is a
face layer pasted onto someone else's head, and it slips when the head turns.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from . import paint

RGB = tuple[int, int, int]


@dataclass(frozen=True)
class Palette:
    skin: RGB
    skin_shade: RGB
    hair: RGB
    shirt: RGB
    eye: RGB
    eye_white: RGB
    mouth: RGB
    lips: RGB

    @classmethod
    def from_theme(cls, theme, *, shirt=None, hair=None) -> "Palette":
        light, dark = paint.lightest(theme), paint.darkest(theme)
        skin = paint.mix(paint.mix(theme.yellow, theme.red, 0.28), light, 0.55)
        return cls(
            skin=skin,
            skin_shade=paint.mix(skin, theme.red, 0.18),
            hair=hair or paint.mix(dark, theme.red, 0.18),
            shirt=shirt or paint.mix(theme.blue, dark, 0.15),
            eye=paint.mix(dark, theme.blue, 0.1),
            eye_white=light,
            mouth=paint.mix(dark, theme.red, 0.45),
            lips=paint.mix(theme.red, skin, 0.45),
        )


@dataclass(frozen=True)
class Head:
    """Where the head is: centre, half width/height."""

    cx: float
    cy: float
    rx: float
    ry: float

    @classmethod
    def in_rect(cls, rect: pygame.Rect) -> "Head":
        rx = rect.w * 0.21
        return cls(rect.centerx, rect.y + rect.h * 0.40, rx, rx * 1.28)


def _ellipse(surface, colour, cx, cy, rx, ry, width=0):
    pygame.draw.ellipse(surface, colour, pygame.Rect(int(cx - rx), int(cy - ry), max(1, int(rx * 2)), max(1, int(ry * 2))),
                        width)


def _long_hair(surface: pygame.Surface, head: Head, pal: Palette) -> None:
    """Hair falling to the shoulders on both sides of the face."""
    rect = pygame.Rect(int(head.cx - head.rx * 1.18), int(head.cy - head.ry * 0.9), int(head.rx * 2.36),
                       int(head.ry * 2.05))
    paint.rrect(surface, pal.hair, rect, int(head.rx * 0.9))


def draw_body(surface: pygame.Surface, head: Head, pal: Palette, turn: float = 0.0, hair: str = "short") -> None:
    """Shoulders, neck, head outline, ears and hair."""
    cx, cy, rx, ry = head.cx, head.cy, head.rx, head.ry
    # Shoulders and torso.
    _ellipse(surface, pal.shirt, cx, cy + ry * 2.55, rx * 2.4, ry * 1.35)
    collar = [(cx - rx * 0.55, cy + ry * 1.25), (cx, cy + ry * 1.75), (cx + rx * 0.55, cy + ry * 1.25)]
    pygame.draw.polygon(surface, paint.mix(pal.shirt, pal.eye_white, 0.7), collar)
    # Hair behind (long hair), then the neck.
    if hair == "long":
        _long_hair(surface, head, pal)
    pygame.draw.rect(surface, pal.skin_shade, (cx - rx * 0.42, cy + ry * 0.6, rx * 0.84, ry * 0.75))
    _ellipse(surface, pal.skin_shade, cx, cy + ry * 1.28, rx * 0.42, ry * 0.22)
    # Ears: the far one hides as the head turns.
    for side in (-1, 1):
        if side * turn > 0.45:
            continue
        ex = cx + side * rx * (0.98 - abs(turn) * 0.25) - turn * rx * 0.1
        _ellipse(surface, pal.skin_shade, ex, cy + ry * 0.05, rx * 0.17, ry * 0.2)
    # Head.
    _ellipse(surface, pal.skin, cx, cy, rx * (1 - abs(turn) * 0.08), ry)
    # Hair on top.
    top = pygame.Rect(int(cx - rx * 1.06), int(cy - ry * 1.12), int(rx * 2.12), int(ry * 1.1))
    pygame.draw.ellipse(surface, pal.hair, top)
    fringe = [(cx - rx * 1.02, cy - ry * 0.25), (cx - rx * 0.7, cy - ry * 0.75), (cx + turn * rx * 0.3, cy - ry * 0.62),
              (cx + rx * 0.75, cy - ry * 0.8), (cx + rx * 1.02, cy - ry * 0.25), (cx + rx * 1.0, cy - ry * 0.85),
              (cx - rx * 1.0, cy - ry * 0.85)]
    pygame.draw.polygon(surface, pal.hair, fringe)
    if hair == "bun":
        _ellipse(surface, pal.hair, cx, cy - ry * 1.12, rx * 0.42, ry * 0.28)


def draw_face(surface: pygame.Surface, head: Head, pal: Palette, *, turn: float = 0.0, eyes: float = 1.0,
              mouth: float = 0.0, smile: float = 0.4, brows: float = 0.0) -> None:
    """Eyes, brows, nose, mouth and cheeks, shifted by ``turn`` (-1 left … 1 right)."""
    cx, cy, rx, ry = head.cx, head.cy, head.rx, head.ry
    fx = cx + turn * rx * 0.32
    spread = rx * 0.40 * (1 - abs(turn) * 0.25)
    eye_y = cy - ry * 0.02
    for side in (-1, 1):
        ex = fx + side * spread
        scale = 1 - max(0.0, side * turn) * 0.35
        # Cheek.
        _ellipse(surface, paint.mix(pal.skin, pal.lips, 0.35), ex + side * rx * 0.06, cy + ry * 0.34, rx * 0.16 * scale,
                 ry * 0.08)
        # Brow.
        bw = rx * 0.22 * scale
        by = eye_y - ry * 0.2 - brows * ry * 0.05
        pygame.draw.line(surface, pal.hair, (ex - bw, by + side * brows * ry * 0.03), (ex + bw, by - side * brows * ry * 0.03),
                         max(1, int(ry * 0.06)))
        if eyes > 0.15:
            _ellipse(surface, pal.eye_white, ex, eye_y, rx * 0.17 * scale, ry * 0.11 * eyes)
            _ellipse(surface, pal.eye, ex + turn * rx * 0.05, eye_y, rx * 0.09 * scale, ry * 0.095 * min(1.0, eyes * 1.2))
        else:
            pygame.draw.line(surface, pal.eye, (ex - rx * 0.15 * scale, eye_y), (ex + rx * 0.15 * scale, eye_y),
                             max(1, int(ry * 0.04)))
    # Nose.
    nx = fx + turn * rx * 0.1
    pygame.draw.lines(surface, pal.skin_shade, False,
                      [(nx, eye_y + ry * 0.08), (nx - rx * 0.07, eye_y + ry * 0.33), (nx + rx * 0.05, eye_y + ry * 0.36)],
                      max(1, int(ry * 0.045)))
    # Mouth: closed smile or open oval.
    my = cy + ry * 0.55
    mw = rx * 0.36 * (1 - abs(turn) * 0.2)
    if mouth > 0.08:
        _ellipse(surface, pal.mouth, fx, my, mw * (0.8 - mouth * 0.15), ry * 0.04 + ry * 0.17 * mouth)
    else:
        rect = pygame.Rect(int(fx - mw), int(my - ry * 0.12 - smile * ry * 0.1), int(mw * 2), int(ry * 0.24 + smile * ry * 0.2))
        pygame.draw.arc(surface, pal.lips, rect, 3.5, 5.9, max(1, int(ry * 0.06)))


def draw_hand(surface: pygame.Surface, cx: float, cy: float, size: float, pal: Palette) -> None:
    """An open palm with fingers, ``size`` ≈ palm height."""
    _ellipse(surface, pal.skin_shade, cx, cy + size * 0.9, size * 0.28, size * 0.5)      # wrist
    _ellipse(surface, pal.skin, cx, cy, size * 0.42, size * 0.48)                      # palm
    for i, (dx, length) in enumerate(((-0.33, 0.62), (-0.11, 0.75), (0.11, 0.72), (0.31, 0.6))):
        fx = cx + dx * size
        rect = pygame.Rect(int(fx - size * 0.09), int(cy - size * 0.25 - length * size), int(size * 0.18),
                           int(length * size + size * 0.1))
        paint.rrect(surface, pal.skin, rect, int(size * 0.09))
    thumb = [(cx - size * 0.3, cy + size * 0.1), (cx - size * 0.78, cy - size * 0.22), (cx - size * 0.68, cy - size * 0.36),
             (cx - size * 0.28, cy - size * 0.15)]
    pygame.draw.polygon(surface, pal.skin, thumb)


def draw_person(surface: pygame.Surface, rect: pygame.Rect, pal: Palette, *, turn: float = 0.0, eyes: float = 1.0,
                mouth: float = 0.0, hair: str = "short") -> Head:
    """Head and shoulders filling ``rect``; returns the head geometry."""
    head = Head.in_rect(rect)
    draw_body(surface, head, pal, turn, hair)
    draw_face(surface, head, pal, turn=turn, eyes=eyes, mouth=mouth)
    return head


def draw_standing(surface: pygame.Surface, rect: pygame.Rect, pal: Palette, *, mouth: float = 0.0, eyes: float = 1.0,
                  hair: str = "short", trousers=None, gesture: float = 0.0, cap=None) -> Head:
    """A whole standing figure filling ``rect`` (height ≈ 2.6 × width); returns the head geometry."""
    w, h = rect.w, rect.h
    cx = rect.centerx
    rx = w * 0.27
    head = Head(cx, rect.y + rx * 1.3, rx, rx * 1.25)
    trousers = trousers or paint.mix(pal.hair, pal.shirt, 0.3)
    torso = pygame.Rect(0, 0, w * 0.7, h * 0.34)
    torso.midtop = (cx, head.cy + head.ry * 1.05)
    legs_top = torso.bottom - h * 0.02
    for side in (-1, 1):
        leg = pygame.Rect(0, 0, w * 0.24, rect.bottom - legs_top - h * 0.03)
        leg.midtop = (cx + side * w * 0.15, legs_top)
        paint.rrect(surface, trousers, leg, int(w * 0.06))
        shoe = pygame.Rect(0, 0, w * 0.32, h * 0.04)
        shoe.midbottom = (leg.centerx + side * w * 0.04, rect.bottom)
        paint.rrect(surface, pal.hair, shoe, int(h * 0.02))
    # Arms: one hanging, one raised a little as if explaining.
    for side in (-1, 1):
        arm = pygame.Rect(0, 0, w * 0.17, h * 0.33)
        arm.midtop = (cx + side * w * 0.38, torso.y + h * 0.01)
        if side > 0 and gesture:
            lift = pygame.Surface(arm.size, pygame.SRCALPHA)
            paint.rrect(lift, pal.shirt, lift.get_rect(), int(w * 0.08))
            paint.circle(lift, pal.skin, (arm.w / 2, arm.h - arm.w / 2), arm.w * 0.48)
            rot = pygame.transform.rotate(lift, 40 * gesture)
            surface.blit(rot, rot.get_rect(midtop=(arm.centerx + w * 0.06 * gesture, arm.y - h * 0.01)))
            continue
        paint.rrect(surface, pal.shirt, arm, int(w * 0.08))
        paint.circle(surface, pal.skin, (arm.centerx, arm.bottom - arm.w * 0.4), arm.w * 0.48)
    paint.rrect(surface, pal.shirt, torso, int(w * 0.16))
    collar = [(cx - w * 0.12, torso.y), (cx, torso.y + h * 0.06), (cx + w * 0.12, torso.y)]
    pygame.draw.polygon(surface, paint.mix(pal.shirt, pal.eye_white, 0.7), collar)
    # Neck and head (no shoulders: the torso is the body).
    if hair == "long":
        _long_hair(surface, head, pal)
    pygame.draw.rect(surface, pal.skin_shade, (cx - rx * 0.35, head.cy + head.ry * 0.6, rx * 0.7, head.ry * 0.55))
    for side in (-1, 1):
        _ellipse(surface, pal.skin_shade, cx + side * rx * 0.98, head.cy + head.ry * 0.05, rx * 0.17, head.ry * 0.2)
    _ellipse(surface, pal.skin, cx, head.cy, rx, head.ry)
    top = pygame.Rect(int(cx - rx * 1.06), int(head.cy - head.ry * 1.12), int(rx * 2.12), int(head.ry * 1.1))
    pygame.draw.ellipse(surface, pal.hair, top)
    if hair == "bun":
        _ellipse(surface, pal.hair, cx, head.cy - head.ry * 1.1, rx * 0.42, head.ry * 0.28)
    if cap is not None:
        crown = pygame.Rect(int(cx - rx * 1.02), int(head.cy - head.ry * 1.25), int(rx * 2.04), int(head.ry * 0.8))
        pygame.draw.ellipse(surface, cap, crown)
        pygame.draw.rect(surface, cap, (cx - rx * 1.02, head.cy - head.ry * 0.85, rx * 2.04, head.ry * 0.3))
        pygame.draw.rect(surface, paint.mix(cap, pal.hair, 0.5), (cx - rx * 1.1, head.cy - head.ry * 0.6, rx * 2.2,
                                                                 head.ry * 0.14), border_radius=int(rx * 0.1))
        paint.circle(surface, pal.eye_white, (cx, head.cy - head.ry * 0.8), rx * 0.16)
    draw_face(surface, head, pal, eyes=eyes, mouth=mouth)
    return head
