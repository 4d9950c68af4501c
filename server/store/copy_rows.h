// A table's rows copied from the source into the target (store/copy_store.h): read as each
// engine keeps them, bound as the target's columns take them, and each checked against what
// the target gave back. Internal to the copy (store/copy_store.cpp).
#pragma once

#include <cstdint>

#include "store/copy_plan.h"

namespace aduan {

class Db;

namespace copy {

// Every row of `t` from the source into the target, in the target's open transaction;
// returns how many. Throws when a value would not arrive as it is.
int64_t copy_table(Db& source, Db& target, const Table& t);

}  // namespace copy
}  // namespace aduan
