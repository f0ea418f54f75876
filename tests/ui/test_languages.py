"""Languages on screen: the title's language row switches live, a switch mid-game keeps the game,
every screen lays its words out again (English at four sizes), money and rates follow the locale,
and nothing is timed unless a pack asks for it."""

import pygame
import pytest

from game.i18n.formatting import money
from game.ui.phone.feedback import FeedbackOverlay
from game.ui.scenes.board import BoardScene, PauseScene
from game.ui.scenes.quiz import QuizScene
from game.ui.scenes.results import ResultsScene
from game.ui.scenes.scenario import ScenarioScene
from game.ui.scenes.settings import SettingsScene
from game.ui.scenes.setup import AudienceScene, PlayersScene, SeatPlan
from game.ui.scenes.title import ProblemsScene, TitleScene

from ui_helpers import SIZES, finger_tap, frame, layout_problems, make_app, seat_player


def _board(app, board_id="classic_four", seats=4, computer=True):
    board = app.library.boards[board_id]
    plans = [SeatPlan(i, board.seats[i].colour, board.seats[i].shape, i + 1, computer and i > 0)
             for i in range(seats)]
    return BoardScene(app, board, plans, None, seed=3)


def _play_a_while(app, scene, frames=900):
    """Let the board play: the person at seat 1 rolls and moves the first plane; scam scenes are settled."""
    from game.rules.policies import get_policy, play_pending_scene
    for _ in range(frames):
        frame(app, 1 / 20)
        if app.stack.top is not scene:
            while app.stack.top is not scene:
                app.stack.pop()
            scene.scene_open = None
            scene.scene_result = play_pending_scene(scene.game, get_policy("cautious"), scene.game.ai_rng)
        elif scene._human_to_roll():
            scene.roll()
        elif scene.choosing:
            scene.choose(0)


def _latin(text: str) -> bool:
    """No Chinese character in ``text`` (English on screen)."""
    return not any("\u3000" <= ch <= "\u9fff" for ch in text)


def _game_state(scene):
    g = scene.game
    return (tuple(tuple(g.positions(p)) for p in range(len(scene.players))), g.current, g.phase,
            tuple((s.savings, s.money_lost) for s in g.scores), g.is_over)


@pytest.fixture
def app():
    app = make_app((1280, 720))
    yield app
    app.stack.scenes.clear()


# ---------------------------------------------------------------- switching


def test_title_language_row_switches_without_restart(app):
    title = TitleScene(app)
    app.stack.push(title)
    frame(app)
    buttons = dict(title.lang_buttons)
    assert set(buttons) == {"zh_Hans", "zh_Hant", "en"} and all(b.visible for b in buttons.values())
    assert buttons["zh_Hans"].selected
    finger_tap(app, buttons["en"].rect.center)
    frame(app, events=pygame.event.get())
    assert app.locale == "en" and app.settings.locale == "en"
    assert buttons["en"].selected and not buttons["zh_Hans"].selected
    assert title.start.label.shown_text() == "Tap to start"
    assert layout_problems(app, title) == []
    finger_tap(app, buttons["zh_Hant"].rect.center)
    frame(app, events=pygame.event.get())
    assert app.locale == "zh_Hant" and title.start.label.shown_text() == "點這裡開始"
    assert app.stack.top is title, "a language tap does not start the game"


def test_switching_mid_game_keeps_the_game(app):
    scene = _board(app)
    app.stack.push(scene)
    _play_a_while(app, scene)
    assert any(pos for p in range(4) for pos in scene.game.positions(p)), "the game moved"
    before = _game_state(scene)
    caption = scene.caption.text
    app.set_locale("en")
    frame(app, 0.0)
    assert _game_state(scene) == before
    assert scene.caption.text != caption and _latin(scene.caption.text)
    assert all(_latin(label.text) for label in scene.score_labels)
    assert layout_problems(app, scene) == []
    app.set_locale("zh_Hans")
    frame(app, 0.0)
    assert _game_state(scene) == before
    assert scene.caption.text == caption


def test_switching_inside_a_scam_scene_keeps_its_place(app):
    scenario = app.library.scenarios["police_safe_account"]
    scene = ScenarioScene(app, scenario, seat_player("红方"))
    app.stack.push(scene)
    frame(app)
    scene.advance()
    scene.advance()
    node, shown, phase = scene.node.id, scene.shown, scene.phase
    app.set_locale("en")
    frame(app)
    assert (scene.node.id, scene.shown, scene.phase) == (node, shown, phase)
    assert scene.player_label.shown_text() == "Red"
    assert _latin(scene.caption.shown_text())
    assert layout_problems(app, scene) == []


def test_settings_language_row_and_voice_status(app):
    scene = SettingsScene(app)
    app.stack.push(scene)
    frame(app)
    fields = [field for field, _, _ in scene.rows]
    assert {"text_size", "high_contrast", "reduced_motion", "muted", "voice", "locale"} <= set(fields)
    assert scene.voice_status.visible and scene.voice_status.text == app.voice_status()
    english = next(b for f, _, buttons in scene.rows if f == "locale" for v, b in buttons if v == "en")
    english.activate()
    frame(app)
    assert app.locale == "en" and scene.voice_status.text == app.voice_status()
    assert _latin(scene.voice_status.text)
    voice_off = next(b for f, _, buttons in scene.rows if f == "voice" for v, b in buttons if v is False)
    voice_off.activate()
    assert app.settings.voice is False
    assert layout_problems(app, scene) == []


def test_voice_status_says_why_it_is_silent(app, monkeypatch):
    from game.i18n.voice import Narrator
    monkeypatch.setattr(Narrator, "_recorded_dir_has_files", lambda self: False)
    app.narrator.espeak = None
    assert "espeak-ng" in app.voice_status()
    app.set_locale("en")
    app.narrator.espeak = None
    assert app.voice_status().startswith("No read-aloud")


# ---------------------------------------------------------------- read aloud


def test_choices_are_read_after_the_last_line(app, monkeypatch):
    said = []
    monkeypatch.setattr(app, "narrate", lambda text: said.append(text) or "espeak")
    app.update_settings(save=False, voice=True)
    scene = ScenarioScene(app, app.library.scenarios["police_safe_account"])
    app.stack.push(scene)
    while scene.phase == "lines":
        scene.advance()
    assert scene.phase == "choices"
    last = said[-1]
    assert app.tr("你会怎么做？") in last
    assert all(app.tr(c.text) in last for c in scene.runner.choices)
    said.clear()
    scene.read_aloud()                    # the replay button reads them too
    assert all(app.tr(c.text) in said[-1] for c in scene.runner.choices)


def test_quiz_reads_question_and_answers(app, monkeypatch):
    said = []
    monkeypatch.setattr(app, "narrate", lambda text: said.append(text) or "espeak")
    item = next(i for p in app.library.quiz_pools.values() for i in p.items)
    app.set_locale("en")
    scene = QuizScene(app, item)
    app.stack.push(scene)
    scene.read_aloud()
    assert app.tr(item.question) in said[-1] and all(app.tr(o) in said[-1] for o in item.options)
    assert "。" not in said[-1], "English is read with English punctuation"


# ---------------------------------------------------------------- formats


def test_money_on_screen_follows_the_locale(app):
    scene = _board(app)
    app.stack.push(scene)
    frame(app)
    savings = scene.game.scores[0].savings
    assert scene.money_labels[0].text == money(savings, "zh_Hans") == f"¥{savings:,}"
    app.set_locale("en")
    frame(app)
    assert scene.money_labels[0].text == f"CN¥{savings:,}"


def test_results_use_babel_money_and_percent(app):
    from game.rules import PlayerScore, get_policy, play_scenario
    import random
    score = PlayerScore()
    rng = random.Random(1)
    for sid in sorted(app.library.scenarios)[:5]:
        score.record(play_scenario(get_policy("naive"), app.library.scenarios[sid], rng))
    app.set_locale("en")
    scene = ResultsScene(app, score)
    app.stack.push(scene)
    frame(app)
    big = [big.text for _, big, _ in scene.stats]
    assert big[0].startswith("CN¥") and big[1].endswith("%")
    app.set_locale("zh_Hans")
    frame(app)
    assert [big.text for _, big, _ in scene.stats][0].startswith("¥")


# ---------------------------------------------------------------- text size from the pack


def test_elderly_pack_brings_large_text_unless_the_operator_chose(app):
    scene = AudienceScene(app)
    app.stack.push(scene)
    frame(app)
    assert app.settings.text_size == "normal"
    scene.choose_pack("elderly")
    assert app.settings.text_size == "large"
    scene.choose_pack("general")
    assert app.settings.text_size == app.library.packs["general"].settings.text_size
    settings = SettingsScene(app)
    app.stack.push(settings)
    settings.set("text_size", "extra_large")
    app.stack.pop()
    scene.choose_pack("elderly")
    assert app.settings.text_size == "extra_large", "the operator's choice wins"


# ---------------------------------------------------------------- no time pressure


def test_nothing_is_timed_by_default(app):
    """Ten minutes without a tap: a scam script, a quiz and a person's turn all still wait."""
    scenario = ScenarioScene(app, app.library.scenarios["police_safe_account"])
    app.stack.push(scenario)
    while scenario.phase == "lines":
        scenario.advance()
    item = next(i for p in app.library.quiz_pools.values() for i in p.items)
    quiz = QuizScene(app, item)
    board = _board(app, computer=False, seats=2)
    for scene, state in ((scenario, lambda: (scenario.phase, scenario.node.id)),
                         (quiz, lambda: quiz.answer),
                         (board, lambda: (board.game.current, board.game.phase, board.game.positions(0)))):
        app.stack.clear_to(scene)
        frame(app)
        before = state()
        for _ in range(600):
            frame(app, 1.0)
        assert state() == before, scene.name


# ---------------------------------------------------------------- English at four sizes


SCREENS = {
    "title": lambda app: TitleScene(app),
    "problems": lambda app: ProblemsScene(app),
    "audience": lambda app: AudienceScene(app),
    "players": lambda app: PlayersScene(app),
    "settings": lambda app: SettingsScene(app),
    "board_path": lambda app: _board(app, "park_simple", 4),
    "board_ring": lambda app: _board(app, "classic_four", 4),
}


@pytest.fixture(scope="module", params=SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def english(request):
    app = make_app(request.param, locale="en")
    yield app
    app.stack.scenes.clear()


@pytest.fixture(scope="module", params=SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def english_phone(request):
    app = make_app(request.param, locale="en")
    yield app
    app.stack.scenes.clear()


@pytest.mark.parametrize("name", list(SCREENS))
def test_english_screens_lay_out_cleanly(english, name):
    app = english
    app.stack.clear_to(SCREENS[name](app))
    frame(app)
    assert layout_problems(app, app.stack.top) == [], name


def test_english_pause_menu(english):
    app = english
    app.stack.clear_to(_board(app, "park_simple"))
    app.stack.push(PauseScene(app))
    frame(app)
    assert layout_problems(app, app.stack.top) == []


def test_english_board_keywords_keep_their_words_whole(english):
    """"Strange link", never "Strang / e link": narrow squares set a Latin keyword sideways."""
    app = english
    for board_id in app.library.boards:
        scene = _board(app, board_id, 2)
        app.stack.clear_to(scene)
        frame(app)
        assert scene.view.text_fits(), scene.view.overflow
        assert scene.view.split == [], board_id


@pytest.mark.parametrize("script", ["police_safe_account", "grandson_face_swap", "meeting_app_screen_share",
                                    "overseas_prize_call", "stock_master_group"])
def test_english_scam_scenes_lay_out_cleanly(english_phone, script):
    app = english_phone
    scenario = app.library.scenarios[script]
    for pick in (0, -1):
        scene = ScenarioScene(app, scenario, seat_player("红方"), lambda r: None)
        app.stack.clear_to(scene)
        for _ in range(200):
            frame(app)
            top = app.stack.top
            assert layout_problems(app, top) == [], (script, getattr(top, "phase", "feedback"))
            if isinstance(top, FeedbackOverlay):
                top.close()
            elif scene.phase == "lines":
                scene.advance()
            elif scene.phase == "choices":
                scene.choose(pick % len(scene.runner.choices))
            else:
                break


def test_english_quiz_and_results(english):
    from game.rules import PlayerScore, SessionScore, get_policy, play_scenario
    import random
    app = english
    items = [i for p in app.library.quiz_pools.values() for i in p.items]
    for item in (max(items, key=lambda i: len(app.tr(i.question))), max(items, key=lambda i: len(app.tr(i.explanation)))):
        scene = QuizScene(app, item, seat_player("蓝方"))
        app.stack.clear_to(scene)
        frame(app)
        assert layout_problems(app, scene) == [], item.id
        scene.pick(0)
        frame(app)
        assert layout_problems(app, scene) == [], item.id
    rng = random.Random(5)
    scores = []
    for p, policy in enumerate(("cautious", "naive")):
        score = PlayerScore()
        for sid in sorted(app.library.scenarios)[p * 4: p * 4 + 7]:
            score.record(play_scenario(get_policy(policy), app.library.scenarios[sid], rng))
        scores.append(score)
    rows = [("Red 1", "red", scores[0]), ("Blue 2", "blue", scores[1])]
    app.stack.clear_to(ResultsScene(app, SessionScore.of(scores), players=rows))
    frame(app)
    assert layout_problems(app, app.stack.top) == []
