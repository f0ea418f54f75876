-- 0001: the county's statistics database.
--
-- Kiosks insert raw records (sessions, scenes, choices, learning checks) and the facts
-- each closed session counts for (game/stats/facts.py); statement triggers add the facts
-- up per day into the *_daily tables that reports read. Rows are keyed by ids made on
-- the device, so a batch sent twice inserts nothing the second time (ON CONFLICT DO
-- NOTHING) and adds nothing to the daily totals (transition tables hold only new rows).
--
-- Roles: fanzha_kiosk may only INSERT rows of its own device (row-level security; each
-- kiosk logs in as its own role, bound to one device id in kiosk_logins); fanzha_report
-- may only SELECT. Both are group roles: give them to login roles with
-- `python -m game stats add-kiosk` or GRANT fanzha_report TO someone.

CREATE SCHEMA IF NOT EXISTS fanzha;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fanzha_kiosk') THEN
        CREATE ROLE fanzha_kiosk NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fanzha_report') THEN
        CREATE ROLE fanzha_report NOLOGIN;
    END IF;
END
$$;

-- Which device each kiosk login may write for. device_id NULL: the first device to sync claims it.
CREATE TABLE fanzha.kiosk_logins (
    role_name   name PRIMARY KEY,
    device_id   text,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION fanzha.kiosk_device() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = fanzha, pg_temp AS $$
    SELECT device_id FROM fanzha.kiosk_logins WHERE role_name = session_user
$$;

-- 'ok' (this login writes for p_device), 'other' (bound to another device) or 'none' (not a kiosk login).
CREATE FUNCTION fanzha.claim_device(p_device text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = fanzha, pg_temp AS $$
DECLARE
    bound text;
    found boolean;
BEGIN
    UPDATE fanzha.kiosk_logins SET device_id = p_device WHERE role_name = session_user AND device_id IS NULL;
    SELECT device_id, true INTO bound, found FROM fanzha.kiosk_logins WHERE role_name = session_user;
    IF found IS NULL THEN
        RETURN 'none';
    END IF;
    RETURN CASE WHEN bound = p_device THEN 'ok' ELSE 'other' END;
END
$$;

REVOKE ALL ON FUNCTION fanzha.kiosk_device() FROM PUBLIC;
REVOKE ALL ON FUNCTION fanzha.claim_device(text) FROM PUBLIC;

-- ---------------------------------------------------------------- raw records
CREATE TABLE fanzha.sessions (
    id                   uuid PRIMARY KEY,
    local_day            date NOT NULL,
    device_id            text NOT NULL,
    site                 text NOT NULL,
    district             text NOT NULL,
    mode                 text NOT NULL,
    audience             text NOT NULL,
    pack                 text NOT NULL,
    started_at           timestamptz NOT NULL,
    ended_at             timestamptz,          -- NULL: cut off, no end was recorded
    locale               text NOT NULL,
    board                text NOT NULL,
    players              smallint NOT NULL,
    humans               smallint NOT NULL,
    computers            smallint NOT NULL,
    seat_unit            text NOT NULL,
    status               text NOT NULL CHECK (status IN ('completed', 'abandoned')),
    duration_s           real,
    completed            integer NOT NULL,
    abandoned            integer NOT NULL,
    people               integer NOT NULL,
    teams                integer NOT NULL,
    computer_seats       integer NOT NULL,
    duration_completed_s real NOT NULL,
    scenarios            integer NOT NULL,
    scammed              integer NOT NULL,
    spotted              integer NOT NULL,
    reported             integer NOT NULL,
    money_lost           integer NOT NULL,
    quiz_answered        integer NOT NULL,
    quiz_right           integer NOT NULL,
    safe_choices         integer NOT NULL,
    risky_choices        integer NOT NULL,
    neutral_choices      integer NOT NULL,
    checked              integer NOT NULL,
    received_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_device_day ON fanzha.sessions (device_id, local_day);
CREATE INDEX sessions_local_day ON fanzha.sessions (local_day);

CREATE TABLE fanzha.scenes (
    session_id           uuid NOT NULL,
    seq                  integer NOT NULL,       -- order within the session
    device_id            text NOT NULL,
    kind                 text NOT NULL,
    item_id              text NOT NULL,
    scam_type            text NOT NULL,
    ending               text,
    correct              boolean,
    money_lost           integer NOT NULL,
    furthest             text,
    techniques           text NOT NULL,
    duration_s           real,
    PRIMARY KEY (session_id, seq)
);

CREATE TABLE fanzha.choices (
    session_id           uuid NOT NULL,
    scene_seq            integer NOT NULL,
    seq                  integer NOT NULL,
    device_id            text NOT NULL,
    node                 text NOT NULL,
    choice_index         smallint NOT NULL,
    outcome              text NOT NULL,
    ladder               text NOT NULL,
    techniques           text NOT NULL,
    duration_s           real,
    PRIMARY KEY (session_id, scene_seq, seq)
);

CREATE TABLE fanzha.checks (
    session_id           uuid NOT NULL,
    seq                  integer NOT NULL,
    device_id            text NOT NULL,
    phase                text NOT NULL CHECK (phase IN ('before', 'after')),
    item_id              text NOT NULL,
    scam_type            text NOT NULL,
    correct              boolean NOT NULL,
    PRIMARY KEY (session_id, seq)
);

-- ---------------------------------------------------------------- facts per session
CREATE TABLE fanzha.scam_type_facts (
    session_id           uuid NOT NULL,
    scam_type            text NOT NULL,
    local_day            date NOT NULL,
    device_id            text NOT NULL,
    site                 text NOT NULL,
    district             text NOT NULL,
    mode                 text NOT NULL,
    audience             text NOT NULL,
    pack                 text NOT NULL,
    played               integer NOT NULL,
    missed               integer NOT NULL,
    spotted              integer NOT NULL,
    PRIMARY KEY (session_id, scam_type)
);

CREATE TABLE fanzha.technique_facts (
    session_id           uuid NOT NULL,
    technique            text NOT NULL,
    local_day            date NOT NULL,
    device_id            text NOT NULL,
    site                 text NOT NULL,
    district             text NOT NULL,
    mode                 text NOT NULL,
    audience             text NOT NULL,
    pack                 text NOT NULL,
    met                  integer NOT NULL,
    missed               integer NOT NULL,
    PRIMARY KEY (session_id, technique)
);

CREATE TABLE fanzha.check_facts (
    session_id           uuid NOT NULL,
    scam_type            text NOT NULL,
    local_day            date NOT NULL,
    device_id            text NOT NULL,
    site                 text NOT NULL,
    district             text NOT NULL,
    mode                 text NOT NULL,
    audience             text NOT NULL,
    pack                 text NOT NULL,
    pairs                integer NOT NULL,
    before_right         integer NOT NULL,
    after_right          integer NOT NULL,
    PRIMARY KEY (session_id, scam_type)
);

-- ---------------------------------------------------------------- per-day totals (what reports read)

CREATE TABLE fanzha.session_daily (
    local_day            date NOT NULL,
    device_id            text NOT NULL,
    site                 text NOT NULL,
    district             text NOT NULL,
    mode                 text NOT NULL,
    audience             text NOT NULL,
    pack                 text NOT NULL,
    completed            bigint NOT NULL DEFAULT 0,
    abandoned            bigint NOT NULL DEFAULT 0,
    people               bigint NOT NULL DEFAULT 0,
    teams                bigint NOT NULL DEFAULT 0,
    computer_seats       bigint NOT NULL DEFAULT 0,
    duration_completed_s double precision NOT NULL DEFAULT 0,
    scenarios            bigint NOT NULL DEFAULT 0,
    scammed              bigint NOT NULL DEFAULT 0,
    spotted              bigint NOT NULL DEFAULT 0,
    reported             bigint NOT NULL DEFAULT 0,
    money_lost           bigint NOT NULL DEFAULT 0,
    quiz_answered        bigint NOT NULL DEFAULT 0,
    quiz_right           bigint NOT NULL DEFAULT 0,
    safe_choices         bigint NOT NULL DEFAULT 0,
    risky_choices        bigint NOT NULL DEFAULT 0,
    neutral_choices      bigint NOT NULL DEFAULT 0,
    checked              bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (local_day, device_id, site, district, mode, audience, pack)
);
CREATE INDEX session_daily_local_day ON fanzha.session_daily (local_day);

CREATE FUNCTION fanzha.add_session_daily() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = fanzha, pg_temp AS $$
BEGIN
    INSERT INTO fanzha.session_daily AS d (local_day, device_id, site, district, mode, audience, pack, completed, abandoned, people, teams, computer_seats, duration_completed_s, scenarios, scammed, spotted, reported, money_lost, quiz_answered, quiz_right, safe_choices, risky_choices, neutral_choices, checked)
    SELECT local_day, device_id, site, district, mode, audience, pack, SUM(completed), SUM(abandoned), SUM(people), SUM(teams), SUM(computer_seats), SUM(duration_completed_s), SUM(scenarios), SUM(scammed), SUM(spotted), SUM(reported), SUM(money_lost), SUM(quiz_answered), SUM(quiz_right), SUM(safe_choices), SUM(risky_choices), SUM(neutral_choices), SUM(checked)
    FROM added GROUP BY local_day, device_id, site, district, mode, audience, pack ORDER BY local_day, device_id, site, district, mode, audience, pack
    ON CONFLICT (local_day, device_id, site, district, mode, audience, pack) DO UPDATE SET
        completed = d.completed + EXCLUDED.completed,
        abandoned = d.abandoned + EXCLUDED.abandoned,
        people = d.people + EXCLUDED.people,
        teams = d.teams + EXCLUDED.teams,
        computer_seats = d.computer_seats + EXCLUDED.computer_seats,
        duration_completed_s = d.duration_completed_s + EXCLUDED.duration_completed_s,
        scenarios = d.scenarios + EXCLUDED.scenarios,
        scammed = d.scammed + EXCLUDED.scammed,
        spotted = d.spotted + EXCLUDED.spotted,
        reported = d.reported + EXCLUDED.reported,
        money_lost = d.money_lost + EXCLUDED.money_lost,
        quiz_answered = d.quiz_answered + EXCLUDED.quiz_answered,
        quiz_right = d.quiz_right + EXCLUDED.quiz_right,
        safe_choices = d.safe_choices + EXCLUDED.safe_choices,
        risky_choices = d.risky_choices + EXCLUDED.risky_choices,
        neutral_choices = d.neutral_choices + EXCLUDED.neutral_choices,
        checked = d.checked + EXCLUDED.checked;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION fanzha.add_session_daily() FROM PUBLIC;
CREATE TRIGGER add_session_daily AFTER INSERT ON fanzha.sessions
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION fanzha.add_session_daily();

CREATE TABLE fanzha.scam_type_daily (
    local_day            date NOT NULL,
    device_id            text NOT NULL,
    site                 text NOT NULL,
    district             text NOT NULL,
    mode                 text NOT NULL,
    audience             text NOT NULL,
    pack                 text NOT NULL,
    scam_type            text NOT NULL,
    played               bigint NOT NULL DEFAULT 0,
    missed               bigint NOT NULL DEFAULT 0,
    spotted              bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (local_day, device_id, site, district, mode, audience, pack, scam_type)
);
CREATE INDEX scam_type_daily_local_day ON fanzha.scam_type_daily (local_day);

CREATE FUNCTION fanzha.add_scam_type_daily() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = fanzha, pg_temp AS $$
BEGIN
    INSERT INTO fanzha.scam_type_daily AS d (local_day, device_id, site, district, mode, audience, pack, scam_type, played, missed, spotted)
    SELECT local_day, device_id, site, district, mode, audience, pack, scam_type, SUM(played), SUM(missed), SUM(spotted)
    FROM added GROUP BY local_day, device_id, site, district, mode, audience, pack, scam_type ORDER BY local_day, device_id, site, district, mode, audience, pack, scam_type
    ON CONFLICT (local_day, device_id, site, district, mode, audience, pack, scam_type) DO UPDATE SET
        played = d.played + EXCLUDED.played,
        missed = d.missed + EXCLUDED.missed,
        spotted = d.spotted + EXCLUDED.spotted;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION fanzha.add_scam_type_daily() FROM PUBLIC;
CREATE TRIGGER add_scam_type_daily AFTER INSERT ON fanzha.scam_type_facts
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION fanzha.add_scam_type_daily();

CREATE TABLE fanzha.technique_daily (
    local_day            date NOT NULL,
    device_id            text NOT NULL,
    site                 text NOT NULL,
    district             text NOT NULL,
    mode                 text NOT NULL,
    audience             text NOT NULL,
    pack                 text NOT NULL,
    technique            text NOT NULL,
    met                  bigint NOT NULL DEFAULT 0,
    missed               bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (local_day, device_id, site, district, mode, audience, pack, technique)
);
CREATE INDEX technique_daily_local_day ON fanzha.technique_daily (local_day);

CREATE FUNCTION fanzha.add_technique_daily() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = fanzha, pg_temp AS $$
BEGIN
    INSERT INTO fanzha.technique_daily AS d (local_day, device_id, site, district, mode, audience, pack, technique, met, missed)
    SELECT local_day, device_id, site, district, mode, audience, pack, technique, SUM(met), SUM(missed)
    FROM added GROUP BY local_day, device_id, site, district, mode, audience, pack, technique ORDER BY local_day, device_id, site, district, mode, audience, pack, technique
    ON CONFLICT (local_day, device_id, site, district, mode, audience, pack, technique) DO UPDATE SET
        met = d.met + EXCLUDED.met,
        missed = d.missed + EXCLUDED.missed;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION fanzha.add_technique_daily() FROM PUBLIC;
CREATE TRIGGER add_technique_daily AFTER INSERT ON fanzha.technique_facts
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION fanzha.add_technique_daily();

CREATE TABLE fanzha.check_daily (
    local_day            date NOT NULL,
    device_id            text NOT NULL,
    site                 text NOT NULL,
    district             text NOT NULL,
    mode                 text NOT NULL,
    audience             text NOT NULL,
    pack                 text NOT NULL,
    scam_type            text NOT NULL,
    pairs                bigint NOT NULL DEFAULT 0,
    before_right         bigint NOT NULL DEFAULT 0,
    after_right          bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (local_day, device_id, site, district, mode, audience, pack, scam_type)
);
CREATE INDEX check_daily_local_day ON fanzha.check_daily (local_day);

CREATE FUNCTION fanzha.add_check_daily() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = fanzha, pg_temp AS $$
BEGIN
    INSERT INTO fanzha.check_daily AS d (local_day, device_id, site, district, mode, audience, pack, scam_type, pairs, before_right, after_right)
    SELECT local_day, device_id, site, district, mode, audience, pack, scam_type, SUM(pairs), SUM(before_right), SUM(after_right)
    FROM added GROUP BY local_day, device_id, site, district, mode, audience, pack, scam_type ORDER BY local_day, device_id, site, district, mode, audience, pack, scam_type
    ON CONFLICT (local_day, device_id, site, district, mode, audience, pack, scam_type) DO UPDATE SET
        pairs = d.pairs + EXCLUDED.pairs,
        before_right = d.before_right + EXCLUDED.before_right,
        after_right = d.after_right + EXCLUDED.after_right;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION fanzha.add_check_daily() FROM PUBLIC;
CREATE TRIGGER add_check_daily AFTER INSERT ON fanzha.check_facts
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION fanzha.add_check_daily();

-- ---------------------------------------------------------------- who may do what

GRANT USAGE ON SCHEMA fanzha TO fanzha_kiosk, fanzha_report;
GRANT EXECUTE ON FUNCTION fanzha.kiosk_device(), fanzha.claim_device(text) TO fanzha_kiosk;
GRANT INSERT ON fanzha.sessions, fanzha.scenes, fanzha.choices, fanzha.checks, fanzha.scam_type_facts, fanzha.technique_facts, fanzha.check_facts TO fanzha_kiosk;
GRANT SELECT ON fanzha.sessions, fanzha.scenes, fanzha.choices, fanzha.checks, fanzha.scam_type_facts, fanzha.technique_facts, fanzha.check_facts, fanzha.session_daily, fanzha.scam_type_daily, fanzha.technique_daily, fanzha.check_daily TO fanzha_report;

ALTER TABLE fanzha.sessions ENABLE ROW LEVEL SECURITY;
CREATE POLICY kiosk_inserts_own ON fanzha.sessions FOR INSERT TO fanzha_kiosk
    WITH CHECK (device_id = fanzha.kiosk_device());
CREATE POLICY report_reads ON fanzha.sessions FOR SELECT TO fanzha_report USING (true);
ALTER TABLE fanzha.scenes ENABLE ROW LEVEL SECURITY;
CREATE POLICY kiosk_inserts_own ON fanzha.scenes FOR INSERT TO fanzha_kiosk
    WITH CHECK (device_id = fanzha.kiosk_device());
CREATE POLICY report_reads ON fanzha.scenes FOR SELECT TO fanzha_report USING (true);
ALTER TABLE fanzha.choices ENABLE ROW LEVEL SECURITY;
CREATE POLICY kiosk_inserts_own ON fanzha.choices FOR INSERT TO fanzha_kiosk
    WITH CHECK (device_id = fanzha.kiosk_device());
CREATE POLICY report_reads ON fanzha.choices FOR SELECT TO fanzha_report USING (true);
ALTER TABLE fanzha.checks ENABLE ROW LEVEL SECURITY;
CREATE POLICY kiosk_inserts_own ON fanzha.checks FOR INSERT TO fanzha_kiosk
    WITH CHECK (device_id = fanzha.kiosk_device());
CREATE POLICY report_reads ON fanzha.checks FOR SELECT TO fanzha_report USING (true);
ALTER TABLE fanzha.scam_type_facts ENABLE ROW LEVEL SECURITY;
CREATE POLICY kiosk_inserts_own ON fanzha.scam_type_facts FOR INSERT TO fanzha_kiosk
    WITH CHECK (device_id = fanzha.kiosk_device());
CREATE POLICY report_reads ON fanzha.scam_type_facts FOR SELECT TO fanzha_report USING (true);
ALTER TABLE fanzha.technique_facts ENABLE ROW LEVEL SECURITY;
CREATE POLICY kiosk_inserts_own ON fanzha.technique_facts FOR INSERT TO fanzha_kiosk
    WITH CHECK (device_id = fanzha.kiosk_device());
CREATE POLICY report_reads ON fanzha.technique_facts FOR SELECT TO fanzha_report USING (true);
ALTER TABLE fanzha.check_facts ENABLE ROW LEVEL SECURITY;
CREATE POLICY kiosk_inserts_own ON fanzha.check_facts FOR INSERT TO fanzha_kiosk
    WITH CHECK (device_id = fanzha.kiosk_device());
CREATE POLICY report_reads ON fanzha.check_facts FOR SELECT TO fanzha_report USING (true);
ALTER TABLE fanzha.session_daily ENABLE ROW LEVEL SECURITY;
CREATE POLICY report_reads ON fanzha.session_daily FOR SELECT TO fanzha_report USING (true);
ALTER TABLE fanzha.scam_type_daily ENABLE ROW LEVEL SECURITY;
CREATE POLICY report_reads ON fanzha.scam_type_daily FOR SELECT TO fanzha_report USING (true);
ALTER TABLE fanzha.technique_daily ENABLE ROW LEVEL SECURITY;
CREATE POLICY report_reads ON fanzha.technique_daily FOR SELECT TO fanzha_report USING (true);
ALTER TABLE fanzha.check_daily ENABLE ROW LEVEL SECURITY;
CREATE POLICY report_reads ON fanzha.check_daily FOR SELECT TO fanzha_report USING (true);
