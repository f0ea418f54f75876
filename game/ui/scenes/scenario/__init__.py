"""A scam script played on the simulated phone: ``scene`` (the story, line by line, and the
choices), ``placing`` (where everything goes) and ``ending`` (the summary card)."""

from .scene import ScenarioScene

__all__ = ["ScenarioScene"]
