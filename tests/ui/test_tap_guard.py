"""The tap guard on its own: what it lets through of presses, releases and keys as controls come and go."""

import pygame
import pytest

from game.ui.input import Action, Intent
from game.ui.tap_guard import ARMING_S, TapGuard


class Control:
    focusable = True
    visible = True
    enabled = True

    def __init__(self, name, rect, text=""):
        self.name, self.rect, self.text = name, pygame.Rect(rect), text


class Screen:
    def __init__(self, *controls):
        self.controls = list(controls)

    def widgets(self):
        return self.controls


def press(pos=(50, 50)):
    return Intent(Action.PRESS, pos=pos, touch=True)


def release(pos=(50, 50)):
    return Intent(Action.RELEASE, pos=pos, touch=True)


def settled(*screens) -> TapGuard:
    """A guard that has watched ``screens`` long enough for their controls to be armed."""
    guard = TapGuard()
    guard.observe(list(screens))
    guard.tick(ARMING_S + 0.01)
    guard.observe(list(screens))
    return guard


@pytest.mark.parametrize("gap", [0.05, 0.18, 0.3, 0.5])
def test_a_press_on_a_control_that_just_appeared_is_refused(gap):
    screen = Screen(Control("next", (0, 0, 100, 100)))
    guard = settled(screen)
    screen.controls = [Control("choice_0", (0, 0, 100, 100), "点开链接")]
    guard.observe([screen])
    guard.tick(gap - 0.04)   # the first tap's finger was down 40 ms of the gap
    assert guard.filter(press()) is None


def test_the_release_of_a_refused_press_is_refused_too():
    screen = Screen(Control("next", (0, 0, 100, 100)))
    guard = settled(screen)
    screen.controls = [Control("choice_0", (0, 0, 100, 100))]
    guard.observe([screen])
    guard.filter(press())
    guard.tick(ARMING_S)
    assert guard.filter(release()) is None


def test_a_press_after_the_arming_time_goes_through():
    screen = Screen(Control("next", (0, 0, 100, 100)))
    guard = settled(screen)
    screen.controls = [Control("choice_0", (0, 0, 100, 100))]
    guard.observe([screen])
    guard.tick(ARMING_S + 0.01)
    assert guard.filter(press()) == press()


def test_a_control_that_stayed_put_takes_a_quick_second_tap():
    screen = Screen(Control("next", (0, 0, 100, 100), "继续"))
    guard = settled(screen)
    guard.filter(press())
    guard.filter(release())
    guard.tick(0.18)
    guard.observe([screen])
    assert guard.filter(press()) == press()


def test_a_control_that_moved_under_the_finger_is_armed_again():
    screen = Screen(Control("next", (0, 0, 100, 100)))
    guard = settled(screen)
    screen.controls[0].rect = pygame.Rect(0, 20, 100, 100)
    guard.observe([screen])
    guard.tick(0.2)
    assert guard.filter(press()) is None


def test_a_control_whose_words_changed_is_armed_again():
    button = Control("main", (0, 0, 100, 100), "掷骰子")
    screen = Screen(button)
    guard = settled(screen)
    button.text = "确认转账"
    guard.observe([screen])
    guard.tick(0.2)
    assert guard.filter(press()) is None


def test_a_control_elsewhere_does_not_arm_the_rest_of_the_screen():
    screen = Screen(Control("next", (0, 0, 100, 100)))
    guard = settled(screen)
    screen.controls.append(Control("new", (300, 300, 100, 100)))
    guard.observe([screen])
    guard.tick(0.1)
    assert guard.filter(press((50, 50))) is not None


def test_a_new_screen_refuses_presses_anywhere_while_it_arms():
    guard = settled(Screen(Control("next", (0, 0, 100, 100))))
    guard.observe([Screen()])     # a dialog or a screen with tap-anywhere areas and no controls
    guard.tick(0.3)
    assert guard.filter(press((500, 500))) is None


def test_a_release_after_a_press_that_began_before_the_control_appeared_acts_on_nothing():
    screen = Screen(Control("next", (0, 0, 100, 100)))
    guard = settled(screen)
    assert guard.filter(press()) is not None
    guard.tick(0.3)
    screen.controls = [Control("choice_0", (0, 0, 100, 100))]   # appeared while the finger was down
    guard.observe([screen])
    guard.tick(ARMING_S + 0.1)
    assert guard.filter(release()).pos is None


def test_a_release_without_any_press_acts_on_nothing():
    guard = settled(Screen(Control("next", (0, 0, 100, 100))))
    assert guard.filter(release()).pos is None


def test_keyboard_confirm_is_not_delayed_by_arming():
    screen = Screen(Control("next", (0, 0, 100, 100)))
    guard = settled(screen)
    screen.controls = [Control("choice_0", (0, 0, 100, 100))]
    guard.observe([screen])
    assert guard.filter(Intent(Action.CONFIRM)) == Intent(Action.CONFIRM)


def _key(kind, key=pygame.K_RETURN):
    return pygame.event.Event(kind, key=key, mod=0, unicode="\r", scancode=40)


def test_a_key_held_down_from_the_last_screen_does_not_act_on_the_new_one():
    guard = settled(Screen(Control("next", (0, 0, 100, 100))))
    assert guard.key_event(_key(pygame.KEYDOWN)) is False
    guard.observe([Screen(Control("choice_0", (0, 0, 100, 100)))])
    assert guard.key_event(_key(pygame.KEYDOWN)) is True   # the auto-repeat of the held key


def test_a_key_pressed_again_on_the_new_screen_acts():
    guard = settled(Screen(Control("next", (0, 0, 100, 100))))
    guard.key_event(_key(pygame.KEYDOWN))
    guard.key_event(_key(pygame.KEYUP))
    guard.observe([Screen(Control("choice_0", (0, 0, 100, 100)))])
    assert guard.key_event(_key(pygame.KEYDOWN)) is False


def test_arming_controls_are_drawn_faded_and_then_whole():
    surface = pygame.Surface((200, 200))
    screen = Screen(Control("next", (0, 0, 100, 100)))
    guard = TapGuard()
    guard.observe([screen])
    surface.fill((0, 0, 0))
    guard.paint(surface, (255, 255, 255), reduced_motion=False)
    assert surface.get_at((50, 50))[0] > 100        # veiled in the background colour
    guard.tick(ARMING_S + 0.01)
    surface.fill((0, 0, 0))
    guard.paint(surface, (255, 255, 255), reduced_motion=False)
    assert surface.get_at((50, 50))[0] == 0


def test_the_frame_after_the_arming_ends_is_drawn_too():
    surface = pygame.Surface((200, 200))
    guard = TapGuard()
    guard.observe([Screen(Control("next", (0, 0, 100, 100)))])
    guard.tick(ARMING_S * 0.99)     # nearly armed: the veil has thinned to nothing
    guard.paint(surface, (255, 255, 255), reduced_motion=False)
    guard.tick(ARMING_S)
    assert guard.busy()             # the picture (and the trace) must still learn that it is armed
    guard.paint(surface, (255, 255, 255), reduced_motion=False)
    assert not guard.busy()


def test_controls_covered_by_an_overlay_are_not_arming_under_it():
    board = Screen(Control("dice", (0, 0, 100, 100)))
    guard = settled(board)
    vote = Screen(Control("vote_end", (200, 200, 100, 100)))
    guard.observe([board, vote])
    assert [rect for rect, _ in guard.arming()] == [pygame.Rect(200, 200, 100, 100)]


def test_controls_under_an_overlay_that_passes_taps_on_still_arm():
    board = Screen(Control("dice", (0, 0, 100, 100)))
    guard = settled(board)
    notice = Screen()
    notice.passes_events = True
    guard.observe([board, notice])
    assert [rect for rect, _ in guard.arming()] == [pygame.Rect(0, 0, 100, 100)]
