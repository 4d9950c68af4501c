#include "store/tallies.h"

#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "store/db.h"
#include "store/derived_rules.h"
#include "store/dialect.h"
#include "store/prepared.h"

namespace aduan::tallies {

void recount(Db& db) {
  // The month counter (year * 12 + month - 1) of the day counter in `period`.
  const std::string month_of_day = dialect::month_of_day(db, "period");
  db.exec(std::string(
              "DELETE FROM report_tallies; DELETE FROM stage_tallies; DELETE FROM due_tallies;") +
          // Days from the contributions, then months from the days: the month of a day is
          // worked out once per day counter instead of once per contribution. The expression is
          // the one of the views report_tally_keys and stage_tally_keys; a test compares the
          // triggers' counters with a recount.
          "INSERT INTO report_tallies SELECT 0, (v.at + s.utc_offset_seconds) / 86400, "
          "agency_id, category_id, public, dimension, value, count(*) "
          "FROM report_tally_rows v, tally_settings s GROUP BY 2, 3, 4, 5, 6, 7;"
          "INSERT INTO report_tallies SELECT 1, " +
          month_of_day +
          ", agency_id, category_id, public, "
          "dimension, value, sum(n) FROM report_tallies WHERE grain = 0 GROUP BY 2, 3, 4, 5, 6, 7;"
          "INSERT INTO stage_tallies SELECT 0, (v.at + s.utc_offset_seconds) / 86400, "
          "agency_id, category_id, stage, working_days, on_time, count(*) "
          "FROM stage_tally_rows v, tally_settings s GROUP BY 2, 3, 4, 5, 6, 7;"
          "INSERT INTO stage_tallies SELECT 1, " +
          month_of_day +
          ", agency_id, category_id, stage, "
          "working_days, on_time, sum(n) FROM stage_tallies WHERE grain = 0 "
          "GROUP BY 2, 3, 4, 5, 6, 7;"
          "INSERT INTO due_tallies SELECT due, status, agency_id, category_id, count(*) "
          "FROM due_tally_rows GROUP BY 1, 2, 3, 4;");
  // The search index's term counts (migration 0009) are kept the same way.
  recount_terms(db);
}

void recount_terms(Db& db) {
  db.exec(
      "DELETE FROM term_counts;"
      "INSERT INTO term_counts SELECT term, count(*) FROM report_terms GROUP BY term;");
}

bool prepare(Db& db, int utc_offset_minutes) {
  Prepared current(db, "SELECT utc_offset_seconds, live FROM tally_settings");
  current.executeStep();
  const bool fit = current.getColumn(0).getInt64() == int64_t{utc_offset_minutes} * 60 &&
                   current.getColumn(1).getInt();
  current.reset();
  if (fit) return false;
  Transaction tx(db);
  resume(db, utc_offset_minutes);
  tx.commit();
  return true;
}

void resume(Db& db, int utc_offset_minutes) {
  Prepared set(db, "UPDATE tally_settings SET utc_offset_seconds = ?, live = 1");
  set.bind(1, int64_t{utc_offset_minutes} * 60);
  set.exec();
  recount(db);
}

void suspend(Db& db) { db.exec("UPDATE tally_settings SET live = 0"); }

void begin_group(Db& db) {
  if (db.engine() != Engine::kPostgresql) return;
  Prepared(db, "SET LOCAL " + std::string(kGroupedSetting) + " = 'on'").send();
}

void count_group(Db& db) {
  if (db.engine() != Engine::kPostgresql) return;
  Db::GroupPending& pending = db.group_memo.pending;
  std::vector<int64_t> event_reports, event_ids;
  for (const auto& [report, event] : pending.events) {
    event_reports.push_back(report);
    event_ids.push_back(event);
  }
  // Each rule's rows by the columns its statements find them by.
  const std::map<std::string, std::map<std::string, std::vector<int64_t>>> rows = {
      {"reports", {{"id", pending.reports}}},
      {"report_events", {{"report_id", event_reports}, {"id", event_ids}}}};
  // The statements depend on the rules alone: built once, at the first group.
  static const std::map<std::string, std::vector<GroupCount>> kCounts = {
      {"reports", postgresql_group_counts("reports")},
      {"report_events", postgresql_group_counts("report_events")}};
  for (const auto& [table, columns] : rows) {
    if (columns.begin()->second.empty()) continue;
    for (const GroupCount& count : kCounts.at(table)) {
      Prepared q(db, count.sql);
      int i = 1;
      for (const std::string& column : count.columns) q.bind(i++, bigint_array(columns.at(column)));
      q.send();
    }
  }
  pending.reports.clear();
  pending.events.clear();
}

void rebuild(Db& db) {
  Transaction tx(db);
  recount(db);
  tx.commit();
}

ReportCounts sum_reports(Db& db, Date from, Date to, const std::string& extra) {
  ReportCounts c;
  // Not the dimension's index: SQLite would read every day there is through it, where the
  // primary key reads the range of days.
  const std::string where = " FROM report_tallies WHERE " + condition(cover(from, to)) + extra;
  const std::string dimension = dialect::no_index(db, "dimension");
  Prepared dims(db, "SELECT dimension, value, sum(n)" + where + " AND " + dimension +
                        " IN ('status', 'classification', 'channel', 'rating') GROUP BY 1, 2");
  int64_t rating_sum = 0;
  while (dims.executeStep()) {
    const std::string dimension = dims.getColumn(0).getString();
    const std::string value = dims.getColumn(1).getString();
    const int64_t n = dims.getColumn(2).getInt64();
    if (n == 0) continue;
    if (dimension == "status") c.by_status[value] += n;
    if (dimension == "classification") c.by_classification[value] += n;
    if (dimension == "channel") c.by_channel[value] += n;
    if (dimension == "rating") {
      const int score = std::atoi(value.c_str());
      c.rating_spread[score] += n;
      c.ratings += n;
      rating_sum += score * n;
    }
  }
  c.rating_average = c.ratings ? double(rating_sum) / double(c.ratings) : 0;
  Prepared places(db, "SELECT category_id, agency_id, sum(n)" + where + " AND " + dimension +
                          " = 'submitted' GROUP BY 1, 2");
  while (places.executeStep()) {
    const int64_t n = places.getColumn(2).getInt64();
    if (n == 0) continue;
    c.total += n;
    c.by_category[places.getColumn(0).getInt64()] += n;
    c.by_agency[places.getColumn(1).getInt64()] += n;
  }
  return c;
}

int64_t month_of(Date d) {
  const CivilDate c = to_civil(d);
  return int64_t{c.year} * 12 + c.month - 1;
}

Date first_day_of_month(int64_t month) {
  return from_civil(CivilDate{static_cast<int>(month / 12), static_cast<int>(month % 12) + 1, 1});
}

std::vector<Range> cover(Date from, Date to) {
  if (to < from) return {};
  // The first whole month starts on or after `from`; the last whole month ends by `to`.
  int64_t first = month_of(from);
  if (first_day_of_month(first) < from) ++first;
  int64_t last = month_of(to);
  if (first_day_of_month(last + 1).days - 1 > to.days) --last;
  if (first > last) return {Range{0, from.days, to.days}};
  std::vector<Range> out;
  const Date months_start = first_day_of_month(first);
  const Date months_end{first_day_of_month(last + 1).days - 1};
  if (from < months_start) out.push_back(Range{0, from.days, months_start.days - 1});
  out.push_back(Range{1, first, last});
  if (months_end < to) out.push_back(Range{0, months_end.days + 1, to.days});
  return out;
}

std::string condition(const std::vector<Range>& ranges) {
  if (ranges.empty()) return "(0)";
  std::string out = "(";
  for (size_t i = 0; i < ranges.size(); ++i) {
    out += (i ? " OR " : "") + std::string("(grain = ") + std::to_string(ranges[i].grain) +
           " AND period BETWEEN " + std::to_string(ranges[i].first) + " AND " +
           std::to_string(ranges[i].last) + ")";
  }
  return out + ")";
}

std::map<std::string, int64_t> status_totals(Db& db) {
  Prepared q(db,
             "SELECT value, sum(n) FROM report_tallies WHERE grain = 1 AND "
             "dimension = 'status' GROUP BY value");
  std::map<std::string, int64_t> out;
  while (q.executeStep()) out[q.getColumn(0).getString()] = q.getColumn(1).getInt64();
  return out;
}

}  // namespace aduan::tallies
