#include "services/inbound_service.h"

#include <cctype>

#include "base/crypto.h"
#include "formats/inbound_text.h"
#include "notify/templates.h"
#include "notify/transports.h"
#include "shared/text.h"
#include "shared/tracking_id.h"
#include "shared/validation.h"
#include "store/db.h"
#include "store/replay_repository.h"
#include "store/report_repository.h"

namespace aduan {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Whether `from` is the reporter of `r`: the same phone number or email address.
bool same_sender(const ReportRecord& r, const std::string& channel, const std::string& from) {
  if (channel == "email")
    return !r.reporter.email.empty() && lower(r.reporter.email) == lower(from);
  return !r.reporter.phone.empty() && r.reporter.phone == normalize_phone(from);
}

}  // namespace

InboundAuth check_inbound(Store& store, const std::string& secret, int window_seconds, int64_t now,
                          const std::string& timestamp, const std::string& nonce,
                          const std::string& signature, const std::string& body) {
  const std::string expected =
      "sha256=" + hmac_sha256_hex(secret, timestamp + "." + nonce + "." + body);
  if (nonce.empty() || nonce.size() > 128 || !equal_secret(signature, expected)) {
    return InboundAuth::kBadSignature;
  }
  char* end = nullptr;
  const long long at = std::strtoll(timestamp.c_str(), &end, 10);
  if (timestamp.empty() || *end != '\0' || at < now - window_seconds || at > now + window_seconds) {
    return InboundAuth::kStaleTimestamp;
  }
  bool fresh = false;
  store.write([&](Db& db) { fresh = ReplayRepository::add_inbound_nonce(db, nonce, now); });
  return fresh ? InboundAuth::kOk : InboundAuth::kReplayed;
}

InboundService::InboundService(Store& store, const Clock& clock, ServiceSettings settings,
                               ReportService& reports, WorkflowService& workflow,
                               const Notifier& notifier)
    : store_(store),
      clock_(clock),
      settings_(settings),
      reports_(reports),
      workflow_(workflow),
      notifier_(notifier) {}

bool InboundService::enabled() const { return !notifier_.config().inbound_secret.empty(); }

InboundAuth InboundService::authenticate(const std::string& timestamp, const std::string& nonce,
                                         const std::string& signature, const std::string& body) {
  const NotifyConfig& config = notifier_.config();
  return check_inbound(store_, config.inbound_secret, config.inbound_window_seconds,
                       clock_.now_unix(), timestamp, nonce, signature, body);
}

InboundOutcome InboundService::receive(const InboundMessage& m) {
  InboundOutcome out;
  // A quoted tracking ID of the sender's own report continues that conversation.
  if (const auto id = find_tracking_id(m.subject + " " + m.text)) {
    std::optional<ReportRecord> report;
    store_.read([&](Db& db) { report = ReportRepository::find_by_tracking_id(db, *id); });
    if (report && same_sender(*report, m.channel, m.from)) {
      const Action action = report->status == Status::kPostponed ? Action::kAnswer : Action::kReply;
      ActionInput input;
      input.note = m.text;
      const ActOutcome done =
          workflow_.act(report->id, Caller::citizen(), action, input, std::nullopt);
      if (done.result == ActOutcome::Result::kOk) {
        out.result = InboundOutcome::Result::kReplied;
        out.tracking_id = format_tracking_id(*id);
        return out;
      }
      // A closed report takes no more replies: the message becomes a report of its own.
    }
  }

  ReportInput in;
  in.classification = "complaint";
  in.title = derive_title(m.subject, m.text);
  in.body = m.text;
  in.incident_date = format_iso_date(local_date(clock_.now_unix(), settings_.utc_offset_minutes));
  in.location.text = "Tidak disebutkan (dikirim lewat " + m.channel + ")";
  in.category = notifier_.config().inbound_category;
  in.channel = m.channel;
  in.language = m.language == "en" ? "en" : "id";
  if (m.channel == "email") {
    in.reporter.email = m.from;
  } else {
    in.reporter.phone = m.from;
  }
  const SubmitOutcome submitted = reports_.submit(in);
  if (submitted.errors.empty()) {
    out.result = InboundOutcome::Result::kCreated;
    out.tracking_id = submitted.tracking_id;
    return out;
  }
  out.errors = submitted.errors;
  // Tell the sender on their own channel, so a message never vanishes without an answer.
  const std::string to = m.channel == "email" ? m.from : normalize_phone(m.from);
  const bool reachable = m.channel == "email" ? !check_email(to) : !check_phone(to);
  if (reachable) {
    store_.write([&](Db& db) {
      // In the sender's language, in words: never a field path or a code.
      notifier_.notify_address(db, "inbound_rejected", m.channel, to, in.language,
                               field_problems_text(in.language, out.errors), clock_.now_unix());
    });
  }
  return out;
}

}  // namespace aduan
