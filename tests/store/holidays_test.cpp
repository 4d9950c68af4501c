// The holiday calendar's years: the national holidays aduan ships for the years ahead are
// loaded into every store as provisional, and a year counts as confirmed only once a system
// admin confirms it or imports its list (migration 0019).
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>

#include "base/embedded.h"
#include "formats/holiday_csv.h"
#include "store/catalog_repository.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace aduan {
namespace {

namespace fs = std::filesystem;

Date d(const char* iso) { return *parse_iso_date(iso); }

class HolidayYears : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("aduan-holidays-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir);
    path = (dir / "store.db").string();
  }
  void TearDown() override { fs::remove_all(dir); }

  fs::path dir;
  std::string path;
};

TEST(ShippedHolidays, EveryShippedFileParsesWhole) {
  const std::vector<int> years = shipped_holiday_years();
  EXPECT_EQ(years, (std::vector<int>{2026, 2027, 2028, 2029, 2030}));
  for (int year : years) {
    const HolidayCsv csv =
        parse_holiday_csv(embedded_data_file("holidays-id-" + std::to_string(year) + ".csv"));
    EXPECT_TRUE(csv.errors.empty()) << year << ": " << csv.errors.front().field;
    EXPECT_GE(csv.holidays.size(), 12u) << year;
    for (const Holiday& h : csv.holidays) {
      EXPECT_EQ(to_civil(h.date).year, year);
      EXPECT_EQ(h.kind, "national");
    }
  }
}

TEST_F(HolidayYears, AFreshStoreCountsTheShippedYearsButConfirmsNone) {
  Store store(path, 1);
  store.read([&](Db& db) {
    const auto c = CatalogRepository::catalogue(db);
    // New Year and Isra Mikraj 2027 are holidays: a deadline crossing into 2027 skips them.
    EXPECT_FALSE(c->calendar.is_working_day(d("2027-01-01")));
    EXPECT_FALSE(c->calendar.is_working_day(d("2027-01-05")));
    EXPECT_EQ(c->calendar.add_working_days(d("2026-12-31"), 2), d("2027-01-06"));
    EXPECT_TRUE(c->confirmed_holiday_years.empty());
    EXPECT_EQ(unconfirmed_holiday_years(*c, d("2026-12-20"), d("2027-02-01")),
              (std::vector<int>{2026, 2027}));
    const auto years = CatalogRepository::holiday_years(db);
    ASSERT_EQ(years.size(), 5u);
    for (const HolidayYear& y : years) {
      EXPECT_FALSE(y.confirmed) << y.year;
      EXPECT_GT(y.holidays, 0) << y.year;
    }
  });
}

TEST_F(HolidayYears, ConfirmingAYearAndKeepingAnAdminsRemoval) {
  {
    Store store(path, 1);
    store.write([&](Db& db) {
      EXPECT_TRUE(CatalogRepository::confirm_holiday_year(db, 2027, "sysadmin", 1800000000));
      EXPECT_FALSE(CatalogRepository::confirm_holiday_year(db, 2031, "sysadmin", 1800000000));
      EXPECT_TRUE(CatalogRepository::remove_holiday(db, d("2028-01-26")));
    });
    store.read([&](Db& db) {
      const auto c = CatalogRepository::catalogue(db);
      EXPECT_EQ(c->confirmed_holiday_years, (std::vector<int>{2027}));
      EXPECT_TRUE(unconfirmed_holiday_years(*c, d("2027-01-04"), d("2027-03-01")).empty());
      EXPECT_EQ(unconfirmed_holiday_years(*c, d("2027-12-01"), d("2028-01-10")),
                (std::vector<int>{2028}));
      const auto years = CatalogRepository::holiday_years(db);
      const auto y2027 = std::find_if(years.begin(), years.end(),
                                      [](const HolidayYear& y) { return y.year == 2027; });
      ASSERT_NE(y2027, years.end());
      EXPECT_TRUE(y2027->confirmed);
      EXPECT_EQ(y2027->confirmed_by, "sysadmin");
      EXPECT_EQ(y2027->confirmed_at, 1800000000);
    });
  }
  // The next start loads nothing again: the holiday the admin removed stays removed.
  Store again(path, 1);
  again.read([&](Db& db) {
    const auto c = CatalogRepository::catalogue(db);
    EXPECT_TRUE(c->calendar.is_working_day(d("2028-01-26")));
    EXPECT_FALSE(c->calendar.is_working_day(d("2027-01-05")));
  });
}

// A store from before migration 0019: the national holidays it held were an admin's, so
// their years are confirmed; a year with only a local holiday gets the shipped national ones
// beside it, provisional.
TEST_F(HolidayYears, AnOlderStoresNationalHolidaysCountAsConfirmed) {
  {
    SqliteDb db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    std::vector<EmbeddedFile> files(embedded_migrations().begin(), embedded_migrations().end());
    std::sort(files.begin(), files.end(),
              [](const EmbeddedFile& a, const EmbeddedFile& b) { return a.name < b.name; });
    for (const EmbeddedFile& f : files) {
      if (f.name >= "0019") break;
      db.exec(std::string(f.data));
    }
    db.exec("PRAGMA user_version = 18");
    db.exec(
        "INSERT INTO holidays(date, name, kind) VALUES "
        "('2026-12-25', 'Natal', 'national'), ('2026-12-24', 'Cuti bersama Natal', "
        "'cuti_bersama'), ('2027-04-10', 'Hari Jadi Kabupaten', 'local')");
  }
  Store store(path, 1);
  store.read([&](Db& db) {
    const auto c = CatalogRepository::catalogue(db);
    EXPECT_EQ(c->confirmed_holiday_years, (std::vector<int>{2026}));
    // 2026 was the admin's: the shipped list was not added to it.
    EXPECT_TRUE(c->calendar.is_working_day(d("2026-08-25")));
    // 2027: the admin's local holiday and the shipped national ones.
    EXPECT_FALSE(c->calendar.is_working_day(d("2027-01-05")));
    const auto holidays = CatalogRepository::holidays(db);
    const auto local = std::find_if(holidays.begin(), holidays.end(),
                                    [](const Holiday& h) { return h.date == d("2027-04-10"); });
    ASSERT_NE(local, holidays.end());
    EXPECT_EQ(local->kind, "local");
  });
}

}  // namespace
}  // namespace aduan
