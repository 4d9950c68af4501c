-- Repeated reports. The matching terms (shared/similarity.h) of every open, non-confidential
-- report, for finding the ones with the same substance before a citizen files again; how
-- many reports each term is in (its rarity weighs it); and the citizens who follow a report
-- because they have the same problem, or whose own report was archived as its duplicate.

CREATE TABLE report_terms (
  term      TEXT NOT NULL,   -- '' marks every indexed report once: its count is the total
  report_id INTEGER NOT NULL REFERENCES reports(id),
  PRIMARY KEY (term, report_id)
) WITHOUT ROWID;
CREATE INDEX report_terms_report ON report_terms(report_id);

CREATE TABLE term_counts (
  term TEXT PRIMARY KEY,
  n    INTEGER NOT NULL
) WITHOUT ROWID;

-- Kept as postings come and go; a bulk load switches them off with the monitoring's
-- counters and server/store/tallies.cpp recounts them.
CREATE TRIGGER report_terms_count AFTER INSERT ON report_terms
WHEN (SELECT live FROM tally_settings)
BEGIN
  INSERT INTO term_counts VALUES (NEW.term, 1) ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER report_terms_uncount AFTER DELETE ON report_terms
WHEN (SELECT live FROM tally_settings)
BEGIN
  UPDATE term_counts SET n = n - 1 WHERE term = OLD.term;
END;

-- A report that is finished, archived or made confidential is no longer offered.
CREATE TRIGGER reports_terms_leave AFTER UPDATE OF status, confidential ON reports
WHEN NEW.status IN ('closed', 'archived') OR NEW.confidential = 1
BEGIN
  DELETE FROM report_terms WHERE report_id = NEW.id;
END;

-- Whether the reports already in the store have been indexed (server/store/similar_reports.cpp
-- does it once, at the first start after this migration).
ALTER TABLE tally_settings ADD COLUMN terms_indexed INTEGER NOT NULL DEFAULT 0;

CREATE TABLE report_followers (
  id             INTEGER PRIMARY KEY,
  report_id      INTEGER NOT NULL REFERENCES reports(id),
  phone          TEXT NOT NULL DEFAULT '',   -- where updates go, when given
  email          TEXT NOT NULL DEFAULT '',
  language       TEXT NOT NULL DEFAULT 'id',
  from_report_id INTEGER REFERENCES reports(id),  -- set when their report was a duplicate
  created_at     INTEGER NOT NULL
);
CREATE INDEX report_followers_report ON report_followers(report_id);

ALTER TABLE reports ADD COLUMN followers INTEGER NOT NULL DEFAULT 0;
-- The clusters of repeated reports for the monitoring: the few reports that have followers.
CREATE INDEX reports_followed ON reports(followers) WHERE followers > 0;
