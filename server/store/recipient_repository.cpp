#include "store/recipient_repository.h"

#include "store/prepared.h"
#include "store/status_sql.h"

namespace aduan {
namespace {

std::vector<Contact> contacts(Prepared& q) {
  std::vector<Contact> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString()});
  return out;
}

std::string name_in(Db& db, const char* table, std::optional<int64_t> id) {
  if (!id) return {};
  Prepared q(db, std::string("SELECT name FROM ") + table + " WHERE id = ?");
  q.bind(1, *id);
  return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

}  // namespace

std::vector<Contact> RecipientRepository::staff(Db& db, Role role,
                                                std::optional<int64_t> agency_id) {
  Prepared q(db, std::string("SELECT email, phone FROM users WHERE disabled = 0 AND role = ?") +
                     (agency_id ? " AND agency_id = ?" : ""));
  q.bind(1, std::string(to_string(role)));
  if (agency_id) q.bind(2, *agency_id);
  return contacts(q);
}

std::optional<Contact> RecipientRepository::user(Db& db, int64_t user_id) {
  Prepared q(db, "SELECT email, phone FROM users WHERE disabled = 0 AND id = ?");
  q.bind(1, user_id);
  auto found = contacts(q);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::optional<Contact> RecipientRepository::agency_head(Db& db, int64_t agency_id) {
  Prepared q(db, "SELECT head_email, head_phone FROM agencies WHERE id = ?");
  q.bind(1, agency_id);
  auto found = contacts(q);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::string RecipientRepository::agency_name(Db& db, std::optional<int64_t> id) {
  return name_in(db, "agencies", id);
}

std::string RecipientRepository::category_name(Db& db, std::optional<int64_t> id) {
  return name_in(db, "categories", id);
}

AgencyDay RecipientRepository::agency_day(Db& db, const std::vector<int64_t>& agencies,
                                          Date today) {
  const std::string held = "SELECT %s FROM reports WHERE agency_id IN (" + id_list(agencies) +
                           ") AND status IN " + status_sql_list(held_by_agency);
  auto with = [&](const std::string& columns) {
    std::string sql = held;
    return sql.replace(sql.find("%s"), 2, columns);
  };
  AgencyDay day;
  day.open = query_int64(db, with("count(*)"));
  Prepared overdue(db, with("tracking_id, stage_due") + " AND stage_due < ? ORDER BY stage_due");
  overdue.bind(1, format_iso_date(today));
  while (overdue.executeStep()) {
    day.overdue.push_back({overdue.getColumn(0).getString(), overdue.getColumn(1).getString()});
  }
  return day;
}

}  // namespace aduan
