"""The App's window: its size and layout unit, the mode's strip, theme, drawing and presenting (whole or in part)."""

from __future__ import annotations

import pygame

from .. import layout
from ..framebuffer import use_plain_framebuffer
from ..theme import HIGH_CONTRAST, WARM


class WindowPart:
    """The window half of ``App`` (a mixin)."""

    # ------------------------------------------------------------ window
    def _open_window(self, size):
        use_plain_framebuffer()
        display = self.display if self.display < pygame.display.get_num_displays() else 0
        if self.fullscreen:
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN, display=display)
        return pygame.display.set_mode(size, pygame.RESIZABLE, display=display)

    @property
    def unit(self) -> float:
        return layout.unit_for(self.size)

    @property
    def min_touch(self) -> int:
        return layout.touch_min(self.size)

    @property
    def portrait(self) -> bool:
        return layout.is_portrait(self.size)

    def resize(self, size: tuple[int, int]) -> None:
        """Lay everything out again for a new window size."""
        size = (max(320, int(size[0])), max(240, int(size[1])))
        surface = pygame.display.get_surface()
        if surface is None or surface.get_size() != size:
            surface = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.window = surface
        self._layout_window()

    def _layout_window(self) -> None:
        """Scenes get the window less any strip the mode controller keeps (the teacher bar)."""
        self.window_size = self.window.get_size()
        area = pygame.Rect(0, 0, *self.window_size)
        if self.controller is not None:
            area = self.controller.layout(self.window_size)
        self.screen = self.window if area.size == self.window_size else self.window.subsurface(area)
        self.size = self.screen.get_size()
        self.stack.resize(self.size)

    def toggle_fullscreen(self) -> None:
        self.fullscreen = not self.fullscreen
        try:
            pygame.display.toggle_fullscreen()
        except pygame.error:
            pass
        self.resize(pygame.display.get_surface().get_size())

    def redraw_all(self) -> None:
        """Next frame redraws every visible scene in full (window exposed, focus back)."""
        for scene in self.stack.visible():
            scene.dirty = True
            scene.full_paint = True
        if self.controller is not None:
            self.controller.dirty = True

    # ------------------------------------------------------------ settings, theme, language
    @property
    def text_scale_key(self) -> str:
        return self.settings.text_size

    @property
    def reduced_motion(self) -> bool:
        return bool(self.settings.reduced_motion)

    def apply_theme(self) -> None:
        self.theme = HIGH_CONTRAST if self.settings.high_contrast else WARM

    def draw(self) -> None:
        self.ink.begin_frame()   # the phone's record of drawn text is per frame (layout tests read it)
        self._dirty_rects = []
        self._partial = True
        self.stack.draw(self.screen)
        if self.tap_guard.paint(self.screen, self.theme.background, self.reduced_motion):
            self._partial = False   # controls fading in
        # Only a frame drawn by exactly one scene that reported its rectangles can be sent in part.
        if len(self.stack.visible()) != 1 or self._partial_reports != 1:
            self._partial = False
        self._partial_reports = 0
        if self.controller is not None:   # the teacher bar, beside the scenes
            self._dirty_rects.extend(self.controller.draw(self.window))

    def report_dirty(self, rects) -> None:
        """A scene drew only ``rects`` this frame (None: it drew everything)."""
        self._partial_reports += 1
        if rects is None:
            self._partial = False
        else:
            self._dirty_rects.extend(rects)

    @property
    def presented_in_part(self) -> bool:
        """The last frame was sent to the screen as rectangles, not whole."""
        return self._partial

    def present(self) -> None:
        if self._partial:
            if self._dirty_rects:
                pygame.display.update(self._dirty_rects)
        else:
            pygame.display.flip()
