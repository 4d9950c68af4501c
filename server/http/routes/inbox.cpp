// The staff inbox under /api/v1/staff/inbox (server/services/inbox_service.h): what needs the
// caller's attention, and marking it read.
#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <utility>

#include "http/http_errors.h"
#include "http/json/support.h"
#include "http/route_helpers.h"
#include "http/router.h"
#include "http/routes.h"
#include "services/inbox_service.h"
#include "shared/date.h"
#include "shared/tracking_id.h"

namespace aduan {
namespace {

using nlohmann::json;
using namespace json_support;

json item_json(const InboxItem& item, int utc_offset_minutes) {
  // What the queue shows of a report (no body, no reporter), and why it is here.
  json out = report_json(item.view, utc_offset_minutes, Content::kNone);
  out["title"] = item.view.report.title;
  out["kind"] = item.kind;
  out["event_id"] = item.event_id;
  out["at"] = format_iso_datetime(item.at, utc_offset_minutes);
  out["unread"] = item.unread;
  out["by_role"] = std::string(to_string(item.actor_role));
  out["by"] = item.actor_name.empty() ? json(nullptr) : json(item.actor_name);
  out["instructions"] = item.instructions.empty() ? json(nullptr) : json(item.instructions);
  return out;
}

json page_json(const InboxPage& page, int page_size, int utc_offset_minutes) {
  json items = json::array();
  for (const InboxItem& item : page.items) items.push_back(item_json(item, utc_offset_minutes));
  return json{{"items", std::move(items)},
              {"unread", page.unread},
              {"newest_event_id", page.newest_event_id},
              {"page_size", page_size}};
}

// {"tracking_id": "..."} marks one report's items read; {"all": true} every item, up to
// "up_to" (the page's newest_event_id) when given.
void mark_read(InboxService& inbox, const httplib::Request& req, httplib::Response& res,
               const Caller& p) {
  if (!require_json(req, res)) return;
  std::string problem;
  const auto doc = parse_object(req.body, &problem);
  if (!doc) return send_error(res, "malformed_json", problem);
  std::vector<FieldError> errors;
  const std::string tracking_id = read_string(*doc, "tracking_id", "tracking_id", &errors);
  const bool all = read_bool(*doc, "all", &errors).value_or(false);
  std::optional<int64_t> up_to;
  if (const auto it = doc->find("up_to"); it != doc->end() && !it->is_null()) {
    if (!it->is_number_integer() || it->get<int64_t>() < 0) {
      errors.push_back({"up_to", FieldCode::kWrongType});
    } else {
      up_to = it->get<int64_t>();
    }
  }
  if (errors.empty() && all == !tracking_id.empty()) {
    errors.push_back({"tracking_id", FieldCode::kRequired});
  }
  if (!errors.empty()) {
    return send_error(res, "validation_failed", "Give a report's tracking_id, or \"all\": true.",
                      errors);
  }
  if (all) {
    inbox.mark_all_read(p, up_to);
  } else if (!inbox.mark_read(p, tracking_id)) {
    return send_error(res, "report_not_found", "No report you can read has this ID.");
  }
  send_json(res, 200, dump(json{{"unread", inbox.inbox(p, 0).unread}}));
}

}  // namespace

void register_inbox_routes(Router& router, const Services& s) {
  InboxService* inbox = &s.inbox;
  router.staff("GET", "/api/v1/staff/inbox", kCaseWorkers,
               [&s, inbox](const httplib::Request& req, httplib::Response& res, const Caller& p) {
                 // ?items=0: the count alone, which the header of every staff page asks for.
                 const int items = int_param(req, "items", kInboxPageSize, 0, kInboxPageSize);
                 res.set_header("Cache-Control", "no-store");
                 send_json(res, 200,
                           dump(page_json(inbox->inbox(p, items), items,
                                          s.reports.settings().utc_offset_minutes)));
               });
  router.staff("POST", "/api/v1/staff/inbox/read", kCaseWorkers,
               [inbox](const httplib::Request& req, httplib::Response& res, const Caller& p) {
                 mark_read(*inbox, req, res, p);
               });
}

}  // namespace aduan
