// Canned responses: the texts an agency writes every day, kept in a list per agency by its
// admin and inserted into a note by its staff, where they stay editable before sending.
//
// Whose list a staff member works with follows from their account, never from the request:
// an agency admin manages their agency's list and an officer reads it; a coordinator
// manages the coordinators' own list (their questions when they postpone a report, the
// reasons they archive one), which no agency sees. Supervisors and the system admin have
// none (the routes refuse them). A text of another list answers as one that does not exist.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/canned_response.h"
#include "services/caller.h"
#include "shared/validation.h"

namespace aduan {

class Store;
class Clock;

// In user-perceived characters (shared/text.h). The text fits every note it may go into
// (a postponement's question takes at most 2,000).
struct CannedLimits {
  static constexpr size_t kTitleMin = 3, kTitleMax = 80;
  static constexpr size_t kTextMin = 10, kTextMax = 2000;
  static constexpr int64_t kPerList = 100;  // texts in one list
};

struct CannedInput {
  std::string title;
  std::string text;
  std::optional<int64_t> version;  // a change: the version it was made on, when the caller says
};

// Normalises `in` as it will be stored (a title on one line, the text's lines trimmed) and
// returns every problem as (field, code): title and text required, not blank, valid UTF-8
// without control characters, within CannedLimits.
std::vector<FieldError> validate_canned(CannedInput* in);

enum class CannedError {
  kNone,
  kNoList,    // the account has no list (an agency role without an agency)
  kReadOnly,  // an officer: reads the list, does not change it
  kNotFound,  // no such text in the caller's list
  kInvalid,   // see fields
  kFull,      // the list already holds CannedLimits::kPerList texts
  kStale,     // a change made on an older version than the stored one
};

struct CannedOutcome {
  CannedError error = CannedError::kNone;
  std::vector<FieldError> fields;
  std::optional<CannedResponse> item;
};

struct CannedListing {
  CannedError error = CannedError::kNone;
  bool coordinators = false;  // the coordinators' list, not an agency's
  std::string agency_code, agency_name;
  bool may_manage = false;
  std::vector<CannedResponse> items;
};

class CannedResponseService {
 public:
  CannedResponseService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  CannedListing list(const Caller& p);
  CannedOutcome create(const Caller& p, CannedInput in);
  CannedOutcome update(const Caller& p, int64_t id, CannedInput in);
  CannedError remove(const Caller& p, int64_t id);

  // Whose list `p` works with and whether they may change it; nullopt without one.
  struct Scope {
    CannedList list;
    bool may_manage = false;
  };
  static std::optional<Scope> scope_of(const Caller& p);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace aduan
