-- What staff teach the repeated-report matcher: when a report is archived as a duplicate of
-- another, the terms each used for the problem and the other did not are linked in pairs
-- (shared/similarity.h, terms_to_link), and the pair's count of marks grows with every
-- mark that agrees. The matcher then takes a linked term as a partial match. One row per
-- pair, the smaller term first. A reviewer may reject a pair: it is then neither used nor
-- learned again. Bounded by the server (server/store/term_links.h).
CREATE TABLE term_links (
  term TEXT NOT NULL,
  linked TEXT NOT NULL,
  marks INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (term, linked),
  CHECK (term < linked)
) WITHOUT ROWID;
CREATE INDEX term_links_by_linked ON term_links (linked);
-- The least useful pairs go first when the table is full; the review list shows the most
-- taught first.
CREATE INDEX term_links_by_marks ON term_links (marks, updated_at);
