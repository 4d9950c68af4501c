-- The staff queue's search (server/store/report_search.h): an FTS5 index of every report's
-- matching terms (the core's Indonesian normalisation of title, body and place), contentless
-- because the text is in reports already and is never edited; `detail=none` because the
-- search asks only which reports hold all the terms. Filled at the next start for the reports
-- already there, then as each report is filed (ReportSearch::index_existing, add).
CREATE VIRTUAL TABLE report_search USING fts5(terms, content = '', detail = none);

-- A citizen calling in is found by the phone number or e-mail address they reported with,
-- by the staff who may see reporters.
CREATE INDEX reports_reporter_phone ON reports(reporter_phone) WHERE reporter_phone <> '';
CREATE INDEX reports_reporter_email ON reports(reporter_email COLLATE NOCASE)
  WHERE reporter_email <> '';

-- The matcher's terms changed again (villages, consonant and trigram matching, more
-- spellings and regional words; shared/lexicon.cpp): the index of repeated reports is built
-- again at the next start, as in 0021.
DELETE FROM report_terms;
DELETE FROM term_counts;
UPDATE tally_settings SET terms_indexed = 0;
