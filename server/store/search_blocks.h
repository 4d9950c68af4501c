// PostgreSQL's index for the staff search (report_search_blocks, migration 0036): for each
// term, one row per block of 256 consecutive report ids, whose bits say which reports of the
// block hold the term. A common term is then a few thousand rows at a million reports rather
// than tens of thousands of postings, and two terms meet by ANDing the bits of the blocks
// they share: counting "saluran nanga" (two words in 30,000 to 40,000 reports each, a few
// hundred both) reads about 10,000 rows instead of 37,000 postings, each row straight from the
// index, which holds the bits beside its key.
//
// SQLite keeps its FTS5 table (store/report_search.h), whose segments already hold a term's
// matches compactly and in id order.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "store/db.h"
#include "store/term_postings.h"

namespace aduan {

struct WordsMatch;

namespace search_blocks {

// The block that holds report `id`'s bit: the ids of one block run on without a gap.
int64_t block_of(int64_t id);

// Sets report `id`'s bit in each term's block, making the block's row when it has none;
// within a grouped write, once for the whole group (store/term_postings.h).
void add(Db& db, const std::vector<std::string>& terms, int64_t id);

// Sets the bit of each (term, report id) in the term's block, all in one statement.
void add_rows(Db& db, const TermRows& rows);

// Clears report `id`'s bit in the term's block; a row left with no bit set stays, and
// matches nothing.
void remove(Db& db, const std::string& term, int64_t id);

// The reports holding every one of `terms` (and one of `agencies`' terms, when there are
// any), as a FROM item named report_search with the report's id as rowid and its block as
// block, newest first by (block, rowid).
WordsMatch match(const std::vector<std::string>& terms, const std::vector<std::string>& agencies);

// How many reports hold every one of `terms` (and one of `agencies`' terms), counted newest
// block first until more than `limit` were seen: the exact count when it is at most `limit`,
// otherwise some number above it.
int64_t count(Db& db, const std::vector<std::string>& terms,
              const std::vector<std::string>& agencies, int64_t limit);

}  // namespace search_blocks
}  // namespace aduan
