"""One entry point for every channel: ``draw_node(surface, rect, node, state, app)``."""

from __future__ import annotations

import importlib

import pygame

from .state import PhoneHits, PhoneState


DRAWERS = {   # channel -> (module, function)
    "phone_call": ("call", "draw_phone_call"),
    "sms": ("sms", "draw_sms"),
    "chat": ("chat", "draw_chat"),
    "video_call": ("video", "draw_video_call"),
    "screen_share": ("screen_share", "draw_screen_share"),
    "payment": ("payment", "draw_payment"),
    "in_person": ("in_person", "draw_in_person"),
}


def drawer_for(channel: str):
    module, func = DRAWERS[channel]
    return getattr(importlib.import_module(f"{__package__}.{module}"), func)


def draw_node(surface: pygame.Surface, rect: pygame.Rect, node, state: PhoneState | None, app) -> PhoneHits:
    """Draw ``node`` as its channel's phone screen (or illustrated scene) inside ``rect``."""
    channel = node.channel.value
    if channel not in DRAWERS:
        raise ValueError(f"no phone screen for channel {channel!r}")
    return drawer_for(channel)(surface, pygame.Rect(rect), node, state or PhoneState(), app)
