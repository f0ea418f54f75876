"""The join QR code as a widget: drawn at the size of its box (sharp modules, no smoothing)."""

from __future__ import annotations

from ...qr import qr_surface
from ...widgets import Widget


class QrPicture(Widget):
    def __init__(self, look, data: str):
        super().__init__(look)
        self.data = data

    def draw(self, surface) -> None:
        if not self.visible or not self.data or min(self.rect.size) <= 0:
            return
        picture = qr_surface(self.data, min(self.rect.size))
        surface.blit(picture, picture.get_rect(center=self.rect.center))
