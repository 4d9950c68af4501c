#include "model/catalogue.h"

#include <algorithm>

namespace aduan {

std::vector<int> unconfirmed_holiday_years(const Catalogue& c, Date from, Date to) {
  std::vector<int> out;
  if (to < from) std::swap(from, to);
  for (int y = to_civil(from).year; y <= to_civil(to).year; ++y) {
    if (!std::binary_search(c.confirmed_holiday_years.begin(), c.confirmed_holiday_years.end(),
                            y)) {
      out.push_back(y);
    }
  }
  return out;
}

}  // namespace aduan
