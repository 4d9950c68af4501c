#include "shared/regions.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace aduan {
namespace {

// The generated table: kProvinces (numbers), kRegencies (province * 100 + regency, in
// order) and kDistrictRuns: for each regency in that order, how many runs of consecutive
// district numbers it has, then each run's first and last number.
#include "region_table.inc"

// The two digits at `pos`, or -1.
int two_digits(std::string_view s, size_t pos) {
  if (pos + 2 > s.size()) return -1;
  const char a = s[pos], b = s[pos + 1];
  if (a < '0' || a > '9' || b < '0' || b > '9') return -1;
  return (a - '0') * 10 + (b - '0');
}

}  // namespace

bool known_region(std::string_view code) {
  const int province = two_digits(code, 0);
  if (province < 0) return false;
  if (code.size() == 2) {
    return std::binary_search(std::begin(kProvinces), std::end(kProvinces), province);
  }
  const int regency_number = code.size() >= 5 && code[2] == '.' ? two_digits(code, 3) : -1;
  if (regency_number < 0) return false;
  const uint16_t regency = static_cast<uint16_t>(province * 100 + regency_number);
  if (code.size() == 5) {
    return std::binary_search(std::begin(kRegencies), std::end(kRegencies), regency);
  }
  const int district = code.size() >= 8 && code[5] == '.' ? two_digits(code, 6) : -1;
  if (district < 0 || (code.size() > 8 && code[8] != '.')) return false;
  const auto found = std::lower_bound(std::begin(kRegencies), std::end(kRegencies), regency);
  if (found == std::end(kRegencies) || *found != regency) return false;
  // Skip the groups of the regencies before this one (a walk over about 2 KB).
  size_t at = 0;
  for (auto r = std::begin(kRegencies); r != found; ++r) at += 1 + 2 * size_t(kDistrictRuns[at]);
  const size_t runs = kDistrictRuns[at++];
  for (size_t i = 0; i < runs; ++i, at += 2) {
    if (kDistrictRuns[at] <= district && district <= kDistrictRuns[at + 1]) return true;
  }
  return false;
}

size_t known_region_count() { return kRegionCount; }

}  // namespace aduan
