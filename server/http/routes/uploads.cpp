// Attachments: chunked uploads (the reporter's and the staff's), their downloads, and the region
// lists of the location picker.
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "formats/json_parse.h"
#include "http/http_errors.h"
#include "http/route_helpers.h"
#include "http/router.h"
#include "http/routes.h"
#include "model/region_catalog.h"
#include "services/citizen_service.h"
#include "services/staff_service.h"
#include "services/upload_service.h"

namespace aduan {
namespace {

using nlohmann::json;

constexpr const char* kUploads = "/api/v1/uploads";
constexpr const char* kUploadPath = R"(/api/v1/uploads/([0-9a-f]{32}))";
constexpr const char* kStaffUploads = "/api/v1/staff/uploads";
constexpr const char* kStaffUploadPath = R"(/api/v1/staff/uploads/([0-9a-f]{32}))";

json upload_json(const UploadOutcome& o) {
  json out{{"id", o.id},
           {"size", o.size},
           {"received", o.received},
           {"finished", o.attachment.has_value()},
           {"chunk_bytes", AttachmentLimits{}.chunk_bytes}};
  if (o.attachment) {
    out["content_type"] = o.attachment->content_type;
    if (o.attachment->width) out["width"] = o.attachment->width;
    if (o.attachment->height) out["height"] = o.attachment->height;
  }
  return out;
}

void send_upload(httplib::Response& res, const UploadOutcome& o, int ok_status) {
  using R = UploadOutcome::Result;
  res.set_header("Cache-Control", "no-store");
  switch (o.result) {
    case R::kOk:
      return send_json(res, ok_status, upload_json(o).dump());
    case R::kInvalid:
      return send_error(res, "validation_failed", "The file cannot be attached.", o.errors);
    case R::kNotFound:
      return send_error(res, "upload_not_found", "No such upload, or it has expired.");
    case R::kOffsetMismatch:
      // The client resumes from what the server holds.
      res.set_header("Upload-Offset", std::to_string(o.received));
      return send_json(res, 409,
                       json{{"error",
                             {{"code", ErrorCode("offset_mismatch").code()},
                              {"message", "The upload continues from another offset."}}},
                            {"received", o.received}}
                           .dump());
    case R::kTooLarge:
      return send_error(res, "payload_too_large", "More bytes than the file may have.");
    case R::kRejected:
      return send_error(res, "attachment_rejected",
                        "The file is not a photo (JPEG, PNG) or a PDF that can be read: " +
                            std::string(to_string(o.problem)) + ".");
    case R::kRateLimited:
      return send_rate_limited(res, o.retry_after);
  }
}

// The bytes of an attachment, in a response that no browser runs or sniffs as a page.
void send_attachment(httplib::Response& res, const AttachmentData& a) {
  const bool photo = a.info.content_type != "application/pdf";
  const std::string name = "lampiran-" + std::to_string(a.info.position) +
                           (a.info.content_type == "image/png" ? ".png"
                            : photo                            ? ".jpg"
                                                               : ".pdf");
  res.headers.erase("Content-Security-Policy");
  res.set_header("Content-Security-Policy", "default-src 'none'; sandbox");
  res.set_header("Content-Disposition",
                 std::string(photo ? "inline" : "attachment") + "; filename=\"" + name + "\"");
  res.set_header("Cache-Control", "private, no-store");
  res.set_header("ETag", "\"" + a.digest + "\"");
  res.set_content(a.bytes, a.info.content_type);
}

std::optional<int> position_of(const std::string& s) {
  if (s.empty() || s.size() > 2) return std::nullopt;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  return std::stoi(s);
}

json regions_json(const std::vector<const Region*>& regions) {
  json out = json::array();
  for (const Region* r : regions) out.push_back(json{{"code", r->code}, {"name", r->name}});
  return out;
}

// Who an upload belongs to and whose hourly allowance it uses: a reporter's by their address,
// a staff member's by their account (an office behind one address is many people).
struct Uploader {
  std::optional<int64_t> owner;
  std::string client;
};

Uploader reporter(const httplib::Request& req) { return {std::nullopt, req.remote_addr}; }
Uploader staff_member(const Caller& p) {
  return {p.account(), "staff:" + std::to_string(p.account())};
}

// The four steps of an upload, the same for both doors: one path, one cleaning, one set of
// limits (UploadService). `base` is where the upload lives, for its Location.
void start_upload(const Services& s, const httplib::Request& req, httplib::Response& res,
                  const Uploader& who, const std::string& base) {
  if (!require_json(req, res)) return;
  const auto doc = parse_request_json(req.body);
  if (!doc.is_object() || !doc.value("content_type", json()).is_string() ||
      !doc.value("size", json()).is_number_integer()) {
    return send_error(res, "malformed_json",
                      "Send {\"content_type\": \"image/jpeg\", \"size\": bytes}.");
  }
  const UploadOutcome out = s.uploads.start(doc["content_type"].get<std::string>(),
                                            doc["size"].get<int64_t>(), who.client, who.owner);
  if (out.result == UploadOutcome::Result::kOk) res.set_header("Location", base + "/" + out.id);
  send_upload(res, out, 201);
}

void append_chunk(const Services& s, const httplib::Request& req, httplib::Response& res,
                  const Uploader& who) {
  // Raw bytes only: a page on another site cannot send these without the browser asking
  // aduan first (CORS), and aduan never says yes.
  if (req.get_header_value("Content-Type") != "application/octet-stream") {
    return send_error(res, "unsupported_media_type", "Send the chunk as application/octet-stream.");
  }
  const std::string offset = req.get_header_value("Upload-Offset");
  if (offset.empty() || offset.size() > 12 ||
      offset.find_first_not_of("0123456789") != std::string::npos) {
    return send_error(res, "bad_offset", "Send the chunk's offset in Upload-Offset.");
  }
  if (req.body.size() > AttachmentLimits{}.chunk_bytes) {
    return send_error(res, "payload_too_large", "Send the file in smaller chunks.");
  }
  send_upload(res, s.uploads.append(req.matches[1].str(), std::stoll(offset), req.body, who.owner),
              200);
}

void upload_status(const Services& s, const httplib::Request& req, httplib::Response& res,
                   const Uploader& who) {
  send_upload(res, s.uploads.status(req.matches[1].str(), who.owner), 200);
}

void cancel_upload(const Services& s, const httplib::Request& req, httplib::Response& res,
                   const Uploader& who) {
  if (!s.uploads.cancel(req.matches[1].str(), who.owner)) {
    return send_error(res, "upload_not_found", "No such upload, or it has expired.");
  }
  res.status = 204;
}

}  // namespace

// Long as a table is long: one short handler per route of the upload protocol, side by side.
void register_upload_routes(Router& router, const Services& s) {
  router.open("POST", kUploads, [&s](const httplib::Request& req, httplib::Response& res) {
    start_upload(s, req, res, reporter(req), kUploads);
  });
  router.open("PUT", kUploadPath, [&s](const httplib::Request& req, httplib::Response& res) {
    append_chunk(s, req, res, reporter(req));
  });
  router.open("GET", kUploadPath, [&s](const httplib::Request& req, httplib::Response& res) {
    upload_status(s, req, res, reporter(req));
  });
  router.open("DELETE", kUploadPath, [&s](const httplib::Request& req, httplib::Response& res) {
    cancel_upload(s, req, res, reporter(req));
  });

  // The staff's door to the same uploads: a session, and its CSRF token on every change. What
  // a staff member uploads only they can continue, cancel and attach to an entry of a report
  // (an action's "attachments").
  using StaffRequest = const httplib::Request&;
  router.staff("POST", kStaffUploads, kCaseWorkers,
               [&s](StaffRequest req, httplib::Response& res, const Caller& p) {
                 start_upload(s, req, res, staff_member(p), kStaffUploads);
               });
  router.staff("PUT", kStaffUploadPath, kCaseWorkers,
               [&s](StaffRequest req, httplib::Response& res, const Caller& p) {
                 append_chunk(s, req, res, staff_member(p));
               });
  router.staff("GET", kStaffUploadPath, kCaseWorkers,
               [&s](StaffRequest req, httplib::Response& res, const Caller& p) {
                 upload_status(s, req, res, staff_member(p));
               });
  router.staff("DELETE", kStaffUploadPath, kCaseWorkers,
               [&s](StaffRequest req, httplib::Response& res, const Caller& p) {
                 cancel_upload(s, req, res, staff_member(p));
               });

  // The reporter's copy: the PIN in the body, as for the rest of the reporter's view, and
  // the address's lookup limit as for every PIN check.
  router.open("POST", R"(/api/v1/reports/([^/]{1,64})/attachments/(\d{1,2}))",
              [&s](const httplib::Request& req, httplib::Response& res) {
                if (!within(s.track_limit, s, req, res) || !require_json(req, res)) return;
                const auto doc = parse_request_json(req.body);
                const auto position = position_of(req.matches[2].str());
                if (!doc.is_object() || !doc.value("pin", json("")).is_string()) {
                  return send_error(res, "malformed_json", "Send {\"pin\": \"...\"}.");
                }
                if (!position)
                  return send_error(res, "attachment_not_found", "No such attachment.");
                const CitizenOutcome out = s.citizens.attachment(
                    req.matches[1].str(), citizen_key(req, doc.value("pin", std::string())),
                    req.remote_addr, *position);
                if (send_citizen_error(res, out))
                  return;  // no such report, wrong PIN, too many tries
                if (!out.attachment) {
                  return send_error(res, "attachment_not_found", "No such attachment.");
                }
                send_attachment(res, *out.attachment);
              });
  router.staff("GET", R"(/api/v1/staff/reports/([^/]{1,64})/attachments/(\d{1,2}))", kCaseWorkers,
               [&s](const httplib::Request& req, httplib::Response& res, const Caller& p) {
                 const auto position = position_of(req.matches[2].str());
                 const auto a = position ? s.staff.attachment(p, req.matches[1].str(), *position)
                                         : std::nullopt;
                 if (!a) return send_error(res, "attachment_not_found", "No such attachment.");
                 send_attachment(res, *a);
               });

  // ?parent= empty for the provinces, a province's code for its regencies and cities, a
  // regency's for its districts. The same for everyone and for a long time: cacheable.
  router.open("GET", "/api/v1/regions", [&s](const httplib::Request& req, httplib::Response& res) {
    const std::string parent = req.get_param_value("parent");
    if (!parent.empty() && !s.regions.find(parent)) {
      return send_error(res, "region_not_found", "No area has this code.");
    }
    res.set_header("Cache-Control", "public, max-age=86400");
    send_json(res, 200, regions_json(s.regions.children(parent)).dump());
  });
}

}  // namespace aduan
