// The monitoring's counters: which day and month counters cover a period.
#include "store/tallies.h"

#include <gtest/gtest.h>

namespace aduan::tallies {
namespace {

Date day(const char* iso) { return *parse_iso_date(iso); }

TEST(Tallies, ThirtyDaysInsideOneMonthAreDays) {
  const auto r = cover(day("2026-11-02"), day("2026-11-30"));
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].grain, 0);
  EXPECT_EQ(r[0].first, day("2026-11-02").days);
  EXPECT_EQ(r[0].last, day("2026-11-30").days);
}

TEST(Tallies, WholeMonthsFromMonthCountersEdgesFromDays) {
  const auto r = cover(day("2024-11-24"), day("2026-11-23"));
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].grain, 0);
  EXPECT_EQ(r[0].first, day("2024-11-24").days);
  EXPECT_EQ(r[0].last, day("2024-11-30").days);
  EXPECT_EQ(r[1].grain, 1);
  EXPECT_EQ(r[1].first, month_of(day("2024-12-01")));
  EXPECT_EQ(r[1].last, month_of(day("2026-10-31")));
  EXPECT_EQ(r[2].grain, 0);
  EXPECT_EQ(r[2].first, day("2026-11-01").days);
  EXPECT_EQ(r[2].last, day("2026-11-23").days);
}

TEST(Tallies, ExactMonthsNeedNoDays) {
  const auto r = cover(day("2026-01-01"), day("2026-12-31"));
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].grain, 1);
  EXPECT_EQ(first_day_of_month(r[0].first), day("2026-01-01"));
  EXPECT_EQ(first_day_of_month(r[0].last), day("2026-12-01"));
  // February of a leap year ends on the 29th.
  const auto feb = cover(day("2024-02-01"), day("2024-02-29"));
  ASSERT_EQ(feb.size(), 1u);
  EXPECT_EQ(feb[0].grain, 1);
  EXPECT_EQ(cover(day("2024-02-01"), day("2024-02-28"))[0].grain, 0);
}

TEST(Tallies, EmptyPeriodCoversNothing) {
  EXPECT_TRUE(cover(day("2026-12-01"), day("2026-11-01")).empty());
  EXPECT_EQ(condition({}), "(0)");
}

}  // namespace
}  // namespace aduan::tallies
