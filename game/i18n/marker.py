"""``N_``: marks a string for the translators' catalog (pybabel ``-k N_``) and returns it unchanged.

The string is translated when shown, with ``app.tr``. Kept in a module of its own so any
screen can mark text without importing anything else.
"""


def N_(text: str) -> str:
    return text
