"""Load one content folder and print what happened as JSON (run in a child process).

Used for hostile inputs whose regression would not raise but crash the interpreter
(nesting that overflows the C stack of the YAML composer): the child dies, the test fails.
"""

import json
import sys
from pathlib import Path

from game.content.loader import load_library


def main(root: str, warm_up: str) -> None:
    load_library(paths=[Path(warm_up)])  # imports and the font's character table, as in the parent
    result = load_library(paths=[Path(root)])
    print(json.dumps({
        "errors": [[p.path, p.code, p.line, p.message] for p in result.errors],
        "scenarios": sorted(result.library.scenarios), "boards": sorted(result.library.boards),
        "packs": sorted(result.library.packs),
    }))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
