#include "store/map_repository.h"

#include "shared/geo.h"
#include "store/prepared.h"
#include "store/public_repository.h"
#include "store/status_sql.h"

namespace aduan {

std::vector<PublicPosition> MapRepository::public_positions(Db& db, int limit, bool* more) {
  // Newest first along the index of published reports (reports_public, on created_at).
  Prepared q(db, std::string("SELECT tracking_id, title, status, lat, lon FROM reports "
                             "WHERE ") +
                     public_report_condition() +
                     " AND lat IS NOT NULL AND lon IS NOT NULL "
                     "ORDER BY created_at DESC LIMIT ?");
  q.bind(1, static_cast<int64_t>(limit) + 1);
  std::vector<PublicPosition> out;
  *more = false;
  while (q.executeStep()) {
    if (static_cast<int>(out.size()) == limit) {
      *more = true;
      break;
    }
    out.push_back(PublicPosition{q.getColumn(0).getString(), q.getColumn(1).getString(),
                                 q.getColumn(2).getString(),
                                 geo::public_coordinate(q.getColumn(3).getDouble()),
                                 geo::public_coordinate(q.getColumn(4).getDouble())});
  }
  return out;
}

}  // namespace aduan
