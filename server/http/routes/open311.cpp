// Open311 GeoReport v2 under /open311/v2/, in its .json and .xml formats: aduan's categories
// are the services, its reports the service requests, and a request posted here goes
// through the same validation and workflow as any other report (channel "open311").
#include <httplib.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "base/clock.h"
#include "base/crypto.h"
#include "formats/json_parse.h"
#include "formats/open311_params.h"
#include "formats/xml_writer.h"
#include "http/json/support.h"
#include "http/router.h"
#include "http/routes.h"
#include "model/region_catalog.h"
#include "services/api_key_service.h"
#include "services/catalogue_service.h"
#include "services/inbound_service.h"
#include "services/open311_service.h"
#include "services/report_service.h"
#include "shared/geo.h"

namespace aduan {
namespace {

using nlohmann::json;

const std::map<std::string, std::string> kItems = {
    {"services", "service"},     {"service_requests", "request"},
    {"attributes", "attribute"}, {"values", "value"},
    {"errors", "error"},         {"endpoints", "endpoint"},
    {"formats", "format"}};

// Answers in the format the path asked for: `root` names the XML document element.
void reply(httplib::Response& res, const std::string& format, int status, const std::string& root,
           const json& body) {
  res.status = status;
  if (format == "xml") {
    res.set_content(to_xml(root, body, kItems), "text/xml; charset=utf-8");
  } else {
    res.set_content(json_support::dump(body), "application/json; charset=utf-8");
  }
}

void reply_error(httplib::Response& res, const std::string& format, int status,
                 const std::string& description) {
  reply(res, format, status, "errors",
        json::array({json{{"code", status}, {"description", description}}}));
}

// Open311 has two states, and "closed" is "it has been resolved" (GeoReport v2): from the
// agency's final follow-up on. A reporter who reopens the report makes it open again.
std::string open311_status(Status s) {
  return s == Status::kResolved || is_final(s) ? "closed" : "open";
}

// Request parameters: form fields (the spec's encoding) or a JSON object.
std::map<std::string, std::string> request_params(const httplib::Request& req) {
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : req.params) out[k] = v;
  if (req.get_header_value("Content-Type").rfind("application/json", 0) == 0) {
    const json doc = parse_request_json(req.body);
    if (doc.is_object()) {
      for (const auto& [k, v] : doc.items())
        out[k] = v.is_string() ? v.get<std::string>() : v.dump();
    }
  } else if (req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) ==
             0) {
    httplib::Params form;
    httplib::detail::parse_query_text(req.body, form);
    for (const auto& [k, v] : form) out[k] = v;
  }
  return out;
}

std::string param(const std::map<std::string, std::string>& p, const std::string& key) {
  const auto it = p.find(key);
  return it == p.end() ? std::string() : it->second;
}

json service_json(const Category& c, const std::vector<Agency>& agencies) {
  std::string group;
  for (const Agency& a : agencies) {
    if (c.agency_id && a.id == *c.agency_id) group = a.name;
  }
  return json{{"service_code", c.code}, {"service_name", c.name}, {"description", c.name_en},
              {"metadata", true},       {"type", "realtime"},     {"keywords", ""},
              {"group", group}};
}

json request_json(const Catalogue& catalogue, const Open311Request& request, int offset) {
  const ReportRecord& r = request.report;
  const Category* category = find_id(catalogue.categories, r.category_id);
  const Agency* agency = find_id(catalogue.agencies, r.agency_id);
  const std::string& notes = request.notes;
  json out{{"service_request_id", format_tracking_id(r.tracking_id)},
           {"status", open311_status(r.status)},
           {"status_notes", notes},
           {"service_name", category ? category->name : ""},
           {"service_code", category ? category->code : ""},
           {"description", r.body},
           {"agency_responsible", agency ? agency->name : ""},
           {"service_notice", ""},
           {"requested_datetime", format_iso_datetime(r.created_at, offset)},
           {"updated_datetime", format_iso_datetime(r.updated_at, offset)},
           {"address", ""},  // the place as written may be the reporter's own address
           {"address_id", r.location.region_code},
           {"zipcode", ""}};
  // The end of the working day the current stage is due; no stage, no expectation. An absent
  // media_url is left out: the schema wants a URI, and "" is not one.
  if (r.clock.deadline.stage != Stage::kNone) {
    out["expected_datetime"] = format_iso_datetime(
        int64_t{r.clock.deadline.due.days} * 86400 + 86399 - offset * 60, offset);
  }
  if (r.location.lat && r.location.lon) {
    // As on the public pages: the public grid, the street and not the house.
    out["lat"] = geo::public_coordinate(*r.location.lat);
    out["long"] = geo::public_coordinate(*r.location.lon);
  }
  return out;
}

void post_request(const Services& s, const httplib::Request& req, httplib::Response& res) {
  const std::string format = req.matches[1].str();
  const auto p = request_params(req);
  const std::optional<ApiKey> sender = s.api_keys.authenticate(param(p, "api_key"), "open311");
  if (!sender)
    return reply_error(res, format, 403, "api_key is missing, revoked or not for Open311");
  // A client may name each request with an Idempotency-Key, as for aduan's own API: a post
  // repeated after a lost answer files one report (another aduan posting here does).
  const std::string idempotency = req.get_header_value("Idempotency-Key");
  if (!idempotency.empty() && !valid_idempotency_key(idempotency)) {
    return reply_error(res, format, 400, "Idempotency-Key: 16 to 64 letters, digits, '-' or '_'");
  }

  // The spec asks for a service and a place; the rest aduan derives (open311_report).
  const std::string code = param(p, "service_code");
  if (code.empty()) return reply_error(res, format, 400, "service_code is required");
  if (param(p, "address_string").empty() && param(p, "address_id").empty() &&
      (param(p, "lat").empty() || param(p, "long").empty())) {
    return reply_error(res, format, 400, "lat and long, address_string or address_id is required");
  }
  const std::string media = param(p, "media_url");
  if (!media.empty() && !valid_media_url(media)) {
    return reply_error(res, format, 400, "media_url is an http or https URL");
  }
  const auto catalogue = s.catalogue.catalogue();
  const Category* category = find_code(catalogue->categories, code);
  const std::string service_name = category ? category->name : "";
  if (service_name.empty()) return reply_error(res, format, 404, "no such service_code");

  ReportInput in = open311_report(
      p, local_date(s.clock.now_unix(), s.reports.settings().utc_offset_minutes), service_name);
  // An area code alone: the area's name is the place as written.
  if (in.location.text.empty()) {
    in.location.text = RegionCatalog::embedded().full_name(in.location.region_code);
  }
  // Bound to what was asked, the key aside, and to the client's key.
  Open311Params asked = p;
  asked.erase("api_key");
  const std::string digest =
      idempotency.empty() ? "" : digest_hex(std::to_string(sender->id) + ":" + json(asked).dump());
  const SubmitOutcome out = s.reports.submit(in, {}, idempotency, digest);
  if (out.key_reused) {
    return reply_error(res, format, 400,
                       "this Idempotency-Key came with another request; use a new key");
  }
  if (!out.errors.empty()) {
    // Open311 lists errors as (code, description); the description carries aduan's codes.
    json errors = json::array();
    for (const FieldError& e : out.errors) {
      errors.push_back(
          {{"code", 400}, {"description", e.field + " " + std::string(to_string(e.code))}});
    }
    return reply(res, format, 400, "errors", errors);
  }
  // The sender may follow its request with its key, public or not (sent_by_key).
  s.open311.record_origin(parse_tracking_id(out.tracking_id).canonical, sender->id);
  // The ID is known at once, so the answer carries it and no token (the spec's either-or).
  reply(res, format, 201, "service_requests",
        json::array({json{{"service_request_id", out.tracking_id}, {"service_notice", ""}}}));
}

// Every value of a list parameter, repeated (a=1&a=2) or comma-separated (a=1,2); empty
// values are dropped, so an empty parameter counts as absent, as clients send them.
std::vector<std::string> list_param(const httplib::Request& req, const std::string& key) {
  std::vector<std::string> out;
  for (size_t i = 0; i < req.get_param_value_count(key.c_str()); ++i) {
    std::string values = req.get_param_value(key.c_str(), i);
    for (size_t from = 0; from <= values.size();) {
      const size_t comma = std::min(values.find(',', from), values.size());
      std::string one = values.substr(from, comma - from);
      one.erase(0, one.find_first_not_of(' '));
      one.erase(one.find_last_not_of(' ') + 1);
      if (!one.empty()) out.push_back(std::move(one));
      from = comma + 1;
    }
  }
  return out;
}

// The last non-empty value of a single parameter, or "".
std::string single_param(const httplib::Request& req, const std::string& key) {
  const auto values = list_param(req, key);
  return values.empty() ? std::string() : values.back();
}

// The client's key, when it sends a valid one: with it, the requests it posted itself are
// readable whatever their public state (open311_origins, migration 0033).
std::optional<int64_t> sender_key(const Services& s, const httplib::Request& req) {
  const std::string key = single_param(req, "api_key");
  if (key.empty()) return std::nullopt;
  const std::optional<ApiKey> found = s.api_keys.authenticate(key, "open311");
  return found ? std::optional<int64_t>(found->id) : std::nullopt;
}

void get_requests(const Services& s, const httplib::Request& req, httplib::Response& res) {
  const std::string format = req.matches[1].str();
  const int offset = s.reports.settings().utc_offset_minutes;
  Open311Query f;
  // Named requests: the spec has them override every other parameter.
  const std::vector<std::string> ids = list_param(req, "service_request_id");
  for (const std::string& one : ids) {
    const ParsedTrackingId id = parse_tracking_id(one);
    if (id.ok()) f.tracking_ids.push_back(id.canonical);
  }
  if (!ids.empty() && f.tracking_ids.empty()) {
    return reply(res, format, 200, "service_requests", json::array());
  }
  if (ids.empty()) {
    for (const std::string& status : list_param(req, "status")) {
      if (status != "open" && status != "closed") {
        return reply_error(res, format, 400, "status is open, closed or both, comma-separated");
      }
      // The same split as open311_status: the workflow's final statuses are "closed".
      for (int i = 0; i < kStatusCount; ++i) {
        const Status st = static_cast<Status>(i);
        if (open311_status(st) == status) f.statuses.push_back(st);
      }
    }
    const std::string from = single_param(req, "start_date");
    const std::string to = single_param(req, "end_date");
    if (!from.empty()) f.created_from = parse_w3c(from, offset);
    if (!to.empty()) f.created_to = parse_w3c(to, offset);
    if ((!from.empty() && !f.created_from) || (!to.empty() && !f.created_to)) {
      return reply_error(res, format, 400,
                         "start_date and end_date are W3C date-times, e.g. 2026-11-20T08:00:00Z");
    }
    // Without a start the spec asks for 90 days: before the end, or before now.
    if (!f.created_from) f.created_from = f.created_to.value_or(s.clock.now_unix()) - 90 * 86400;
    if (auto codes = list_param(req, "service_code"); !codes.empty()) f.service_codes = codes;
  }
  json out = json::array();
  const std::optional<int64_t> key = ids.empty() ? std::nullopt : sender_key(s, req);
  const auto catalogue = s.catalogue.catalogue();  // once for up to 1000 requests
  for (const Open311Request& r : s.open311.requests(f, key)) {
    out.push_back(request_json(*catalogue, r, offset));
  }
  reply(res, format, 200, "service_requests", out);
}

void get_one(const Services& s, const httplib::Request& req, httplib::Response& res, bool token) {
  const std::string format = req.matches[2].str();
  const ParsedTrackingId id = parse_tracking_id(req.matches[1].str());
  json out = json::array();
  const std::optional<int64_t> key = id.ok() && !token ? sender_key(s, req) : std::nullopt;
  if (id.ok()) {
    Open311Query f;
    f.tracking_ids = {id.canonical};
    const auto catalogue = s.catalogue.catalogue();
    for (const Open311Request& r : s.open311.requests(f, key)) {
      const std::string tracking_id = format_tracking_id(r.report.tracking_id);
      out.push_back(token ? json{{"service_request_id", tracking_id}, {"token", tracking_id}}
                          : request_json(*catalogue, r, s.reports.settings().utc_offset_minutes));
    }
  }
  // Confidential reports are not public: to Open311 they do not exist.
  if (out.empty()) return reply_error(res, format, 404, "no such service request");
  reply(res, format, 200, "service_requests", out);
}

// Where a client reaches this server: the operator's public URL when they set one (behind a
// TLS proxy), else the host the request came in on, so a client following discovery lands
// where it already is.
std::string base_url(const Services& s, const httplib::Request& req) {
  if (s.public_url.set) return s.public_url.url;
  const std::string host = req.get_header_value("Host");
  const bool plain = !host.empty() && host.size() <= 255 &&
                     host.find_first_not_of(
                         "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                         "0123456789.-:[]") == std::string::npos;
  return plain ? "http://" + host : s.public_url.url;
}

}  // namespace

// Long as a table is long: one handler per Open311 endpoint; the service definition's
// attributes are written out where the spec's field names can be read against them.
void register_open311_routes(Router& router, const Services& s) {
  router.open("GET", R"(/open311/v2/discovery\.(json|xml))",
              [&s](const httplib::Request& req, httplib::Response& res) {
                const std::string url = base_url(s, req) + "/open311/v2/";
                reply(res, req.matches[1].str(), 200, "discovery",
                      json{{"changeset", "2026-11-23T00:00:00Z"},
                           {"contact", "Admin Sistem aduan"},
                           {"key_service", "Minta kunci API kepada Admin Sistem"},
                           {"endpoints",
                            json::array({json{
                                {"specification", "http://wiki.open311.org/GeoReport_v2"},
                                {"url", url},
                                {"changeset", "2026-11-23T00:00:00Z"},
                                {"type", "production"},
                                {"formats", json::array({"application/json", "text/xml"})}}})}});
              });
  router.open("GET", R"(/open311/v2/services\.(json|xml))",
              [&s](const httplib::Request& req, httplib::Response& res) {
                json out = json::array();
                const auto catalogue = s.catalogue.catalogue();
                for (const Category& c : catalogue->categories) {
                  out.push_back(service_json(c, catalogue->agencies));
                }
                reply(res, req.matches[1].str(), 200, "services", out);
              });
  router.open(
      "GET", R"(/open311/v2/services/([a-z0-9-]{1,64})\.(json|xml))",
      [&s](const httplib::Request& req, httplib::Response& res) {
        const std::string code = req.matches[1].str();
        const std::string format = req.matches[2].str();
        if (!find_code(s.catalogue.catalogue()->categories, code))
          return reply_error(res, format, 404, "no such service_code");
        json values = json::array();
        for (const char* v : {"complaint", "aspiration", "info_request"}) {
          values.push_back({{"key", v}, {"name", v}});
        }
        reply(res, format, 200, "service_definition",
              json{{"service_code", code},
                   {"attributes",
                    json::array(
                        {json{{"variable", true},
                              {"code", "classification"},
                              {"datatype", "singlevaluelist"},
                              {"required", false},
                              {"datatype_description",
                               "complaint (default), aspiration or info_request"},
                              {"order", 1},
                              {"description", "Jenis laporan"},
                              {"values", values}},
                         json{{"variable", true},
                              {"code", "confidential"},
                              {"datatype", "singlevaluelist"},
                              {"required", false},
                              {"datatype_description",
                               "true (default): kept off public lists; false: "
                               "the reporter chose to publish"},
                              {"order", 2},
                              {"description", "Laporan rahasia"},
                              {"values",
                               json::array({json{{"key", "true"}, {"name", "rahasia"}},
                                            json{{"key", "false"}, {"name", "publik"}}})}}})}});
      });
  router.open(
      "POST", R"(/open311/v2/requests\.(json|xml))",
      [&s](const httplib::Request& req, httplib::Response& res) { post_request(s, req, res); });
  router.open(
      "GET", R"(/open311/v2/requests\.(json|xml))",
      [&s](const httplib::Request& req, httplib::Response& res) { get_requests(s, req, res); });
  router.open(
      "GET", R"(/open311/v2/requests/([^/.]{1,64})\.(json|xml))",
      [&s](const httplib::Request& req, httplib::Response& res) { get_one(s, req, res, false); });
  router.open(
      "GET", R"(/open311/v2/tokens/([^/.]{1,64})\.(json|xml))",
      [&s](const httplib::Request& req, httplib::Response& res) { get_one(s, req, res, true); });
  // Anything else under the prefix (another format, a stray character) answers as Open311
  // does, an error list, in XML when the path asked for it.
  for (const char* method : {"GET", "POST"}) {
    router.open(
        method, R"(/open311/v2/.*)", [](const httplib::Request& req, httplib::Response& res) {
          const bool xml =
              req.path.size() >= 4 && req.path.compare(req.path.size() - 4, 4, ".xml") == 0;
          reply_error(res, xml ? "xml" : "json", 404,
                      "no such resource: the paths are discovery, services, requests and tokens, "
                      "each ending in .json or .xml");
        });
  }
}

}  // namespace aduan
