// Agencies, categories and holidays: the reference data every report points into.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/catalogue.h"
#include "shared/calendar.h"
#include "store/db.h"

namespace aduan {

// The ids of `agency_id` and every unit below it.
std::vector<int64_t> agency_subtree(Db& db, int64_t agency_id);

// Loads each shipped year that the store has no holiday_years row for, unconfirmed
// (provisional): a year an admin confirmed, imported or already had loaded is left as it is,
// so a shipped holiday an admin removed stays removed. Every start runs it (Store); it writes
// only when a newer aduan ships a year the store has not seen. Returns the years loaded.
std::vector<int> load_shipped_holidays(Db& db);

class CatalogRepository {
 public:
  // The catalogue, from memory while its version in the store (migration 0013) is unchanged;
  // read afresh inside a transaction, which may hold changes of its own.
  static std::shared_ptr<const Catalogue> catalogue(Db& db);
  // Copies from catalogue(); where all three are needed, take catalogue() once.
  static std::vector<Agency> active_agencies(Db& db);
  static std::vector<Category> active_categories(Db& db);
  static WorkingCalendar calendar(Db& db);
  static std::vector<Holiday> holidays(Db& db);  // with names, from the store

  static std::optional<Agency> agency_by_id(Db& db, int64_t id);

  // Inserts or updates by code; returns the row id.
  static int64_t upsert_agency(Db& db, const std::string& code, const std::string& name,
                               std::optional<int64_t> parent_id);
  static int64_t upsert_category(Db& db, const std::string& code, const std::string& name,
                                 const std::string& name_en, std::optional<int64_t> agency_id);
  static void upsert_holiday(Db& db, const Holiday& h);
  // Who heads an agency, for the notifications the head receives.
  static void set_agency_head(Db& db, int64_t agency_id, const std::string& name,
                              const std::string& email, const std::string& phone);
  // Every year that has holidays or a confirmation, in order.
  static std::vector<HolidayYear> holiday_years(Db& db);
  // Marks `year` confirmed by `by` at `now` (unix seconds). False when the store holds no
  // holiday in that year: there is nothing to confirm.
  static bool confirm_holiday_year(Db& db, int year, const std::string& by, int64_t now);
  // Inserts `holidays` of a year that has no row in holiday_years yet, unconfirmed, keeping
  // any holiday already on one of those dates; false (nothing written) when the year has a
  // row. The caller holds a transaction.
  static bool add_provisional_year(Db& db, int year, const std::vector<Holiday>& holidays);
  // False when there was no holiday on that date.
  static bool remove_holiday(Db& db, Date date);
};

}  // namespace aduan
