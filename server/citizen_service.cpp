#include "citizen_service.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "crypto.h"

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

}  // namespace

CitizenService::CitizenService(Store& store, const Clock& clock, ServiceSettings settings,
                               WorkflowService& workflow, RateRule pin_rule)
    : store_(store), clock_(clock), settings_(settings), workflow_(workflow), pin_rule_(pin_rule) {}

CitizenOutcome CitizenService::check_pin(const std::string& typed_id, const std::string& pin,
                                         int64_t* report_id) {
  CitizenOutcome out;
  const ParsedTrackingId id = parse_tracking_id(typed_id);
  if (!id.ok()) {
    out.result = CitizenOutcome::Result::kBadTrackingId;
    out.id_error = id.error;
    return out;
  }
  const std::string key = "pin:" + id.canonical;
  const int64_t now = clock_.now_unix();
  std::optional<ReportRecord> report;
  store_.read([&](SQLite::Database& db) {
    out.retry_after = RateLimiter::retry_after(db, key, pin_rule_, now);
    if (out.retry_after == 0) report = ReportRepository::find_by_tracking_id(db, id.canonical);
  });
  if (out.retry_after > 0) {
    out.result = CitizenOutcome::Result::kRateLimited;
    return out;
  }
  if (!report) {
    out.result = CitizenOutcome::Result::kNotFound;
    return out;
  }
  if (report->citizen_pin_hash.empty() ||
      !equal_secret(citizen_pin_hash(store_.secrets(), id.canonical, digits_only(pin)), report->citizen_pin_hash)) {
    store_.write([&](SQLite::Database& db) { RateLimiter::record_failure(db, key, now); });
    out.result = CitizenOutcome::Result::kWrongPin;
    return out;
  }
  *report_id = report->id;
  return out;
}

ReportView CitizenService::view_of(int64_t report_id) {
  ReportView view;
  const Date today = local_date(clock_.now_unix(), settings_.utc_offset_minutes);
  store_.read([&](SQLite::Database& db) {
    view = load_report_view(db, *ReportRepository::find_by_id(db, report_id), today, false);
  });
  return view;
}

CitizenOutcome CitizenService::open(const std::string& typed_id, const std::string& pin) {
  int64_t report_id = 0;
  CitizenOutcome out = check_pin(typed_id, pin, &report_id);
  if (out.result == CitizenOutcome::Result::kOk) out.view = view_of(report_id);
  return out;
}

CitizenOutcome CitizenService::act(const std::string& typed_id, const std::string& pin,
                                   Action action, const ActionInput& input,
                                   std::optional<int64_t> expected_version) {
  int64_t report_id = 0;
  CitizenOutcome out = check_pin(typed_id, pin, &report_id);
  if (out.result != CitizenOutcome::Result::kOk) return out;
  const ActOutcome done =
      workflow_.act(report_id, Actor{Role::kCitizen, {}, {}, {}}, action, input, expected_version);
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

CitizenOutcome CitizenService::attachment(const std::string& typed_id, const std::string& pin,
                                          int position) {
  int64_t report_id = 0;
  CitizenOutcome out = check_pin(typed_id, pin, &report_id);
  if (out.result != CitizenOutcome::Result::kOk) return out;
  store_.read([&](SQLite::Database& db) {
    out.attachment = AttachmentRepository::read(db, report_id, position);
  });
  return out;
}

CitizenOutcome CitizenService::set_notifications(const std::string& typed_id,
                                                 const std::string& pin, bool enabled) {
  int64_t report_id = 0;
  CitizenOutcome out = check_pin(typed_id, pin, &report_id);
  if (out.result != CitizenOutcome::Result::kOk) return out;
  store_.write(
      [&](SQLite::Database& db) { ReportRepository::set_notify_citizen(db, report_id, enabled); });
  out.view = view_of(report_id);
  return out;
}

}  // namespace aduan
