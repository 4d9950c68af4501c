#include "services/agency_settings_service.h"

#include <iostream>
#include <nlohmann/json.hpp>

#include "store/agency_settings_repository.h"
#include "store/catalog_repository.h"
#include "store/db.h"

namespace aduan {
namespace {

constexpr int kChangesShown = 10;

bool may_set(const Caller& p, const Agency& a) {
  if (p.role == Role::kSystemAdmin) return true;
  return p.role == Role::kAgencyAdmin && p.agency_id == a.id;
}

AgencySettings settings_of(Db& db, const Agency& a) {
  return AgencySettings{a.code, a.name, a.officers_resolve,
                        AgencySettingsRepository::changes(db, a.id, kChangesShown)};
}

}  // namespace

AgencySettingsService::AgencySettingsService(Store& store, const Clock& clock)
    : store_(store), clock_(clock) {}

std::vector<AgencySettings> AgencySettingsService::list(const Caller& p) {
  std::vector<AgencySettings> out;
  store_.read([&](Db& db) {
    for (const Agency& a : CatalogRepository::active_agencies(db)) {
      if (may_set(p, a)) out.push_back(settings_of(db, a));
    }
  });
  return out;
}

std::optional<AgencySettings> AgencySettingsService::set_officers_resolve(const Caller& p,
                                                                          const std::string& code,
                                                                          bool value) {
  std::optional<AgencySettings> out;
  const int64_t now = clock_.now_unix();
  store_.write([&](Db& db) {
    Transaction tx(db);
    const auto agencies = CatalogRepository::active_agencies(db);
    const Agency* agency = find_code(agencies, code);
    if (!agency || !may_set(p, *agency)) return;
    AgencySettingsRepository::set_officers_resolve(db, agency->id, value, p.account(), p.name, now);
    Agency changed = *agency;
    changed.officers_resolve = value;
    out = settings_of(db, changed);
    tx.commit();
  });
  if (out) {
    // The record in the store is the one that counts; the log line lets an operator see it
    // among the rest of what happened.
    std::cerr << nlohmann::json{{"level", "info"}, {"event", "agency_setting_changed"},
                                {"agency", code},  {"setting", "officers_resolve"},
                                {"value", value},  {"by", p.username},
                                {"at", now}}
                     .dump()
              << '\n';
  }
  return out;
}

}  // namespace aduan
