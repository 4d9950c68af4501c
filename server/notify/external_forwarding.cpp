#include "notify/external_forwarding.h"

#include "base/crypto.h"
#include "base/secrets.h"
#include "shared/tracking_id.h"
#include "store/db.h"
#include "store/external_agency_repository.h"
#include "store/outbox_repository.h"

namespace aduan::external_forwarding {
namespace {

// Open311 has no title: the title leads the description, as its first sentence.
std::string description(const ReportRecord& r) {
  std::string out = r.title;
  if (!out.empty() && out.back() != '.' && out.back() != '?' && out.back() != '!') out += '.';
  out += "\n\n" + r.body;
  out += "\n\nTanggal kejadian: " + r.incident_date;
  out += "\nNomor laporan aduan: " + format_tracking_id(r.tracking_id);
  return out;
}

// Queues the post of `r` to `agency`: its request row and its outbox message, one generation.
void queue_post(Db& db, const ReportRecord& r, const ExternalAgency& agency, int64_t now) {
  OutboxMessage m;
  m.message_id = random_hex(16) + "@aduan";
  m.report_id = r.id;
  m.event = kEvent;
  m.channel = kChannel;
  m.recipient = agency.endpoint;
  m.subject = "Open311 " + format_tracking_id(r.tracking_id);
  m.body = "Laporan " + format_tracking_id(r.tracking_id) + " dikirim ke " + agency.endpoint;
  m.to_citizen = false;
  m.next_attempt_at = now;
  m.created_at = now;
  ExternalAgencyRepository::queue_request(db, r.id, agency.agency_id, m.message_id, now);
  OutboxRepository::insert(db, &m);
}

}  // namespace

void acted(Db& db, const ReportRecord& held, const ReportRecord& r, Action action, int64_t now) {
  const auto request = ExternalAgencyRepository::request(db, r.id);
  const bool moved = held.agency_id != r.agency_id;
  // Left the agency, or done here: whatever the remote says next changes nothing.
  if (request && request->open && (moved || is_final(r.status))) {
    ExternalAgencyRepository::close_request(db, r.id);
  }
  if (!r.agency_id || is_final(r.status)) return;
  const bool reopened =
      action == Action::kReopen && request && !request->open && request->agency_id == *r.agency_id;
  if (!moved && !reopened) return;
  if (const auto agency = ExternalAgencyRepository::find(db, *r.agency_id)) {
    queue_post(db, r, *agency, now);
  }
}

Open311Form request_form(const ReportRecord& r, const ExternalAgency& agency,
                         const std::string& service_code) {
  Open311Form form{{"service_code", service_code}, {"description", description(r)}};
  if (r.location.lat && r.location.lon) {
    form.emplace_back("lat", std::to_string(*r.location.lat));
    form.emplace_back("long", std::to_string(*r.location.lon));
  }
  if (!r.location.text.empty()) form.emplace_back("address_string", r.location.text);
  if (!r.classification.empty()) form.emplace_back("attribute[classification]", r.classification);
  form.emplace_back("attribute[confidential]", r.confidential ? "true" : "false");
  if (agency.share_identity && !r.anonymous && !r.confidential) {
    if (!r.reporter.email.empty()) form.emplace_back("email", r.reporter.email);
    if (!r.reporter.phone.empty()) form.emplace_back("phone", r.reporter.phone);
    const size_t space = r.reporter.name.rfind(' ');
    if (!r.reporter.name.empty()) {
      form.emplace_back("first_name", r.reporter.name.substr(0, space));
      if (space != std::string::npos) {
        form.emplace_back("last_name", r.reporter.name.substr(space + 1));
      }
    }
  }
  return form;
}

std::string key_secret(const Secrets& secrets) { return secrets.pin_mac("open311 client keys"); }

}  // namespace aduan::external_forwarding
