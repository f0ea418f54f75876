"""The App's loop: events to intentions, update, draw only when needed, sleep while nothing moves."""

from __future__ import annotations

import time

import pygame

from ...startup_checks import no_playable_content
from ..phone import paint
from ..input import Action, Intent, translate

IDLE_SLICE_MS = 250        # longest idle wait before the loop looks round again


IDLE_POLL_S = 0.03         # while idle, events are looked at this often (touch latency ≤ 30 ms)


JOB_POLL_MS = 50           # while an operator's job runs, its result is looked for this often


class CannotStart(Exception):
    """The game cannot run here; ``problems`` are (Chinese, English) lines saying why."""

    def __init__(self, problems: list[tuple[str, str]]):
        super().__init__("; ".join(en for _zh, en in problems))
        self.problems = problems


class LoopPart:
    """The main loop of ``App`` (a mixin)."""

    # ------------------------------------------------------------ running
    @property
    def quit_requested(self) -> bool:
        return self._quit

    def quit_by_operator(self) -> None:
        """The operator menu's exit: the only way out of a kiosk."""
        self.operator_exit = True
        self.request_quit()

    def carry_on_after_quit(self) -> None:
        """Forget a quit (the monkey tester starts again from the first screen)."""
        self._quit = False
        self.operator_exit = False

    def request_quit(self) -> None:
        self._quit = True

    def handle_event(self, event) -> None:
        if event.type == pygame.WINDOWEXPOSED:
            self.redraw_all()
            return
        if self.controller is not None and self.controller.raw_event(event):
            return
        if event.type in (pygame.KEYDOWN, pygame.KEYUP) and self.tap_guard.key_event(event):
            return   # a key held down since an earlier screen
        if self.stack.top is not None and self.stack.top.raw_event(event):
            return
        intent = translate(event, self.window_size)
        if intent is not None:
            self.handle_intent(intent)

    def handle_intent(self, intent: Intent) -> bool:
        intent = self.tap_guard.filter(intent)   # no tap on a control that has just appeared under it
        if intent is None:
            return True
        if intent.action is Action.FOCUS_LOST:
            self.tap_guard.forget_keys()
        used = self._handle_guarded(intent)
        self.tap_guard.observe(self.stack.visible())   # the next event of this batch sees what it changed
        return used

    def _handle_guarded(self, intent: Intent) -> bool:
        if self.controller is not None and self.controller.intercept(intent):
            return True
        if intent.action is Action.QUIT:
            self.request_quit()
            return True
        if intent.action is Action.RESIZE and intent.size:
            if tuple(intent.size) != tuple(self.window_size):
                self.resize(intent.size)
            return True
        if intent.action is Action.FOCUS_GAINED:
            self.redraw_all()
        used = self.stack.handle(intent)
        if intent.action is Action.SHORTCUT and not used and intent.key == "f11":
            self.toggle_fullscreen()
            return True
        return used

    def _idle_wait_ms(self) -> int:
        """How long the loop may sleep: until a scene's low-rate timer is due, at most one slice."""
        wait = JOB_POLL_MS if self.jobs.busy else IDLE_SLICE_MS
        for scene in self.stack.visible():
            fps = getattr(scene, "idle_fps", 0)
            if fps:
                wait = min(wait, int(1000 / fps))
        return max(1, wait)

    def step(self, dt: float, events: list | None = None, elapsed: float | None = None) -> None:
        """One pass of the loop without waiting: events, autoplay, update, draw if needed.

        Tests and benchmarks call this directly. ``elapsed`` is the real time since the last
        step when it is longer than ``dt`` (the loop slept): the mode controller's timers
        (kiosk idle reset) count real seconds.
        """
        self.tap_guard.tick(dt if elapsed is None else max(dt, elapsed))
        self.jobs.poll()   # a finished job's result is used here, between two frames
        for event in events if events is not None else pygame.event.get():
            self.handle_event(event)
        if self.preview is not None:
            self.preview.tick()
        if self.autoplayer:
            self.autoplayer.tick(dt)
        self.clock_time += dt
        if self.controller is not None:
            self.controller.update(dt if elapsed is None else max(dt, elapsed))
        if self.controller is None or not self.controller.frozen:
            self.stack.update(dt)
        self.tap_guard.observe(self.stack.visible())
        if self.tap_guard.busy():   # controls fading in: the whole picture again, each frame
            self.redraw_all()
        if self.stack.needs_redraw or (self.controller is not None and self.controller.dirty):
            self.draw()
            self.present()
            self._after_draw()
        self.frame += 1

    def _new_text_generation(self) -> None:
        """A new screen: the text service keeps what this and the previous screen drew, and lets the
        rest go, so a kiosk running for weeks holds a few screens of text, not every text it ever showed."""
        self.text.new_generation()
        paint.LAYERS.new_generation()

    def guarded_step(self, dt: float, events: list, elapsed: float | None) -> None:
        """``step`` for the real loop: an unexpected exception is reported; a kiosk carries on,
        other modes raise it again (tests and the monkey call ``step`` and see every exception)."""
        try:
            self.step(dt, events, elapsed)
        except Exception as exc:  # noqa: BLE001 — see game.ui.recovery
            if not self.crash_guard.recover(exc):
                raise

    def trace_event(self, event: str, **data) -> None:
        """A line for ``--trace`` (a choice taken, …); nothing without it."""
        if self.trace is not None:
            self.trace.write(event, screen=getattr(self.stack.top, "name", None), **data)

    def _after_draw(self) -> None:
        if self.trace is not None:
            self.trace.after_frame(self)
        top = self.stack.top
        if top is not self._last_top:
            self._new_text_generation()
        if self.screenshot_dir and top is not None and top is not self._last_top:
            self.screenshot_dir.mkdir(parents=True, exist_ok=True)
            name = f"{self._shots:03d}_{getattr(top, 'name', 'scene')}.png"
            pygame.image.save(self.window, str(self.screenshot_dir / name))
            self._shots += 1
        self._last_top = top

    def first_frame(self) -> None:
        """Show the first screen at once, before anything slow (content, asyncio) is loaded."""
        self.guarded_step(0.0, pygame.event.get(), None)

    async def run(self) -> str:
        """Run until the game ends; returns why: "quit", "stopped" (a stop request from outside),
        "frames" (--frames reached) or "out_of_order" (a kiosk that keeps crashing)."""

        import asyncio  # after the first frame: the title shows before asyncio loads

        clock = pygame.time.Clock()
        if not self.fixed_dt:
            self.tap_guard.use_clock(time.perf_counter)   # taps held up by a slow frame count from when it showed
        last = time.perf_counter()
        first = True
        passes = 0
        while not self._quit and self.stack.top is not None:
            if self.stop.requested:
                return "stopped"
            busy = (self.fixed_dt or self.autoplayer or self.stack.animating or self.stack.needs_redraw
                    or self.tap_guard.busy()
                    or (self.controller is not None and self.controller.busy))
            events = pygame.event.get()
            if not busy and not events:
                # Nothing moves: sleep in short slices (a touch is seen within IDLE_POLL_S)
                # until an event arrives or a scene's low-rate timer is due.
                due = self._idle_wait_ms() / 1000
                slept = 0.0
                while slept < due and not self._quit and not self.stop.requested:
                    await asyncio.sleep(min(IDLE_POLL_S, due - slept))
                    slept += IDLE_POLL_S
                    if pygame.event.peek():
                        break
                events = pygame.event.get()
                if slept >= due:
                    for scene in self.stack.visible():
                        if getattr(scene, "idle_fps", 0):
                            scene.dirty = True
            now = time.perf_counter()
            dt = self.fixed_dt or min(now - last, 0.1)
            elapsed = None if self.fixed_dt else now - last
            last = now
            self.guarded_step(dt, events, elapsed)
            passes += 1   # counted even when the step crashed: --frames always ends a run
            if first:
                first = False
                self.load_content()   # after the first frame: the title shows at once
                problems = no_playable_content(self.library, len(self.skipped_files))
                if problems:
                    raise CannotStart(problems)
                self.restart_sync()   # the county sync, if the operator set it up (a thread of its own)
                self.trace_event("ready")
                self.open_start_script()
                self.stack.mark_visible_dirty()
            if self.crash_guard.out_of_order:
                return "out_of_order"
            pause = self.crash_guard.take_pause()
            while pause > 0 and not self.stop.requested:   # a kiosk in trouble slows down, not spins
                await asyncio.sleep(min(IDLE_SLICE_MS / 1000, pause))
                pause -= IDLE_SLICE_MS / 1000
            if self.max_frames is not None and passes >= self.max_frames:
                return "frames"
            if not self.fixed_dt and (self.stack.animating or (self.controller is not None and self.controller.busy)):
                clock.tick(60)
            await asyncio.sleep(0)
        return "quit"

    def open_start_script(self) -> None:
        """``play --scene SCRIPT``: that script on the phone, over the first screen; back there at its end."""
        script_id = self.start_script
        if not script_id:
            return
        scenario = self.library.scenarios.get(script_id)
        if scenario is None:
            raise CannotStart([(f"没有这个剧本：{script_id}", f"no script with the id {script_id!r}")])
        self.nav.navigate("scenario", scenario=scenario)

    def shutdown(self) -> None:
        """The game is closing: a game still on the board is recorded as unfinished."""
        if self.stats_syncer is not None:
            self.stats_syncer.stop()
            self.stats_syncer = None
        if self.play_stats is not None:
            self.play_stats.close()
            self.play_stats = None
