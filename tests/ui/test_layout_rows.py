"""``layout.rows_as_needed``: a long answer's row takes the lines it needs, the rest share the room."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame

from game.ui.layout import rows_as_needed


def test_a_row_that_needs_more_lines_is_taller_than_the_others():
    rows = rows_as_needed(pygame.Rect(0, 0, 100, 400), [50, 50, 150], most=120, gap=10)
    assert rows[2].h > rows[0].h == rows[1].h


def test_spare_room_is_shared_out_up_to_the_most_a_row_may_have():
    rows = rows_as_needed(pygame.Rect(0, 0, 100, 1000), [50, 50], most=120, gap=10)
    assert [r.h for r in rows] == [120, 120]


def test_short_of_room_every_row_gives_way_and_they_stay_inside():
    rect = pygame.Rect(0, 0, 100, 200)
    rows = rows_as_needed(rect, [100, 100, 100], most=120, gap=10)
    assert all(rect.contains(r) for r in rows) and rows[0].bottom <= rows[1].top
