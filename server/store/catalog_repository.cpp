#include "store/catalog_repository.h"

#include <algorithm>
#include <map>
#include <mutex>

#include "formats/holiday_csv.h"
#include "store/db.h"
#include "store/prepared.h"

namespace aduan {
namespace {

std::optional<int64_t> optional_id(const Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}

void bind_optional(Prepared& st, int index, std::optional<int64_t> v) {
  if (v) {
    st.bind(index, *v);
  } else {
    st.bind(index);
  }
}

Agency read_agency(Prepared& q) {
  return Agency{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                optional_id(q.getColumn(3)), q.getColumn(4).getInt() != 0};
}

}  // namespace

namespace {

std::vector<Agency> read_active_agencies(Db& db);
std::vector<Category> read_active_categories(Db& db);
WorkingCalendar read_calendar(Db& db);
std::vector<int> read_confirmed_years(Db& db);

std::shared_ptr<Catalogue> read_catalogue(Db& db, int64_t version) {
  auto out = std::make_shared<Catalogue>();
  out->version = version;
  out->agencies = read_active_agencies(db);
  out->categories = read_active_categories(db);
  out->calendar = read_calendar(db);
  out->confirmed_holiday_years = read_confirmed_years(db);
  return out;
}

// One cached catalogue per database file (tests run several stores in one process).
std::mutex cache_mutex;
std::map<std::string, std::shared_ptr<const Catalogue>> cache;

}  // namespace

std::shared_ptr<const Catalogue> CatalogRepository::catalogue(Db& db) {
  // A write transaction may hold catalogue changes of its own, perhaps never committed.
  if (db.has_written()) return read_catalogue(db, -1);
  // The version and the lists from one snapshot of the store (Store::read is one read
  // transaction; a plain connection gets one here).
  const bool own = !db.in_transaction();
  if (own) Prepared(db, "BEGIN").exec();
  struct End {
    Db& db;
    bool own;
    ~End() {
      try {
        if (own && db.in_transaction()) Prepared(db, "COMMIT").exec();
      } catch (...) {  // ending a read transaction: nothing to lose
      }
    }
  } end{db, own};
  int64_t version = -1;
  {
    Prepared q(db, "SELECT version FROM catalog_version WHERE id = 1");
    if (q.executeStep()) version = q.getColumn(0).getInt64();
  }
  const std::string file = db.location();
  {
    std::lock_guard lock(cache_mutex);
    const auto it = cache.find(file);
    if (it != cache.end() && it->second->version == version && version >= 0) return it->second;
  }
  std::shared_ptr<const Catalogue> fresh = read_catalogue(db, version);
  std::lock_guard lock(cache_mutex);
  cache[file] = fresh;
  return fresh;
}

std::vector<Agency> CatalogRepository::active_agencies(Db& db) { return catalogue(db)->agencies; }

std::vector<Category> CatalogRepository::active_categories(Db& db) {
  return catalogue(db)->categories;
}

WorkingCalendar CatalogRepository::calendar(Db& db) { return catalogue(db)->calendar; }

namespace {

std::vector<Agency> read_active_agencies(Db& db) {
  Prepared q(db,
             "SELECT id, code, name, parent_id, officers_resolve FROM agencies WHERE active = 1 "
             "ORDER BY name");
  std::vector<Agency> out;
  while (q.executeStep()) out.push_back(read_agency(q));
  return out;
}

}  // namespace

std::optional<Agency> CatalogRepository::agency_by_id(Db& db, int64_t id) {
  Prepared q(db, "SELECT id, code, name, parent_id, officers_resolve FROM agencies WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read_agency(q);
}

namespace {

std::vector<Category> read_active_categories(Db& db) {
  Prepared q(db,
             "SELECT id, code, name, name_en, agency_id FROM categories "
             "WHERE active = 1 ORDER BY name");
  std::vector<Category> out;
  while (q.executeStep()) {
    out.push_back(Category{q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                           q.getColumn(2).getString(), q.getColumn(3).getString(),
                           optional_id(q.getColumn(4))});
  }
  return out;
}

}  // namespace

std::vector<Holiday> CatalogRepository::holidays(Db& db) {
  Prepared q(db, "SELECT date, name, kind FROM holidays ORDER BY date");
  std::vector<Holiday> out;
  while (q.executeStep()) {
    // Dates are written only through upsert_holiday, which formats them.
    const auto date = parse_iso_date(q.getColumn(0).getString());
    if (date) out.push_back(Holiday{*date, q.getColumn(1).getString(), q.getColumn(2).getString()});
  }
  return out;
}

namespace {

WorkingCalendar read_calendar(Db& db) {
  std::vector<Date> days;
  for (const Holiday& h : CatalogRepository::holidays(db)) days.push_back(h.date);
  return WorkingCalendar(std::move(days));
}

std::vector<int> read_confirmed_years(Db& db) {
  Prepared q(db, "SELECT year FROM holiday_years WHERE confirmed = 1 ORDER BY year");
  std::vector<int> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt());
  return out;
}

}  // namespace

std::vector<HolidayYear> CatalogRepository::holiday_years(Db& db) {
  Prepared q(db,
             "WITH years AS (SELECT year FROM holiday_years UNION "
             "SELECT CAST(substr(date, 1, 4) AS INTEGER) FROM holidays) "
             "SELECT y.year, coalesce(h.confirmed, 0), coalesce(h.confirmed_by, ''), "
             "h.confirmed_at, (SELECT count(*) FROM holidays "
             "WHERE date >= CAST(y.year AS TEXT) || '-01-01' "
             "AND date <= CAST(y.year AS TEXT) || '-12-31') "
             "FROM years y LEFT JOIN holiday_years h ON h.year = y.year ORDER BY y.year");
  std::vector<HolidayYear> out;
  while (q.executeStep()) {
    out.push_back(HolidayYear{q.getColumn(0).getInt(), q.getColumn(1).getInt() != 0,
                              q.getColumn(2).getString(), optional_id(q.getColumn(3)),
                              q.getColumn(4).getInt()});
  }
  return out;
}

bool CatalogRepository::confirm_holiday_year(Db& db, int year, const std::string& by, int64_t now) {
  {
    Prepared q(db, "SELECT 1 FROM holidays WHERE date >= ? AND date <= ? LIMIT 1");
    q.bind(1, format_iso_date(from_civil({year, 1, 1})));
    q.bind(2, format_iso_date(from_civil({year, 12, 31})));
    if (!q.executeStep()) return false;
  }
  Prepared q(db,
             "INSERT INTO holiday_years(year, confirmed, confirmed_by, confirmed_at) "
             "VALUES(?, 1, ?, ?) ON CONFLICT(year) DO UPDATE SET confirmed = 1, "
             "confirmed_by = excluded.confirmed_by, confirmed_at = excluded.confirmed_at");
  q.bind(1, year);
  q.bind(2, by);
  q.bind(3, now);
  q.exec();
  return true;
}

bool CatalogRepository::add_provisional_year(Db& db, int year,
                                             const std::vector<Holiday>& holidays) {
  {
    Prepared q(db, "INSERT INTO holiday_years(year) VALUES(?) ON CONFLICT(year) DO NOTHING");
    q.bind(1, year);
    if (q.exec() == 0) return false;
  }
  for (const Holiday& h : holidays) {
    Prepared q(db,
               "INSERT INTO holidays(date, name, kind) VALUES(?, ?, ?) "
               "ON CONFLICT(date) DO NOTHING");
    q.bind(1, format_iso_date(h.date));
    q.bind(2, h.name);
    q.bind(3, h.kind);
    q.exec();
  }
  return true;
}

int64_t CatalogRepository::upsert_agency(Db& db, const std::string& code, const std::string& name,
                                         std::optional<int64_t> parent_id) {
  Prepared q(db,
             "INSERT INTO agencies(code, name, parent_id) VALUES(?, ?, ?) "
             "ON CONFLICT(code) DO UPDATE SET name = excluded.name, "
             "parent_id = excluded.parent_id RETURNING id");
  q.bind(1, code);
  q.bind(2, name);
  bind_optional(q, 3, parent_id);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

int64_t CatalogRepository::upsert_category(Db& db, const std::string& code, const std::string& name,
                                           const std::string& name_en,
                                           std::optional<int64_t> agency_id) {
  Prepared q(db,
             "INSERT INTO categories(code, name, name_en, agency_id) "
             "VALUES(?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET "
             "name = excluded.name, name_en = excluded.name_en, "
             "agency_id = excluded.agency_id RETURNING id");
  q.bind(1, code);
  q.bind(2, name);
  q.bind(3, name_en);
  bind_optional(q, 4, agency_id);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

void CatalogRepository::upsert_holiday(Db& db, const Holiday& h) {
  Prepared q(db,
             "INSERT INTO holidays(date, name, kind) VALUES(?, ?, ?) "
             "ON CONFLICT(date) DO UPDATE SET name = excluded.name, "
             "kind = excluded.kind");
  q.bind(1, format_iso_date(h.date));
  q.bind(2, h.name);
  q.bind(3, h.kind);
  q.exec();
}

void CatalogRepository::set_agency_head(Db& db, int64_t agency_id, const std::string& name,
                                        const std::string& email, const std::string& phone) {
  Prepared q(db, "UPDATE agencies SET head_name = ?, head_email = ?, head_phone = ? WHERE id = ?");
  q.bind(1, name);
  q.bind(2, email);
  q.bind(3, phone);
  q.bind(4, agency_id);
  q.exec();
}

bool CatalogRepository::remove_holiday(Db& db, Date date) {
  Prepared q(db, "DELETE FROM holidays WHERE date = ?");
  q.bind(1, format_iso_date(date));
  return q.exec() > 0;
}

std::vector<int64_t> agency_subtree(Db& db, int64_t agency_id) {
  Prepared q(db,
             "WITH RECURSIVE tree(id) AS (SELECT ? UNION "
             "SELECT a.id FROM agencies a JOIN tree t ON a.parent_id = t.id) "
             "SELECT id FROM tree");
  q.bind(1, agency_id);
  std::vector<int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

std::vector<int> load_shipped_holidays(Db& db) {
  std::vector<int> missing;
  {
    Prepared q(db, "SELECT 1 FROM holiday_years WHERE year = ?");
    for (int year : shipped_holiday_years()) {
      q.reset();
      q.bind(1, year);
      if (!q.executeStep()) missing.push_back(year);
    }
  }
  if (missing.empty()) return {};
  std::vector<int> loaded;
  Transaction tx(db);
  for (int year : missing) {
    if (CatalogRepository::add_provisional_year(db, year, shipped_national_holidays(year))) {
      loaded.push_back(year);
    }
  }
  tx.commit();
  return loaded;
}

}  // namespace aduan
