#include "store/agency_settings_repository.h"

#include "store/db.h"
#include "store/prepared.h"

namespace aduan {

void AgencySettingsRepository::set_officers_resolve(Db& db, int64_t agency_id, bool value,
                                                    int64_t changed_by,
                                                    const std::string& changed_by_name,
                                                    int64_t now) {
  Prepared set(db, "UPDATE agencies SET officers_resolve = ? WHERE id = ?");
  set.bind(1, int64_t(value ? 1 : 0));
  set.bind(2, agency_id);
  set.exec();
  Prepared log(db,
               "INSERT INTO agency_setting_changes (agency_id, setting, value, changed_by, "
               "changed_by_name, changed_at) VALUES (?, 'officers_resolve', ?, ?, ?, ?)");
  log.bind(1, agency_id);
  log.bind(2, std::string(value ? "1" : "0"));
  log.bind(3, changed_by);
  log.bind(4, changed_by_name);
  log.bind(5, now);
  log.exec();
}

std::vector<AgencySettingChange> AgencySettingsRepository::changes(Db& db, int64_t agency_id,
                                                                   int limit) {
  Prepared q(db,
             "SELECT setting, value, changed_by_name, changed_at FROM agency_setting_changes "
             "WHERE agency_id = ? ORDER BY changed_at DESC, id DESC LIMIT ?");
  q.bind(1, agency_id);
  q.bind(2, int64_t(limit));
  std::vector<AgencySettingChange> out;
  while (q.executeStep()) {
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(),
                   q.getColumn(2).getString(), q.getColumn(3).getInt64()});
  }
  return out;
}

}  // namespace aduan
