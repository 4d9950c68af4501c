#include "store/prepared.h"

#include <atomic>
#include <utility>

namespace aduan {
namespace {

std::atomic<StatementLog*> active_log{nullptr};

}  // namespace

StatementLog::StatementLog() { active_log = this; }
StatementLog::~StatementLog() { active_log = nullptr; }

void StatementLog::add(const std::string& sql) {
  std::lock_guard lock(mutex_);
  seen_.push_back(sql);
}

std::vector<std::string> StatementLog::take() {
  std::lock_guard lock(mutex_);
  return std::exchange(seen_, {});
}

Prepared::Prepared(Db& db, const std::string& sql) {
  if (StatementLog* log = active_log.load(std::memory_order_relaxed)) log->add(sql);
  borrow_or_own(db, sql);
}

void Prepared::borrow_or_own(Db& db, const std::string& sql) {
  auto& statements = db.statements_;
  auto it = statements.find(sql);
  if (it == statements.end() && statements.size() < Db::kMaxStatements) {
    it = statements.emplace(sql, Db::Entry{db.prepare(sql)}).first;
  }
  if (it != statements.end() && !it->second.in_use) {
    in_use_ = &it->second.in_use;
    *in_use_ = true;
    statement_ = it->second.statement.get();
    return;
  }
  // The same text in use twice at once (a nested read), or too many texts: one of its own.
  own_ = db.prepare_once(sql);
  statement_ = own_.get();
}

Prepared::~Prepared() {
  if (!in_use_) return;
  try {
    statement_->reset();
  } catch (...) {
    // A reset may report the last step's error again; the statement is reset all the same.
  }
  *in_use_ = false;
}

int64_t query_int64(Db& db, const std::string& sql) {
  Prepared q(db, sql);
  return q.executeStep() ? q.getColumn(0).getInt64() : 0;
}

std::string query_string(Db& db, const std::string& sql) {
  Prepared q(db, sql);
  return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

std::string id_list(const std::vector<int64_t>& ids) {
  std::string out;
  for (size_t i = 0; i < ids.size(); ++i) out += (i ? "," : "") + std::to_string(ids[i]);
  return ids.empty() ? "NULL" : out;
}

std::string text_array(const std::vector<std::string>& items) {
  std::string out = "{";
  for (const std::string& item : items) {
    out += out.size() > 1 ? ",\"" : "\"";
    for (char c : item) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

std::string bigint_array(const std::vector<int64_t>& items) {
  std::string out = "{";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + std::to_string(items[i]);
  return out + "}";
}

std::string placeholders(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += i ? ",?" : "?";
  return out;
}

}  // namespace aduan
