"""What building one content file produced: its kind, the model(s), asset references and id positions."""

from __future__ import annotations


class AssetRef:
    """An asset path named in content, checked by the validator against the folder."""

    def __init__(self, path: str, line: int, col: int):
        self.path, self.line, self.col = path, line, col


class Built:
    """What one file produced: its kind, the model(s) and the asset references."""

    def __init__(self, kind: str):
        self.kind = kind
        self.items: list = []
        self.assets: list[AssetRef] = []
        # positions of id references, for cross-reference errors: (kind, id, line, col, owner_id)
        self.refs: list[tuple[str, str, int, int, str]] = []
        # where the file's texts play, for the hotline checks: the whole file's regions, and
        # (first text, end, regions) of items with their own (a tile, a quiz item)
        self.regions: tuple[str, ...] = ()
        self.region_spans: list[tuple[int, int, tuple[str, ...]]] = []
        self.plain: list[tuple[str, int, int, str]] = []   # shown-as-written values: (value, line, col, what)
