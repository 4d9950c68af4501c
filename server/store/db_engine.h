// What a Db is inside the store: a SQLite connection. Only the store's own files include this;
// the layers above see store/db.h (cmake/check_layers.cmake refuses it there).
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/db.h"

namespace aduan {

class Db : public SQLite::Database {
 public:
  using SQLite::Database::Database;
};

}  // namespace aduan
