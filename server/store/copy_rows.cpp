#include "store/copy_rows.h"

#include <cstdio>
#include <cstring>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/db_engine.h"

namespace aduan::copy {
namespace {

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::kInteger:
      return "an integer";
    case Kind::kReal:
      return "a real";
    case Kind::kText:
      return "text";
    case Kind::kBlob:
      return "bytes";
    default:
      return "NULL";
  }
}

struct Cell {
  Kind kind = Kind::kNull;
  int64_t integer = 0;
  double real = 0;
  std::string bytes;  // text or blob
};
using Row = std::vector<Cell>;

// ---------------------------------------------------------------------------------------
// Rows out of the source, into the target.

// The value in `column` of the row `s` stands on, read as `kind`.
Cell read_cell(Statement& s, int column, Kind kind) {
  Cell c;
  if (s.is_null(column)) return c;
  c.kind = kind;
  if (kind == Kind::kInteger) c.integer = s.int64_at(column);
  if (kind == Kind::kReal) c.real = s.double_at(column);
  if (kind == Kind::kText || kind == Kind::kBlob) c.bytes = std::string(s.text_at(column));
  return c;
}

// The source's rows of one table. SQLite's values carry their own type whatever the column
// declares (a TEXT column may hold bytes), so each is read with it; PostgreSQL's are of their
// column's type, and are read through a cursor, a batch at a time, so that a table of photos
// need not fit in memory.
class SourceRows {
 public:
  SourceRows(Db& db, const Table& t) : db_(db), table_(t) {
    std::string list;
    for (const Column& c : t.columns) {
      list += (list.empty() ? "" : ", ") + quoted(c.name);
      if (sqlite(db)) list += ", typeof(" + quoted(c.name) + ")";
    }
    const std::string select = "SELECT " + list + " FROM " + quoted(t.name);
    if (sqlite(db)) {
      rows_ = db.prepare(select);
      return;
    }
    db.exec("DECLARE copy_rows NO SCROLL CURSOR FOR " + select);
    rows_ = db.prepare("FETCH 256 FROM copy_rows");
  }
  ~SourceRows() {
    if (sqlite(db_)) return;
    rows_.reset();
    try {
      db_.exec("CLOSE copy_rows");
    } catch (...) {  // a failed read transaction has closed it already
    }
  }
  SourceRows(const SourceRows&) = delete;
  SourceRows& operator=(const SourceRows&) = delete;

  bool next(Row* row) {
    if (!rows_->step()) {
      if (sqlite(db_)) return false;
      rows_->reset();  // the next batch
      if (!rows_->step()) return false;
    }
    row->assign(table_.columns.size(), Cell{});
    for (size_t i = 0; i < table_.columns.size(); ++i) {
      (*row)[i] = sqlite(db_) ? sqlite_cell(static_cast<int>(2 * i))
                              : typed_cell(static_cast<int>(i), table_.columns[i].source);
    }
    return true;
  }

 private:
  Cell sqlite_cell(int column) {
    const std::string type(rows_->text_at(column + 1));
    if (type == "integer") return typed_cell(column, Kind::kInteger);
    if (type == "real") return typed_cell(column, Kind::kReal);
    if (type == "blob") return typed_cell(column, Kind::kBlob);
    if (type == "text") return typed_cell(column, Kind::kText);
    return Cell{};
  }
  Cell typed_cell(int column, Kind kind) { return read_cell(*rows_, column, kind); }

  Db& db_;
  const Table& table_;
  std::unique_ptr<Statement> rows_;
};

std::string described(const Cell& c) {
  switch (c.kind) {
    case Kind::kInteger:
      return std::to_string(c.integer);
    case Kind::kReal: {
      char text[32];
      std::snprintf(text, sizeof text, "%.17g", c.real);
      return text;
    }
    case Kind::kText: {
      std::string shown = c.bytes.substr(0, 40);
      for (char& ch : shown) ch = static_cast<unsigned char>(ch) < 0x20 ? '?' : ch;
      return "'" + shown + (c.bytes.size() > 40 ? "...'" : "'");
    }
    case Kind::kBlob:
      return std::to_string(c.bytes.size()) + " bytes";
    default:
      return "NULL";
  }
}

bool same(const Cell& a, const Cell& b) {
  if (a.kind == Kind::kNull || b.kind == Kind::kNull) return a.kind == b.kind;
  if (a.kind == Kind::kInteger) return a.integer == b.integer;
  // The very bits: the audit chain digests a report's coordinates so.
  if (a.kind == Kind::kReal) return std::memcmp(&a.real, &b.real, sizeof a.real) == 0;
  return a.bytes == b.bytes;
}

// The target's rows of one table: each inserted with its values bound as the target's column
// takes them (SQLite keeps the type each value has), and checked against the row the insert
// gives back, so that a value the target cannot keep as it is (text that is not UTF-8, a NUL
// byte in PostgreSQL's text) fails the copy instead of changing on the way.
class TargetRows {
 public:
  TargetRows(Db& db, const Table& t) : table_(t), keep_types_(sqlite(db)) {
    std::string names, values;
    for (const Column& c : t.columns) {
      names += (names.empty() ? "" : ", ") + quoted(c.name);
      values += values.empty() ? "?" : ", ?";
    }
    insert_ = db.prepare("INSERT INTO " + quoted(t.name) + " (" + names + ") VALUES (" + values +
                         ") RETURNING " + names);
  }

  void insert(const Row& row) {
    Row bound(row.size());
    for (size_t i = 0; i < row.size(); ++i) {
      bound[i] = as_bound(row[i], table_.columns[i]);
      bind(static_cast<int>(i) + 1, bound[i]);
    }
    if (!insert_->step()) throw std::runtime_error("the target gave no row back");
    for (size_t i = 0; i < row.size(); ++i) {
      const Cell kept = read_cell(*insert_, static_cast<int>(i), bound[i].kind);
      if (same(kept, bound[i])) continue;
      // PostgreSQL's text takes no NUL; a column it declares narrower than SQLite's (none
      // today: its reals are DOUBLE PRECISION) would round.
      const char* why = keep_types_                    ? ""
                        : bound[i].kind == Kind::kText ? " (text stops at a NUL byte)"
                                                       : "";
      throw std::runtime_error(table_.columns[i].name + " of the row " + described(row[0]) +
                               ": the target keeps " + described(kept) + " where the source has " +
                               described(row[i]) + why);
    }
    insert_->reset();
  }

 private:
  Cell as_bound(const Cell& c, const Column& column) const {
    if (c.kind == Kind::kNull || keep_types_ || c.kind == column.target) return c;
    Cell out = c;
    out.kind = column.target;
    if (column.target == Kind::kReal && c.kind == Kind::kInteger) {
      out.real = static_cast<double>(c.integer);
      return out;
    }
    const auto bytes = [](Kind k) { return k == Kind::kText || k == Kind::kBlob; };
    if (bytes(column.target) && bytes(c.kind)) return out;
    throw std::runtime_error(column.name + " holds " + kind_name(c.kind) + " (" + described(c) +
                             "), which the target's column of " + kind_name(column.target) +
                             " cannot take");
  }

  void bind(int index, const Cell& c) {
    switch (c.kind) {
      case Kind::kInteger:
        return insert_->bind_int64(index, c.integer);
      case Kind::kReal:
        return insert_->bind_double(index, c.real);
      case Kind::kText:
        return insert_->bind_text(index, c.bytes);
      case Kind::kBlob:
        return insert_->bind_blob(index, c.bytes.data(), c.bytes.size());
      default:
        return insert_->bind_null(index);
    }
  }

  const Table& table_;
  bool keep_types_;
  std::unique_ptr<Statement> insert_;
};

std::string key_of(const Cell& c) {
  const bool bytes = c.kind == Kind::kText || c.kind == Kind::kBlob;
  return std::to_string(static_cast<int>(c.kind)) + ":" + (bytes ? c.bytes : described(c));
}

// A table whose rows point into itself (an agency under its parent) goes in parents first:
// PostgreSQL checks a foreign key as each row goes in. Rows left over (a cycle, a parent
// that is not there) go in as they are, and the target names the broken key.
std::vector<Row> parents_first(std::vector<Row> rows, const Table& t) {
  size_t from = 0, to = 0;
  for (size_t i = 0; i < t.columns.size(); ++i) {
    if (t.columns[i].name == t.self_column) from = i;
    if (t.columns[i].name == t.self_target) to = i;
  }
  std::set<std::string> placed;
  std::vector<Row> out;
  while (!rows.empty()) {
    std::vector<Row> waiting;
    for (Row& r : rows) {
      if (r[from].kind == Kind::kNull || placed.count(key_of(r[from])) || same(r[from], r[to])) {
        placed.insert(key_of(r[to]));
        out.push_back(std::move(r));
      } else {
        waiting.push_back(std::move(r));
      }
    }
    if (waiting.size() == rows.size()) {
      for (Row& r : waiting) out.push_back(std::move(r));
      break;
    }
    rows = std::move(waiting);
  }
  return out;
}

}  // namespace

int64_t copy_table(Db& source, Db& target, const Table& t) {
  SourceRows rows(source, t);
  TargetRows into(target, t);
  Row row;
  int64_t n = 0;
  if (t.self_column.empty()) {
    for (; rows.next(&row); ++n) into.insert(row);
    return n;
  }
  std::vector<Row> all;
  while (rows.next(&row)) all.push_back(row);
  for (const Row& r : parents_first(std::move(all), t)) {
    into.insert(r);
    ++n;
  }
  return n;
}

}  // namespace aduan::copy
