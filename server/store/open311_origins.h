// On aduan's Open311 server: the API key each report posted there came with (migration 0033),
// so that the system that sent it may follow it with that key even while it is not public.
#pragma once

#include <cstdint>
#include <optional>

#include "store/db.h"

namespace aduan::open311_origins {

void add(Db& db, int64_t report_id, int64_t api_key_id);
std::optional<int64_t> of(Db& db, int64_t report_id);

}  // namespace aduan::open311_origins
