"""Chart axes and empty charts: counts in whole steps; an empty chart says why."""

import subprocess
import sys

from game.stats.chartspec import count_ticks, percent_ticks


def test_a_count_of_two_has_whole_steps():
    assert count_ticks(2) == [0, 1, 2]


def test_count_steps_are_whole_numbers_for_any_size():
    for largest in (1, 3, 7, 13, 99, 1234, 98765):
        ticks = count_ticks(largest)
        assert all(isinstance(t, int) for t in ticks) and ticks[-1] >= largest and len(ticks) <= 7


def test_percent_axis_stops_at_100_percent():
    assert percent_ticks([0.97])[-1] == 1.0


def test_chart_specs_and_svg_need_neither_pygame_nor_the_ui():
    code = ("import sys; import game.stats.svg, game.stats.chartspec, game.stats.dashboard, game.stats.queries; "
            "print(any(m == 'pygame' or m.startswith('game.ui') for m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
