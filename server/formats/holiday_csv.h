// Reading a holiday list as CSV: "date,name,kind" with an optional header line, kind one of
// national, cuti_bersama, local (national when left out). The format of
// server/data/holidays-id-YEAR.csv and of what admins import.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/catalogue.h"
#include "shared/validation.h"

namespace aduan {

struct HolidayCsv {
  std::vector<Holiday> holidays;
  std::vector<FieldError> errors;  // field "line N"
};

HolidayCsv parse_holiday_csv(std::string_view text);

// The years `holidays` fall in, in order, each once.
std::vector<int> holiday_csv_years(const std::vector<Holiday>& holidays);

// The national holidays shipped in server/data/ for `year`; empty if none is shipped.
std::vector<Holiday> shipped_national_holidays(int year);

// The years server/data/ ships holidays for (holidays-id-YEAR.csv), in order.
std::vector<int> shipped_holiday_years();

}  // namespace aduan
