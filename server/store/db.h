// A connection of the store, as the layers above it see one: a name and nothing more. What a
// Db is (today a SQLite connection, store/db_engine.h) is the store's business, so services,
// the notifier and the composition root hand it from Store::write to a repository without
// ever naming the engine, and a second engine changes the store alone.
#pragma once

namespace aduan {

class Db;

// A unit of work on a Db: everything done through it between here and commit() is kept
// together, or (an exception, a return without commit) nothing is. Not for a grouped write
// (Store::write_grouped), which is a transaction already.
class Transaction {
 public:
  explicit Transaction(Db& db);
  ~Transaction();  // rolls back unless committed
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Db& db_;
  bool done_ = false;
};

}  // namespace aduan
