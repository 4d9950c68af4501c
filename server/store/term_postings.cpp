#include "store/term_postings.h"

#include "store/prepared.h"
#include "store/search_blocks.h"

namespace aduan {
namespace {

// SQLite's rows go this many to a statement: one parse and one step for a report's few dozen
// terms instead of one each. The last statement is filled up with its own first row again,
// which the conflict clause skips, so that one statement text serves every count.
constexpr size_t kPostingsPerInsert = 16;

void insert_rows_sqlite(Db& db, const TermRows& rows) {
  std::string sql = "INSERT INTO report_terms (term, report_id) VALUES ";
  for (size_t i = 0; i < kPostingsPerInsert; ++i) sql += i ? ", (?, ?)" : "(?, ?)";
  sql += " ON CONFLICT DO NOTHING";
  Prepared q(db, sql);
  for (size_t from = 0; from < rows.size(); from += kPostingsPerInsert) {
    for (size_t i = 0; i < kPostingsPerInsert; ++i) {
      const auto& [term, id] = rows[from + i < rows.size() ? from + i : from];
      q.bind(static_cast<int>(2 * i + 1), term);
      q.bind(static_cast<int>(2 * i + 2), id);
    }
    q.send();
    q.reset();
  }
}

// PostgreSQL's rows in one statement of two arrays, whatever their number: its statement
// trigger then counts the terms once for all of them (store/derived_rules.cpp).
void insert_rows_postgresql(Db& db, const TermRows& rows) {
  std::vector<std::string> terms;
  std::vector<int64_t> ids;
  terms.reserve(rows.size());
  ids.reserve(rows.size());
  for (const auto& [term, id] : rows) {
    terms.push_back(term);
    ids.push_back(id);
  }
  Prepared q(db,
             "INSERT INTO report_terms (term, report_id) "
             "SELECT * FROM unnest(?::text[], ?::bigint[]) ON CONFLICT DO NOTHING");
  q.bind(1, text_array(terms));
  q.bind(2, bigint_array(ids));
  q.send();
}

void insert_rows(Db& db, const TermRows& rows) {
  if (rows.empty()) return;
  if (db.engine() == Engine::kPostgresql) {
    insert_rows_postgresql(db, rows);
  } else {
    insert_rows_sqlite(db, rows);
  }
}

}  // namespace

TermRows term_rows(const std::vector<std::string>& terms, int64_t report_id) {
  TermRows rows;
  rows.reserve(terms.size());
  for (const std::string& t : terms) rows.emplace_back(t, report_id);
  return rows;
}

bool leave_to_group(Db& db, TermRows& pending, const TermRows& rows) {
  if (!db.group_memo.active) return false;
  pending.insert(pending.end(), rows.begin(), rows.end());
  return true;
}

void insert_postings(Db& db, const std::vector<std::string>& terms, int64_t report_id) {
  const TermRows rows = term_rows(terms, report_id);
  if (!leave_to_group(db, db.group_memo.pending.matcher, rows)) insert_rows(db, rows);
}

void write_group_postings(Db& db) {
  Db::GroupPending& pending = db.group_memo.pending;
  insert_rows(db, pending.matcher);
  search_blocks::add_rows(db, pending.search);
  pending.matcher.clear();
  pending.search.clear();
}

}  // namespace aduan
