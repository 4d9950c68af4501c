// The holiday calendar that working-day deadlines are counted on: read by every staff
// member, changed by the system admin from the panel and by the operator from the command
// line (`aduan holidays ...`), both through here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/catalogue.h"

namespace aduan {

class Store;
class Clock;

struct HolidayCalendar {
  std::vector<Holiday> holidays;
  std::vector<int> confirmed_years;  // sorted
};

class HolidayService {
 public:
  HolidayService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  HolidayCalendar calendar() const;
  // Every year that has holidays or a confirmation, in order.
  std::vector<HolidayYear> years() const;
  // Marks the year's holidays, as they are in the store, confirmed by `by`. False when the
  // store holds no holiday in that year: there is nothing to confirm.
  bool confirm(int year, const std::string& by);
  void put(const Holiday& h);
  // False when there was no holiday on that date.
  bool remove(Date date);
  // All or nothing: the holidays, and the years they fall in confirmed by `by` (someone's
  // own list of a year is that year confirmed); a half-imported calendar would move deadlines
  // silently. Returns the years confirmed.
  std::vector<int> import(const std::vector<Holiday>& holidays, const std::string& by);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace aduan
