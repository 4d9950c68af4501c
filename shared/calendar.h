// Working days: weekends plus a holiday list that admins manage. Pure: "today" is always an
// argument, never read inside.
#pragma once

#include <cstdint>
#include <vector>

#include "shared/date.h"

namespace aduan {

class WorkingCalendar {
 public:
  // Saturday and Sunday are the weekend unless a mask says otherwise (bit 0 = Monday).
  static constexpr uint8_t kSaturdaySunday = 0b1100000;

  WorkingCalendar() = default;
  explicit WorkingCalendar(std::vector<Date> holidays, uint8_t weekend_mask = kSaturdaySunday);

  bool is_working_day(Date d) const;

  // The n-th working day after `start` (start itself does not count, whatever it is).
  // n <= 0 gives `start`.
  Date add_working_days(Date start, int n) const;

  // Working days in (from, to]: the number of add_working_days steps between the two.
  // Negative when `to` is before `from`.
  int working_days_between(Date from, Date to) const;

  const std::vector<Date>& holidays() const { return holidays_; }

 private:
  std::vector<Date> holidays_;  // sorted, unique
  uint8_t weekend_mask_ = kSaturdaySunday;
};

enum class DeadlineColour : uint8_t { kGreen, kAmber, kRed };

// Red once `today` is past `due`; amber on the due day itself and when at most a quarter
// of the stage's working days remain; green otherwise.
DeadlineColour deadline_colour(const WorkingCalendar& cal, Date started, Date due, Date today);

const char* to_string(DeadlineColour c);

}  // namespace aduan
