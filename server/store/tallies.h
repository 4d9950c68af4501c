// The monitoring's counters (server/migrations/0007_tallies.sql): kept by triggers as
// reports change, summed per request. This module turns them on, rebuilds them, and splits
// a period into the day and month counters that cover it.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/report_counts.h"
#include "shared/date.h"
#include "store/db.h"

namespace aduan::tallies {

// Makes the counters fit to serve: counted in the deployment's UTC offset and kept live by
// the triggers. Rebuilds them when the offset changed or a bulk load left them switched off.
// Returns whether it rebuilt.
bool prepare(Db& db, int utc_offset_minutes);

// Switches the triggers off for a bulk load; resume() (or prepare() at the next start)
// recounts and switches them back on.
void suspend(Db& db);
// Counts in this UTC offset, recounts and switches the triggers on, in the caller's
// transaction.
void resume(Db& db, int utc_offset_minutes);

// A grouped write on PostgreSQL (Store::lead_group): begin_group, sent first in its
// transaction, has the triggers of the rules counted_per_group (store/derived_rules.h) leave
// the group's new reports uncounted; count_group, sent after its last writer, counts them all
// (Db::GroupPending::reports) in one statement per counter table. Nothing on SQLite, whose
// triggers count each report as it comes.
void begin_group(Db& db);
void count_group(Db& db);

// Recounts every counter, in the caller's transaction.
void recount(Db& db);
// Recounts the matcher's term counts alone, in the caller's transaction.
void recount_terms(Db& db);

// Recounts every counter from the reports, their events and stage records, in one
// transaction.
void rebuild(Db& db);

// A stretch of counters: grain 0 counts days (days since 1970-01-01), grain 1 months
// (year * 12 + month - 1); `first` and `last` are both included.
struct Range {
  int grain = 0;
  int64_t first = 0;
  int64_t last = 0;
};

// The fewest counters that cover [from, to]: whole months from the month counters, the days
// at either edge from the day counters.
std::vector<Range> cover(Date from, Date to);

// "(grain = 1 AND period BETWEEN 24312 AND 24322) OR (...)" for a WHERE clause.
std::string condition(const std::vector<Range>& ranges);

// The record of summed counters (model/report_counts.h), under the name the store uses.
using ReportCounts = aduan::ReportCounts;

// Sums the report counters of [from, to] that also meet `extra` (SQL terms on the columns
// of report_tallies, starting with " AND ", or empty).
ReportCounts sum_reports(Db& db, Date from, Date to, const std::string& extra);

// Every report by its current status, from the month counters: a few hundred rows, not a
// million reports. Only statuses some report has are in it.
std::map<std::string, int64_t> status_totals(Db& db);

int64_t month_of(Date d);
Date first_day_of_month(int64_t month);

}  // namespace aduan::tallies
