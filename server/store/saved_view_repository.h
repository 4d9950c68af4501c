// A staff member's saved queue views: a name and the queue's address query, seen and
// changed only by the user who saved them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/saved_view.h"
#include "store/db.h"

namespace aduan {

class SavedViewRepository {
 public:
  // The user's views, by name.
  static std::vector<SavedView> list(Db& db, int64_t user_id);
  // Saves the query under the name, replacing the query of a view of that name. Returns the
  // view, or nullopt when the name is new and the user already has kMaxSavedViews.
  static std::optional<SavedView> save(Db& db, int64_t user_id, const std::string& name,
                                       const std::string& query, int64_t now);
  // Whether the user had a view with this id (another user's view is not theirs to delete).
  static bool remove(Db& db, int64_t user_id, int64_t id);
};

}  // namespace aduan
