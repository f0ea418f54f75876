"""The simulated phone: each scenario channel drawn as a believable phone screen.

``draw_node(surface, rect, node, state, app)`` draws any node; the per-channel
functions (``draw_phone_call``, ``draw_sms`` …) live in their own modules.
"""

from .dispatch import draw_node
from .numbers import is_overseas, official_label
from .state import PhoneHits, PhoneState

__all__ = ["draw_node", "is_overseas", "official_label", "PhoneHits", "PhoneState"]
