#include "store/prepared.h"

#include <atomic>
#include <mutex>
#include <unordered_set>

#include "store/db.h"

namespace aduan {
namespace {

// The live Connections: a reference to a SQLite::Database is looked up here to find its
// cache. Registered for exactly the StoreConnection's lifetime, so an address is never stale.
std::mutex registry_mutex;
std::unordered_set<const SQLite::Database*>& registry() {
  static std::unordered_set<const SQLite::Database*> live;
  return live;
}

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

StoreConnection::StoreConnection(const std::string& path, int flags, int busy_timeout_ms)
    : Db(path, flags, busy_timeout_ms) {
  std::lock_guard lock(registry_mutex);
  registry().insert(this);
}

StoreConnection::~StoreConnection() {
  {
    std::lock_guard lock(registry_mutex);
    registry().erase(this);
  }
  statements_.clear();  // finalised before the connection closes
}

Prepared::Prepared(Db& db, const std::string& sql) {
  if (StatementLog* log = active_log.load(std::memory_order_relaxed)) log->add(sql);
  bool cached = false;
  {
    std::lock_guard lock(registry_mutex);
    cached = registry().count(&db) > 0;
  }
  if (cached) {
    // The connection is used by one thread at a time (the Store hands it out), so its cache
    // needs no lock of its own.
    auto& statements = static_cast<StoreConnection&>(db).statements_;
    auto it = statements.find(sql);
    if (it == statements.end() && statements.size() < StoreConnection::kMaxStatements) {
      it = statements
               .emplace(sql, StoreConnection::Entry{std::make_unique<SQLite::Statement>(db, sql)})
               .first;
    }
    if (it != statements.end() && !it->second.in_use) {
      entry_ = &it->second;
      entry_->in_use = true;
      statement_ = entry_->statement.get();
      return;
    }
  }
  own_ = std::make_unique<SQLite::Statement>(db, sql);
  statement_ = own_.get();
}

Prepared::~Prepared() {
  if (!entry_) return;
  try {
    statement_->reset();
    statement_->clearBindings();
  } catch (const SQLite::Exception&) {
    // reset() reports the last step's error again; the statement is reset all the same.
  }
  entry_->in_use = false;
}

std::string id_list(const std::vector<int64_t>& ids) {
  std::string out;
  for (size_t i = 0; i < ids.size(); ++i) out += (i ? "," : "") + std::to_string(ids[i]);
  return ids.empty() ? "NULL" : out;
}

std::string placeholders(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += i ? ",?" : "?";
  return out;
}

}  // namespace aduan
