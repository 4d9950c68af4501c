// A report and its timeline as the services hold them, and the shape of a staff queue's
// question (read and written through store/report_repository.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/actions.h"
#include "shared/date.h"
#include "shared/deadlines.h"
#include "shared/report.h"
#include "shared/workflow.h"

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
  std::optional<int64_t> agency_id;  // the agency it is forwarded to
  std::string channel;
  Reporter reporter;
  bool anonymous = false;
  bool confidential = false;
  ResolutionTier tier = ResolutionTier::kNormative;
  ClockState clock;
  std::string citizen_pin_hash;
  std::optional<int64_t> assigned_user_id;
  bool returned = false;
  std::string archive_reason;
  std::string duplicate_of;
  std::optional<int> rating;
  std::string rating_comment;
  bool notify_citizen = true;   // the citizen may stop messages about their report
  std::string language = "id";  // of the citizen's messages
  int64_t followers = 0;        // citizens with the same problem (read only here)
  int64_t created_at = 0;
  int64_t updated_at = 0;
  int64_t version = 1;
};

struct EventRecord {
  int64_t id = 0;
  int64_t at = 0;
  Role actor_role = Role::kCitizen;
  std::optional<int64_t> actor_id;
  std::string actor_name;  // staff display name; never shown to the public
  Action action = Action::kSubmit;
  std::optional<Status> from_status;
  Status to_status = Status::kSubmitted;
  std::string note;
  Visibility visibility =
      Visibility::kReporter;         // who may read it (stored as report_events.public)
  std::optional<int64_t> agency_id;  // forward: the agency it went to
};

// A staff queue: which reports, in which order, which page.
// The order of a queue page: the soonest deadline first (the default), the oldest or the
// newest report first, the one changed most recently first, or the most followed first.
enum class QueueOrder { kDue, kOldest, kNewest, kUpdated, kFollowers };

// A search by words (server/store/report_search.h): the reports whose text has every one of
// `terms` (the core's matching terms, shared/similarity.h) and, when `agencies` is not empty,
// that one of them holds. The index keeps each report's agency as a term beside its words, so
// that the agencies narrow the matches before a report row is read, and a count of words within
// agencies needs no report row.
struct WordsQuery {
  std::vector<std::string> terms;
  std::vector<int64_t> agencies;
};

struct ReportFilter {
  std::vector<Status> statuses;                  // empty: any
  std::optional<std::vector<int64_t>> agencies;  // set: only reports forwarded to these
  std::optional<int64_t> category_id;
  std::optional<int64_t> assigned_user_id;
  std::optional<Date> overdue_on;  // set: only reports whose stage is due before it
  bool returned_only = false;
  std::optional<int64_t> after_id;  // set: id order from after this id (keyset paging)
  QueueOrder order = QueueOrder::kDue;
  // The queue's search (server/store/report_search.h): one of these, or nothing when `nothing`.
  std::optional<std::string> tracking_id;
  std::optional<std::string> reporter_phone;
  std::optional<std::string> reporter_email;
  std::optional<WordsQuery> words;
  bool named_reporters_only = false;  // a contact search by a role that may not see anonymous ones
  bool nothing = false;
  int limit = 25;
  int offset = 0;
};

// What a report's newest event recorded of the report's state (store/audit_chain.h).
struct LastEventState {
  int64_t event_id = 0;
  std::string state;
};

// Lists count their matches up to this many and one more: past it, a page says "more than
// 10,000" rather than have every request count hundreds of thousands of rows.
inline constexpr int64_t kCountLimit = 10000;
// A search by words counts to 500: each match counted is a report read, and staff refine a
// search long before the five hundredth result.
inline constexpr int64_t kSearchCountLimit = 500;

// How many reports a list matched: exact, or (capped) more than its limit (kCountLimit,
// kSearchCountLimit); `n` is then the limit and one more.
struct MatchCount {
  int64_t n = 0;
  bool capped = false;
};

}  // namespace aduan
