// Positions on the earth: the distance between two points, and the position the public
// may see of a report (DESIGN: "rounded position").
#pragma once

namespace aduan::geo {

struct LatLon {
  double lat = 0;  // degrees, south negative
  double lon = 0;  // degrees, west negative
};

// The grid the public sees positions on: 0.001 degree, about 110 m north-south and, within
// Indonesia's latitudes (11 S to 6 N), 109-111 m east-west. Enough to find the street, not
// the house (docs/security.md). Every public answer (report page, map, Open311) uses it.
inline constexpr double kPublicGridPerDegree = 1000;  // points of the grid per degree

// `degrees` moved to the nearest point of the public grid.
double public_coordinate(double degrees);

// Great-circle distance in kilometres (haversine on a sphere of the earth's mean radius;
// off by at most 0.5 % from the ellipsoid, far below what the callers need).
double distance_km(LatLon a, LatLon b);

}  // namespace aduan::geo
