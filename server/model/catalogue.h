// Agencies, categories and holidays: the reference data every report points into, as the
// layers above the store see it (read through store/catalog_repository.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/calendar.h"

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

}  // namespace aduan
