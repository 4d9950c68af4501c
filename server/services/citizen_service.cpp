#include "services/citizen_service.h"

#include <algorithm>

#include "base/crypto.h"
#include "store/attachment_repository.h"
#include "store/db.h"
#include "store/device_link_repository.h"
#include "store/report_repository.h"

namespace aduan {
namespace {

// "1234 5678", "1234-5678" -> "12345678".
std::string digits_only(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') out.push_back(c);
  }
  return out;
}

// The answer to a typed tracking ID that is not one, whichever proof came with it.
CitizenOutcome bad_tracking_id(const ParsedTrackingId& id) {
  CitizenOutcome out;
  out.result = CitizenOutcome::Result::kBadTrackingId;
  out.id_error = id.error;
  return out;
}

}  // namespace

CitizenService::CitizenService(Store& store, const Clock& clock, ServiceSettings settings,
                               WorkflowService& workflow, GuessRules pin_rules)
    : store_(store),
      clock_(clock),
      settings_(settings),
      workflow_(workflow),
      guard_("pin", pin_rules) {}

CitizenOutcome CitizenService::check_pin(const std::string& typed_id, const std::string& pin,
                                         const std::string& address, int64_t* report_id) {
  CitizenOutcome out;
  const ParsedTrackingId id = parse_tracking_id(typed_id);
  if (!id.ok()) return bad_tracking_id(id);
  const int64_t now = clock_.now_unix();
  const std::string digits = digits_only(pin);
  bool right = false;
  GuessFailure failure;
  // The wait, the check and its count in one write: concurrent guesses from one address
  // queue behind each other instead of all passing before the first failure is counted.
  store_.write_grouped([&](Db& db) {
    out.retry_after = guard_.begin(db, id.canonical, address, now);
    if (out.retry_after > 0) return;
    const auto report = ReportRepository::find_by_tracking_id(db, id.canonical);
    // An unknown ID costs the same digest, the same counts and the same answer as a wrong
    // PIN, so neither the answer nor its time tells which tracking IDs exist.
    const std::string digest = citizen_pin_hash(store_.secrets(), id.canonical, digits);
    right = report && !report->citizen_pin_hash.empty() &&
            equal_secret(digest, report->citizen_pin_hash);
    if (right) {
      guard_.succeeded(db, id.canonical, address, now);
      *report_id = report->id;
    } else {
      failure = guard_.failed(db, id.canonical, now);
    }
  });
  if (out.retry_after > 0) {
    out.result = CitizenOutcome::Result::kRateLimited;
  } else if (!right) {
    guard_.announce(failure);
    out.result = CitizenOutcome::Result::kWrongPin;
  }
  return out;
}

// A signed-in phone reaches only the reports linked to its contact. An unknown tracking ID
// answers as a report that is not linked, so a session cannot sort the IDs that exist.
CitizenOutcome CitizenService::check_device(const std::string& typed_id, const std::string& token,
                                            int64_t* report_id) {
  CitizenOutcome out;
  const ParsedTrackingId id = parse_tracking_id(typed_id);
  if (!id.ok()) return bad_tracking_id(id);
  const int64_t now = clock_.now_unix();
  store_.read([&](Db& db) {
    const auto contact = DeviceLinkRepository::session_contact(db, digest_hex(token), now);
    if (!contact) {
      out.result = CitizenOutcome::Result::kSignedOut;
      return;
    }
    const auto report = ReportRepository::find_by_tracking_id(db, id.canonical);
    const auto linked = DeviceLinkRepository::reports(db, store_.secrets(), *contact);
    if (!report || std::find(linked.begin(), linked.end(), report->id) == linked.end()) {
      out.result = CitizenOutcome::Result::kNotLinked;
      return;
    }
    *report_id = report->id;
  });
  return out;
}

CitizenOutcome CitizenService::check_key(const std::string& typed_id, const CitizenKey& key,
                                         const std::string& address, int64_t* report_id) {
  return key.by_device() ? check_device(typed_id, key.device_token, report_id)
                         : check_pin(typed_id, key.pin, address, report_id);
}

ReportView CitizenService::view_of(int64_t report_id) {
  ReportView view;
  const Date today = local_date(clock_.now_unix(), settings_.utc_offset_minutes);
  store_.read([&](Db& db) {
    view =
        load_report_view(db, *ReportRepository::find_by_id(db, report_id), today, false, settings_);
  });
  return view;
}

CitizenOutcome CitizenService::open(const std::string& typed_id, const CitizenKey& key,
                                    const std::string& address) {
  int64_t report_id = 0;
  CitizenOutcome out = check_key(typed_id, key, address, &report_id);
  if (out.result == CitizenOutcome::Result::kOk) out.view = view_of(report_id);
  return out;
}

CitizenOutcome CitizenService::act(const std::string& typed_id, const CitizenKey& key,
                                   const std::string& address, Action action,
                                   const ActionInput& input,
                                   std::optional<int64_t> expected_version) {
  int64_t report_id = 0;
  CitizenOutcome out = check_key(typed_id, key, address, &report_id);
  if (out.result != CitizenOutcome::Result::kOk) return out;
  const ActOutcome done =
      workflow_.act(report_id, Caller::citizen(), action, input, expected_version);
  switch (done.result) {
    case ActOutcome::Result::kOk:
      out.view = view_of(report_id);
      break;
    case ActOutcome::Result::kNotFound:
      out.result = CitizenOutcome::Result::kNotFound;
      break;
    case ActOutcome::Result::kNotAllowed:
      out.result = CitizenOutcome::Result::kNotAllowed;
      break;
    case ActOutcome::Result::kStaleVersion:
      out.result = CitizenOutcome::Result::kStaleVersion;
      break;
    case ActOutcome::Result::kInvalid:
      out.result = CitizenOutcome::Result::kInvalid;
      out.errors = done.errors;
      break;
  }
  return out;
}

CitizenOutcome CitizenService::attachment(const std::string& typed_id, const CitizenKey& key,
                                          const std::string& address, int position) {
  int64_t report_id = 0;
  CitizenOutcome out = check_key(typed_id, key, address, &report_id);
  if (out.result != CitizenOutcome::Result::kOk) return out;
  store_.read([&](Db& db) {
    // A file of an internal entry is not the reporter's to read: as if it did not exist.
    out.attachment =
        AttachmentRepository::read(db, report_id, position, /*include_internal=*/false);
  });
  return out;
}

CitizenOutcome CitizenService::set_notifications(const std::string& typed_id, const CitizenKey& key,
                                                 const std::string& address, bool enabled) {
  int64_t report_id = 0;
  CitizenOutcome out = check_key(typed_id, key, address, &report_id);
  if (out.result != CitizenOutcome::Result::kOk) return out;
  store_.write([&](Db& db) { ReportRepository::set_notify_citizen(db, report_id, enabled); });
  out.view = view_of(report_id);
  return out;
}

}  // namespace aduan
