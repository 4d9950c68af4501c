// Citizens who follow a report: they have the same problem and said so instead of filing
// again, or their own report was archived as its duplicate. They get the report's public
// updates (when they left a contact) and count in its "followers".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace SQLite {
class Database;
}

namespace aduan {

struct Follower {
  std::string phone;  // E.164, or empty
  std::string email;  // or empty
  std::string language = "id";
  std::optional<int64_t> from_report_id;
};

class FollowerRepository {
 public:
  // Adds a follower and counts it on the report; returns the report's new count.
  static int64_t add(SQLite::Database& db, int64_t report_id, const Follower& f, int64_t now);
  // Those who left a contact, for the report's updates.
  static std::vector<Follower> with_contact(SQLite::Database& db, int64_t report_id);
};

}  // namespace aduan
