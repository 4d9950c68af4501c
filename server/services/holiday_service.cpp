#include "services/holiday_service.h"

#include "base/clock.h"
#include "formats/holiday_csv.h"
#include "store/catalog_repository.h"
#include "store/db.h"
#include "store/store.h"

namespace aduan {

HolidayCalendar HolidayService::calendar() const {
  HolidayCalendar out;
  store_.read([&](Db& db) {
    out.holidays = CatalogRepository::holidays(db);
    out.confirmed_years = CatalogRepository::catalogue(db)->confirmed_holiday_years;
  });
  return out;
}

std::vector<HolidayYear> HolidayService::years() const {
  std::vector<HolidayYear> out;
  store_.read([&](Db& db) { out = CatalogRepository::holiday_years(db); });
  return out;
}

bool HolidayService::confirm(int year, const std::string& by) {
  bool confirmed = false;
  store_.write([&](Db& db) {
    confirmed = CatalogRepository::confirm_holiday_year(db, year, by, clock_.now_unix());
  });
  return confirmed;
}

void HolidayService::put(const Holiday& h) {
  store_.write([&](Db& db) { CatalogRepository::upsert_holiday(db, h); });
}

bool HolidayService::remove(Date date) {
  bool removed = false;
  store_.write([&](Db& db) { removed = CatalogRepository::remove_holiday(db, date); });
  return removed;
}

std::vector<int> HolidayService::import(const std::vector<Holiday>& holidays,
                                        const std::string& by) {
  const std::vector<int> years = holiday_csv_years(holidays);
  store_.write([&](Db& db) {
    Transaction tx(db);
    for (const Holiday& h : holidays) CatalogRepository::upsert_holiday(db, h);
    for (int year : years) CatalogRepository::confirm_holiday_year(db, year, by, clock_.now_unix());
    tx.commit();
  });
  return years;
}

}  // namespace aduan
