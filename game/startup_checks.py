"""Can the game start here? The things without which it cannot, checked before a window opens.

Each problem is a pair of lines (Chinese, English) that say what is missing and what to do.
An incomplete install is the usual cause: say so once, and stop — never a crash loop.
"""

from __future__ import annotations

from .paths import ASSETS_DIR, CONTENT_DIR, INSTALLED

EXIT_CANNOT_START = 3

_REINSTALL_ZH = "请重新安装游戏（安装不完整）。" if INSTALLED else "请检查游戏文件夹是否完整。"
_REINSTALL_EN = "Please reinstall the game (the install is incomplete)." if INSTALLED else \
    "Please check that the game's folder is complete."


def startup_problems() -> list[tuple[str, str]]:
    problems = []
    for name in ("NotoSansSC-Regular.otf", "NotoSansSC-Bold.otf"):
        font = ASSETS_DIR / "fonts" / name
        if not _readable_file(font):
            problems.append((f"找不到字体文件 {font}。{_REINSTALL_ZH}",
                             f"The font file {font} is missing. {_REINSTALL_EN}"))
    if not CONTENT_DIR.is_dir():
        problems.append((f"找不到内容文件夹 {CONTENT_DIR}。{_REINSTALL_ZH}",
                         f"The content folder {CONTENT_DIR} is missing. {_REINSTALL_EN}"))
    elif not any(CONTENT_DIR.rglob("*.yaml")):
        problems.append((f"内容文件夹 {CONTENT_DIR} 里没有内容文件。{_REINSTALL_ZH}",
                         f"The content folder {CONTENT_DIR} holds no content files. {_REINSTALL_EN}"))
    return problems


def no_playable_content(library, skipped: int) -> list[tuple[str, str]]:
    """After loading: nothing to play is as fatal as no files at all."""
    if library.packs and library.boards:
        return []
    return [(f"没有可以玩的内容：没有能用的棋盘或受众包（{skipped} 个内容文件有错误被跳过）。"
             "请运行 python -m game validate 查看原因。",
             f"Nothing to play: no usable board or audience pack ({skipped} content files were skipped "
             "for errors). Run 'python -m game validate' to see why.")]


def _readable_file(path) -> bool:
    try:
        return path.is_file() and path.stat().st_size > 0
    except OSError:
        return False
