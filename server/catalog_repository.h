// Agencies, categories and holidays: the reference data every report points into.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "calendar.h"

namespace SQLite {
class Database;
}

namespace aduan {

struct Agency {
  int64_t id = 0;
  std::string code;
  std::string name;
  std::optional<int64_t> parent_id;
  bool officers_resolve = false;  // its officers may resolve (AgencyRules, migration 0030)
};

struct Category {
  int64_t id = 0;
  std::string code;
  std::string name;
  std::string name_en;
  std::optional<int64_t> agency_id;
};

struct Holiday {
  Date date;
  std::string name;
  std::string kind;  // national, cuti_bersama, local
};

// A year of the holiday calendar: whether a system admin has confirmed its holidays
// (migration 0019). Years aduan ships are loaded unconfirmed (provisional).
struct HolidayYear {
  int year = 0;
  bool confirmed = false;
  std::string confirmed_by;  // the admin's username, or how it was confirmed
  std::optional<int64_t> confirmed_at;
  int holidays = 0;  // holidays of the year in the store
};

// The catalogue entry with `code` or `id` in a list read from CatalogRepository; nullptr
// when there is none.
template <typename T>
const T* find_code(const std::vector<T>& items, const std::string& code) {
  for (const T& item : items) {
    if (item.code == code) return &item;
  }
  return nullptr;
}
template <typename T>
const T* find_id(const std::vector<T>& items, std::optional<int64_t> id) {
  if (!id) return nullptr;
  for (const T& item : items) {
    if (item.id == *id) return &item;
  }
  return nullptr;
}

// The active agencies and categories and the working calendar as of one catalogue version.
struct Catalogue {
  int64_t version = -1;
  std::vector<Agency> agencies;
  std::vector<Category> categories;
  WorkingCalendar calendar;
  std::vector<int> confirmed_holiday_years;  // sorted
};

// The years from `from`'s to `to`'s (inclusive) whose holidays are not confirmed: a deadline
// counted across them may still move.
std::vector<int> unconfirmed_holiday_years(const Catalogue& c, Date from, Date to);

class CatalogRepository {
 public:
  // The catalogue, from memory while its version in the store (migration 0013) is unchanged;
  // read afresh inside a transaction, which may hold changes of its own.
  static std::shared_ptr<const Catalogue> catalogue(SQLite::Database& db);
  // Copies from catalogue(); where all three are needed, take catalogue() once.
  static std::vector<Agency> active_agencies(SQLite::Database& db);
  static std::vector<Category> active_categories(SQLite::Database& db);
  static WorkingCalendar calendar(SQLite::Database& db);
  static std::vector<Holiday> holidays(SQLite::Database& db);  // with names, from the store

  static std::optional<Agency> agency_by_id(SQLite::Database& db, int64_t id);

  // Inserts or updates by code; returns the row id.
  static int64_t upsert_agency(SQLite::Database& db, const std::string& code,
                               const std::string& name, std::optional<int64_t> parent_id);
  static int64_t upsert_category(SQLite::Database& db, const std::string& code,
                                 const std::string& name, const std::string& name_en,
                                 std::optional<int64_t> agency_id);
  static void upsert_holiday(SQLite::Database& db, const Holiday& h);
  // Who heads an agency, for the notifications the head receives.
  static void set_agency_head(SQLite::Database& db, int64_t agency_id, const std::string& name,
                              const std::string& email, const std::string& phone);
  // Every year that has holidays or a confirmation, in order.
  static std::vector<HolidayYear> holiday_years(SQLite::Database& db);
  // Marks `year` confirmed by `by` at `now` (unix seconds). False when the store holds no
  // holiday in that year: there is nothing to confirm.
  static bool confirm_holiday_year(SQLite::Database& db, int year, const std::string& by,
                                   int64_t now);
  // Inserts `holidays` of a year that has no row in holiday_years yet, unconfirmed, keeping
  // any holiday already on one of those dates; false (nothing written) when the year has a
  // row. The caller holds a transaction.
  static bool add_provisional_year(SQLite::Database& db, int year,
                                   const std::vector<Holiday>& holidays);
  // False when there was no holiday on that date.
  static bool remove_holiday(SQLite::Database& db, Date date);
};

}  // namespace aduan
