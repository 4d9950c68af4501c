#include "shared/date.h"

namespace aduan {

// Day-count conversions after Howard Hinnant's public-domain "chrono-compatible low-level
// date algorithms", which are exact over the whole int32 range used here.
Date from_civil(CivilDate c) {
  const int y = c.year - (c.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int mp = (c.month + 9) % 12;
  const int doy = (153 * mp + 2) / 5 + c.day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return Date{era * 146097 + doe - 719468};
}

CivilDate to_civil(Date d) {
  const int z = d.days + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int day = doy - (153 * mp + 2) / 5 + 1;
  const int month = mp < 10 ? mp + 3 : mp - 9;
  return CivilDate{yoe + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

int iso_weekday(Date d) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  const int w = (d.days + 3) % 7;
  return w < 0 ? w + 7 : w;
}

namespace {

bool read_digits(std::string_view s, size_t pos, size_t count, int* out) {
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    value = value * 10 + (s[i] - '0');
  }
  *out = value;
  return true;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  CivilDate c;
  if (!read_digits(s, 0, 4, &c.year) || !read_digits(s, 5, 2, &c.month) ||
      !read_digits(s, 8, 2, &c.day)) {
    return std::nullopt;
  }
  if (c.year < 1900 || c.month < 1 || c.month > 12 || c.day < 1 ||
      c.day > days_in_month(c.year, c.month)) {
    return std::nullopt;
  }
  return from_civil(c);
}

std::string format_iso_date(Date d) {
  const CivilDate c = to_civil(d);
  std::string out(10, '0');
  auto put = [&out](size_t pos, int value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10) out[pos + i] = char('0' + value % 10);
  };
  put(0, c.year, 4);
  out[4] = '-';
  put(5, c.month, 2);
  out[7] = '-';
  put(8, c.day, 2);
  return out;
}

Date local_date(int64_t unix_seconds, int utc_offset_minutes) {
  const int64_t local = unix_seconds + int64_t{utc_offset_minutes} * 60;
  int64_t days = local / 86400;
  if (local % 86400 < 0) --days;
  return Date{static_cast<int32_t>(days)};
}

std::string format_iso_datetime(int64_t unix_seconds, int utc_offset_minutes) {
  const int64_t local = unix_seconds + int64_t{utc_offset_minutes} * 60;
  const Date day = local_date(unix_seconds, utc_offset_minutes);
  const int64_t seconds_of_day = local - int64_t{day.days} * 86400;
  const int offset = utc_offset_minutes < 0 ? -utc_offset_minutes : utc_offset_minutes;
  const int fields[] = {int(seconds_of_day / 3600), int(seconds_of_day / 60 % 60),
                        int(seconds_of_day % 60), offset / 60, offset % 60};
  std::string out = format_iso_date(day) + "T00:00:00+00:00";
  const size_t positions[] = {11, 14, 17, 20, 23};
  for (int i = 0; i < 5; ++i) {
    out[positions[i]] = char('0' + fields[i] / 10);
    out[positions[i] + 1] = char('0' + fields[i] % 10);
  }
  if (utc_offset_minutes < 0) out[19] = '-';
  return out;
}

}  // namespace aduan
