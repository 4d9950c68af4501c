// What the notifier reads to address and fill a message: the contacts of staff and of an
// agency's head, the names a message mentions, and an agency's day in figures for its digest.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/date.h"
#include "shared/workflow.h"
#include "store/db.h"

namespace aduan {

struct Contact {
  std::string email;  // either may be empty
  std::string phone;
};

// What an agency (with its units) holds and owes its next step on (held_by_agency in
// store/status_sql.h), and which of those are past their stage's due day, soonest first.
struct AgencyDay {
  int64_t open = 0;
  struct Overdue {
    std::string tracking_id;  // canonical
    std::string due;          // YYYY-MM-DD
  };
  std::vector<Overdue> overdue;
};

class RecipientRepository {
 public:
  // Enabled staff accounts of `role`, in `agency_id` when given.
  static std::vector<Contact> staff(Db& db, Role role, std::optional<int64_t> agency_id = {});
  // The account `user_id` when it is enabled.
  static std::optional<Contact> user(Db& db, int64_t user_id);
  static std::optional<Contact> agency_head(Db& db, int64_t agency_id);

  static std::string agency_name(Db& db, std::optional<int64_t> id);
  static std::string category_name(Db& db, std::optional<int64_t> id);

  static AgencyDay agency_day(Db& db, const std::vector<int64_t>& agencies, Date today);
};

}  // namespace aduan
