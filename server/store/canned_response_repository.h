// Canned responses (migration 0026): per agency, and one list of the coordinators' own
// (agency NULL). Every query names its list, so a text of another list is never read,
// changed or removed through an id alone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/canned_response.h"
#include "store/db.h"

namespace aduan {

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
