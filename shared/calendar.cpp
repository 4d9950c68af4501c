#include "shared/calendar.h"

#include <algorithm>

namespace aduan {

WorkingCalendar::WorkingCalendar(std::vector<Date> holidays, uint8_t weekend_mask)
    : holidays_(std::move(holidays)), weekend_mask_(weekend_mask) {
  std::sort(holidays_.begin(), holidays_.end());
  holidays_.erase(std::unique(holidays_.begin(), holidays_.end()), holidays_.end());
}

bool WorkingCalendar::is_working_day(Date d) const {
  if (weekend_mask_ & (1u << iso_weekday(d))) return false;
  return !std::binary_search(holidays_.begin(), holidays_.end(), d);
}

Date WorkingCalendar::add_working_days(Date start, int n) const {
  Date d = start;
  // A mask with every day off would never finish; such a calendar has no working days.
  if (weekend_mask_ == 0b1111111) return start;
  while (n > 0) {
    d = d.next();
    if (is_working_day(d)) --n;
  }
  return d;
}

int WorkingCalendar::working_days_between(Date from, Date to) const {
  if (to < from) return -working_days_between(to, from);
  // Whole weeks contribute a fixed count; only the remainder and holidays need a look.
  int weekend_days = 0;
  for (int i = 0; i < 7; ++i) weekend_days += (weekend_mask_ >> i) & 1;
  const int span = to.days - from.days;
  int count = (span / 7) * (7 - weekend_days);
  for (Date d{from.days + (span / 7) * 7}; d < to;) {
    d = d.next();
    if (!(weekend_mask_ & (1u << iso_weekday(d)))) ++count;
  }
  auto first = std::upper_bound(holidays_.begin(), holidays_.end(), from);
  auto last = std::upper_bound(holidays_.begin(), holidays_.end(), to);
  for (auto it = first; it != last; ++it) {
    if (!(weekend_mask_ & (1u << iso_weekday(*it)))) --count;
  }
  return count;
}

DeadlineColour deadline_colour(const WorkingCalendar& cal, Date started, Date due, Date today) {
  if (today > due) return DeadlineColour::kRed;
  if (today == due) return DeadlineColour::kAmber;
  const int total = std::max(1, cal.working_days_between(started, due));
  const int left = cal.working_days_between(today, due);
  return left * 4 <= total ? DeadlineColour::kAmber : DeadlineColour::kGreen;
}

const char* to_string(DeadlineColour c) {
  switch (c) {
    case DeadlineColour::kGreen:
      return "green";
    case DeadlineColour::kAmber:
      return "amber";
    case DeadlineColour::kRed:
      return "red";
  }
  return "green";
}

}  // namespace aduan
