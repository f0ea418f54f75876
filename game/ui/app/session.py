"""The App's session: settings (changed through one path), language, content, the mode and its controller."""

from __future__ import annotations

import logging
from dataclasses import replace

from ...content.hotlines import resolve as resolve_hotlines
from ...i18n import get_translator
from ...i18n.message import say
from ...settings import Settings, load_settings, save_settings
from ..modes.play_stats import PlayStats
from ..navigation import CONTROLLERS, resolve

log = logging.getLogger("game.ui.app")


class SessionPart:
    """Settings, language, content and mode of ``App`` (a mixin)."""

    def update_settings(self, save: bool = True, **changes) -> None:
        """A player changed settings: applied live (they are immutable: replaced whole) and
        kept for next time, unless ``save`` is False or the mode keeps visitors' changes to their game."""
        self.use_settings(replace(self.settings, **changes))
        if save and self.controller.keeps_player_settings:
            self._store(changes)

    def use_settings(self, settings: Settings) -> None:
        """The one way settings change: theme, language, text size and sound follow at once.
        (``update_settings`` and ``save_operator_settings`` for changes; a kiosk puts the operator's
        back this way after a visitor leaves.)"""
        self.settings = settings
        self.sound.settings = settings
        self.apply_settings()

    def save_operator_settings(self, **changes) -> None:
        """The operator changed settings: applied at once and always kept (also in a kiosk)."""
        self.update_settings(save=False, **changes)
        self._store(changes)
        if self.controller is not None:
            self.controller.settings_saved()

    def _store(self, changes: dict) -> None:
        self.saved_settings = replace(self.saved_settings, **changes)
        if not self.persist_settings:
            return
        try:
            save_settings(self.saved_settings, mode=self.mode)
        except OSError as exc:  # a read-only kiosk disk must not stop the game
            log.warning("settings not saved: %s", exc)

    def settings_for_mode(self, mode: str) -> Settings:
        """The settings kept for ``mode`` (the operator switched to it)."""
        if not self.persist_settings:
            return replace(self.saved_settings, mode=mode)
        settings, notice = load_settings(mode=mode)
        if notice:
            logging.getLogger("game.operator").warning("%s", say(notice, self.tr))
        return settings

    def set_stats_enabled(self, on: bool, save: bool = True) -> None:
        """Anonymous statistics on or off, from now on."""
        if on and self.play_stats is None:
            self.play_stats = PlayStats(self, self.stats_db)
            if self.library_ready:     # switched on by the operator (at start-up the loop starts it)
                self.restart_sync()
        elif not on and self.play_stats is not None:
            self.play_stats.close()
            self.play_stats = None
            self.restart_sync()
        if save and bool(self.settings.stats_enabled) != on:
            self.save_operator_settings(stats_enabled=on)

    def restart_sync(self) -> None:
        """Start, stop or retune the background sync to the county database as ``site.json`` now says
        (the operator changed it). Never waits for the network: a batch in flight finishes on its own."""
        if self.stats_syncer is not None:
            self.stats_syncer.stop(timeout_s=0)
            self.stats_syncer = None
        if self.play_stats is None or not self.keeps_site:
            return
        # the sync machinery loads only on a machine that keeps statistics, after the first frame
        from ...stats.sync import start_from_site
        try:
            self.stats_syncer = start_from_site(self.play_stats.path)
        except Exception as exc:  # noqa: BLE001 — a bad site file or a missing driver must not stop the game
            log.warning("background sync not started: %s", exc)

    @property
    def keeps_site(self) -> bool:
        """This run is the machine's own, so it may make ``site.json`` (the device id) and sync: not
        autoplay, the monkey, a ``--frames`` run or a ``--trace`` run (tests), which leave it as it is."""
        return self.persist_settings and not self.autoplay and not self.monkey and self.trace is None

    @property
    def stats_mode(self) -> str:
        return "autoplay" if self.autoplay else self.mode

    def home_scene(self):
        """The mode's first screen: the title, the kiosk's attract loop, or the class set-up."""
        return self.nav.home_scene()

    def _make_controller(self):
        return resolve(CONTROLLERS.get(self.mode, CONTROLLERS["normal"]))(self)

    def switch_mode(self, mode: str) -> None:
        """The operator chose another mode: a new controller, and its first screen."""
        if mode == self.mode:
            return
        self.controller.detach()
        self.mode = mode
        self.kiosk = mode == "kiosk"
        self.saved_settings = self.settings_for_mode(mode)   # each mode keeps its own
        self.use_settings(self.saved_settings)
        self.controller = self._make_controller()
        self._layout_window()
        self.nav.home()
        self.redraw_all()

    def game_finished(self) -> None:
        """A game was played to its end (the board's results, the class summary)."""
        self.games_played += 1

    def set_class_name(self, name: str) -> None:
        """The class set-up's name (shown on screen and the pledge; never in statistics)."""
        self.class_name = name

    def apply_settings(self) -> None:
        """Settings changed: theme, language and text size take effect at once, on every scene."""
        self.apply_theme()
        locale = self.settings.locale or self.locale
        if locale != self.locale:
            self.set_locale(locale)
        self._layout_window()     # the teacher bar too: its words change width with language and text size

    def set_locale(self, locale: str) -> None:

        self.translator = get_translator(locale)
        self._sources: dict[str, str] = {}
        self._narrator = None
        self.locale = locale
        self.fonts.set_locale(locale)
        if self.settings.locale != locale:
            self.settings = replace(self.settings, locale=locale)
        for scene in self.stack.scenes:
            scene.on_locale_changed()
            scene.layout(self.stack.size)   # every scene re-lays its text in the new language
            scene.dirty = True

    def tr(self, text: str) -> str:
        """The player's language for an interface or content text (zh_Hans source = msgid), with the
        hotlines of the machine's region filled in: {hotline.warning} → 96110 / 18222 / 165."""
        if not text:
            return text
        shown = self.translator.gettext(text)
        if "{hotline." in text:
            region = self.settings.region
            shown = resolve_hotlines(shown, region, self.translator.gettext)
            text = resolve_hotlines(text, region)   # the source as this region reads it names its recording
        if shown is not text and len(self._sources) < 4096:
            self._sources[shown] = text   # lets narration find the recording of the source line
        return shown

    @property
    def narrator(self):
        """Who reads text aloud in the current language (made when first needed: not before the title shows)."""
        if self._narrator is None or self._narrator.locale != self.locale:
            # the voice machinery loads when a line is first read aloud, not before the title
            from ...i18n.voice import Narrator
            self._narrator = Narrator(self.locale, play=self.sound.play_file, busy=self.sound.voice_busy,
                                      halt=self.sound.stop_voice)
        return self._narrator

    def narrate(self, text: str) -> str:
        """Read ``text`` (as shown) aloud: recording, else espeak-ng, else silence. Returns the source kind."""
        if self.settings.muted or not self.sound.enabled:   # no sound at all: no voice made either
            return "silent"
        return self.narrator.speak(self._sources.get(text, text), text).kind

    def voice_speaking(self) -> bool:
        """A line is being read aloud now (the 朗读 buttons show 停止朗读)."""
        return self._narrator is not None and self._narrator.speaking

    def stop_voice(self) -> None:
        if self._narrator is not None:
            self._narrator.stop()

    def voice_status(self) -> str:
        return self.tr(self.narrator.status())

    # ------------------------------------------------------------ content
    def load_content(self):
        """Shipped and installed packs plus ``--content`` (``content_paths``), for the machine's region;
        the loaded packs' own catalogs and voices take effect."""
        if self._library_result is None:
            self.use_content_result(self.content_loader()())
        return self._library_result

    def content_loader(self):
        """A function loading the content as ``load_content`` does (the packs and the region as they
        are now) without using it: safe to call in a worker thread; ``use_reloaded`` its result."""
        # the content loads after the first frame: the title shows at once
        from ...content.loader import load_library
        from ...content.packs import ContentSources
        sources, region = ContentSources(extra=tuple(self.content_paths)), self.settings.region
        return lambda: load_library(sources=sources, region=region)

    def use_content_result(self, result) -> None:
        """Play this loaded content from now on (a reload, an author's preview after a change on disk)."""
        from ...i18n import use_content   # the pack catalogs and voices with the content, not at start-up
        self._library_result = result
        use_content(result)
        self._sources.clear()
        n = len(result.skipped_files)
        if n:
            log.warning("%d content files skipped", n)

    def use_reloaded(self, result) -> None:
        """Content loaded again (``content_loader``) after a pack was installed, removed, enabled or
        disabled, or the region changed: the next screen opened plays it, without restarting."""
        self.use_content_result(result)
        if self.settings.pack and self.settings.pack not in result.library.packs:
            log.info("the audience pack %r is gone: the title asks again", self.settings.pack)
            self.update_settings(save=False, pack="")

    def reload_content(self):
        """Load the content again and play it (``content_loader`` + ``use_reloaded`` in one go, on
        the caller's thread). Returns the new ``LoadResult``."""
        result = self.content_loader()()
        self.use_reloaded(result)
        return result

    @property
    def library(self):
        return self.load_content().library

    @property
    def load_problems(self):
        return self.load_content().problems

    @property
    def skipped_files(self) -> list[str]:
        return self.load_content().skipped_files

    @property
    def library_ready(self) -> bool:
        return self._library_result is not None

    def current_pack(self):
        packs = self.library.packs
        pid = self.settings.pack
        if pid in packs:
            return packs[pid]
        return next(iter(packs.values()), None)
