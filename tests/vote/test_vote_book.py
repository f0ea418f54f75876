"""The vote book's state machine: devices, questions, one ballot per device, the projector's snapshot."""

import threading

import pytest

from game.vote import book as vb
from game.vote.book import VoteBook


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def book(clock):
    return VoteBook(clock=clock)


def test_a_new_book_has_no_question_and_no_devices(book):
    snap = book.snapshot()
    assert (snap.question_id, snap.counts, snap.voters, snap.devices_joined, snap.open) == (None, {}, 0, 0, False)


def test_options_get_letters_in_order_and_start_at_zero(book):
    book.open_question("q1", ["挂断", "转账", "核实"], "你会怎么做？")
    snap = book.snapshot()
    assert snap.counts == {"A": 0, "B": 0, "C": 0}
    assert list(snap.counts) == ["A", "B", "C"]
    assert snap.open and snap.question_id == "q1"


def test_each_device_token_is_new_and_random(book):
    tokens = {book.new_device() for _ in range(50)}
    assert len(tokens) == 50
    assert all(len(t) >= 22 for t in tokens)
    assert book.snapshot().devices_joined == 50


def test_a_ballot_is_counted_under_its_letter(book):
    book.open_question("q1", ["a", "b"])
    phone = book.new_device()
    assert book.vote(phone, "q1", "B") == 1
    assert book.snapshot().counts == {"A": 0, "B": 1}
    assert book.snapshot().voters == 1


def test_a_second_ballot_from_the_same_device_is_refused_and_the_first_stands(book):
    book.open_question("q1", ["a", "b"])
    phone = book.new_device()
    book.vote(phone, "q1", "A")
    with pytest.raises(vb.AlreadyVoted) as refused:
        book.vote(phone, "q1", "B")
    assert refused.value.choice == "A"
    assert book.snapshot().counts == {"A": 1, "B": 0}


def test_two_devices_each_count(book):
    book.open_question("q1", ["a", "b"])
    book.vote(book.new_device(), "q1", "A")
    book.vote(book.new_device(), "q1", "A")
    assert book.snapshot().counts == {"A": 2, "B": 0}


def test_a_device_votes_again_on_the_next_question(book):
    phone = book.new_device()
    book.open_question("q1", ["a", "b"])
    book.vote(phone, "q1", "A")
    book.open_question("q2", ["a", "b"])
    book.vote(phone, "q2", "B")
    assert book.results("q1") == {"A": 1, "B": 0} and book.results("q2") == {"A": 0, "B": 1}


def test_an_unknown_device_cannot_vote(book):
    book.open_question("q1", ["a", "b"])
    with pytest.raises(vb.UnknownDevice):
        book.vote("made-up-token", "q1", "A")


def test_an_unknown_question_is_refused(book):
    book.open_question("q1", ["a", "b"])
    with pytest.raises(vb.UnknownQuestion):
        book.vote(book.new_device(), "q9", "A")


def test_a_letter_beyond_the_options_is_refused(book):
    book.open_question("q1", ["a", "b"])
    with pytest.raises(vb.InvalidChoice):
        book.vote(book.new_device(), "q1", "C")


def test_closing_returns_the_final_counts_and_refuses_later_ballots(book):
    book.open_question("q1", ["a", "b"])
    book.vote(book.new_device(), "q1", "B")
    assert book.close_question() == {"A": 0, "B": 1}
    with pytest.raises(vb.QuestionClosed):
        book.vote(book.new_device(), "q1", "A")
    assert not book.snapshot().open


def test_closing_without_a_question_gives_nothing(book):
    assert book.close_question() == {}


def test_opening_a_question_closes_the_previous_one(book):
    phone = book.new_device()
    book.open_question("q1", ["a", "b"])
    book.open_question("q2", ["a", "b"])
    with pytest.raises(vb.QuestionClosed):
        book.vote(phone, "q1", "A")


def test_a_question_id_is_asked_once_per_lesson(book):
    book.open_question("q1", ["a", "b"])
    with pytest.raises(ValueError, match="already asked"):
        book.open_question("q1", ["a", "b"])


def test_a_timed_question_stops_taking_ballots_at_its_deadline(book, clock):
    book.open_question("q1", ["a", "b"], seconds=30)
    phone = book.new_device()
    clock.now += 29.5
    assert book.snapshot().seconds_left == pytest.approx(0.5)
    clock.now += 0.5
    assert not book.snapshot().open
    with pytest.raises(vb.QuestionClosed):
        book.vote(phone, "q1", "A")
    assert book.close_question() == {"A": 0, "B": 0}


def test_the_version_moves_when_a_question_opens_or_closes_but_not_on_ballots(book):
    v0 = book.version()
    book.open_question("q1", ["a", "b"])
    v1 = book.version()
    book.vote(book.new_device(), "q1", "A")
    assert book.version() == v1
    book.close_question()
    assert v0 < v1 < book.version()


def test_closing_twice_moves_the_version_once(book):
    book.open_question("q1", ["a", "b"])
    book.close_question()
    v = book.version()
    book.close_question()
    assert book.version() == v


def test_the_change_callback_runs_on_open_and_close(book):
    calls = []
    book.on_change = lambda: calls.append(book.version())
    book.open_question("q1", ["a", "b"])
    book.close_question()
    assert calls == [1, 2]


def test_a_phone_sees_the_question_and_its_own_ballot_but_not_the_split(book):
    book.open_question("q1", ["挂断", "转账"], "你会怎么做？")
    mine, other = book.new_device(), book.new_device()
    book.vote(other, "q1", "A")
    view = book.view(mine)
    assert view["question"]["options"] == [{"letter": "A", "text": "挂断"}, {"letter": "B", "text": "转账"}]
    assert view["question"]["my_vote"] is None and view["question"]["prompt"] == "你会怎么做？"
    assert "counts" not in str(view) and "voters" not in str(view)
    book.vote(mine, "q1", "B")
    assert book.view(mine)["question"]["my_vote"] == "B"


def test_devices_not_heard_from_for_a_while_are_not_online(book, clock):
    quiet = book.new_device()
    clock.now += vb.ONLINE_SECONDS + 1
    book.view(book.new_device())
    snap = book.snapshot()
    assert (snap.devices_joined, snap.devices_online) == (2, 1)
    book.view(quiet)
    assert book.snapshot().devices_online == 2


def test_the_room_refuses_devices_past_its_limit(book, monkeypatch):
    monkeypatch.setattr(vb, "MAX_DEVICES", 3)
    for _ in range(3):
        book.new_device()
    with pytest.raises(vb.RoomFull):
        book.new_device()


def test_shares_are_fractions_of_the_ballots(book):
    book.open_question("q1", ["a", "b", "c", "d"])
    for letter in "AABD":
        book.vote(book.new_device(), "q1", letter)
    assert book.snapshot().shares == {"A": 0.5, "B": 0.25, "C": 0.0, "D": 0.25}


@pytest.mark.parametrize("question_id, options, prompt, seconds", [
    ("", ["a", "b"], "", None),
    ("has space", ["a", "b"], "", None),
    ("q\n", ["a", "b"], "", None),
    ("x" * 65, ["a", "b"], "", None),
    ("q1", ["only one"], "", None),
    ("q1", list("abcdefghi"), "", None),
    ("q1", ["a", "  "], "", None),
    ("q1", ["a", "b" * 301], "", None),
    ("q1", ["a", 3], "", None),
    ("q1", ["a", "b"], "p" * 601, None),
    ("q1", ["a", "b"], "", 0),
    ("q1", ["a", "b"], "", float("nan")),
])
def test_the_game_gets_a_value_error_for_a_question_the_page_could_not_show(book, question_id, options, prompt,
                                                                           seconds):
    with pytest.raises(ValueError):
        book.open_question(question_id, options, prompt, seconds)
    assert book.snapshot().question_id is None


def test_ballots_from_many_threads_are_all_counted(book):
    book.open_question("q1", ["a", "b", "c"])
    phones = [book.new_device() for _ in range(300)]

    def cast(chunk):
        for i, phone in chunk:
            book.vote(phone, "q1", "ABC"[i % 3])

    threads = [threading.Thread(target=cast, args=(list(enumerate(phones))[k::6],)) for k in range(6)]
    for t in threads:
        t.start()
    snaps = [book.snapshot() for _ in range(200)]
    for t in threads:
        t.join()
    assert book.snapshot().counts == {"A": 100, "B": 100, "C": 100}
    assert all(sum(s.counts.values()) == s.voters for s in snaps)   # every copy is consistent
