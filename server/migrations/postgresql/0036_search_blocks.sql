-- The staff search's terms in blocks: for each term, one row per block of 256 consecutive
-- report ids (the id shifted right by 8), whose bits say which reports of the block hold the
-- term, the report of id 256 * block + n at bit n from the left (store/search_blocks.h). The
-- postings of migration 0035 gave a common term tens of thousands of rows at a million
-- reports, and two terms that seldom meet were merged posting by posting to the end of both
-- lists (13 to 15 ms to count "tiang sekolah", no report holding both); as blocks they are a
-- few thousand rows each, ANDed a block at a time (3 ms).
CREATE TABLE report_search_blocks (
  term TEXT NOT NULL,
  block BIGINT NOT NULL,
  bits BIT(256) NOT NULL
);
INSERT INTO report_search_blocks (term, block, bits)
  SELECT term, report_id >> 8, bit_or(B'1'::bit(256) >> (report_id & 255)::integer)
  FROM report_search_postings
  GROUP BY term, report_id >> 8;
-- The bits beside the key, so that a term's blocks are read from the index alone, in order.
-- Built after the rows: one sort instead of a row at a time.
ALTER TABLE report_search_blocks ADD PRIMARY KEY (term, block) INCLUDE (bits);
DROP TABLE report_search_postings;
-- The planner's figures for the new table now, not after autovacuum's first pass: the plans
-- the servers keep for the search are made from them.
ANALYZE report_search_blocks;
