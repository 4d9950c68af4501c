// A report reaching or leaving an agency that works in another system (Open311): what is
// queued in the action's transaction, and what is sent. The post itself is the outbox's
// (channel "open311", server/notify/open311_transport.h), so a forward is acknowledged at once and
// the remote being down only delays it, with retries shown on the failed-messages page.
#pragma once

#include <cstdint>
#include <string>

#include "model/external_agency.h"
#include "model/report_record.h"
#include "notify/open311_client.h"
#include "store/db.h"

namespace aduan {

class Secrets;

namespace external_forwarding {

// The outbox's channel and event of a post to an external system.
inline constexpr const char* kChannel = "open311";
inline constexpr const char* kEvent = "open311_request";

// In the transaction of every action on report `r` (it was `held`): a report forwarded to an
// external agency gets its post queued; one the reporter reopened after the remote closed it
// is posted again, as a new request (Open311 v2 has no reopening); one that left the agency
// or is done here is no longer followed.
void acted(Db& db, const ReportRecord& held, const ReportRecord& r, Action action, int64_t now);

// The form of the post: the service, the place, the text with aduan's tracking ID (not the
// place as written: a remote may publish the text, while aduan never publishes that), and the
// reporter's contact only when the agency may have it (`share_identity`) and the report is
// neither anonymous nor confidential. The report's own choice of publicity goes along as
// attribute[confidential] (aduan's Open311 server honours it; without it a report is private).
Open311Form request_form(const ReportRecord& r, const ExternalAgency& agency,
                         const std::string& service_code);

// The secret that seals the remote systems' API keys in the store (derived from the
// deployment's key, which is not in the database).
std::string key_secret(const Secrets& secrets);

}  // namespace external_forwarding
}  // namespace aduan
