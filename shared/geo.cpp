#include "shared/geo.h"

#include <algorithm>
#include <cmath>

namespace aduan::geo {
namespace {
constexpr double kEarthRadiusKm = 6371.0088;
constexpr double kRadiansPerDegree = 3.14159265358979323846 / 180.0;
}  // namespace

double public_coordinate(double degrees) {
  // Multiplying by 1000 rather than dividing by 0.001, which is not exact in binary.
  return std::round(degrees * kPublicGridPerDegree) / kPublicGridPerDegree;
}

double distance_km(LatLon a, LatLon b) {
  const double dlat = (b.lat - a.lat) * kRadiansPerDegree;
  const double dlon = (b.lon - a.lon) * kRadiansPerDegree;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(a.lat * kRadiansPerDegree) * std::cos(b.lat * kRadiansPerDegree) *
                       std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::sqrt(std::min(1.0, h)));
}

}  // namespace aduan::geo
