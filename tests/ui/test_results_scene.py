"""The results screen at four sizes (one player and four), and the 96110 QR code."""

import random

import pygame
import pytest
import segno

from game.rules import PlayerScore, SessionScore, get_policy, play_scenario
from game.ui.qr import HOTLINE_URI, qr_matrix, qr_surface, read_matrix
from game.ui.scenes.results import QRCode, ResultsScene

from ui_helpers import SIZES, finger_tap, frame, layout_problems, make_app


@pytest.fixture(scope="module", params=SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def app(request):
    app = make_app(request.param)
    yield app
    app.stack.scenes.clear()


def _scores(lib, n):
    rng = random.Random(5)
    ids = sorted(lib.scenarios)
    out = []
    for p in range(n):
        score = PlayerScore()
        for sid in ids[p * 4: p * 4 + 7]:
            score.record(play_scenario(get_policy(("cautious", "naive", "random", "greedy")[p]), lib.scenarios[sid], rng))
        out.append(score)
    return out


@pytest.mark.parametrize("players", [1, 4])
def test_results_layout(app, players):
    scores = _scores(app.library, players)
    rows = [(n, c, s) for n, c, s in zip(("小红", "小黄", "小蓝", "小绿"), ("red", "yellow", "blue", "green"), scores)]
    scene = ResultsScene(app, SessionScore.of(scores), players=rows)
    app.stack.clear_to(scene)
    frame(app)
    assert layout_problems(app, scene) == []
    assert scene.qr.visible and scene.qr_label.visible and scene.again.visible
    assert scene.again.rect.h >= min(app.size) / 10
    if players > 1:
        assert all(r.visible for r in scene.player_rows)


def _four_players_with_company_money(app):
    scores = [_with_company_money(s) for s in _scores(app.library, 4)]
    rows = [(n, c, s) for n, c, s in zip(("小红", "小黄", "小蓝", "小绿"), ("red", "yellow", "blue", "green"), scores)]
    scene = ResultsScene(app, SessionScore.of(scores), players=rows)
    app.stack.clear_to(scene)
    frame(app)
    return scene


def test_the_hotline_words_stay_inside_their_card(app):
    scene = _four_players_with_company_money(app)
    assert scene.qr_panel.rect.contains(scene.qr_label.rect)
    assert scene.qr_panel.rect.contains(scene.qr_note.rect)


def test_scam_types_come_with_their_advice_before_the_technique_chips(app):
    """The fullest screen (four players, company money): at least one scam type and its advice is shown
    under its heading, whatever else has to give way."""
    scene = _four_players_with_company_money(app)
    shown = [(badge, label, tip) for badge, label, tip in scene.scam_widgets if tip.visible]
    assert scene.scam_title.visible and shown
    assert all(scene.scam_title.rect.bottom <= label.rect.y for _, label, _ in shown)


def test_results_of_one_player_score(app):
    score = _scores(app.library, 1)[0]
    scene = ResultsScene(app, score)
    app.stack.clear_to(scene)
    frame(app)
    assert layout_problems(app, scene) == []


def test_empty_session_still_draws(app):
    scene = ResultsScene(app, SessionScore())
    app.stack.clear_to(scene)
    frame(app)
    assert layout_problems(app, scene) == []


def test_missed_scam_types_come_first_with_advice(app):
    scores = _scores(app.library, 2)
    scene = ResultsScene(app, SessionScore.of(scores))
    rows = scene.scam_rows()
    assert rows
    spotted = [r[1] for r in rows]
    assert spotted == sorted(spotted)        # False (missed) before True (spotted)
    assert all(advice for _, _, advice in rows)


def test_play_again_by_finger(app):
    called = []
    scene = ResultsScene(app, SessionScore.of(_scores(app.library, 1)), on_again=lambda: called.append(1))
    app.stack.clear_to(scene)
    frame(app)
    finger_tap(app, scene.again.rect.center)
    frame(app, events=pygame.event.get())
    assert called == [1]


# ---------------------------------------------------------------- QR

def test_qr_matrix_is_segnos_encoding_of_the_hotline():
    expected = tuple(tuple(bool(v) for v in row) for row in segno.make_qr(HOTLINE_URI, error="m").matrix)
    assert qr_matrix(HOTLINE_URI) == expected
    assert HOTLINE_URI == "tel:96110"


@pytest.mark.parametrize("size", [90, 240, 777])
def test_drawn_qr_reads_back_to_the_same_modules(size):
    pygame.init()
    surf = qr_surface(HOTLINE_URI, size)
    n = len(qr_matrix(HOTLINE_URI))
    assert surf.get_width() == surf.get_height() <= size
    assert surf.get_width() % (n + 8) == 0                   # whole pixels per module, quiet zone of 4
    assert read_matrix(surf, n) == qr_matrix(HOTLINE_URI)
    # The quiet zone is light all round.
    m = surf.get_width() // (n + 8)
    for i in range(0, surf.get_width(), max(1, m)):
        for p in ((i, 0), (0, i), (i, surf.get_width() - 1), (surf.get_width() - 1, i)):
            assert sum(surf.get_at(p)[:3]) > 384


def test_qr_is_cached():
    pygame.init()
    assert qr_surface(HOTLINE_URI, 200) is qr_surface(HOTLINE_URI, 200)


def test_results_qr_widget_draws_the_hotline_in_any_theme(app):
    from game.ui.theme import HIGH_CONTRAST
    scene = ResultsScene(app, SessionScore())
    app.stack.clear_to(scene)
    old = app.theme
    try:
        for theme in (old, HIGH_CONTRAST):
            app.theme = theme
            surface = pygame.Surface(app.size)
            scene.draw(surface)
            qr: QRCode = scene.qr
            n = len(qr_matrix(HOTLINE_URI))
            drawn = surface.subsurface(qr.drawn).copy()
            assert read_matrix(drawn, n) == qr_matrix(HOTLINE_URI)
    finally:
        app.theme = old


def test_big_text_still_fits(app):
    app.update_settings(save=False, text_size="extra_large", high_contrast=True)
    try:
        scores = _scores(app.library, 4)
        rows = [(n, s) for n, s in zip(("一", "二", "三", "四"), scores)]
        scene = ResultsScene(app, SessionScore.of(scores), players=rows)
        app.stack.clear_to(scene)
        frame(app)
        assert layout_problems(app, scene) == []
    finally:
        app.update_settings(save=False, text_size="normal", high_contrast=False)


def _with_company_money(score: PlayerScore) -> PlayerScore:
    score.company_lost, score.company_protected = 380_000, 500_000
    return score


def test_company_money_gets_a_line_of_its_own(app):
    scores = [_with_company_money(s) for s in _scores(app.library, 4)]
    rows = [(n, s) for n, s in zip(("一", "二", "三", "四"), scores)]
    scene = ResultsScene(app, SessionScore.of(scores), players=rows)
    app.stack.clear_to(scene)
    frame(app)
    assert scene.company.visible and "¥1,520,000" in scene.company.text and "¥2,000,000" in scene.company.text
    assert layout_problems(app, scene) == []


def test_company_money_is_not_counted_as_savings(app):
    score = _with_company_money(PlayerScore())
    scene = ResultsScene(app, score)
    app.stack.clear_to(scene)
    frame(app)
    assert [big.text for _, big, _ in scene.stats][::2] == ["¥0", "¥0"]


def test_no_company_line_without_company_money(app):
    score = PlayerScore()
    score.record(play_scenario(get_policy("cautious"), app.library.scenarios["police_safe_account"], random.Random(1)))
    scene = ResultsScene(app, score)
    app.stack.clear_to(scene)
    frame(app)
    assert not scene.company.visible
