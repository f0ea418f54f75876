"""The board screen: ``scene`` (the turn, the widgets), ``playback`` (rules events shown step by
step), ``captions`` (what each event means, in words), ``paint`` (drawing only what changed) and
``pause`` (the menu over the board)."""

from .pause import PauseScene
from .scene import BoardScene

__all__ = ["BoardScene", "PauseScene"]
