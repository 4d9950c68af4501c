-- PostgreSQL's migration 0035 takes the count out of report_tallies_dimension, so that its
-- counters are updated in their pages. SQLite has no such update: every change of a row of a
-- WITHOUT ROWID table rewrites its index entries anyway, and the index stays covering here
-- (migration 0007). Nothing changes; the number keeps both engines' versions in step.
SELECT 1;
