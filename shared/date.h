// Civil dates as a day count, with no time zone database and no clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aduan {

// A calendar date, stored as days since 1970-01-01 (proleptic Gregorian).
struct Date {
  int32_t days = 0;

  friend constexpr auto operator<=>(Date, Date) = default;
  constexpr Date next() const { return Date{days + 1}; }
};

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

Date from_civil(CivilDate c);
CivilDate to_civil(Date d);

// 0 = Monday .. 6 = Sunday (ISO 8601).
int iso_weekday(Date d);

// Parses exactly "YYYY-MM-DD" with a real calendar day; anything else is nullopt.
std::optional<Date> parse_iso_date(std::string_view s);
std::string format_iso_date(Date d);

// The local calendar date of a Unix time at a fixed UTC offset. Indonesia has no daylight
// saving, so WIB (+07:00), WITA (+08:00) and WIT (+09:00) are fixed offsets.
Date local_date(int64_t unix_seconds, int utc_offset_minutes);

// "2026-11-20T09:15:00+07:00": the local time of a Unix time at a fixed offset.
std::string format_iso_datetime(int64_t unix_seconds, int utc_offset_minutes);

}  // namespace aduan
