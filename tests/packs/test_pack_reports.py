"""Reports name a pack's scam types by their name in the report's language; modes play only the pack's scenes."""

import shutil
from dataclasses import replace
from datetime import datetime, timezone

import pytest

from game.cli import main
from game.content.loader import load_library
from game.content.packs import ContentSources
from game.rules import PlayerSpec
from game.rules.engine import Game, Phase
from game.rules.policies import get_policy, play_pending_scene
from game.stats import StatsRecorder
from game.stats import labels


@pytest.fixture
def report_db(tmp_path):
    """Six kiosk games, each with a scene of the county's scam type (enough cases to be shown)."""
    db = tmp_path / "stats.sqlite3"
    recorder = StatsRecorder(db)
    for i in range(6):
        recorder._clock = lambda i=i: datetime(2026, 5, 1 + i, 4, tzinfo=timezone.utc)
        sid = recorder.start_session(mode="kiosk", audience="general", players=1)
        recorder.record_scene(sid, kind="scenario", item_id="qs_carrier_screen_share", scam_type="qs_fake_carrier",
                              ending="scammed")
        recorder.end_session(sid, finished=True, duration_s=300)
    recorder.close()
    return db


@pytest.fixture(autouse=True)
def _fresh_names():
    labels._names.clear()
    labels._scam_type_names.cache_clear()
    yield
    labels._names.clear()
    labels._scam_type_names.cache_clear()


def test_an_installed_packs_scam_type_has_its_name(county, tmp_path):
    shutil.copytree(county, tmp_path / "userdata" / "packs" / "qingshan")
    assert labels.scam_type_name("qs_fake_carrier") == "冒充运营商客服"


def test_a_disabled_packs_scam_type_still_has_its_name(county, tmp_path):
    shutil.copytree(county, tmp_path / "userdata" / "packs" / "qingshan")
    main(["pack", "disable", "qingshan"])
    assert labels.scam_type_name("qs_fake_carrier") == "冒充运营商客服"


def test_the_csv_report_names_the_packs_type(county, report_db, tmp_path):
    out = tmp_path / "report"
    assert main(["stats", "report", "--db", str(report_db), "--out", str(out), "--content", str(county)]) == 0
    text = (out / "missed_scam_types.csv").read_text(encoding="utf-8-sig")
    assert "冒充运营商客服" in text


def test_the_english_dashboard_names_the_type_in_english(county, report_db, tmp_path):
    out = tmp_path / "report"
    assert main(["stats", "report", "--db", str(report_db), "--out", str(out), "--html", "--locale", "en",
                 "--content", str(county)]) == 0
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "Fake carrier support" in html and ">qs_fake_carrier<" not in html


@pytest.mark.parametrize("pack_id", ["qingshan_all", "elderly", "students_junior", "workplace"])
def test_games_play_only_the_chosen_audience_packs_scenes(county, pack_id):
    library = load_library(sources=ContentSources(extra=(county,))).library
    pack = library.packs[pack_id]
    allowed_scenes = set(library.scenarios_of(pack))
    allowed_pools = set(library.quiz_pools_of(pack))
    for board_id in pack.boards:
        board = library.boards[board_id]
        for seed in range(12):
            game = Game(board, [PlayerSpec(f"P{i}", policy="random") for i in range(board.max_players)], seed,
                        library=library, pack=pack, record=False)
            policy = get_policy("random")
            while game.phase is not Phase.OVER and game.turns < 300:
                if game.phase is Phase.ROLL:
                    game.roll()
                elif game.phase is Phase.MOVE:
                    game.apply(policy.choose_move(game, game._moves, game.ai_rng))
                else:
                    req = game.pending_scene
                    assert req.scenario is None or req.scenario in allowed_scenes
                    assert req.quiz is None or req.quiz[0] in allowed_pools
                    game.resolve_scene(play_pending_scene(game, policy, game.ai_rng))


def test_an_audience_pack_listing_no_scenes_plays_those_of_its_boards(county):
    library = load_library(sources=ContentSources(extra=(county,))).library
    pack = replace(library.packs["qingshan_all"], scenarios=(), quiz_pools=())
    assert set(library.scenarios_of(pack)) == {"qs_carrier_screen_share", "qs_gas_bill_sms"}
    assert "quiz_basics" not in library.quiz_pools_of(pack)
