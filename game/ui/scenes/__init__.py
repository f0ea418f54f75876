"""The screens of the game, one module each (title, setup, board, settings, and the
scenario / quiz / results screens of the phone engineer)."""
