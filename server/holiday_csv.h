// Reading a holiday list as CSV: "date,name,kind" with an optional header line, kind one of
// national, cuti_bersama, local (national when left out). The format of
// server/data/holidays-2026.csv and of what admins import.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "catalog_repository.h"
#include "validation.h"

namespace aduan {

struct HolidayCsv {
  std::vector<Holiday> holidays;
  std::vector<FieldError> errors;  // field "line N"
};

HolidayCsv parse_holiday_csv(std::string_view text);

// The national holidays shipped in server/data/ for `year`; empty if none is shipped.
std::vector<Holiday> shipped_national_holidays(int year);

}  // namespace aduan
