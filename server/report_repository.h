// Reports and their timeline in SQL. Callers own the transaction; each function is one
// statement or a short group of them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "deadlines.h"
#include "report.h"
#include "workflow.h"

namespace SQLite {
class Database;
}

namespace aduan {

struct ReportRecord {
  int64_t id = 0;
  std::string tracking_id;  // canonical
  std::string classification;
  Status status = Status::kSubmitted;
  std::string title;
  std::string body;
  std::string incident_date;
  Location location;
  int64_t category_id = 0;
  std::optional<int64_t> suggested_agency_id;
  std::optional<int64_t> agency_id;
  std::string channel;
  Reporter reporter;
  bool anonymous = false;
  bool confidential = false;
  ResolutionTier tier = ResolutionTier::kNormative;
  StageDeadline deadline;  // stage kNone when no deadline runs
  int64_t created_at = 0;
  int64_t updated_at = 0;
  int64_t version = 1;
};

struct EventRecord {
  int64_t id = 0;
  int64_t at = 0;
  Role actor_role = Role::kCitizen;
  Action action = Action::kSubmit;
  std::optional<Status> from_status;
  Status to_status = Status::kSubmitted;
  std::string note;
  bool is_public = true;
};

class ReportRepository {
 public:
  // Inserts the report; false when its tracking ID is already taken (the caller picks
  // another). Other failures throw.
  static bool insert(SQLite::Database& db, ReportRecord* report);

  static void append_event(SQLite::Database& db, int64_t report_id, const EventRecord& event);

  static std::optional<ReportRecord> find_by_tracking_id(SQLite::Database& db,
                                                         const std::string& canonical);

  // Events visible to the citizen and the public, oldest first.
  static std::vector<EventRecord> public_events(SQLite::Database& db, int64_t report_id);

  static int64_t count(SQLite::Database& db);
};

}  // namespace aduan
