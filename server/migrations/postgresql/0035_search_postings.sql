-- The staff search's words as postings: one row for each term of each report (its words' terms
-- and its agency's, as report_search.terms lists them), keyed by the term and then the report's
-- id. A term's matches are then read newest first and stop at a page, and several terms'
-- postings merge in that order (ReportSearch::match). The GIN index of migration 0033 gave a
-- term's matches as a bitmap of all of them in no order: counting a common word's first 501
-- matches cost 5.9 ms of PostgreSQL's time at a million reports, against 0.5 ms here.
-- report_search stays as the record of each indexed report and its terms.
CREATE TABLE report_search_postings (
  term TEXT NOT NULL,
  report_id BIGINT NOT NULL
);
-- A word of a report's text shaped like an agency's term ("0agency6") is no posting: only the
-- agency that holds the report gives one (ReportSearch, words_of).
INSERT INTO report_search_postings (term, report_id)
  SELECT DISTINCT t, s.rowid
  FROM report_search s JOIN reports r ON r.id = s.rowid, unnest(string_to_array(s.terms, ' ')) AS t
  WHERE t <> '' AND (t NOT LIKE '0agency%' OR t = '0agency' || r.agency_id);
-- Built after the rows: one sort instead of a million reports' worth of inserts into it.
ALTER TABLE report_search_postings ADD PRIMARY KEY (term, report_id);
DROP INDEX report_search_terms;
ALTER TABLE report_search DROP COLUMN words;
-- The planner's figures for the new table now, not after autovacuum's first pass: the plans
-- the servers keep for the search are made from them.
ANALYZE report_search_postings;
