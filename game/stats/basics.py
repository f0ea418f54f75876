"""What every statistics module shares: the error a person can act on, and time as sortable text."""

from __future__ import annotations

from datetime import datetime, timezone


class StatsError(Exception):
    """A problem a person can act on; the message is meant to be shown as it is."""


def iso_utc(moment: datetime) -> str:
    """Fixed-width UTC text, so string order is time order: '2024-05-01T08:30:00Z'."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
