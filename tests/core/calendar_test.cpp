#include "shared/calendar.h"

#include <gtest/gtest.h>

#include "shared/deadlines.h"

namespace aduan {
namespace {

Date d(const char* iso) { return *parse_iso_date(iso); }

TEST(Date, RoundTripsAcrossCenturiesAndLeapDays) {
  for (const char* iso : {"1900-03-01", "1970-01-01", "2000-02-29", "2024-02-29", "2026-12-31",
                          "2100-02-28", "2400-02-29"}) {
    EXPECT_EQ(format_iso_date(d(iso)), iso);
  }
  EXPECT_EQ(d("1970-01-02").days, 1);
}

TEST(Date, RejectsMalformedAndImpossibleDays) {
  for (const char* bad : {"", "2026-1-01", "2026/01/01", "2026-13-01", "2026-02-29", "2100-02-29",
                          "2026-04-31", "2026-00-10", "20260101", "2026-01-01T00", "abcd-ef-gh"}) {
    EXPECT_FALSE(parse_iso_date(bad)) << bad;
  }
}

TEST(Date, WeekdaysAreIso) {
  EXPECT_EQ(iso_weekday(d("2026-11-23")), 0);  // Monday
  EXPECT_EQ(iso_weekday(d("2026-11-29")), 6);  // Sunday
  EXPECT_EQ(iso_weekday(d("1969-12-31")), 2);  // Wednesday, before the epoch
}

TEST(Date, LocalDateFollowsTheOffset) {
  // 2026-11-23 17:30 UTC is already the 24th in WIT (+9) but still the 23rd in WIB (+7).
  const int64_t t = 1795455000;
  EXPECT_EQ(format_iso_date(local_date(t, 7 * 60)), "2026-11-24");
  EXPECT_EQ(format_iso_date(local_date(t - 3 * 3600, 7 * 60)), "2026-11-23");
  EXPECT_EQ(format_iso_datetime(0, 7 * 60), "1970-01-01T07:00:00+07:00");
  EXPECT_EQ(format_iso_datetime(-1, 0), "1969-12-31T23:59:59+00:00");
  EXPECT_EQ(format_iso_datetime(0, -210), "1969-12-31T20:30:00-03:30");
}

TEST(WorkingDays, SkipsWeekends) {
  const WorkingCalendar cal;
  // Friday + 1 working day is Monday.
  EXPECT_EQ(format_iso_date(cal.add_working_days(d("2026-11-27"), 1)), "2026-11-30");
  // From a Saturday, the first working day is Monday.
  EXPECT_EQ(format_iso_date(cal.add_working_days(d("2026-11-28"), 1)), "2026-11-30");
  EXPECT_EQ(format_iso_date(cal.add_working_days(d("2026-11-23"), 5)), "2026-11-30");
  EXPECT_EQ(cal.add_working_days(d("2026-11-28"), 0), d("2026-11-28"));
}

TEST(WorkingDays, SkipsHolidayAtYearEnd) {
  const WorkingCalendar cal({d("2026-12-24"), d("2026-12-25"), d("2027-01-01")});
  // Wed 23 Dec + 3: Thu 24 and Fri 25 are holidays, then Mon 28, Tue 29, Wed 30.
  EXPECT_EQ(format_iso_date(cal.add_working_days(d("2026-12-23"), 3)), "2026-12-30");
  // Across the year: Thu 31 Dec + 1 skips New Year's Day (Friday) and the weekend.
  EXPECT_EQ(format_iso_date(cal.add_working_days(d("2026-12-31"), 1)), "2027-01-04");
}

TEST(WorkingDays, SkipsConsecutiveHolidays) {
  // Idul Fitri with cuti bersama: a whole working week off.
  const WorkingCalendar cal(
      {d("2026-03-18"), d("2026-03-19"), d("2026-03-20"), d("2026-03-23"), d("2026-03-24")});
  EXPECT_EQ(format_iso_date(cal.add_working_days(d("2026-03-17"), 1)), "2026-03-25");
  EXPECT_EQ(cal.working_days_between(d("2026-03-17"), d("2026-03-25")), 1);
}

TEST(WorkingDays, HolidayOnWeekendCountsOnce) {
  const WorkingCalendar with({d("2026-11-28")});  // a Saturday
  const WorkingCalendar without;
  EXPECT_EQ(with.working_days_between(d("2026-11-23"), d("2026-12-04")),
            without.working_days_between(d("2026-11-23"), d("2026-12-04")));
}

TEST(WorkingDays, BetweenIsTheInverseOfAdd) {
  const WorkingCalendar cal(
      {d("2026-01-01"), d("2026-03-19"), d("2026-03-20"), d("2026-08-17"), d("2026-12-25")});
  for (Date start = d("2025-12-20"); start < d("2027-01-10"); start = Date{start.days + 3}) {
    for (int n : {0, 1, 2, 3, 5, 10, 14, 60}) {
      const Date due = cal.add_working_days(start, n);
      EXPECT_EQ(cal.working_days_between(start, due), n) << format_iso_date(start) << " +" << n;
      EXPECT_EQ(cal.working_days_between(due, start), -n);
    }
  }
}

TEST(WorkingDays, SaturdayCanBeAWorkingDay) {
  const WorkingCalendar six_days({}, 0b1000000);  // only Sunday off
  EXPECT_EQ(format_iso_date(six_days.add_working_days(d("2026-11-27"), 1)), "2026-11-28");
}

TEST(DeadlineColour, GreenAmberRed) {
  const WorkingCalendar cal;
  const Date start = d("2026-11-02");                // Monday
  const Date due = cal.add_working_days(start, 10);  // Monday 16th
  EXPECT_EQ(deadline_colour(cal, start, due, start), DeadlineColour::kGreen);
  EXPECT_EQ(deadline_colour(cal, start, due, d("2026-11-10")), DeadlineColour::kGreen);
  // Two working days left of ten: a fifth, so amber.
  EXPECT_EQ(deadline_colour(cal, start, due, d("2026-11-12")), DeadlineColour::kAmber);
  EXPECT_EQ(deadline_colour(cal, start, due, due), DeadlineColour::kAmber);
  EXPECT_EQ(deadline_colour(cal, start, due, d("2026-11-17")), DeadlineColour::kRed);
}

TEST(Deadlines, StagesFollowThePolicy) {
  const WorkingCalendar cal;
  const DeadlinePolicy policy;
  const Date mon = d("2026-11-23");
  EXPECT_EQ(stage_deadline(cal, policy, Stage::kVerification, ResolutionTier::kLight, mon).due,
            d("2026-11-26"));
  EXPECT_EQ(stage_deadline(cal, policy, Stage::kFirstResponse, ResolutionTier::kLight, mon).due,
            d("2026-11-30"));
  EXPECT_EQ(stage_deadline(cal, policy, Stage::kResolution, ResolutionTier::kLight, mon).due,
            d("2026-11-25"));
  EXPECT_EQ(
      stage_deadline(cal, policy, Stage::kResolution, ResolutionTier::kInvestigation, mon).due,
      cal.add_working_days(mon, 60));
  EXPECT_EQ(escalation_date(cal, policy, mon), cal.add_working_days(mon, 60));
  EXPECT_EQ(policy.working_days(Stage::kCitizenConfirmation, ResolutionTier::kLight), 10);
  EXPECT_EQ(policy.working_days(Stage::kNone, ResolutionTier::kLight), 0);
}

}  // namespace
}  // namespace aduan
