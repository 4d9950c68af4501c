-- The staff search within an agency (server/store/report_search.h): each report's entry in
-- report_search also holds a term for the agency that holds it, moved when the report moves,
-- so that an agency admin's search reads the postings of the words and of the agency
-- together instead of every match of a word in the whole store.
-- `matcher` is the digest of the core's matching terms the two term indexes (report_search,
-- report_terms) were built with; empty here, so that the next start builds both again, with
-- the agency terms; after that, again whenever a binary with other word lists starts.
CREATE TABLE search_index_version (matcher TEXT NOT NULL);
INSERT INTO search_index_version VALUES ('');
