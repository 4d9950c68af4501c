#include "store/postgresql_db.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace aduan {
namespace {

// Type numbers from PostgreSQL's catalogue (pg_type.dat); 0 lets the server infer the type.
constexpr Oid kUnknownOid = 0;  // a NULL: fits a parameter of any type
constexpr Oid kTextOid = 705;   // "unknown": text whose type the server infers, as for a literal
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kFloat8Oid = 701;

// A result cleared when it goes out of scope, thrown past or not.
struct ClearResult {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ClearResult>;

// libpq's message without its trailing newline.
std::string message_of(const char* text) {
  std::string m = text ? text : "";
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  return m;
}

class PgStatement final : public Statement {
 public:
  // `once`: run once and dropped, as an unnamed statement (one round trip, nothing to
  // deallocate), for the texts the connection does not keep.
  PgStatement(PostgresqlDb& db, const std::string& sql, bool once)
      : db_(db), sql_(sql), once_(once) {
    int count = 0;
    text_ = numbered_parameters(sql, &count);
    values_.resize(static_cast<size_t>(count));
    types_.assign(static_cast<size_t>(count), 0);
  }

  ~PgStatement() override {
    clear_result();
    deallocate();
  }

  void bind_null(int index) override {
    value(index).reset();
    types_[static_cast<size_t>(index - 1)] = kUnknownOid;
  }
  void bind_int64(int index, int64_t v) override { set(index, std::to_string(v), kInt8Oid); }
  void bind_double(int index, double v) override {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", v);
    set(index, buffer, kFloat8Oid);
  }
  void bind_text(int index, const std::string& v) override { set(index, v, kTextOid); }
  void bind_blob(int index, const void* data, size_t size) override {
    set(index, std::string(static_cast<const char*>(data), size), kByteaOid);
  }

  bool step() override {
    if (!result_) execute();
    if (row_ + 1 >= PQntuples(result_)) return false;
    ++row_;
    decoded_.clear();
    return true;
  }

  int run() override {
    execute();
    const char* changed = result_ ? PQcmdTuples(result_) : nullptr;
    return changed && *changed ? std::atoi(changed) : 0;
  }

  // Holds no result afterwards: the next step() or run() runs the statement again.
  void send() override { execute(/*wait=*/false); }

  void reset() override {
    clear_result();
    for (auto& v : values_) v.reset();
    types_.assign(types_.size(), kUnknownOid);
  }

  int column_count() override { return result_ ? PQnfields(result_) : 0; }
  bool is_null(int column) override { return PQgetisnull(result_, row_, column) != 0; }

  int64_t int64_at(int column) override {
    if (is_null(column)) return 0;
    const char* v = PQgetvalue(result_, row_, column);
    // PostgreSQL answers a comparison with a boolean where SQLite gives 1 or 0.
    if (PQftype(result_, column) == kBoolOid) return v[0] == 't' ? 1 : 0;
    // from_chars, not strtoll: similar reports read thousands of ids a request, and strtoll
    // (locale, whitespace, sign) was an eighth of the server's time doing it.
    int64_t n = 0;
    std::from_chars(v, v + PQgetlength(result_, row_, column), n);
    return n;
  }

  double double_at(int column) override {
    return is_null(column) ? 0 : std::strtod(PQgetvalue(result_, row_, column), nullptr);
  }

  std::string_view text_at(int column) override {
    if (is_null(column)) return {};
    const char* v = PQgetvalue(result_, row_, column);
    if (PQftype(result_, column) != kByteaOid) {
      return {v, static_cast<size_t>(PQgetlength(result_, row_, column))};
    }
    // bytea comes as text in hex; its bytes, decoded once per row and column.
    auto found = decoded_.find(column);
    if (found == decoded_.end()) {
      size_t size = 0;
      unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(v), &size);
      found = decoded_.emplace(column, std::string(reinterpret_cast<char*>(bytes), size)).first;
      PQfreemem(bytes);
    }
    return found->second;
  }

 private:
  std::optional<std::string>& value(int index) {
    if (index < 1 || index > static_cast<int>(values_.size())) {
      throw PostgresqlError("42P02", "no parameter " + std::to_string(index));
    }
    return values_[static_cast<size_t>(index - 1)];
  }
  void set(int index, std::string v, Oid type) {
    value(index) = std::move(v);
    types_[static_cast<size_t>(index - 1)] = type;
  }

  // Prepared on the server at the first run, with the types of what was bound: SQLite takes
  // `? + ?` or `coalesce(?, 0)` as they come, PostgreSQL must know the types to plan them.
  // Prepared again when a later run binds another type: a NULL fits any, and text fits a
  // parameter whose type the server inferred, but not one it was told is a number.
  void prepare_for_types() {
    bool fits = !name_.empty();
    for (size_t i = 0; fits && i < types_.size(); ++i) {
      fits = types_[i] == kUnknownOid || types_[i] == prepared_types_[i] ||
             (types_[i] == kTextOid && prepared_types_[i] == kUnknownOid);
    }
    if (fits) return;
    deallocate();
    name_ = "aduan_" + std::to_string(db_.next_statement_number());
    if (db_.pipelined()) {
      // Waited for at once: a statement that failed to prepare must not keep its name.
      if (!PQsendPrepare(db_.handle(), name_.c_str(), text_.c_str(),
                         static_cast<int>(types_.size()), types_.data())) {
        name_.clear();
        db_.fail(nullptr, "preparing " + sql_);
      }
      db_.sent("preparing " + sql_);
      try {
        PQclear(db_.sync_and_read());
      } catch (...) {
        name_.clear();
        throw;
      }
    } else {
      const Result r(PQprepare(db_.handle(), name_.c_str(), text_.c_str(),
                               static_cast<int>(types_.size()), types_.data()));
      if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) {
        name_.clear();
        db_.fail(r.get(), "preparing " + sql_);
      }
    }
    prepared_types_ = types_;
  }

  void deallocate() {
    // A statement lives as long as its session on the server: let it go there too, unless
    // the connection is gone (the session and its statements with it).
    if (!name_.empty() && PQstatus(db_.handle()) == CONNECTION_OK) {
      const std::string sql = "DEALLOCATE " + name_;
      if (!db_.pipelined()) {
        PQclear(PQexec(db_.handle(), sql.c_str()));
      } else if (PQsendQueryParams(db_.handle(), sql.c_str(), 0, nullptr, nullptr, nullptr, nullptr,
                                   0)) {
        db_.sent(sql);  // its answer read with the next statement's
      }
    }
    name_.clear();
  }

  // `wait`: for the answer (otherwise, in a pipeline, sent and its answer read later).
  void execute(bool wait = true) {
    clear_result();
    if (!once_) prepare_for_types();
    const std::vector<Oid>& types = once_ ? types_ : prepared_types_;
    std::vector<const char*> values(values_.size());
    std::vector<int> lengths(values_.size());
    std::vector<int> binary(values_.size());
    for (size_t i = 0; i < values_.size(); ++i) {
      values[i] = values_[i] ? values_[i]->data() : nullptr;
      lengths[i] = values_[i] ? static_cast<int>(values_[i]->size()) : 0;
      binary[i] = types[i] == kByteaOid ? 1 : 0;  // bytes as they are
    }
    const int n = static_cast<int>(values.size());
    if (db_.pipelined()) {
      const int sent = once_ ? PQsendQueryParams(db_.handle(), text_.c_str(), n, types_.data(),
                                                 values.data(), lengths.data(), binary.data(), 0)
                             : PQsendQueryPrepared(db_.handle(), name_.c_str(), n, values.data(),
                                                   lengths.data(), binary.data(), 0);
      if (!sent) db_.fail(nullptr, "sending " + sql_);
      db_.sent("running " + sql_);
      row_ = -1;
      if (!wait) return;
      result_ = db_.sync_and_read();  // every answer due, ours last; errors thrown
      if (!result_) db_.fail(nullptr, "running " + sql_);
      return;
    }
    result_ = once_ ? PQexecParams(db_.handle(), text_.c_str(), n, types_.data(), values.data(),
                                   lengths.data(), binary.data(), 0)
                    : PQexecPrepared(db_.handle(), name_.c_str(), n, values.data(), lengths.data(),
                                     binary.data(), 0);
    const ExecStatusType status = PQresultStatus(result_);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      const Result failed(std::exchange(result_, nullptr));
      db_.fail(failed.get(), "running " + sql_);
    }
    row_ = -1;
  }

  void clear_result() {
    if (result_) PQclear(result_);
    result_ = nullptr;
    row_ = -1;
    decoded_.clear();
  }

  PostgresqlDb& db_;
  std::string sql_;   // as written, for errors
  std::string text_;  // with $n parameters
  std::string name_;  // on the server; empty until prepared
  bool once_ = false;
  std::vector<std::optional<std::string>> values_;
  std::vector<Oid> types_;           // of what is bound now
  std::vector<Oid> prepared_types_;  // of the statement on the server
  PGresult* result_ = nullptr;
  int row_ = -1;
  std::unordered_map<int, std::string> decoded_;
};

}  // namespace

bool is_postgresql_url(const std::string& location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::string numbered_parameters(const std::string& sql, int* count) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {  // a literal or a quoted name, doubled quotes inside
      const size_t end = sql.find(c, i + 1);
      const size_t stop = end == std::string::npos ? sql.size() : end + 1;
      out.append(sql, i, stop - i);
      i = stop - 1;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      const size_t end = sql.find('\n', i);
      const size_t stop = end == std::string::npos ? sql.size() : end;
      out.append(sql, i, stop - i);
      i = stop - 1;
    } else if (c == '$' && i + 1 < sql.size() && (sql[i + 1] == '$' || std::isalpha(sql[i + 1]))) {
      // A dollar-quoted body ($$ ... $$, $rule$ ... $rule$) is copied whole.
      const size_t tag_end = sql.find('$', i + 1);
      if (tag_end == std::string::npos) {
        out.append(sql, i, std::string::npos);
        break;
      }
      const std::string tag = sql.substr(i, tag_end - i + 1);
      const size_t close = sql.find(tag, tag_end + 1);
      const size_t stop = close == std::string::npos ? sql.size() : close + tag.size();
      out.append(sql, i, stop - i);
      i = stop - 1;
    } else if (c == '?') {
      // SQLite's ?NNN names a parameter by number ("?1 + ?2 ... ?1"); a bare ? is the next.
      size_t digits = i + 1;
      while (digits < sql.size() && std::isdigit(static_cast<unsigned char>(sql[digits]))) ++digits;
      if (digits > i + 1) {
        const int number = std::atoi(sql.c_str() + i + 1);
        out += '$' + std::to_string(number);
        n = std::max(n, number);
        i = digits - 1;
      } else {
        out += '$' + std::to_string(++n);
      }
    } else {
      out += c;
    }
  }
  if (count) *count = n;
  return out;
}

PostgresqlDb::PostgresqlDb(const std::string& url, PostgresqlOptions options)
    : url_(url), options_(options) {
  connect();
}

PostgresqlDb::~PostgresqlDb() {
  drop_statements();
  if (conn_) PQfinish(conn_);
}

void PostgresqlDb::connect() {
  const std::string timeout = std::to_string(options_.connect_timeout_s);
  const char* keys[] = {"dbname", "connect_timeout", "application_name", nullptr};
  const char* values[] = {url_.c_str(), timeout.c_str(), "aduan", nullptr};
  // expand_dbname: the URL's own settings come first, these fill what it leaves out.
  conn_ = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (PQstatus(conn_) != CONNECTION_OK) {
    const std::string why = message_of(PQerrorMessage(conn_));
    PQfinish(conn_);
    conn_ = nullptr;
    throw PostgresqlError("08001", "cannot connect to PostgreSQL: " + why);
  }
  std::string settings =
      "SET statement_timeout = " + std::to_string(options_.statement_timeout_ms) +
      "; SET lock_timeout = " + std::to_string(options_.lock_timeout_ms) +
      "; SET client_min_messages = warning";
  if (options_.read_only) settings += "; SET default_transaction_read_only = on";
  exec(settings);
}

void PostgresqlDb::fail(const PGresult* result, const std::string& what) {
  throw error_of(result, what);
}

PostgresqlError PostgresqlDb::error_of(const PGresult* result, const std::string& what) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string message = result ? message_of(PQresultErrorMessage(result)) : "";
  if (message.empty()) message = message_of(PQerrorMessage(conn_));
  // No SQLSTATE: libpq lost the server (class 08, connection failure).
  return PostgresqlError(state ? state : "08006", message + " (" + what + ")");
}

void PostgresqlDb::begin_pipeline() {
  if (pipelined_) return;
  if (!PQenterPipelineMode(conn_)) fail(nullptr, "entering pipeline mode");
  pipelined_ = true;
}

void PostgresqlDb::sync_unread() {
  if (!pipelined_) return;
  // A failure to send shows at the next wait, as a lost connection.
  if (PQpipelineSync(conn_)) due_answers_.push_back(kSyncDue);
}

PGresult* PostgresqlDb::sync_and_read() {
  std::vector<std::string> due = std::move(due_answers_);
  due_answers_.clear();
  if (!PQpipelineSync(conn_)) fail(nullptr, "sending a pipeline's sync");
  std::optional<PostgresqlError> first_error;
  Result last;
  // Each command's results end with a null; a sync's result (an earlier sync_unread's, then
  // this one's) has none after it.
  for (size_t i = 0; i < due.size(); ++i) {
    if (due[i] == kSyncDue) {
      const Result sync(PQgetResult(conn_));
      if (PQresultStatus(sync.get()) != PGRES_PIPELINE_SYNC && !first_error) {
        first_error = error_of(sync.get(), "reading a pipeline's answers");
      }
      continue;
    }
    while (PGresult* r = PQgetResult(conn_)) {
      Result result(r);
      const ExecStatusType status = PQresultStatus(r);
      const bool ok = status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK;
      // Skipped after an earlier error: that error is the one to throw.
      if (!ok && status != PGRES_PIPELINE_ABORTED && !first_error) {
        first_error = error_of(r, due[i]);
      }
      if (i + 1 == due.size() && ok) last = std::move(result);
    }
    if (PQstatus(conn_) != CONNECTION_OK) break;  // nothing more will come
  }
  const Result sync(PQgetResult(conn_));
  if (!sync || PQresultStatus(sync.get()) != PGRES_PIPELINE_SYNC) {
    if (!first_error) first_error = error_of(sync.get(), "reading a pipeline's answers");
  }
  if (first_error) throw *first_error;
  return last.release();
}

void PostgresqlDb::settle() {
  if (pipelined_ && !due_answers_.empty()) PQclear(sync_and_read());
}

void PostgresqlDb::end_pipeline() noexcept {
  if (!pipelined_) return;
  try {
    settle();
  } catch (...) {
    // The caller already has the error that ended its work; a lost connection is opened
    // again before the next use (Store::reopen_if_lost).
  }
  due_answers_.clear();
  PQexitPipelineMode(conn_);
  pipelined_ = false;
}

void PostgresqlDb::exec(const std::string& sql) {
  // libpq runs no command string in a pipeline (and several statements in one string nowhere
  // else): the store's own calls never do this.
  if (pipelined_) throw std::logic_error("a command string in a pipeline: " + sql.substr(0, 80));
  const Result r(PQexec(conn_, sql.c_str()));
  const ExecStatusType status = PQresultStatus(r.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(r.get(), sql.substr(0, 80));
  // PostgreSQL answers the COMMIT of a transaction an error ended with ROLLBACK, and no
  // error: nothing was written, and the caller must hear so.
  if (sql == "COMMIT" && std::string_view(PQcmdStatus(r.get())) != "COMMIT") {
    throw PostgresqlError("25P02", "the transaction was rolled back at its COMMIT");
  }
}

std::unique_ptr<Statement> PostgresqlDb::prepare(const std::string& sql) {
  return std::make_unique<PgStatement>(*this, sql, /*once=*/false);
}

std::unique_ptr<Statement> PostgresqlDb::prepare_once(const std::string& sql) {
  return std::make_unique<PgStatement>(*this, sql, /*once=*/true);
}

bool PostgresqlDb::in_transaction() {
  const PGTransactionStatusType s = PQtransactionStatus(conn_);
  return s == PQTRANS_INTRANS || s == PQTRANS_INERROR || s == PQTRANS_ACTIVE;
}

bool PostgresqlDb::has_written() {
  // A reader's session cannot write: no round trip to ask (the catalogue asks at every read).
  if (options_.read_only) return false;
  if (pipelined_) throw std::logic_error("has_written in a pipeline");
  if (!in_transaction()) return false;
  const Result r(PQexec(conn_, "SELECT pg_current_xact_id_if_assigned() IS NOT NULL"));
  return PQresultStatus(r.get()) == PGRES_TUPLES_OK && PQntuples(r.get()) == 1 &&
         PQgetvalue(r.get(), 0, 0)[0] == 't';
}

std::string PostgresqlDb::location() {
  const char* host = PQhost(conn_);
  const char* port = PQport(conn_);
  return std::string("postgresql://") + (host ? host : "") + ":" + (port ? port : "") + "/" +
         PQdb(conn_);
}

bool PostgresqlDb::usable() {
  // A connection left in libpq's pipeline mode (its answers not all read) serves no more.
  return PQstatus(conn_) == CONNECTION_OK &&
         (pipelined_ || PQpipelineStatus(conn_) == PQ_PIPELINE_OFF);
}

}  // namespace aduan
