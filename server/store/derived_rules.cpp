#include "store/derived_rules.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "store/prepared.h"
#include "store/status_sql.h"

namespace aduan {
namespace {

using Step = DerivedStep;
using Rule = DerivedRule;

constexpr const char* kTallyColumns =
    "grain, period, agency_id, category_id, public, dimension, value";
constexpr const char* kDueColumns = "due, status, agency_id, category_id";
constexpr const char* kStageColumns =
    "grain, period, agency_id, category_id, stage, working_days, on_time";

std::vector<std::string> split_columns(const std::string& columns) {
  std::vector<std::string> out;
  size_t from = 0;
  while (from <= columns.size()) {
    const size_t comma = columns.find(',', from);
    const size_t end = comma == std::string::npos ? columns.size() : comma;
    std::string c = columns.substr(from, end - from);
    c.erase(0, c.find_first_not_of(' '));
    out.push_back(c);
    if (comma == std::string::npos) break;
    from = comma + 1;
  }
  return out;
}

Step add_rows(std::string target, const char* columns, std::string source, std::string match,
              int sign) {
  Step s;
  s.kind = Step::Kind::kAddRows;
  s.target = std::move(target);
  s.columns = columns;
  s.conflict = split_columns(columns);
  s.source = std::move(source);
  s.match = std::move(match);
  s.sign = sign;
  return s;
}

// A report's counters by period, agency, category and dimension (migration 0007's
// report_tally_keys), and its count by due day and status (due_tally_rows). `events`: with
// the transitions of its events too, as a report that changed counts; a report just added
// has no event yet, and its events count as they come (report_events_tally), so that a
// group's reports counted after their events were written (counted_per_group) count the
// same.
std::vector<Step> report_counters(int sign, bool events = true) {
  const std::string own = events ? "" : " AND event_id IS NULL";
  return {add_rows("report_tallies", kTallyColumns, "report_tally_keys",
                   "report_id = {row}.id" + own, sign),
          add_rows("due_tallies", kDueColumns, "due_tally_rows", "id = {row}.id", sign)};
}

Rule rule(std::string name, std::string table, Rule::Timing timing, Rule::Change change) {
  Rule r;
  r.name = std::move(name);
  r.table = std::move(table);
  r.timing = timing;
  r.change = change;
  return r;
}

// The columns a report's counters read: a change to any moves the report between counters.
const std::vector<std::string> kCountedColumns = {
    "status",       "classification", "channel",    "category_id", "agency_id", "rating",
    "confidential", "archive_reason", "created_at", "stage",       "stage_due"};

// A report is taken out of the matcher's postings when it is final or confidential, so the
// citizen's list of similar reports never offers one: the opposite of
// matchable_report_condition() (store/status_sql.h), which the postings are filled from.
std::string leaves_search() {
  return "{row}.status IN " + status_sql_list(is_final) + " OR {row}.confidential = 1";
}

using T = Rule::Timing;
using C = Rule::Change;

void add_append_only_rules(std::vector<Rule>* rules) {
  // The admin log is evidence: rows are added, never changed or removed (migration 0029).
  for (auto [change, what] : {std::pair{C::kDelete, "delete"}, std::pair{C::kUpdate, "update"}}) {
    Rule r = rule(std::string("admin_events_no_") + what, "admin_events", T::kBefore, change);
    Step refuse;
    refuse.kind = Step::Kind::kRefuse;
    refuse.message = "admin_events is append-only";
    r.steps = {refuse};
    rules->push_back(r);
  }
}

void add_version_rules(std::vector<Rule>* rules) {
  // Any change to the catalogue or the calendar moves its version, which the caches of
  // every server compare before trusting what they hold (migrations 0013, 0019).
  for (const char* table : {"agencies", "categories", "holiday_years", "holidays"}) {
    for (auto [change, what] : {std::pair{C::kDelete, "delete"}, std::pair{C::kInsert, "insert"},
                                std::pair{C::kUpdate, "update"}}) {
      Rule r = rule(std::string(table) + "_version_" + what, table, T::kAfter, change);
      Step bump;
      bump.kind = Step::Kind::kBump;
      bump.target = "catalog_version";
      r.steps = {bump};
      rules->push_back(r);
    }
  }
}

void add_counter_rules(std::vector<Rule>* rules) {
  // An event that moved the status counts as a transition of its period (migration 0007).
  Rule events = rule("report_events_tally", "report_events", T::kAfter, C::kInsert);
  events.while_live = true;
  // The source's events are those that moved the status already (report_tally_rows).
  events.counted_per_group = true;
  events.differ_first = "from_status";
  events.differ_second = "to_status";
  events.steps = {add_rows("report_tallies", kTallyColumns, "report_tally_keys",
                           "report_id = {row}.report_id AND event_id = {row}.id", 1)};
  rules->push_back(events);

  // How many open, public reports hold each term: the matcher's rarity (migration 0009).
  Rule count = rule("report_terms_count", "report_terms", T::kAfter, C::kInsert);
  count.while_live = true;
  Step up;
  up.kind = Step::Kind::kCountKey;
  up.target = "term_counts";
  up.conflict = {"term"};
  up.key = "{row}.term";
  count.steps = {up};
  rules->push_back(count);
  Rule uncount = rule("report_terms_uncount", "report_terms", T::kAfter, C::kDelete);
  uncount.while_live = true;
  Step down = up;
  down.sign = -1;
  uncount.steps = {down};
  rules->push_back(uncount);

  // A report's counters move with it: out with the old values before an update, in with
  // the new after (migration 0007).
  Rule after_update = rule("reports_tally_after_update", "reports", T::kAfter, C::kUpdate);
  after_update.while_live = true;
  after_update.changed = kCountedColumns;
  after_update.steps = report_counters(1);
  rules->push_back(after_update);
  Rule before_update = after_update;
  before_update.name = "reports_tally_before_update";
  before_update.timing = T::kBefore;
  before_update.steps = report_counters(-1);
  rules->push_back(before_update);
  Rule removed = rule("reports_tally_delete", "reports", T::kBefore, C::kDelete);
  removed.while_live = true;
  removed.steps = report_counters(-1);
  rules->push_back(removed);
  Rule added = rule("reports_tally_insert", "reports", T::kAfter, C::kInsert);
  added.while_live = true;
  added.counted_per_group = true;
  added.steps = report_counters(1, false);
  rules->push_back(added);

  // A finished stage counts by its working days and whether it was on time (migration 0007).
  Rule stages = rule("stage_records_tally", "stage_records", T::kAfter, C::kInsert);
  stages.while_live = true;
  stages.steps = {add_rows("stage_tallies", kStageColumns, "stage_tally_keys", "id = {row}.id", 1)};
  rules->push_back(stages);
}

void add_search_rules(std::vector<Rule>* rules) {
  Rule leave = rule("reports_terms_leave", "reports", T::kAfter, C::kUpdate);
  leave.written = {"status", "confidential"};
  leave.condition = leaves_search();
  Step unpost;
  unpost.kind = Step::Kind::kDeleteRows;
  unpost.target = "report_terms";
  unpost.match = "report_id = {row}.id";
  leave.steps = {unpost};
  rules->push_back(leave);
}

std::vector<Rule> make_rules() {
  std::vector<Rule> rules;
  add_append_only_rules(&rules);
  add_version_rules(&rules);
  add_counter_rules(&rules);
  add_search_rules(&rules);
  std::sort(rules.begin(), rules.end(),
            [](const Rule& a, const Rule& b) { return a.name < b.name; });
  return rules;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

// The row a statement reads: NEW once it is written, OLD while it is still there.
std::string row_of(const Rule& r) {
  const bool old_row = r.change == Rule::Change::kDelete ||
                       (r.change == Rule::Change::kUpdate && r.timing == Rule::Timing::kBefore);
  return old_row ? "OLD" : "NEW";
}

// The statements both engines read alike: a version bumped, rows deleted, a count taken
// down; nullopt for the others.
std::optional<std::string> common_statement(const Step& s, const std::string& row) {
  switch (s.kind) {
    case Step::Kind::kCountKey:
      // A decrement never makes a row: a key counted before counting went live stays absent
      // until the rebuild (store/tallies.cpp) rather than going negative.
      if (s.sign >= 0) break;
      return "UPDATE " + s.target + " SET n = n - " + std::to_string(-s.sign) + " WHERE " +
             s.conflict.front() + " = " + replace_all(s.key, "{row}", row) + ";";
    case Step::Kind::kBump:
      return "UPDATE " + s.target + " SET version = version + 1;";
    case Step::Kind::kDeleteRows:
      return "DELETE FROM " + s.target + " WHERE " + replace_all(s.match, "{row}", row) + ";";
    default:
      break;
  }
  return std::nullopt;
}

std::string sqlite_statement(const Step& s, const std::string& row) {
  if (auto common = common_statement(s, row)) return *common;
  switch (s.kind) {
    case Step::Kind::kAddRows:
      return "INSERT INTO " + s.target + "\n  SELECT " + s.columns + ", " + std::to_string(s.sign) +
             "\n  FROM " + s.source + " WHERE " + replace_all(s.match, "{row}", row) +
             "\n  ON CONFLICT DO UPDATE SET n = n + excluded.n;";
    case Step::Kind::kCountKey:
      return "INSERT INTO " + s.target + " VALUES (" + replace_all(s.key, "{row}", row) + ", " +
             std::to_string(s.sign) + ") ON CONFLICT DO UPDATE SET n = n + " +
             std::to_string(s.sign) + ";";
    case Step::Kind::kRefuse:
      return "SELECT RAISE(ABORT, '" + s.message + "');";
    default:
      return "";
  }
}

std::string joined(const std::vector<std::string>& parts, const std::string& between) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : between) + p;
  return out;
}

std::string sqlite_condition(const Rule& r, const std::string& row) {
  std::vector<std::string> parts;
  if (r.while_live) parts.push_back("(SELECT live FROM tally_settings)");
  if (!r.differ_first.empty()) {
    parts.push_back(row + "." + r.differ_first + " IS NOT " + row + "." + r.differ_second);
  }
  if (!r.changed.empty()) {
    std::vector<std::string> any;
    for (const std::string& c : r.changed) any.push_back("OLD." + c + " IS NOT NEW." + c);
    parts.push_back("(" + joined(any, " OR ") + ")");
  }
  if (!r.condition.empty()) {
    const std::string c = replace_all(r.condition, "{row}", row);
    parts.push_back(parts.empty() ? c : "(" + c + ")");
  }
  return joined(parts, " AND ");
}

// Whitespace runs as one space, so a trigger written by hand over several lines reads the
// same as the generated one.
std::string squeezed(const std::string& sql) {
  std::string out;
  for (char c : sql) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  if (!out.empty() && out.back() == ';') out.pop_back();
  return out;
}

// A kAddRows step's upsert of the source's rows that `where` selects.
std::string postgresql_add_rows(const Step& s, const std::string& where) {
  // Grouped, so that one statement never meets the same key twice (PostgreSQL refuses to
  // update a row twice in one upsert).
  return "INSERT INTO " + s.target + "\n    SELECT " + s.columns + ", count(*) * " +
         std::to_string(s.sign) + "\n    FROM " + s.source + " WHERE " + where + "\n    GROUP BY " +
         s.columns + "\n    ON CONFLICT (" + joined(s.conflict, ", ") +
         ") DO UPDATE SET n = " + s.target + ".n + excluded.n;";
}

std::string postgresql_statement(const Step& s, const std::string& row) {
  if (auto common = common_statement(s, row)) return *common;
  switch (s.kind) {
    case Step::Kind::kAddRows:
      return postgresql_add_rows(s, replace_all(s.match, "{row}", row));
    case Step::Kind::kCountKey:
      return "INSERT INTO " + s.target + " VALUES (" + replace_all(s.key, "{row}", row) + ", " +
             std::to_string(s.sign) + ") ON CONFLICT (" + joined(s.conflict, ", ") +
             ") DO UPDATE SET n = " + s.target + ".n + " + std::to_string(s.sign) + ";";
    case Step::Kind::kRefuse:
      return "RAISE EXCEPTION '" + s.message + "';";
    default:
      return "";
  }
}

std::string live_condition() { return "(SELECT live FROM tally_settings) <> 0"; }

std::string postgresql_condition(const Rule& r, const std::string& row) {
  std::vector<std::string> parts;
  if (r.counted_per_group) {
    parts.push_back("current_setting('" + std::string(kGroupedSetting) +
                    "', true) IS DISTINCT FROM 'on'");
  }
  if (r.while_live) parts.push_back(live_condition());
  if (!r.differ_first.empty()) {
    parts.push_back(row + "." + r.differ_first + " IS DISTINCT FROM " + row + "." +
                    r.differ_second);
  }
  if (!r.changed.empty()) {
    std::vector<std::string> any;
    for (const std::string& c : r.changed) any.push_back("OLD." + c + " IS DISTINCT FROM NEW." + c);
    parts.push_back("(" + joined(any, " OR ") + ")");
  }
  if (!r.condition.empty()) parts.push_back("(" + replace_all(r.condition, "{row}", row) + ")");
  return joined(parts, " AND ");
}

}  // namespace

const std::vector<DerivedRule>& derived_rules() {
  static const std::vector<DerivedRule> rules = make_rules();
  return rules;
}

std::string sqlite_trigger(const DerivedRule& r) {
  static const std::map<Rule::Change, std::string> kChange = {{Rule::Change::kInsert, "INSERT"},
                                                              {Rule::Change::kUpdate, "UPDATE"},
                                                              {Rule::Change::kDelete, "DELETE"}};
  const std::string row = row_of(r);
  std::string sql = "CREATE TRIGGER " + r.name + " " +
                    (r.timing == Rule::Timing::kBefore ? "BEFORE " : "AFTER ") +
                    kChange.at(r.change);
  if (!r.written.empty()) sql += " OF " + joined(r.written, ", ");
  sql += " ON " + r.table + "\n";
  const std::string when = sqlite_condition(r, row);
  if (!when.empty()) sql += "WHEN " + when + "\n";
  sql += "BEGIN\n";
  for (const DerivedStep& s : r.steps) sql += "  " + sqlite_statement(s, row) + "\n";
  return sql + "END";
}

namespace {

// A rule that only counts keys of the rows one statement inserted or deleted (the matcher's
// term counts): on PostgreSQL it runs once per statement over the statement's rows, grouped
// by key, instead of once per row. A report's few dozen postings, written in a few
// statements (SimilarReports::add), then cost a few upserts of term_counts, not one each.
bool counts_per_statement(const DerivedRule& r) {
  if (r.timing != Rule::Timing::kAfter || r.change == Rule::Change::kUpdate) return false;
  if (!r.differ_first.empty() || !r.condition.empty() || r.steps.empty()) return false;
  return std::all_of(r.steps.begin(), r.steps.end(),
                     [](const DerivedStep& s) { return s.kind == Step::Kind::kCountKey; });
}

// The statement-level form of counts_per_statement's rules: `changed` is the transition
// table of the statement's rows.
std::string postgresql_statement_trigger(const DerivedRule& r) {
  const std::string kChanged = "changed";
  std::string body;
  for (const DerivedStep& s : r.steps) {
    const std::string key = replace_all(s.key, "{row}", kChanged);
    const std::string counted =
        "SELECT " + key + " AS k, count(*) AS n FROM " + kChanged + " GROUP BY " + key;
    if (s.sign > 0) {
      body += "    INSERT INTO " + s.target + "\n    SELECT k, n * " + std::to_string(s.sign) +
              " FROM (" + counted + ") c\n    ON CONFLICT (" + joined(s.conflict, ", ") +
              ") DO UPDATE SET n = " + s.target + ".n + excluded.n;\n";
    } else {
      // A decrement never makes a row, as common_statement's does not.
      body += "    UPDATE " + s.target + " SET n = " + s.target + ".n - c.n * " +
              std::to_string(-s.sign) + "\n    FROM (" + counted + ") c WHERE " + s.target + "." +
              s.conflict.front() + " = c.k;\n";
    }
  }
  if (r.while_live)
    body = "  IF (SELECT live FROM tally_settings) <> 0 THEN\n" + body + "  END IF;\n";
  const bool insert = r.change == Rule::Change::kInsert;
  return "CREATE OR REPLACE FUNCTION " + r.name +
         "() RETURNS trigger LANGUAGE plpgsql AS $rule$\nBEGIN\n" + body +
         "  RETURN NULL;\nEND\n$rule$;\n" + "DROP TRIGGER IF EXISTS " + r.name + " ON " + r.table +
         ";\n" + "CREATE TRIGGER " + r.name + " AFTER " + (insert ? "INSERT" : "DELETE") + " ON " +
         r.table + "\nREFERENCING " + (insert ? "NEW" : "OLD") + " TABLE AS " + kChanged +
         "\nFOR EACH STATEMENT EXECUTE FUNCTION " + r.name + "();\n";
}

}  // namespace

std::vector<GroupCount> postgresql_group_counts(const std::string& table) {
  std::vector<GroupCount> out;
  for (const DerivedRule& r : derived_rules()) {
    if (!r.counted_per_group || r.table != table) continue;
    for (const DerivedStep& s : r.steps) {
      // Each `{row}.column` of the match becomes the column's values over the group's rows.
      GroupCount count;
      std::string where;
      const std::string mark = "{row}.";
      size_t from = 0;
      for (size_t at = s.match.find(mark); at != std::string::npos; at = s.match.find(mark, from)) {
        size_t end = at + mark.size();
        while (end < s.match.size() &&
               (std::isalnum(static_cast<unsigned char>(s.match[end])) || s.match[end] == '_')) {
          ++end;
        }
        count.columns.push_back(s.match.substr(at + mark.size(), end - at - mark.size()));
        where += s.match.substr(from, at - from) + "ANY(?::bigint[])";
        from = end;
      }
      where += s.match.substr(from);
      if (r.while_live) where += " AND " + live_condition();
      count.sql = postgresql_add_rows(s, where);
      count.sql.pop_back();  // the ';' a trigger's body needs
      out.push_back(count);
    }
  }
  return out;
}

std::string postgresql_trigger(const DerivedRule& r) {
  static const std::map<Rule::Change, std::string> kChange = {{Rule::Change::kInsert, "INSERT"},
                                                              {Rule::Change::kUpdate, "UPDATE"},
                                                              {Rule::Change::kDelete, "DELETE"}};
  if (counts_per_statement(r)) return postgresql_statement_trigger(r);
  const std::string row = row_of(r);
  std::string body;
  for (const DerivedStep& s : r.steps) body += "    " + postgresql_statement(s, row) + "\n";
  const std::string when = postgresql_condition(r, row);
  if (!when.empty()) body = "  IF " + when + " THEN\n" + body + "  END IF;\n";
  // A BEFORE trigger lets the change go on by returning the row it will write (NEW; OLD for
  // a delete), whichever row its statements read; an AFTER one's result is ignored.
  const std::string result = r.timing == Rule::Timing::kAfter    ? "NULL"
                             : r.change == Rule::Change::kDelete ? "OLD"
                                                                 : "NEW";
  std::string sql = "CREATE OR REPLACE FUNCTION " + r.name +
                    "() RETURNS trigger LANGUAGE plpgsql AS $rule$\nBEGIN\n" + body + "  RETURN " +
                    result + ";\nEND\n$rule$;\n";
  sql += "DROP TRIGGER IF EXISTS " + r.name + " ON " + r.table + ";\n";
  sql += "CREATE TRIGGER " + r.name + " " +
         (r.timing == Rule::Timing::kBefore ? "BEFORE " : "AFTER ") + kChange.at(r.change);
  if (!r.written.empty()) sql += " OF " + joined(r.written, ", ");
  return sql + " ON " + r.table + "\nFOR EACH ROW EXECUTE FUNCTION " + r.name + "();\n";
}

namespace {

// The body of a rule's trigger function: what PostgreSQL keeps as the function's source.
std::string function_body(const std::string& trigger_sql) {
  const size_t open = trigger_sql.find("$rule$");
  const size_t close = trigger_sql.find("$rule$", open + 1);
  return trigger_sql.substr(open + 6, close - open - 6);
}

// What is installed now, by rule name: SQLite's trigger text, or PostgreSQL's function body
// for a rule whose trigger is also there.
std::map<std::string, std::string> installed_rules(Db& db) {
  std::map<std::string, std::string> installed;
  Prepared q(db, db.engine() == Engine::kSqlite
                     ? "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                     : "SELECT p.proname, p.prosrc FROM pg_proc p "
                       "JOIN pg_trigger t ON t.tgfoid = p.oid AND t.tgname = p.proname "
                       "WHERE p.pronamespace = current_schema()::regnamespace");
  while (q.executeStep()) installed[q.getColumn(0).getString()] = q.getColumn(1).getString();
  return installed;
}

}  // namespace

int sync_derived_rules(Db& db) {
  const bool sqlite = db.engine() == Engine::kSqlite;
  const std::map<std::string, std::string> installed = installed_rules(db);
  std::vector<const DerivedRule*> stale;
  for (const DerivedRule& r : derived_rules()) {
    const auto found = installed.find(r.name);
    const std::string wanted = sqlite ? sqlite_trigger(r) : function_body(postgresql_trigger(r));
    if (found == installed.end() || squeezed(found->second) != squeezed(wanted)) {
      stale.push_back(&r);
    }
  }
  if (stale.empty()) return 0;
  Transaction tx(db);
  for (const DerivedRule* r : stale) {
    if (sqlite) {
      db.exec("DROP TRIGGER IF EXISTS " + r->name);
      db.exec(sqlite_trigger(*r));
    } else {
      db.exec(postgresql_trigger(*r));  // replaces the function, then the trigger
    }
  }
  tx.commit();
  return int(stale.size());
}

}  // namespace aduan
