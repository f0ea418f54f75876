"""Strict reading of the phones' JSON bodies, and the token-bucket rate limits."""

import pytest

from game.vote.limits import RateLimiter
from game.vote.schema import BadRequest, parse_join, parse_vote


def test_a_join_body_gives_the_room_code():
    assert parse_join(b'{"room": "0427"}') == "0427"


def test_a_vote_body_gives_question_and_letter():
    assert parse_vote('{"question": "scene-3", "choice": "B"}'.encode()) == ("scene-3", "B")


@pytest.mark.parametrize("body, reason", [
    (b"", "not JSON"),
    (b"{room: 1234}", "not JSON"),
    (b'["1234"]', "JSON object"),
    (b'{"room": 1234}', "must be a string"),
    (b'{"room": "123"}', "4 digits"),
    (b'{"room": "12345"}', "4 digits"),
    (b'{"room": "1234\\n"}', "4 digits"),
    ('{"room": "١٢٣٤"}'.encode(), "4 digits"),                 # Arabic-Indic digits are not the code
    (b'{"room": "1234", "name": "Li"}', "exactly the keys"),     # no free text rides along
    (b'{"room": "1234", "room": "5678"}', "duplicate key"),
    (b'{"room": NaN}', "NaN is not allowed"),
    (b'\xff\xfe{"room": "1234"}', "not UTF-8"),
])
def test_a_join_body_that_is_not_exactly_right_is_refused(body, reason):
    with pytest.raises(BadRequest, match=reason):
        parse_join(body)


@pytest.mark.parametrize("body", [
    b'{"question": "q1"}',
    b'{"question": "q1", "choice": "b"}',
    b'{"question": "q1", "choice": "AB"}',
    b'{"question": "q1", "choice": "I"}',
    b'{"question": "q 1", "choice": "A"}',
    b'{"question": "q1", "choice": ["A"]}',
    b'{"question": "q1", "choice": "A", "comment": "hi"}',
])
def test_a_vote_body_that_is_not_exactly_right_is_refused(body):
    with pytest.raises(BadRequest):
        parse_vote(body)


class Clock:
    now = 0.0

    def __call__(self):
        return self.now


def test_a_bucket_lets_a_burst_through_then_asks_to_wait():
    clock = Clock()
    limit = RateLimiter(burst=3, per_second=1, clock=clock)
    assert [limit.take("phone") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert limit.take("phone") == pytest.approx(1.0)


def test_a_bucket_refills_with_time():
    clock = Clock()
    limit = RateLimiter(burst=2, per_second=2, clock=clock)
    limit.take("p"), limit.take("p")
    clock.now += 0.5
    assert limit.take("p") == 0.0
    assert limit.take("p") > 0


def test_each_key_has_its_own_bucket():
    limit = RateLimiter(burst=1, per_second=1, clock=Clock())
    assert limit.take("a") == 0.0
    assert limit.take("b") == 0.0
    assert limit.take("a") > 0


def test_looking_at_a_bucket_takes_nothing():
    limit = RateLimiter(burst=1, per_second=1, clock=Clock())
    assert limit.wait("a") == 0.0
    assert limit.take("a") == 0.0
    assert limit.wait("a") == pytest.approx(1.0)


def test_retry_after_is_whole_seconds_and_at_least_one():
    limit = RateLimiter(burst=1, per_second=1)
    assert (limit.retry_after(0.1), limit.retry_after(2.2)) == ("1", "3")


def test_the_number_of_buckets_stays_bounded():
    clock = Clock()
    limit = RateLimiter(burst=2, per_second=1, max_keys=100, clock=clock)
    for i in range(1000):
        limit.take(f"phone-{i}")
    assert len(limit._buckets) <= 100


def test_forgetting_keeps_busy_buckets_when_full_ones_can_go():
    clock = Clock()
    limit = RateLimiter(burst=1, per_second=1, max_keys=3, clock=clock)
    limit.take("old")
    clock.now += 5                          # "old" has refilled
    limit.take("busy1"), limit.take("busy2")
    limit.take("new")                       # a fourth key: the refilled one goes
    assert limit.take("busy1") > 0 and set(limit._buckets) == {"busy1", "busy2", "new"}
