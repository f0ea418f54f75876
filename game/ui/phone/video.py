"""Video calls, with the AI face-swap tells a player should learn to spot.

The caller's video is painted small (like a compressed stream) and scaled up.
Tells listed in ``node.tells``:
  blur_edges      the face outline smears into the background
  glitch_on_turn  when the player asks them to turn their head, the pasted face tears and slips
  glitch_on_wave  a hand passing in front of the face vanishes behind it, the face tears
  lip_sync        the mouth moves out of step with the voice (see the voice meter)
  no_blink        the eyes never blink
  bad_signal      "信号不好": blocky picture, weak signal
Without a tell the same test looks natural (a real person turns, waves and blinks).
"""

from __future__ import annotations

import math
import random

import pygame

from . import paint
from .bubbles import Thread, items_for
from .call import call_badges, call_timer, draw_badge
from .face import Head, Palette, draw_body, draw_face, draw_hand, draw_person
from .frame import Screen, draw_status_bar, open_phone
from .labels import CHECK_WATCH
from .state import TEST_DURATION, PhoneHits

VIDEO_W = 150   # width of the "stream" in pixels before it is scaled up


def voice_level(t: float) -> float:
    """Loudness of the caller's voice at time ``t`` (0..1), a syllable rhythm."""
    syllables = 0.5 + 0.5 * math.sin(t * 11.0)
    phrase = 0.55 + 0.45 * math.sin(t * 2.1 + 0.7)
    return max(0.0, syllables * phrase)


def blink(t: float) -> float:
    """Eyes openness for a natural blink every ~3 s."""
    phase = t % 3.1
    return 0.0 if 2.95 < phase else 1.0


def test_pose(test: str, age: float, reduced: bool) -> float:
    """Progress of a turn/wave test: turn angle (-1..1) or hand position (0..1)."""
    if not test or age >= TEST_DURATION:
        return 0.0
    if reduced:
        return 0.75 if test == "turn" else 0.5
    x = age / TEST_DURATION
    if test == "turn":
        return math.sin(x * math.pi * 2) * 0.9
    return x


def _room(canvas: pygame.Surface, theme) -> None:
    w, h = canvas.get_size()
    light, dark = paint.lightest(theme), paint.darkest(theme)
    wall = paint.mix(paint.mix(theme.background, theme.yellow, 0.25), dark, 0.12)
    canvas.blit(paint.vertical_gradient((w, h), wall, paint.mix(wall, dark, 0.25)), (0, 0))
    window = pygame.Rect(int(w * 0.06), int(h * 0.08), int(w * 0.3), int(h * 0.26))
    pygame.draw.rect(canvas, paint.mix(theme.blue, light, 0.6), window)
    pygame.draw.rect(canvas, paint.mix(wall, light, 0.5), window, max(1, w // 60))
    pygame.draw.line(canvas, paint.mix(wall, light, 0.5), window.midtop, window.midbottom, max(1, w // 80))
    frame = pygame.Rect(int(w * 0.68), int(h * 0.1), int(w * 0.22), int(h * 0.13))
    pygame.draw.rect(canvas, paint.mix(theme.green, wall, 0.4), frame)
    pygame.draw.rect(canvas, paint.mix(wall, dark, 0.5), frame, max(1, w // 80))
    sofa = pygame.Rect(0, int(h * 0.58), w, int(h * 0.42))
    pygame.draw.rect(canvas, paint.mix(theme.red, wall, 0.55), sofa, border_radius=w // 12)


def _tear(canvas: pygame.Surface, band: pygame.Rect, strength: float, seed: int, theme) -> None:
    """Shift horizontal slices of ``band`` sideways (and tint a few): a face tearing."""
    if strength <= 0:
        return
    rng = random.Random(seed)
    band = band.clip(canvas.get_rect())
    if band.h < 4:
        return
    y = band.y
    src = canvas.copy()
    while y < band.bottom:
        h = rng.randint(2, max(3, band.h // 7))
        dx = int(rng.choice((-1, 1)) * rng.uniform(0.3, 1.0) * strength * band.w * 0.16)
        if rng.random() < 0.7:
            strip = pygame.Rect(band.x, y, band.w, min(h, band.bottom - y))
            canvas.blit(src, (strip.x + dx, strip.y), strip)
            if rng.random() < 0.35:
                tint = pygame.Surface(strip.size, pygame.SRCALPHA)
                tint.fill((*rng.choice((theme.blue, theme.green, theme.red)), 70))
                canvas.blit(tint, (strip.x + dx, strip.y))
        y += h


def _smear_edges(canvas: pygame.Surface, head: Head, t: float) -> None:
    """Blur a ring around the face outline so the face smears into the background."""
    w, h = canvas.get_size()
    blurred = pygame.transform.gaussian_blur(canvas, max(1, int(head.rx * 0.16)))
    mask = pygame.Surface((w, h), pygame.SRCALPHA)
    wobble = math.sin(t * 3.0) * head.rx * 0.04
    ring = pygame.Rect(0, 0, head.rx * 2.5, head.ry * 2.45)
    ring.center = (head.cx + wobble, head.cy - head.ry * 0.08)
    pygame.draw.ellipse(mask, (255, 255, 255, 255), ring, max(2, int(head.rx * 0.3)))
    blurred = blurred.convert_alpha() if pygame.display.get_surface() else blurred
    layer = pygame.Surface((w, h), pygame.SRCALPHA)
    layer.blit(blurred, (0, 0))
    layer.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    canvas.blit(layer, (0, 0))


def paint_video(size: tuple[int, int], node, state, theme) -> pygame.Surface:
    """The caller's picture at stream resolution (before scaling to the phone)."""
    tells = set(node.tells)
    reduced = state.reduced_motion
    t = 0.0 if reduced else state.t
    w = VIDEO_W
    h = max(1, int(w * size[1] / max(1, size[0])))
    canvas = pygame.Surface((w, h))
    _room(canvas, theme)
    person = pygame.Rect(0, int(h * 0.16), w, int(w * 1.05))
    head = Head.in_rect(person)
    pal = Palette.from_theme(theme)

    test, age = state.test, state.test_age
    pose = test_pose(test, age, reduced)
    turning = test == "turn" and age < TEST_DURATION
    waving = test == "wave" and age < TEST_DURATION
    turn = pose if turning else (0.0 if reduced else math.sin(t * 0.7) * 0.06)

    speaking = state.speaking and not reduced
    voice_t = t - 0.55 if "lip_sync" in tells else t
    mouth = voice_level(voice_t) if speaking else (0.35 if reduced and state.speaking else 0.0)
    if "lip_sync" in tells and not speaking and not reduced:
        mouth = voice_level(t) * 0.8   # keeps moving after the voice stopped
    eyes = 1.0 if ("no_blink" in tells or reduced) else blink(t)

    fake_turn = "glitch_on_turn" in tells and turning
    draw_body(canvas, head, pal, turn)
    # A face-swap's face layer does not follow the head: it lags behind the turn.
    face_turn = turn * 0.25 if fake_turn else turn
    face_head = Head(head.cx + (turn - face_turn) * head.rx * 0.15 if fake_turn else head.cx, head.cy, head.rx, head.ry)
    draw_face(canvas, face_head, pal, turn=face_turn, eyes=eyes, mouth=mouth)

    seed = int(t * 12) if not reduced else 7
    face_band = pygame.Rect(int(head.cx - head.rx * 1.3), int(head.cy - head.ry * 0.7), int(head.rx * 2.6),
                            int(head.ry * 1.6))
    if fake_turn:
        _tear(canvas, face_band, min(1.0, abs(turn) * 1.4), seed, theme)
    if waving:
        hx = w * (1.1 - 1.2 * pose)
        hand_size = head.ry * 0.75
        hand_rect = pygame.Rect(int(hx - hand_size), int(head.cy - hand_size * 1.2), int(hand_size * 2),
                                int(hand_size * 2.6))
        if "glitch_on_wave" in tells:
            # The hand slides *behind* the pasted face, and the face tears around it.
            before = canvas.copy()
            draw_hand(canvas, hx, head.cy + hand_size * 0.2, hand_size, pal)
            face_clip = pygame.Rect(int(head.cx - head.rx * 0.85), int(head.cy - head.ry * 0.55), int(head.rx * 1.7),
                                    int(head.ry * 1.25))
            canvas.blit(before, face_clip.topleft, face_clip)
            overlap = hand_rect.clip(face_band)
            if overlap.w > 0:
                _tear(canvas, face_band, min(1.0, overlap.w / max(1, hand_rect.w) * 1.3), seed, theme)
        else:
            draw_hand(canvas, hx, head.cy + hand_size * 0.2, hand_size, pal)
    if "blur_edges" in tells:
        _smear_edges(canvas, head, t)
    if "bad_signal" in tells:
        bad = reduced or (t % 2.6) < 1.3
        paint.pixelate(canvas, canvas.get_rect(), 4 if bad else 2)
    return canvas


def _voice_meter(scr: Screen, rect: pygame.Rect, t: float, speaking: bool) -> None:
    """Five bars showing the caller's voice, so a player can compare it with the mouth."""
    n = 5
    bw = rect.w / (n * 1.6)
    for i in range(n):
        level = voice_level(t - i * 0.06) if speaking else 0.05
        bh = max(2, rect.h * (0.2 + 0.8 * level))
        bar = pygame.Rect(0, 0, max(2, int(bw)), int(bh))
        bar.midbottom = (int(rect.x + bw * 0.8 + i * bw * 1.6), rect.bottom)
        paint.rrect(scr.surface, scr.light, bar, bar.w // 2)


def _top_shade(size, dark, fade) -> pygame.Surface:
    shade = pygame.Surface((size[0], max(1, min(fade, size[1]))), pygame.SRCALPHA)
    solid = fade * 0.55          # behind the name and the call timer: dark enough for text (contrast test)
    for i in range(shade.get_height()):
        alpha = 225 if i < solid else int(225 * (1 - (i - solid) / (fade - solid)))
        pygame.draw.line(shade, (*dark, alpha), (0, i), (size[0], i))
    return shade


def _check_hint(scr: Screen, text: str, top: int, lowest: int) -> int:
    """The check's hint in a dark box from ``top`` (its bottom at most ``lowest``); returns the box's bottom."""
    u = scr.u
    dark = paint.darkest(scr.theme)
    px = scr.px(4.4)
    width = int(scr.rect.w - u * 12)
    text_h = scr.ink.measure(text, px, int(width - u * 6))[1]
    box = pygame.Rect(scr.rect.x + int(u * 6), top, width, min(text_h + int(u * 4), max(int(u * 8), lowest - top)))
    paint.rrect(scr.surface, paint.mix(dark, scr.theme.phone_body, 0.3), box, int(u * 3))
    scr.ink.text(scr.surface, text, box.inflate(-u * 6, -u * 2), px, scr.light, align="center", valign="middle",
                 min_px=int(u * 3.2))
    return box.bottom


def draw_video_call(surface: pygame.Surface, rect: pygame.Rect, node, state, app) -> PhoneHits:
    theme = app.theme
    dark, light = paint.darkest(theme), paint.lightest(theme)
    tells = set(node.tells)
    scr = open_phone(surface, rect, app, state, screen_colour=dark, status_on_dark=True)
    glass = scr.full
    video = paint_video(glass.size, node, state, theme)
    paint.blit_rounded(surface, video, glass, scr.radius, theme.phone_body)
    u = scr.u
    # Darken the top for the header text (a gradient fading out downwards).
    shade = paint.cached(("video_shade", glass.size, dark, int(u * 40)),
                          lambda: _top_shade(glass.size, dark, int(u * 40)))
    surface.blit(shade, glass.topleft)
    paint.round_corners(surface, glass, scr.radius, theme.phone_body)
    draw_status_bar(scr, pygame.Rect(glass.x, glass.y, glass.w, scr.rect.y - glass.y), True,
                    1 if "bad_signal" in tells else 4)
    contact = node.contact
    name = scr.tr(contact.name) if contact and contact.name else scr.tr("视频通话")
    top = scr.rect.y + int(u * 2)
    scr.ink.text(surface, name, pygame.Rect(scr.rect.x + u * 5, top, scr.rect.w - u * 30, u * 8), scr.px(6), light,
                 bold=True, valign="middle", max_lines=1, min_px=int(u * 3.6))
    label = scr.tr("视频通话") + "  " + call_timer(state.call_started + state.t)
    scr.ink.text(surface, label, pygame.Rect(scr.rect.x + u * 5, top + u * 8, scr.rect.w - u * 30, u * 6), scr.px(4),
                 light, valign="middle", max_lines=1, min_px=int(u * 3))
    y = top + int(u * 15)
    for text, face, fg, icon in call_badges(scr, contact):
        r = draw_badge(scr, scr.rect.x + int(u * 5) + int(u * 14), y, text, face, fg, icon, scr.px(3.8))
        y = r.bottom + int(u * 1)
    # Self view (picture in picture) at the top right.
    pip = pygame.Rect(0, 0, int(u * 22), int(u * 32))
    pip.topright = (scr.rect.right - int(u * 4), scr.rect.y + int(u * 2))
    pip_surface = pygame.Surface(pip.size)
    pip_surface.fill(paint.mix(theme.phone_body, theme.blue, 0.3))
    me = Palette.from_theme(theme, shirt=paint.mix(theme.green, dark, 0.2), hair=paint.mix(light, dark, 0.35))
    draw_person(pip_surface, pygame.Rect(0, int(pip.h * 0.12), pip.w, pip.w), me, hair="bun")
    paint.blit_rounded(surface, pip_surface, pip, int(u * 3))
    paint.rrect(surface, light, pip, int(u * 3), max(1, int(u * 0.5)))
    # Bottom controls: mute, flip camera, hang up.
    hang_r = u * 8
    hang_c = (scr.rect.centerx, scr.rect.bottom - int(u * 5) - hang_r)
    paint.circle(surface, theme.red, hang_c, hang_r)
    paint.handset(surface, light, hang_c, hang_r * 1.05, 135)
    scr.hits.areas["hang_up"] = pygame.Rect(hang_c[0] - hang_r, hang_c[1] - hang_r, hang_r * 2, hang_r * 2)
    ctrl = paint.mix(theme.phone_body, light, 0.2)
    for action, dx, glyph in (("mute", -0.3, paint.mic), ("camera", 0.3, paint.camera)):
        c = (scr.rect.centerx + scr.rect.w * dx, hang_c[1])
        scr.hits.areas[action] = pygame.Rect(c[0] - u * 6.5, c[1] - u * 6.5, u * 13, u * 13)
        paint.circle(surface, ctrl, c, u * 6.5)
        glyph(surface, light, c, u * 6)
    # Voice meter beside the captions, then the captions.
    meter = pygame.Rect(scr.rect.x + int(u * 5), hang_c[1] - hang_r - int(u * 10), int(u * 14), int(u * 6))
    paint.rrect(surface, paint.mix(dark, theme.phone_body, 0.5), meter.inflate(u * 3, u * 2), int(u * 2))
    controls_top = int(meter.y - u)
    scr.hits.parts["input"] = pygame.Rect(scr.rect.x, controls_top, scr.rect.w, int(hang_c[1] + hang_r) - controls_top)
    _voice_meter(scr, meter, 0.0 if state.reduced_motion else state.t, state.speaking and not state.reduced_motion)
    top = pip.bottom + int(u * 22)
    # While a check plays: watch the face. After it: what it showed and what to do (a glitch is a reason
    # to hang up, a clean check proves nothing; call back on the number you had).
    testing = state.test and state.test_age < TEST_DURATION
    hint = scr.tr(CHECK_WATCH) if testing else scr.tr(state.check_hint) if state.check_hint else ""
    if hint:
        top = _check_hint(scr, hint, pip.bottom + int(u * 3), meter.y - int(u * 16)) + int(u * 2)
    area = pygame.Rect(scr.rect.x, top, scr.rect.w, meter.y - int(u * 3) - top)
    if "bad_signal" in tells:
        box = pygame.Rect(0, 0, int(u * 34), int(u * 8))
        box.center = (scr.rect.centerx, int(scr.rect.y + scr.rect.h * 0.5))
        if state.reduced_motion or (state.t % 2.6) < 1.3:
            paint.rrect(surface, paint.mix(dark, theme.phone_body, 0.3), box, box.h // 2)
            scr.ink.text(surface, scr.tr("信号不好"), box.inflate(-u * 4, 0), scr.px(4.4), light, bold=True,
                         align="center", valign="middle", max_lines=1)
    items = items_for(node, state, scr.tr, link=False)[-2:]
    if area.h > u * 12:
        pop = 1.0 if state.reduced_motion else min(1.0, max(0.0, (state.t - state.reveal_t) / 0.25))
        Thread(scr, area, bg=dark).draw(items, pop)
    return scr.hits
