// A report's postings in the matcher's report_terms (store/similar_reports.h): (term,
// report_id) rows keyed by both. PostgreSQL's staff search keeps its terms in blocks instead
// (store/search_blocks.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/db.h"

namespace aduan {

// Inserts one row for each of `terms` (empty: none), a term already there for the report
// skipped, in the caller's transaction. The rows go kPostingsPerInsert to a statement: one
// parse and one round trip for a report's few dozen terms instead of one each. The last
// statement is filled up with its own first term again, which the conflict clause skips, so
// that one statement text serves every report.
void insert_postings(Db& db, const std::vector<std::string>& terms, int64_t report_id);

}  // namespace aduan
