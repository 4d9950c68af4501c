// The positions of the published reports for the public map. The SQL reads the stored
// coordinates and this layer hands out only their public form (geo::public_coordinate):
// the exact position never leaves storage on this path.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/public_position.h"
#include "store/db.h"

namespace aduan {

class MapRepository {
 public:
  // The newest `limit` published reports (public_report_condition) that have a position.
  // `more` tells whether older ones were left out.
  static std::vector<PublicPosition> public_positions(Db& db, int limit, bool* more);
};

}  // namespace aduan
