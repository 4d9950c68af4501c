// Canned responses (migration 0026): per agency, and one list of the coordinators' own
// (agency NULL). Every query names its list, so a text of another list is never read,
// changed or removed through an id alone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/db.h"

namespace aduan {

// Whose list: an agency's, or the coordinators' (nullopt).
using CannedList = std::optional<int64_t>;

struct CannedResponse {
  int64_t id = 0;
  CannedList agency_id;
  std::string title;
  std::string text;
  int64_t created_at = 0;
  int64_t updated_at = 0;
  std::string updated_by;       // the username, or "demo"
  std::string updated_by_name;  // the account's display name when there is one, else updated_by
  int64_t version = 1;          // grows with each change
};

class CannedResponseRepository {
 public:
  // The list in title order (letters in either case alike).
  static std::vector<CannedResponse> list(Db& db, CannedList list);
  static std::optional<CannedResponse> find(Db& db, CannedList list, int64_t id);
  static int64_t count(Db& db, CannedList list);
  static int64_t count_all(Db& db);
  // Whether another text of the list (not `except`) has this title, in any case of letters.
  static bool title_taken(Db& db, CannedList list, const std::string& title, int64_t except = 0);
  // Returns the new id.
  static int64_t insert(Db& db, CannedList list, const std::string& title, const std::string& text,
                        const std::string& by, int64_t now);
  // False when the list has no text with this id. The version grows by one.
  static bool update(Db& db, CannedList list, int64_t id, const std::string& title,
                     const std::string& text, const std::string& by, int64_t now);
  static bool remove(Db& db, CannedList list, int64_t id);
};

}  // namespace aduan
