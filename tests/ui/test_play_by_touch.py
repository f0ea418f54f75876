"""End to end: a whole game on the simple board, 1 person + 1 computer, played only by
finger events posted to the SDL event queue, from the title screen to the results."""

import pygame

from game.ui.scenes.title import TitleScene

from ui_helpers import finger_tap, frame, make_app

MAX_FRAMES = 60 * 60 * 15   # 15 minutes of game time at 60 fps; a simple game takes far less


def _usable_buttons(scene):
    return [w for w in scene.widgets() if getattr(w, "focusable", False) and w.visible
            and getattr(w, "enabled", True) and getattr(w, "autoplay_weight", 1) > 0]


def _what_a_person_taps(app):
    scene = app.stack.top
    name = scene.name
    if name == "title":
        return scene.start
    if name == "setup_audience":
        current = app.library.packs.get(scene.pack_id)
        if current is not None and "park_simple" in current.boards:
            return scene.next_button
        return next(b for pid, b in scene.pack_buttons if "park_simple" in app.library.packs[pid].boards)
    if name == "setup_players":
        for bid, button in scene.board_buttons:
            if bid == "park_simple" and scene.board_id != bid:
                return button
        return scene.start_button
    if name == "board":
        targets = scene.autoplay_targets()
        return targets[0] if targets else None
    if hasattr(scene, "autoplay_targets"):   # scam scenes and quizzes say what moves them on
        targets = [w for w in scene.autoplay_targets() if w.visible and getattr(w, "enabled", True)]
        return targets[0] if targets else None
    buttons = _usable_buttons(scene)   # otherwise any answer will do
    return buttons[0] if buttons else None


def test_whole_game_by_finger_taps():
    app = make_app((1280, 720))
    app.update_settings(save=False, reduced_motion=True)
    app.stack.push(TitleScene(app))
    seen = []
    board_scene = None
    wait = 0
    captions = {}   # every caption shown on the board → whether it fitted its box
    for _ in range(MAX_FRAMES):
        frame(app, events=pygame.event.get())
        top = app.stack.top
        if not seen or seen[-1] != top.name:
            seen.append(top.name)
        if top.name == "board":
            board_scene = top
            if top.caption.text not in captions:
                captions[top.caption.text] = top.caption.text_fits()
        if top.name == "results":
            break
        wait -= 1
        if wait > 0:
            continue
        target = _what_a_person_taps(app)
        if target is not None:
            finger_tap(app, target.rect.center)
            wait = 12
    assert seen[:4] == ["title", "setup_audience", "setup_players", "board"], seen
    assert app.stack.top.name == "results", f"no results after {MAX_FRAMES} frames; screens: {seen}"
    assert board_scene is not None and board_scene.board.id == "park_simple"
    assert board_scene.game.is_over
    assert len(captions) > 10
    assert [c for c, fits in captions.items() if not fits] == []
    people = [p for p in board_scene.players if not p.computer]
    assert len(people) == 1 and len(board_scene.players) == 2
