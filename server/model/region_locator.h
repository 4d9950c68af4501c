// The region a map pin is probably in, from the only positions the shipped region data has:
// the points of Indonesia's 17,000 named islands (idn-area-data's islands.csv, each with its
// regency). There are no regency or district centroids or boundaries in it, so this guesses
// from the nearest island point and says how sure it can be:
//   - the province of the nearest point within kProvinceReachKm (right for every city centre
//     checked that near; Solo, 68 km from Yogyakarta's islands, was not: docs/operations.md,
//     "Map");
//   - the regency or city only when that point is within kRegencyReachKm and every point
//     about as near belongs to the same regency; otherwise a coast shared by two regencies
//     (Banjarmasin and Barito Kuala, 3.5 km) would guess wrong.
// A suggestion for the citizen to confirm or change, never a fact stored without them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/geo.h"

namespace aduan {

class RegionLocator {
 public:
  static constexpr double kProvinceReachKm = 60;
  static constexpr double kRegencyReachKm = 5;

  struct Guess {
    std::string region_code;  // a province ("63") or a regency or city ("63.71")
    std::string nearest;      // the island the guess comes from ("Pulau Kembang")
    double distance_km = 0;   // from the pin to that island's point
  };

  // From the embedded islands.csv; throws if it is missing or malformed.
  static const RegionLocator& embedded();
  // `islands_csv`: code,regency_code,coordinate,is_populated,is_outermost_small,name with
  // coordinates like 03°19'03.44" N 097°07'41.73" E. Lines without a regency are skipped.
  explicit RegionLocator(std::string_view islands_csv);

  // nullopt when no island point is within kProvinceReachKm.
  std::optional<Guess> guess(geo::LatLon pin) const;
  size_t size() const { return points_.size(); }

 private:
  struct Point {
    geo::LatLon at;
    std::string regency_code;
    std::string name;
  };
  std::vector<Point> points_;
};

// "03°19'03.44\" N 097°07'41.73\" E" as degrees; nullopt when it is not of that form.
std::optional<geo::LatLon> parse_dms(std::string_view text);

}  // namespace aduan
