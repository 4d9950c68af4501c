#include "notify/open311_transport.h"

#include "base/crypto.h"
#include "notify/external_forwarding.h"
#include "store/catalog_repository.h"
#include "store/db.h"
#include "store/external_agency_repository.h"
#include "store/report_repository.h"

namespace aduan {
namespace {

// What a delivery needs, read in one go; `done` when there is nothing (left) to post.
struct Pending {
  bool done = false;
  std::string refusal;  // a reason that will not pass by retrying
  ReportRecord report;
  ExternalAgency agency;
  std::string service_code;
};

class Open311Transport final : public Transport {
 public:
  Open311Transport(Store& store, const Clock& clock)
      : store_(store), clock_(clock), secret_(external_forwarding::key_secret(store.secrets())) {}

  Delivery deliver(const OutboxMessage& m) override {
    const Pending p = pending(m);
    if (p.done) return {true, false, ""};
    if (!p.refusal.empty()) return {false, true, p.refusal};
    const auto key = open_with_secret(secret_, p.agency.sealed_key);
    if (!key)
      return {false, true, "the agency's API key cannot be opened: the server's key changed"};
    const Open311Endpoint endpoint{p.agency.endpoint, *key, p.agency.jurisdiction_id};
    // The message's own ID, as the key of the post: a repeated delivery (a crash after the
    // remote answered) files nothing new on a server that honours it.
    const std::string idempotency = digest_hex(m.message_id).substr(0, 40);
    const Open311Answer answer = open311_post_request(
        endpoint, external_forwarding::request_form(p.report, p.agency, p.service_code),
        idempotency);
    if (!answer.ok) return {false, answer.permanent, answer.error};
    // [{"service_request_id": ...}] or [{"token": ...}]: one of the two (GeoReport v2).
    std::string id, token;
    if (answer.body.is_array() && !answer.body.empty() && answer.body[0].is_object()) {
      const auto& first = answer.body[0];
      if (first.contains("service_request_id") && first["service_request_id"].is_string())
        id = first["service_request_id"].get<std::string>();
      if (first.contains("token") && first["token"].is_string())
        token = first["token"].get<std::string>();
    }
    if ((id.empty() && token.empty()) || id.size() > 200 || token.size() > 200) {
      return {false, false, "Open311 answered without a service_request_id or token"};
    }
    store_.write([&](Db& db) {
      ExternalAgencyRepository::set_posted(db, p.report.id, m.message_id, id, token,
                                           clock_.now_unix());
    });
    return {true, false, ""};
  }

 private:
  Pending pending(const OutboxMessage& m) {
    Pending p;
    store_.read([&](Db& db) {
      const auto request =
          m.report_id ? ExternalAgencyRepository::request(db, *m.report_id) : std::nullopt;
      auto report = m.report_id ? ReportRepository::find_by_id(db, *m.report_id) : std::nullopt;
      // Posted already, queued again since (a newer message posts it), or the report has
      // left the agency: nothing to send.
      if (!request || !report || !request->open || request->posted_at ||
          request->message_id != m.message_id || report->agency_id != request->agency_id) {
        p.done = true;
        return;
      }
      const auto agency = ExternalAgencyRepository::find(db, request->agency_id);
      if (!agency) {
        p.refusal = "the agency is no longer handled in another system";
        return;
      }
      p.report = std::move(*report);
      p.agency = *agency;
      p.service_code = agency->service_code_for(p.report.category_id);
      // Most Open311 servers publish every request: a confidential report goes only to one
      // the admin marked as keeping it private when asked.
      if (p.report.confidential && !agency->keeps_private) {
        p.refusal =
            "confidential report not sent: the agency's system is not marked as keeping "
            "reports private";
      } else if (p.service_code.empty()) {
        const Category* c =
            find_id(CatalogRepository::catalogue(db)->categories, p.report.category_id);
        p.refusal = "no remote service code for the category " + (c ? c->code : std::string("?"));
      }
    });
    return p;
  }

  Store& store_;
  const Clock& clock_;
  std::string secret_;
};

}  // namespace

std::unique_ptr<Transport> make_open311_transport(Store& store, const Clock& clock) {
  return std::make_unique<Open311Transport>(store, clock);
}

}  // namespace aduan
