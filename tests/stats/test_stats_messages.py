"""Statistics and site messages in the reader's language: ``--locale``, else the environment."""

import sqlite3

import psycopg
import pytest

from game.cli import main
from game.i18n import environment_locale, get_translator
from game.i18n.message import STORED_LIMIT, Said, from_stored, say, stored
from game.stats.central import connect
from game.stats.db import StatsError
from game.stats.sample import fill_sample
from game.stats.site import SiteError, save_site
from game.stats.sync import sync_once, sync_status

EN = get_translator("en")


@pytest.mark.parametrize("environ, locale", [
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "zh_TW.UTF-8"}, "zh_Hant"),
    ({"LC_ALL": "zh_HK.UTF-8", "LANG": "en_GB.UTF-8"}, "zh_Hant"),
    ({"LANG": "zh_CN.UTF-8"}, "zh_Hans"),
    ({"LANGUAGE": "fr:en", "LANG": "fr_FR.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "zh_Hans"),
    ({}, "zh_Hans"),
])
def test_the_locale_comes_from_the_environment(environ, locale):
    assert environment_locale(environ) == locale


def test_a_message_is_chinese_as_text_and_english_when_said():
    line = Said("找不到统计数据库 {path}", path="/x.sqlite3")
    assert line == "找不到统计数据库 /x.sqlite3" and say(line, EN) == "Statistics database /x.sqlite3 not found"


def test_a_stored_message_is_said_in_english_when_read_back():
    kept = from_stored(stored(Said("找不到统计数据库 {path}", path="/x.sqlite3")))
    assert say(kept, EN) == "Statistics database /x.sqlite3 not found"


def test_a_library_error_is_stored_as_its_own_text():
    assert from_stored(stored("server closed the connection unexpectedly")) == \
        "server closed the connection unexpectedly"


def test_a_stored_line_is_cut_to_the_limit():
    assert len(stored("错" * 2000)) == STORED_LIMIT


def test_a_background_sync_error_reads_back_translated(tmp_path):
    db = tmp_path / "stats.sqlite3"
    fill_sample(db, 3, seed=1)
    result = sync_once(db, f"postgresql:///nowhere?host={tmp_path / 'no-socket'}", timeout_s=1)
    assert not result.ok
    status = sync_status(db, f"postgresql:///nowhere?host={tmp_path / 'no-socket'}")
    assert isinstance(status.last_error, Said), status.last_error
    assert say(status.last_error, EN) != str(status.last_error)


def test_a_missing_database_is_said_in_english_with_locale_en(tmp_path, capsys):
    assert main(["stats", "summary", "--db", str(tmp_path / "nope.sqlite3"), "--locale", "en"]) == 1
    err = capsys.readouterr().err
    assert "not found" in err and "nope.sqlite3" in err and "找不到" not in err


def test_an_english_terminal_gets_english_without_locale(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    main(["stats", "report", "--db", str(tmp_path / "nope.sqlite3"), "--out", str(tmp_path / "r")])
    assert "Statistics database" in capsys.readouterr().err


def test_a_traditional_chinese_run_gets_traditional_characters(tmp_path, capsys):
    main(["stats", "summary", "--db", str(tmp_path / "nope.sqlite3"), "--locale", "zh_Hant"])
    assert "找不到統計數據庫" in capsys.readouterr().err


def test_a_chinese_run_stays_chinese(tmp_path, capsys):
    main(["stats", "summary", "--db", str(tmp_path / "nope.sqlite3")])
    assert "找不到统计数据库" in capsys.readouterr().err


def test_a_database_from_a_newer_game_is_said_in_english(tmp_path, capsys):
    db = tmp_path / "new.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE sessions (id INTEGER)")
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    assert main(["stats", "summary", "--db", str(db), "--locale", "en"]) == 1
    assert "this program knows only version" in capsys.readouterr().err


@pytest.fixture
def closed_games(tmp_path):
    db = tmp_path / "stats.sqlite3"
    fill_sample(db, sessions=6, open_sessions=0)
    return db


def test_a_bad_sync_address_is_said_in_english(closed_games, capsys):
    assert main(["stats", "sync", "--db", str(closed_games), "--to", "not a target!", "--locale", "en"]) == 1
    out = capsys.readouterr()
    assert "is not a postgresql:// URL" in out.err and out.out.startswith("Games sent: 0")


def test_a_refused_connection_is_said_in_english(closed_games, capsys):
    # port 1 on the loopback: nothing listens there, the connection is refused at once
    assert main(["stats", "sync", "--db", str(closed_games), "--to", "postgresql://127.0.0.1:1/fanzha",
                 "--locale", "en"]) == 1
    assert "Cannot connect to PostgreSQL" in capsys.readouterr().err


def test_no_password_names_pgpass_in_english(monkeypatch):
    def refuse(*args, **kwargs):
        raise psycopg.OperationalError("connection failed: fe_sendauth: no password supplied")
    monkeypatch.setattr(psycopg, "connect", refuse)
    with pytest.raises(StatsError) as caught:
        connect("postgresql://kiosk@db.example/fanzha")
    assert ".pgpass" in str(caught.value) and "no password. Put the password in the .pgpass" in say(caught.value, EN)


def test_the_migrate_command_says_a_bad_address_in_english(capsys):
    assert main(["stats", "migrate", "--db", "not a target!", "--locale", "en"]) == 1
    assert "The connection settings are wrong" in capsys.readouterr().err


def test_a_site_value_refused_is_said_in_english():
    with pytest.raises(SiteError) as caught:
        save_site(site="公" * 41)
    assert say(caught.value, EN) == "A place name has at most 40 characters"
    assert isinstance(caught.value, ValueError) and str(caught.value) == "地点名称最多 40 个字"


def test_a_password_in_the_sync_address_is_refused_in_english():
    with pytest.raises(SiteError) as caught:
        save_site(sync_to="postgresql://kiosk:secret@db.example.org/fanzha")
    assert "No password in the sync address" in say(caught.value, EN)
