#include "store/open311_origins.h"

#include "store/db.h"
#include "store/prepared.h"

namespace aduan::open311_origins {

void add(Db& db, int64_t report_id, int64_t api_key_id) {
  Prepared q(db,
             "INSERT INTO open311_origins(report_id, api_key_id) VALUES(?,?) "
             "ON CONFLICT(report_id) DO UPDATE SET api_key_id = excluded.api_key_id");
  q.bind(1, report_id);
  q.bind(2, api_key_id);
  q.exec();
}

std::optional<int64_t> of(Db& db, int64_t report_id) {
  Prepared q(db, "SELECT api_key_id FROM open311_origins WHERE report_id = ?");
  q.bind(1, report_id);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

}  // namespace aduan::open311_origins
