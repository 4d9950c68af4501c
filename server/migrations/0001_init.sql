-- The first schema: the catalogue (agencies, categories, holidays) and reports with their
-- timeline. Times are Unix seconds (UTC); calendar dates are ISO text in the deployment's
-- time zone.

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
  agency_id INTEGER REFERENCES agencies(id),  -- the agency that usually has the authority
  active    INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE holidays (
  date TEXT PRIMARY KEY,            -- YYYY-MM-DD
  name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'national'   -- national, cuti_bersama, local
);

CREATE TABLE reports (
  id                  INTEGER PRIMARY KEY,
  tracking_id         TEXT NOT NULL UNIQUE,    -- canonical form, no dashes
  classification      TEXT NOT NULL,
  status              TEXT NOT NULL,
  title               TEXT NOT NULL,
  body                TEXT NOT NULL,
  incident_date       TEXT NOT NULL,
  location_text       TEXT NOT NULL,
  lat                 REAL,
  lon                 REAL,
  region_code         TEXT NOT NULL DEFAULT '',
  category_id         INTEGER NOT NULL REFERENCES categories(id),
  suggested_agency_id INTEGER REFERENCES agencies(id),  -- the citizen's guess
  agency_id           INTEGER REFERENCES agencies(id),  -- the agency it is forwarded to
  channel             TEXT NOT NULL,
  reporter_name       TEXT NOT NULL DEFAULT '',
  reporter_phone      TEXT NOT NULL DEFAULT '',
  reporter_email      TEXT NOT NULL DEFAULT '',
  reporter_nik        TEXT NOT NULL DEFAULT '',
  anonymous           INTEGER NOT NULL DEFAULT 0,
  confidential        INTEGER NOT NULL DEFAULT 0,
  resolution_tier     TEXT NOT NULL DEFAULT 'normative',
  stage               TEXT NOT NULL DEFAULT 'none',
  stage_started       TEXT,
  stage_due           TEXT,
  created_at          INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL,
  version             INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX reports_status_due ON reports(status, stage_due);
CREATE INDEX reports_agency_status ON reports(agency_id, status);
CREATE INDEX reports_created ON reports(created_at);

CREATE TABLE report_events (
  id          INTEGER PRIMARY KEY,
  report_id   INTEGER NOT NULL REFERENCES reports(id),
  at          INTEGER NOT NULL,
  actor_role  TEXT NOT NULL,
  actor_id    INTEGER,
  action      TEXT NOT NULL,
  from_status TEXT,
  to_status   TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  public      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX report_events_report ON report_events(report_id, id);
