"""The kiosk role may only insert its own device's records; the reporting role may only read."""

import psycopg
import pytest

from game.stats.migrate import add_kiosk
from game.stats.sync import sync_once

from test_pg_sync import device

DEVICE = f"{1:032x}"          # device() with seed=1
OTHER = f"{2:032x}"


@pytest.fixture
def kiosk(county, pg_cluster, pgpass, tmp_path):
    """A kiosk login bound to DEVICE, its password in PGPASSFILE, and that device's data synced by it."""
    add_kiosk(county, "kiosk_park", DEVICE, "s3cret-park")
    pgpass.add("kiosk_park", "s3cret-park")
    url = pg_cluster.tcp_url("kiosk_park")
    db = device(tmp_path, "a", sessions=20, seed=1)
    result = sync_once(db, url)
    assert result.ok, result.error
    return url


def denied(url, sql, params=()):
    with psycopg.connect(url) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(sql, params)


def test_the_kiosk_syncs_its_own_games_with_the_password_from_pgpass(kiosk, county):
    with psycopg.connect(county) as conn:
        assert conn.execute("SELECT COUNT(*) FROM fanzha.sessions WHERE device_id = %s", (DEVICE,)).fetchone()[0] == 22


def test_the_kiosk_cannot_read(kiosk):
    denied(kiosk, "SELECT COUNT(*) FROM fanzha.sessions")


def test_the_kiosk_cannot_read_the_daily_totals(kiosk):
    denied(kiosk, "SELECT * FROM fanzha.session_daily")


def test_the_kiosk_cannot_update(kiosk):
    denied(kiosk, "UPDATE fanzha.sessions SET completed = 0")


def test_the_kiosk_cannot_delete(kiosk):
    denied(kiosk, "DELETE FROM fanzha.scenes")


def test_the_kiosk_cannot_truncate(kiosk):
    denied(kiosk, "TRUNCATE fanzha.choices")


def test_the_kiosk_cannot_write_the_daily_totals_directly(kiosk):
    denied(kiosk, "INSERT INTO fanzha.check_daily (local_day, device_id, site, district, mode, audience, pack, "
                  "scam_type, pairs) VALUES ('2024-05-01', %s, '', '', 'kiosk', 'elderly', '', 'x', 100)", (DEVICE,))


def test_the_kiosk_cannot_see_or_change_the_logins(kiosk):
    denied(kiosk, "UPDATE fanzha.kiosk_logins SET device_id = %s", (OTHER,))


def test_the_kiosk_cannot_insert_another_devices_records(kiosk):
    denied(kiosk, "INSERT INTO fanzha.checks (session_id, seq, device_id, phase, item_id, scam_type, correct) "
                  "VALUES (gen_random_uuid(), 1, %s, 'before', 'quiz_x:a', 'x', true)", (OTHER,))


def test_a_kiosk_login_bound_to_another_device_is_refused(county, pg_cluster, pgpass, tmp_path):
    add_kiosk(county, "kiosk_school", OTHER, "s3cret-school")
    pgpass.add("kiosk_school", "s3cret-school")
    result = sync_once(device(tmp_path, "a", sessions=5, seed=1), pg_cluster.tcp_url("kiosk_school"))
    assert not result.ok and "另一台设备" in result.error


def test_a_login_without_a_device_is_claimed_by_the_first_to_sync(county, pg_cluster, pgpass, tmp_path):
    add_kiosk(county, "kiosk_new", None, "pw-new")
    pgpass.add("kiosk_new", "pw-new")
    assert sync_once(device(tmp_path, "a", sessions=5, seed=1), pg_cluster.tcp_url("kiosk_new")).ok
    assert not sync_once(device(tmp_path, "b", sessions=5, seed=2), pg_cluster.tcp_url("kiosk_new")).ok


@pytest.fixture
def reporter(county, pg_cluster, pgpass):
    with psycopg.connect(county, autocommit=True) as conn:
        conn.execute("DROP ROLE IF EXISTS county_office")
        conn.execute("CREATE ROLE county_office LOGIN PASSWORD 'pw-office' IN ROLE fanzha_report")
    pgpass.add("county_office", "pw-office")
    return pg_cluster.tcp_url("county_office")


def test_the_reporting_role_reads_the_report(reporter, county, tmp_path):
    from game.cli import main
    sync_once(device(tmp_path, "a", sessions=30), county)
    assert main(["stats", "report", "--db", reporter, "--out", str(tmp_path / "r")]) == 0


def test_the_reporting_role_cannot_write(reporter):
    denied(reporter, "DELETE FROM fanzha.sessions")
