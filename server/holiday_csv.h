// Reading a holiday list as CSV: "date,name,kind" with an optional header line, kind one of
// national, cuti_bersama, local (national when left out). The format of
// server/data/holidays-id-YEAR.csv and of what admins import.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace SQLite {
class Database;
}

#include "catalog_repository.h"
#include "validation.h"

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

// Loads each shipped year that the store has no holiday_years row for, unconfirmed
// (provisional): a year an admin confirmed, imported or already had loaded is left as it is,
// so a shipped holiday an admin removed stays removed. Every start runs it (Store); it writes
// only when a newer aduan ships a year the store has not seen. Returns the years loaded.
std::vector<int> load_shipped_holidays(SQLite::Database& db);

}  // namespace aduan
