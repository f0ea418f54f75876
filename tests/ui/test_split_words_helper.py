"""The layout tests' word check (``ui_helpers.split_words``) finds a Latin word broken between two letters."""

from ui_helpers import split_words


def test_a_word_broken_between_two_letters_is_found():
    assert split_words("Just delete the app", ["Just dele", "te the app"]) == ["delete"]


def test_a_break_at_a_space_or_a_hyphen_is_not_a_split_word():
    assert split_words("an anti-fraud call", ["an anti-", "fraud call"]) == []


def test_a_file_path_may_break_anywhere():
    assert split_words("/home/teacher/exports/class", ["/home/teacher/exp", "orts/class"]) == []
