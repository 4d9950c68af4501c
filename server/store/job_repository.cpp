#include "store/job_repository.h"

#include "store/prepared.h"

namespace aduan {

bool JobRepository::first_alert(Db& db, int64_t report_id, Date due, std::string_view colour) {
  Prepared once(db,
                "INSERT INTO deadline_alerts(report_id, stage_due, colour) VALUES(?, ?, ?) "
                "ON CONFLICT DO NOTHING");
  once.bind(1, report_id);
  once.bind(2, format_iso_date(due));
  once.bind(3, std::string(colour));
  return once.exec() == 1;
}

std::optional<std::string> JobRepository::state(Db& db, const std::string& key) {
  Prepared q(db, "SELECT value FROM job_state WHERE key = ?");
  q.bind(1, key);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

void JobRepository::set_state(Db& db, const std::string& key, const std::string& value) {
  Prepared q(db,
             "INSERT INTO job_state(key, value) VALUES(?, ?) "
             "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  q.bind(1, key);
  q.bind(2, value);
  q.exec();
}

}  // namespace aduan
