-- The tables and views that store/derived_rules.h reads and writes, in PostgreSQL, with the
-- columns and keys of server/store/schema.sql (only those; the rest of each table is left
-- out). tests/store/derived_rules_pg_test.cpp installs the rules' generated triggers on it
-- and plays the same changes as on a SQLite store. The views say in PostgreSQL what the
-- SQLite migrations say (0007's counters: a month from Unix seconds, a boolean as 0 or 1).

CREATE TABLE admin_events (
  id          INTEGER PRIMARY KEY,
  at          BIGINT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  target_kind TEXT NOT NULL,
  target      TEXT NOT NULL,
  before_json TEXT NOT NULL DEFAULT '{}',
  after_json  TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE catalog_version (id INTEGER PRIMARY KEY CHECK (id = 1), version BIGINT NOT NULL);
INSERT INTO catalog_version (id, version) VALUES (1, 0);

CREATE TABLE agencies (
  id        INTEGER PRIMARY KEY,
  code      TEXT NOT NULL UNIQUE,
  name      TEXT NOT NULL,
  parent_id INTEGER REFERENCES agencies(id),
  active    INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE categories (
  id        INTEGER PRIMARY KEY,
  code      TEXT NOT NULL UNIQUE,
  name      TEXT NOT NULL,
  name_en   TEXT NOT NULL DEFAULT '',
  agency_id INTEGER REFERENCES agencies(id),
  active    INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE holidays (
  date TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'national'
);

CREATE TABLE holiday_years (
  year         INTEGER PRIMARY KEY,
  confirmed    INTEGER NOT NULL DEFAULT 0,
  confirmed_by TEXT NOT NULL DEFAULT '',
  confirmed_at BIGINT
);

CREATE TABLE tally_settings (utc_offset_seconds INTEGER NOT NULL, live INTEGER NOT NULL);
INSERT INTO tally_settings VALUES (0, 0);

CREATE TABLE reports (
  id             INTEGER PRIMARY KEY,
  tracking_id    TEXT NOT NULL UNIQUE,
  classification TEXT NOT NULL,
  status         TEXT NOT NULL,
  title          TEXT NOT NULL,
  body           TEXT NOT NULL,
  incident_date  TEXT NOT NULL,
  location_text  TEXT NOT NULL,
  category_id    INTEGER NOT NULL REFERENCES categories(id),
  agency_id      INTEGER REFERENCES agencies(id),
  channel        TEXT NOT NULL,
  created_at     BIGINT NOT NULL,
  updated_at     BIGINT NOT NULL,
  confidential   INTEGER NOT NULL DEFAULT 0,
  rating         INTEGER,
  archive_reason TEXT NOT NULL DEFAULT '',
  stage          TEXT NOT NULL DEFAULT 'none',
  stage_due      TEXT
);

CREATE TABLE report_events (
  id          INTEGER PRIMARY KEY,
  report_id   INTEGER NOT NULL REFERENCES reports(id),
  at          BIGINT NOT NULL,
  actor_role  TEXT NOT NULL,
  action      TEXT NOT NULL,
  from_status TEXT,
  to_status   TEXT NOT NULL
);

CREATE TABLE stage_records (
  id           INTEGER PRIMARY KEY,
  report_id    INTEGER NOT NULL REFERENCES reports(id),
  stage        TEXT NOT NULL,
  agency_id    INTEGER REFERENCES agencies(id),
  category_id  INTEGER NOT NULL REFERENCES categories(id),
  started      TEXT NOT NULL,
  due          TEXT NOT NULL,
  ended        TEXT NOT NULL,
  working_days INTEGER NOT NULL,
  on_time      INTEGER NOT NULL,
  ended_at     BIGINT NOT NULL
);

CREATE TABLE report_terms (
  term      TEXT NOT NULL,
  report_id INTEGER NOT NULL REFERENCES reports(id),
  PRIMARY KEY (term, report_id)
);

CREATE TABLE term_counts (term TEXT PRIMARY KEY, n BIGINT NOT NULL);

CREATE TABLE report_tallies (
  grain       INTEGER NOT NULL,
  period      INTEGER NOT NULL,
  agency_id   INTEGER NOT NULL,
  category_id INTEGER NOT NULL,
  public      INTEGER NOT NULL,
  dimension   TEXT NOT NULL,
  value       TEXT NOT NULL,
  n           BIGINT NOT NULL,
  PRIMARY KEY (grain, period, agency_id, category_id, public, dimension, value)
);

CREATE TABLE due_tallies (
  due         TEXT NOT NULL,
  status      TEXT NOT NULL,
  agency_id   INTEGER NOT NULL,
  category_id INTEGER NOT NULL,
  n           BIGINT NOT NULL,
  PRIMARY KEY (due, status, agency_id, category_id)
);

CREATE TABLE stage_tallies (
  grain        INTEGER NOT NULL,
  period       INTEGER NOT NULL,
  agency_id    INTEGER NOT NULL,
  category_id  INTEGER NOT NULL,
  stage        TEXT NOT NULL,
  working_days INTEGER NOT NULL,
  on_time      INTEGER NOT NULL,
  n            BIGINT NOT NULL,
  PRIMARY KEY (grain, period, agency_id, category_id, stage, working_days, on_time)
);

-- A day or a month (year * 12 + month - 1) of local time, from Unix seconds.
CREATE FUNCTION tally_period(grain INTEGER, at BIGINT) RETURNS INTEGER LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE grain WHEN 0 THEN (at / 86400)::INTEGER
         ELSE (extract(year FROM to_timestamp(at) AT TIME ZONE 'UTC') * 12 +
               extract(month FROM to_timestamp(at) AT TIME ZONE 'UTC') - 1)::INTEGER END
$$;

CREATE VIEW due_tally_rows AS
SELECT id, stage_due AS due, status, coalesce(agency_id, 0) AS agency_id, category_id
FROM reports WHERE stage != 'none' AND stage_due IS NOT NULL;

CREATE VIEW report_tally_facts AS
SELECT id, created_at AS at, coalesce(agency_id, 0) AS agency_id, category_id,
       (confidential = 0 AND NOT (status = 'archived' AND
                                  archive_reason IN ('abusive', 'spam')))::INTEGER AS public,
       status, classification, channel, rating
FROM reports;

CREATE VIEW report_tally_rows AS
SELECT id AS report_id, NULL::INTEGER AS event_id, at, agency_id, category_id, public,
       'submitted' AS dimension, '' AS value FROM report_tally_facts
UNION ALL
SELECT id, NULL, at, agency_id, category_id, public, 'status', status FROM report_tally_facts
UNION ALL
SELECT id, NULL, at, agency_id, category_id, public, 'classification', classification
FROM report_tally_facts
UNION ALL
SELECT id, NULL, at, agency_id, category_id, public, 'channel', channel FROM report_tally_facts
UNION ALL
SELECT id, NULL, at, agency_id, category_id, public, 'rating', rating::TEXT FROM report_tally_facts
WHERE rating IS NOT NULL
UNION ALL
SELECT f.id, e.id, e.at, f.agency_id, f.category_id, f.public, 'entered', e.to_status
FROM report_tally_facts f JOIN report_events e ON e.report_id = f.id
WHERE e.from_status IS DISTINCT FROM e.to_status;

CREATE VIEW report_tally_keys AS
SELECT v.report_id, v.event_id, g.grain, tally_period(g.grain, v.at + s.utc_offset_seconds) AS period,
       v.agency_id, v.category_id, v.public, v.dimension, v.value
FROM report_tally_rows v, (SELECT 0 AS grain UNION ALL SELECT 1) g, tally_settings s;

CREATE VIEW stage_tally_rows AS
SELECT id, ended_at AS at, coalesce(agency_id, 0) AS agency_id, category_id, stage,
       working_days, on_time
FROM stage_records;

CREATE VIEW stage_tally_keys AS
SELECT v.id, g.grain, tally_period(g.grain, v.at + s.utc_offset_seconds) AS period,
       v.agency_id, v.category_id, v.stage, v.working_days, v.on_time
FROM stage_tally_rows v, (SELECT 0 AS grain UNION ALL SELECT 1) g, tally_settings s;
