-- Counters for the monitoring, kept by triggers in the transaction that changes a report,
-- so that a dashboard sums a few thousand counter rows instead of grouping a million
-- reports. Each counter is kept twice: per local day (grain 0, days since 1970-01-01) and
-- per month (grain 1, year * 12 + month - 1); a period sums whole months from the second
-- and the days at its edges from the first.
--
-- What each report contributes is written once, in the views below; the triggers add and
-- subtract a report's rows from those views, and a rebuild (server/store/tallies.cpp) groups the
-- same views. A row whose n fell to 0 stays; it sums to nothing.

-- The deployment's UTC offset (local days are counted in it) and whether the triggers are
-- live: a bulk load turns them off and rebuilds the counters once at the end; a start that
-- finds them off (a load that died half-way) rebuilds them before serving.
CREATE TABLE tally_settings (
  utc_offset_seconds INTEGER NOT NULL,
  live               INTEGER NOT NULL
);
INSERT INTO tally_settings VALUES (0, 0);

CREATE TABLE report_tallies (
  grain       INTEGER NOT NULL,
  period      INTEGER NOT NULL,
  agency_id   INTEGER NOT NULL,  -- 0: not forwarded
  category_id INTEGER NOT NULL,
  public      INTEGER NOT NULL,  -- counted on public surfaces
  dimension   TEXT NOT NULL,     -- submitted, status, classification, channel, rating, entered
  value       TEXT NOT NULL,
  n           INTEGER NOT NULL,
  PRIMARY KEY (grain, period, agency_id, category_id, public, dimension, value)
) WITHOUT ROWID;
-- One dimension's value over a long stretch of days (the weekly trend of two years) without
-- reading every other counter of those days; covering, so the table is not visited. It
-- leads with the dimension so that the planner never prefers it for a range of days.
CREATE INDEX report_tallies_dimension
ON report_tallies(dimension, value, grain, period, agency_id, category_id, public, n);

CREATE TABLE stage_tallies (
  grain        INTEGER NOT NULL,
  period       INTEGER NOT NULL,
  agency_id    INTEGER NOT NULL,
  category_id  INTEGER NOT NULL,
  stage        TEXT NOT NULL,
  working_days INTEGER NOT NULL,
  on_time      INTEGER NOT NULL,
  n            INTEGER NOT NULL,
  PRIMARY KEY (grain, period, agency_id, category_id, stage, working_days, on_time)
) WITHOUT ROWID;

-- Reports in a stage with a due date, by that date: what is overdue on any day is a sum.
CREATE TABLE due_tallies (
  due         TEXT NOT NULL,
  status      TEXT NOT NULL,
  agency_id   INTEGER NOT NULL,
  category_id INTEGER NOT NULL,
  n           INTEGER NOT NULL,
  PRIMARY KEY (due, status, agency_id, category_id)
) WITHOUT ROWID;

-- A report's contributions: one row per dimension, keyed by its creation day, and one per
-- status change of its timeline ("entered", keyed by the day of the change). "public"
-- repeats the rule of public_report_condition() in server/store/status_sql.h.
CREATE VIEW report_tally_facts AS
SELECT id, created_at AS at, coalesce(agency_id, 0) AS agency_id, category_id,
       (confidential = 0 AND NOT (status = 'archived' AND
                                  archive_reason IN ('abusive', 'spam'))) AS public,
       status, classification, channel, rating
FROM reports;

CREATE VIEW report_tally_rows AS
SELECT id AS report_id, NULL AS event_id, at, agency_id, category_id, public,
       'submitted' AS dimension, '' AS value FROM report_tally_facts
UNION ALL
SELECT id, NULL, at, agency_id, category_id, public, 'status', status FROM report_tally_facts
UNION ALL
SELECT id, NULL, at, agency_id, category_id, public, 'classification', classification
FROM report_tally_facts
UNION ALL
SELECT id, NULL, at, agency_id, category_id, public, 'channel', channel FROM report_tally_facts
UNION ALL
SELECT id, NULL, at, agency_id, category_id, public, 'rating', rating FROM report_tally_facts
WHERE rating IS NOT NULL
UNION ALL
SELECT f.id, e.id, e.at, f.agency_id, f.category_id, f.public, 'entered', e.to_status
FROM report_tally_facts f JOIN report_events e ON e.report_id = f.id
WHERE e.from_status IS NOT e.to_status;

CREATE VIEW stage_tally_rows AS
SELECT id, ended_at AS at, coalesce(agency_id, 0) AS agency_id, category_id, stage,
       working_days, on_time
FROM stage_records;

CREATE VIEW due_tally_rows AS
SELECT id, stage_due AS due, status, coalesce(agency_id, 0) AS agency_id, category_id
FROM reports WHERE stage != 'none' AND stage_due IS NOT NULL;

-- The same contributions with the counter's key: each moment in both grains.
CREATE VIEW report_tally_keys AS
SELECT v.report_id, v.event_id, g.grain,
       CASE g.grain WHEN 0 THEN (v.at + s.utc_offset_seconds) / 86400
       ELSE CAST(strftime('%Y', v.at + s.utc_offset_seconds, 'unixepoch') AS INTEGER) * 12 +
            CAST(strftime('%m', v.at + s.utc_offset_seconds, 'unixepoch') AS INTEGER) - 1 END AS period,
       v.agency_id, v.category_id, v.public, v.dimension, v.value
FROM report_tally_rows v, (SELECT 0 AS grain UNION ALL SELECT 1) g, tally_settings s;

CREATE VIEW stage_tally_keys AS
SELECT v.id, g.grain,
       CASE g.grain WHEN 0 THEN (v.at + s.utc_offset_seconds) / 86400
       ELSE CAST(strftime('%Y', v.at + s.utc_offset_seconds, 'unixepoch') AS INTEGER) * 12 +
            CAST(strftime('%m', v.at + s.utc_offset_seconds, 'unixepoch') AS INTEGER) - 1 END AS period,
       v.agency_id, v.category_id, v.stage, v.working_days, v.on_time
FROM stage_tally_rows v, (SELECT 0 AS grain UNION ALL SELECT 1) g, tally_settings s;

CREATE TRIGGER reports_tally_insert AFTER INSERT ON reports
WHEN (SELECT live FROM tally_settings)
BEGIN
  INSERT INTO report_tallies
  SELECT grain, period, agency_id, category_id, public, dimension, value, 1
  FROM report_tally_keys WHERE report_id = NEW.id
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO due_tallies
  SELECT due, status, agency_id, category_id, 1 FROM due_tally_rows WHERE id = NEW.id
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- An update moves a report's contributions: out with the old values, in with the new.
CREATE TRIGGER reports_tally_before_update BEFORE UPDATE ON reports
WHEN (SELECT live FROM tally_settings) AND (OLD.status IS NOT NEW.status OR OLD.classification IS NOT NEW.classification OR
  OLD.channel IS NOT NEW.channel OR OLD.category_id IS NOT NEW.category_id OR
  OLD.agency_id IS NOT NEW.agency_id OR OLD.rating IS NOT NEW.rating OR
  OLD.confidential IS NOT NEW.confidential OR OLD.archive_reason IS NOT NEW.archive_reason OR
  OLD.created_at IS NOT NEW.created_at OR OLD.stage IS NOT NEW.stage OR
  OLD.stage_due IS NOT NEW.stage_due)
BEGIN
  INSERT INTO report_tallies
  SELECT grain, period, agency_id, category_id, public, dimension, value, -1
  FROM report_tally_keys WHERE report_id = OLD.id
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO due_tallies
  SELECT due, status, agency_id, category_id, -1 FROM due_tally_rows WHERE id = OLD.id
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER reports_tally_after_update AFTER UPDATE ON reports
WHEN (SELECT live FROM tally_settings) AND (OLD.status IS NOT NEW.status OR OLD.classification IS NOT NEW.classification OR
  OLD.channel IS NOT NEW.channel OR OLD.category_id IS NOT NEW.category_id OR
  OLD.agency_id IS NOT NEW.agency_id OR OLD.rating IS NOT NEW.rating OR
  OLD.confidential IS NOT NEW.confidential OR OLD.archive_reason IS NOT NEW.archive_reason OR
  OLD.created_at IS NOT NEW.created_at OR OLD.stage IS NOT NEW.stage OR
  OLD.stage_due IS NOT NEW.stage_due)
BEGIN
  INSERT INTO report_tallies
  SELECT grain, period, agency_id, category_id, public, dimension, value, 1
  FROM report_tally_keys WHERE report_id = NEW.id
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO due_tallies
  SELECT due, status, agency_id, category_id, 1 FROM due_tally_rows WHERE id = NEW.id
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER reports_tally_delete BEFORE DELETE ON reports
WHEN (SELECT live FROM tally_settings)
BEGIN
  INSERT INTO report_tallies
  SELECT grain, period, agency_id, category_id, public, dimension, value, -1
  FROM report_tally_keys WHERE report_id = OLD.id
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO due_tallies
  SELECT due, status, agency_id, category_id, -1 FROM due_tally_rows WHERE id = OLD.id
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER report_events_tally AFTER INSERT ON report_events
WHEN (SELECT live FROM tally_settings) AND NEW.from_status IS NOT NEW.to_status
BEGIN
  INSERT INTO report_tallies
  SELECT grain, period, agency_id, category_id, public, dimension, value, 1
  FROM report_tally_keys WHERE report_id = NEW.report_id AND event_id = NEW.id
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER stage_records_tally AFTER INSERT ON stage_records
WHEN (SELECT live FROM tally_settings)
BEGIN
  INSERT INTO stage_tallies
  SELECT grain, period, agency_id, category_id, stage, working_days, on_time, 1
  FROM stage_tally_keys WHERE id = NEW.id
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- Overdue reports, the most overdue first, without sorting every open report.
CREATE INDEX reports_late ON reports(stage_due)
WHERE status IN ('submitted', 'forwarded', 'in_progress', 'escalated') AND stage != 'none';
