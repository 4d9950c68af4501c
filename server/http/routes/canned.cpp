// Canned responses under /api/v1/staff/canned-responses
// (server/services/canned_response_service.h): the caller's list, and for its managers creating,
// changing and removing a text. Which list is the account's; an id of another list answers 404 like
// one that does not exist.
#include <httplib.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>

#include "http/http_errors.h"
#include "http/json/support.h"
#include "http/route_helpers.h"
#include "http/router.h"
#include "http/routes.h"
#include "services/canned_response_service.h"
#include "services/report_service.h"
#include "shared/date.h"

namespace aduan {
namespace {

using nlohmann::json;

// Those who insert texts into their notes read their list; the system admin reads no
// complaint work and supervisors answer only escalated reports, so neither has one.
const uint8_t kReaders = role_mask({Role::kCoordinator, Role::kAgencyAdmin, Role::kAgencyOfficer});
const uint8_t kManagers = role_mask({Role::kCoordinator, Role::kAgencyAdmin});
constexpr const char* kPath = "/api/v1/staff/canned-responses";
constexpr const char* kItemPath = R"(/api/v1/staff/canned-responses/(\d{1,18}))";

json item_json(const CannedResponse& c, int offset) {
  return json{{"id", c.id},
              {"title", c.title},
              {"text", c.text},
              {"updated_at", format_iso_datetime(c.updated_at, offset)},
              {"updated_by", c.updated_by_name},
              {"version", c.version}};
}

// The body of a create or a change: a title and a text, both strings.
std::optional<CannedInput> read_input(const httplib::Request& req, httplib::Response& res,
                                      std::vector<FieldError>* errors) {
  if (!require_json(req, res)) return std::nullopt;
  std::string problem;
  const auto doc = json_support::parse_object(req.body, &problem);
  if (!doc) {
    send_error(res, "malformed_json", problem);
    return std::nullopt;
  }
  CannedInput in;
  in.title = json_support::read_string(*doc, "title", "title", errors);
  in.text = json_support::read_string(*doc, "text", "text", errors);
  // Optional: the version a change was made on.
  if (doc->contains("version") && !(*doc)["version"].is_null()) {
    const json& v = (*doc)["version"];
    if (v.is_number_integer() && v.get<int64_t>() > 0) {
      in.version = v.get<int64_t>();
    } else {
      errors->push_back({"version", FieldCode::kWrongType});
    }
  }
  return in;
}

// A field of the wrong type keeps that one error; the service checks the rest.
std::vector<FieldError> merge(std::vector<FieldError> typed, const std::vector<FieldError>& more) {
  for (const FieldError& e : more) {
    const bool has = std::any_of(typed.begin(), typed.end(),
                                 [&](const FieldError& t) { return t.field == e.field; });
    if (!has) typed.push_back(e);
  }
  return typed;
}

void send_canned_error(httplib::Response& res, CannedError error,
                       const std::vector<FieldError>& fields = {}) {
  switch (error) {
    case CannedError::kNoList:
    case CannedError::kReadOnly:
      return send_error(res, "forbidden", "Your role may not do this.");
    case CannedError::kNotFound:
      return send_error(res, "canned_response_not_found",
                        "Your list has no canned response with this id.");
    case CannedError::kStale:
      return send_error(res, "canned_response_changed",
                        "Someone changed this canned response since you opened it; read it "
                        "again.");
    case CannedError::kFull:
      return send_error(res, "canned_responses_full",
                        "The list holds 100 canned responses; remove one first.");
    case CannedError::kInvalid:
      return send_error(res, "validation_failed",
                        "Give a title (3 to 80 characters, unique in the list) and a text (10 "
                        "to 2,000 characters).",
                        fields);
    case CannedError::kNone:
      return;
  }
}

// A field of the wrong type: nothing is written; its error, and the other fields' own.
void send_typed_errors(httplib::Response& res, const std::vector<FieldError>& typed,
                       CannedInput in) {
  send_canned_error(res, CannedError::kInvalid, merge(typed, validate_canned(&in)));
}

}  // namespace

void register_canned_routes(Router& router, const Services& s) {
  CannedResponseService* service = &s.canned;
  router.staff("GET", kPath, kReaders,
               [&s, service](const httplib::Request&, httplib::Response& res, const Caller& p) {
                 const CannedListing l = service->list(p);
                 if (l.error != CannedError::kNone) return send_canned_error(res, l.error);
                 const int offset = s.reports.settings().utc_offset_minutes;
                 json items = json::array();
                 for (const CannedResponse& c : l.items) items.push_back(item_json(c, offset));
                 json agency = nullptr;
                 if (!l.coordinators) agency = {{"code", l.agency_code}, {"name", l.agency_name}};
                 send_json(
                     res, 200,
                     json_support::dump(json{{"list", l.coordinators ? "coordinators" : "agency"},
                                             {"agency", agency},
                                             {"may_manage", l.may_manage},
                                             {"limits",
                                              {{"title_min", CannedLimits::kTitleMin},
                                               {"title_max", CannedLimits::kTitleMax},
                                               {"text_min", CannedLimits::kTextMin},
                                               {"text_max", CannedLimits::kTextMax},
                                               {"per_list", CannedLimits::kPerList}}},
                                             {"items", std::move(items)}}));
               });
  router.staff("POST", kPath, kManagers,
               [&s, service](const httplib::Request& req, httplib::Response& res, const Caller& p) {
                 std::vector<FieldError> typed;
                 const auto in = read_input(req, res, &typed);
                 if (!in) return;
                 if (!typed.empty()) return send_typed_errors(res, typed, *in);
                 const CannedOutcome out = service->create(p, *in);
                 if (out.error != CannedError::kNone)
                   return send_canned_error(res, out.error, out.fields);
                 send_json(res, 201,
                           json_support::dump(
                               item_json(*out.item, s.reports.settings().utc_offset_minutes)));
               });
  router.staff(
      "PUT", kItemPath, kManagers,
      [&s, service](const httplib::Request& req, httplib::Response& res, const Caller& p) {
        std::vector<FieldError> typed;
        const auto in = read_input(req, res, &typed);
        if (!in) return;
        if (!typed.empty()) return send_typed_errors(res, typed, *in);
        const CannedOutcome out = service->update(p, std::stoll(req.matches[1].str()), *in);
        if (out.error != CannedError::kNone) return send_canned_error(res, out.error, out.fields);
        send_json(
            res, 200,
            json_support::dump(item_json(*out.item, s.reports.settings().utc_offset_minutes)));
      });
  router.staff("DELETE", kItemPath, kManagers,
               [service](const httplib::Request& req, httplib::Response& res, const Caller& p) {
                 const CannedError error = service->remove(p, std::stoll(req.matches[1].str()));
                 if (error != CannedError::kNone) return send_canned_error(res, error);
                 res.status = 204;
               });
}

}  // namespace aduan
