"""Each hostile file gives its problem and everything beside it still loads (load times: benchmarks/bench_hostile.py)."""

import pytest

from hostile_cases import CASES

ids = [case.name for case in CASES]


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_hostile_file_gives_its_problem(outcome_of, case):
    found = outcome_of(case).codes_of(case.name)
    if case.line is None:
        assert case.code in [code for code, _line in found], found
    else:
        assert (case.code, case.line) in found, found


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_fixture_beside_hostile_file_still_loads(outcome_of, case):
    assert outcome_of(case).fixture_loaded
