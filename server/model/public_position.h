// A published report on the public map: only what the map shows, and its position only on
// the public grid (geo::public_coordinate); the exact position never leaves the store on
// this path (store/map_repository.h).
#pragma once

#include <string>

namespace aduan {

struct PublicPosition {
  std::string tracking_id;  // canonical
  std::string title;
  std::string status;
  double lat = 0;  // on the public grid
  double lon = 0;
};

}  // namespace aduan
