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
};

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
  // False when there was no holiday on that date.
  static bool remove_holiday(SQLite::Database& db, Date date);
};

}  // namespace aduan
