// The shortcuts of a bulk load (the seeder's hundreds of thousands of reports) inside one
// transaction, so that a load that dies leaves the store as it was: no fsync per page and a
// large cache while it runs, and the secondary indexes of the big tables dropped at the start
// and built again by sorting at the end, several times faster than updating them row by row.
// The counters' triggers are the caller's (store/tallies.h: suspend, resume).
#pragma once

#include <string>
#include <vector>

#include "store/db.h"

namespace aduan {

class BulkLoad {
 public:
  // Call before the load's transaction opens: the pragmas cannot change inside one.
  explicit BulkLoad(Db& db);
  ~BulkLoad();  // the engine's durable defaults again
  BulkLoad(const BulkLoad&) = delete;
  BulkLoad& operator=(const BulkLoad&) = delete;

  // Inside the transaction: the indexes go now, and rebuild_indexes() makes them again (on
  // PostgreSQL, which keeps them, it gathers the planner's statistics).
  void drop_indexes();
  void rebuild_indexes();

 private:
  Db& db_;
  std::vector<std::string> indexes_;  // the statements that make them
};

}  // namespace aduan
