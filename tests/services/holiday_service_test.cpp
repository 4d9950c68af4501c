// The holiday calendar's use cases without HTTP: what the panel and `aduan holidays` share.
#include "services/holiday_service.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "support/service_store.h"

namespace aduan {
namespace {

Date day(const char* iso) { return *parse_iso_date(iso); }

const HolidayYear* year_of(const std::vector<HolidayYear>& years, int year) {
  const auto it = std::find_if(years.begin(), years.end(),
                               [&](const HolidayYear& y) { return y.year == year; });
  return it == years.end() ? nullptr : &*it;
}

TEST(HolidayService, AnImportedListConfirmsItsYearsAndCountsInTheCalendar) {
  ServiceStore s;
  HolidayService holidays(s.store(), s.clock());
  EXPECT_EQ(year_of(holidays.years(), 2031), nullptr);

  const std::vector<int> years = holidays.import(
      {{day("2031-01-01"), "Tahun Baru", "national"}, {day("2031-08-17"), "HUT RI", "national"}},
      "tester");
  EXPECT_EQ(years, std::vector<int>{2031});
  const std::vector<HolidayYear> all = holidays.years();
  const HolidayYear* y = year_of(all, 2031);
  ASSERT_NE(y, nullptr);
  EXPECT_TRUE(y->confirmed);
  EXPECT_EQ(y->confirmed_by, "tester");
  EXPECT_EQ(y->confirmed_at, ServiceStore::kNow);
  EXPECT_EQ(y->holidays, 2);

  const HolidayCalendar calendar = holidays.calendar();
  EXPECT_TRUE(std::any_of(calendar.holidays.begin(), calendar.holidays.end(),
                          [](const Holiday& h) { return h.name == "HUT RI"; }));
  EXPECT_TRUE(
      std::binary_search(calendar.confirmed_years.begin(), calendar.confirmed_years.end(), 2031));
}

TEST(HolidayService, ARemovedHolidayIsGoneAndAnEmptyYearCannotBeConfirmed) {
  ServiceStore s;
  HolidayService holidays(s.store(), s.clock());
  holidays.put({day("2032-03-01"), "Hari lokal", "local"});
  EXPECT_TRUE(holidays.remove(day("2032-03-01")));
  EXPECT_FALSE(holidays.remove(day("2032-03-01")));
  EXPECT_FALSE(holidays.confirm(2032, "tester"));  // nothing left in the year to confirm
  EXPECT_FALSE(holidays.confirm(2099, "tester"));
}

}  // namespace
}  // namespace aduan
