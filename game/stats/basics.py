"""What every statistics module shares: the error a person can act on, and time as sortable text."""

from __future__ import annotations

from datetime import datetime, timezone

from game.i18n.message import SaidError


class StatsError(SaidError):
    """A problem a person can act on. Raised with a msgid (marked ``N_``) and its values: ``str()``
    is the Chinese line, ``game.i18n.message.say(exc, tr)`` the line in the reader's language."""


def iso_utc(moment: datetime) -> str:
    """Fixed-width UTC text, so string order is time order: '2024-05-01T08:30:00Z'."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
