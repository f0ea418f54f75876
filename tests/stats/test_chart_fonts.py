"""Charts are drawn after the game shut pygame down (a report exported from the operator menu, a test)."""

import pygame

from game.stats import charts


def test_chart_text_still_draws_after_pygame_was_shut_down():
    charts.fonts()(20).size("开始")
    pygame.quit()
    assert charts.fonts()(20).size("开始")[0] > 0


def test_chart_text_still_draws_after_pygame_was_shut_down_and_started_again():
    charts.fonts()(20).size("开始")
    pygame.quit()
    pygame.init()
    assert charts.fonts()(20).size("开始")[0] > 0
