// A staff member's saved queue views: a name and the queue's address query, seen and changed
// only by the user who saved them (store/saved_view_repository.h keeps them).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/saved_view.h"

namespace aduan {

class Store;
class Clock;

struct SaveViewOutcome {
  // kKeepsContact: the view's search is a reporter's phone number or e-mail address, which a
  // view, kept without end, must not hold. kFull: the user has kMaxSavedViews already.
  enum class Result { kSaved, kKeepsContact, kFull };
  Result result = Result::kSaved;
  std::optional<SavedView> view;
};

class SavedViewService {
 public:
  SavedViewService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  std::vector<SavedView> list(int64_t user_id) const;
  // `typed_search` is the query's search as typed (its "q"), read as the queue reads it.
  SaveViewOutcome save(int64_t user_id, const std::string& name, const std::string& query,
                       std::string_view typed_search);
  // False when the user has no view with this id.
  bool remove(int64_t user_id, int64_t view_id);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace aduan
