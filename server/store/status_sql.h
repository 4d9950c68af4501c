// Sets of the core's statuses as SQL, made from its predicates (shared/workflow.h), so that
// no query restates which status is open, final or published.
#pragma once

#include <string>

#include "shared/workflow.h"

namespace aduan {

// "('forwarded', 'in_progress', ...)": the statuses `keep` holds for, in the core's order.
std::string status_sql_list(bool (*keep)(Status));

// The SQL condition of a published report: not confidential, and verified (is_verified).
// The partial index reports_public (migration 0015) reads the same, word for word, so that
// SQLite uses it; tests/store/schema_test.cpp holds the two together.
const std::string& public_report_condition();

}  // namespace aduan
