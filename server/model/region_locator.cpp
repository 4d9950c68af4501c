#include "model/region_locator.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "base/csv.h"
#include "base/embedded.h"

namespace aduan {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads the next number (digits, an optional fraction) at or after `at`, skipping anything
// else before it (the degree sign, quotes and spaces between the parts).
std::optional<double> next_number(std::string_view text, size_t& at) {
  while (at < text.size() && !is_digit(text[at])) {
    // A hemisphere letter before the three numbers are read means a malformed value.
    if (text[at] == 'N' || text[at] == 'S' || text[at] == 'E' || text[at] == 'W') return {};
    ++at;
  }
  size_t end = at;
  while (end < text.size() && (is_digit(text[end]) || text[end] == '.')) ++end;
  double value = 0;
  const auto [ptr, ec] = std::from_chars(text.data() + at, text.data() + end, value);
  if (ec != std::errc() || ptr != text.data() + end || end == at) return {};
  at = end;
  return value;
}

// Degrees, minutes, seconds and the hemisphere letter; `positive` and `negative` are the
// letters of the two hemispheres.
std::optional<double> read_angle(std::string_view text, size_t& at, char positive, char negative,
                                 double max) {
  double parts[3];
  for (double& part : parts) {
    const auto n = next_number(text, at);
    if (!n) return {};
    part = *n;
  }
  if (parts[1] >= 60 || parts[2] >= 60) return {};
  while (at < text.size() && text[at] != positive && text[at] != negative) {
    if (is_digit(text[at])) return {};
    ++at;
  }
  if (at == text.size()) return {};
  const double degrees = parts[0] + parts[1] / 60 + parts[2] / 3600;
  if (degrees > max) return {};
  return text[at++] == positive ? degrees : -degrees;
}

}  // namespace

std::optional<geo::LatLon> parse_dms(std::string_view text) {
  size_t at = 0;
  const auto lat = read_angle(text, at, 'N', 'S', 90);
  if (!lat) return {};
  const auto lon = read_angle(text, at, 'E', 'W', 180);
  if (!lon) return {};
  for (; at < text.size(); ++at) {
    if (text[at] != ' ') return {};
  }
  return geo::LatLon{*lat, *lon};
}

const RegionLocator& RegionLocator::embedded() {
  static const RegionLocator locator(embedded_data_file("islands.csv"));
  return locator;
}

RegionLocator::RegionLocator(std::string_view islands_csv) {
  bool header = true;
  for_each_csv_line(islands_csv, [&](const std::vector<std::string>& cells) {
    if (header) {
      header = false;
      return;
    }
    if (cells.size() < 6) throw std::runtime_error("malformed island line");
    if (cells[1].empty()) return;  // 56 islands have no regency in the data
    const auto at = parse_dms(cells[2]);
    if (!at) throw std::runtime_error("malformed island coordinate: " + cells[2]);
    points_.push_back(Point{*at, cells[1], cells[5]});
  });
  if (points_.empty()) throw std::runtime_error("island data missing from the build");
}

std::optional<RegionLocator::Guess> RegionLocator::guess(geo::LatLon pin) const {
  // 17,000 points: a plain scan takes well under a millisecond, and the answer is cached by
  // the browser. Not worth an index.
  const Point* nearest = nullptr;
  double best = kProvinceReachKm;
  for (const Point& p : points_) {
    const double d = geo::distance_km(pin, p.at);
    if (d <= best) {
      best = d;
      nearest = &p;
    }
  }
  if (!nearest) return std::nullopt;
  Guess g{nearest->regency_code, nearest->name, best};
  bool regency = best <= kRegencyReachKm;
  if (regency) {
    // Every point about as near must agree; "about": twice the distance plus a kilometre.
    const double reach = 2 * best + 1;
    regency = std::all_of(points_.begin(), points_.end(), [&](const Point& p) {
      return p.regency_code == nearest->regency_code || geo::distance_km(pin, p.at) > reach;
    });
  }
  if (!regency) g.region_code = nearest->regency_code.substr(0, nearest->regency_code.find('.'));
  return g;
}

}  // namespace aduan
