-- The counters' own count (n) out of the index of one dimension's counters. An index that holds
-- n is written at every count, which keeps PostgreSQL from updating a counter in its page
-- (a heap-only update): each report filed rewrote a dozen counters into both of the table's
-- indexes. Without n, durable submissions at a million reports went from 673 and 683 to 735
-- and 748 a second (docs/benchmarks.md); the dashboard's trend of one dimension reads the
-- counts from the table's pages (5 to 8 ms for 500 days, behind the monitoring's cache).
DROP INDEX report_tallies_dimension;
CREATE INDEX report_tallies_dimension
ON report_tallies(dimension, value, grain, period, agency_id, category_id, public);
