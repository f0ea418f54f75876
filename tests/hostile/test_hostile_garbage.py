"""Random bytes, random YAML-looking text and randomly edited scripts: never an exception.

Random bytes and random YAML-looking text never load; an edited script may (a doubled
line of dialogue is still a script), so for those only the fixture beside them is checked.
"""

import pytest

from hostile_cases import READING_CODES, Case, mutated_scene, random_bytes, random_yamlish

BYTES = [Case(f"random_bytes_{seed}.yaml", (lambda s=seed: random_bytes(s)), "") for seed in range(12)]
YAMLISH = [Case(f"random_yamlish_{seed}.yaml", (lambda s=seed: random_yamlish(s)), "") for seed in range(24)]
MUTATED = [Case(f"mutated_scene_{seed}.yaml", (lambda s=seed: mutated_scene(s)), "") for seed in range(40)]
ALL = BYTES + YAMLISH + MUTATED


@pytest.mark.parametrize("case", BYTES, ids=[c.name for c in BYTES])
def test_random_bytes_give_a_reading_problem(outcome_of, case):
    codes = {code for code, _line in outcome_of(case).codes_of(case.name)}
    assert codes and codes <= READING_CODES


@pytest.mark.parametrize("case", YAMLISH, ids=[c.name for c in YAMLISH])
def test_random_yamlish_text_never_loads(outcome_of, case):
    assert outcome_of(case).errors_of(case.name)


@pytest.mark.parametrize("case", ALL, ids=[c.name for c in ALL])
def test_fixture_beside_garbage_still_loads(outcome_of, case):
    assert outcome_of(case).fixture_loaded
