// A report's postings in the matcher's report_terms (store/similar_reports.h): (term,
// report_id) rows keyed by both. PostgreSQL's staff search keeps its terms in blocks instead
// (store/search_blocks.h).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "store/db.h"

namespace aduan {

// (term, report id) rows: the matcher's postings, or the staff search's terms.
using TermRows = std::vector<std::pair<std::string, int64_t>>;

// One row for each of `terms`, of the report `report_id`.
TermRows term_rows(const std::vector<std::string>& terms, int64_t report_id);

// Within a grouped write, adds `rows` to the group's `pending` list (Db::GroupPending) and
// returns true: the group writes them at its end. Otherwise false: the caller writes them.
bool leave_to_group(Db& db, TermRows& pending, const TermRows& rows);

// Inserts one row for each of `terms` (empty: none), a term already there for the report
// skipped, in the caller's transaction; within a grouped write, once for the whole group
// (write_group_postings).
void insert_postings(Db& db, const std::vector<std::string>& terms, int64_t report_id);

// Writes what the group's writers left to write once for all of them (Db::GroupPending):
// the matcher's rows and the staff search's blocks. Store::lead_group calls it after the
// group's last writer, before the commit; its statements go out without waiting.
void write_group_postings(Db& db);

}  // namespace aduan
