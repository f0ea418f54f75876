"""Problems found in content: one line each, ``path:line:col: error[code]: message``, plus a hint."""

from __future__ import annotations

import contextlib
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Problem:
    path: str
    line: int          # 1-based; 0 when the whole file is meant
    col: int           # 1-based; 0 when the whole line is meant
    code: str          # stable, kebab-case: "duplicate-key", "unknown-ref", ...
    message: str
    hint: str = ""
    severity: str = "error"   # "error", "warning", or "note" (what follows from an error above it)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    @property
    def is_warning(self) -> bool:
        return self.severity == "warning"

    def format(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.severity}[{self.code}]: {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text

    def as_json(self) -> dict:
        d = asdict(self)
        del d["severity"]
        return d


class ProblemList(list):
    """Collects problems for one file; helpers keep call sites short.

    Inside ``with problems.about(prefix):`` every message starts with ``prefix``, so a problem
    deep inside a quiz item still names the item ("quiz item 3 「…」: 'answer' is 4 …").
    """

    def __init__(self, path: str):
        super().__init__()
        self.path = path
        self.prefix = ""

    @contextlib.contextmanager
    def about(self, prefix: str):
        outer, self.prefix = self.prefix, prefix
        try:
            yield
        finally:
            self.prefix = outer

    def error(self, line: int, col: int, code: str, message: str, hint: str = "") -> None:
        self.append(Problem(self.path, line, col, code, self.prefix + message, hint))

    def warning(self, line: int, col: int, code: str, message: str, hint: str = "") -> None:
        self.append(Problem(self.path, line, col, code, self.prefix + message, hint, "warning"))

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self)
