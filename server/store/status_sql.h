// Sets of the core's statuses as SQL, made from its predicates (shared/workflow.h,
// shared/deadlines.h), so that no query restates which status is open, final, published,
// late or due for the deadline job.
#pragma once

#include <string>

#include "shared/workflow.h"

namespace aduan {

// "('forwarded', 'in_progress', ...)": the statuses `keep` holds for, in the core's order.
std::string status_sql_list(bool (*keep)(Status));

// Predicates the core does not name itself, each made only from what it does name. They
// take no report: each answers whether a report in the status can ever be in the set.

// A report in the status can be overdue (is_overdue): its stage may pass its due day, or the
// status is overdue by itself (escalated).
bool can_be_overdue(Status s);
// Overdue only by its stage's due day (is_overdue with a stage past due, not without one):
// submitted, forwarded, in progress. An escalated report is overdue by its status instead.
bool overdue_by_stage(Status s);
// Overdue by the status alone, whatever its clock: escalated.
bool overdue_by_status(Status s);
// The agency holds the report and owes its next step: verified (forwarded, not sent back)
// and in the open group, not waiting for the citizen nor done.
bool held_by_agency(Status s);
// A stage's deadline can run: the status is entered by a transition that starts a clock.
bool stage_clock_runs(Status s);
// The deadline job may escalate (due_action) a report in the status once its escalation
// day has passed.
bool escalates_when_due(Status s);
// The deadline job may close (due_action) a report in the status once its reporter's
// confirmation window has passed.
bool auto_closes_when_due(Status s);

// The SQL condition of a published report: not confidential, and verified (is_verified).
// The partial index reports_public (migration 0015) reads the same, word for word, so that
// SQLite uses it; tests/store/schema_test.cpp holds the two together.
const std::string& public_report_condition();

// The SQL condition of a report the matcher's postings hold: open (is_open) and not
// confidential. A report leaves them when it stops holding: the rule reports_terms_leave of
// store/derived_rules.cpp, written from is_final, which is is_open's opposite.
const std::string& matchable_report_condition();

// The SQL condition of a report that counts in the public figures: not confidential, and not
// archived for a reason the core leaves out of them (leaves_public_figures: abuse, spam).
// The counters' view report_tally_facts (migration 0007) reads the same, spacing aside;
// tests/store/schema_test.cpp holds the two together.
const std::string& public_figures_condition();

// The SQL condition of a report whose stage may be late: a status that can be overdue, with
// a stage running. The partial index reports_late (migration 0007) reads the same, word for
// word; tests/store/schema_test.cpp holds the two together.
const std::string& late_report_condition();

}  // namespace aduan
