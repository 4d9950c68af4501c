-- The matcher's terms changed (more spellings, agency names, regional words and synonyms
-- unified; shared/lexicon.cpp): the search index of repeated reports is built again from the
-- reports' texts at the next start (SimilarReports::index_existing), so that old and new
-- reports are indexed alike. The counts follow the postings through the triggers of 0009.
DELETE FROM report_terms;
DELETE FROM term_counts;
UPDATE tally_settings SET terms_indexed = 0;
