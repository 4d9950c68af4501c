#include "http/assets.h"

#include <httplib.h>

#include "http/http_errors.h"
#include "http/routes.h"

namespace aduan {
namespace {

// "gzip" among the codings, not refused with q=0.
bool accepts_gzip(const std::string& accept_encoding) {
  size_t at = accept_encoding.find("gzip");
  if (at == std::string::npos) return false;
  const size_t end = accept_encoding.find(',', at);
  const std::string params = accept_encoding.substr(at, end == std::string::npos ? end : end - at);
  return params.find("q=0") == std::string::npos || params.find("q=0.") != std::string::npos;
}

// What a browser reads as a document or a worker, for which the page policies mean
// something: HTML, SVG (an SVG opened by itself runs its scripts) and the service worker.
bool is_document(const std::string& path, const std::string& content_type) {
  return path == "/sw.js" || content_type.rfind("text/html", 0) == 0 ||
         content_type.rfind("image/svg+xml", 0) == 0;
}

}  // namespace

void register_asset_routes(httplib::Server& server, const AssetSource& assets) {
  server.Get(R"(/(.*))", [&assets](const httplib::Request& req, httplib::Response& res) {
    if (req.path.rfind("/api/", 0) == 0) return send_status_error(res, 404);
    const auto asset = assets.find(req.path);
    if (!asset) return send_status_error(res, 404);
    // Browsers ignore the document policies on scripts, styles, wasm and images; sent with
    // each of the fifty or so files of a first visit they were 15 KB of its 150.
    if (!is_document(req.path, asset->content_type)) {
      for (const char* policy :
           {"Content-Security-Policy", "X-Frame-Options", "Permissions-Policy"})
        res.headers.erase(policy);
    }
    res.set_header("ETag", asset->etag);
    // Revalidate every time: a cheap 304 when nothing changed, and a new release is seen at
    // once. Repeat visits on a phone come from the service worker's copy without asking.
    res.set_header("Cache-Control", "no-cache");
    res.set_header("Vary", "Accept-Encoding");
    if (req.get_header_value("If-None-Match") == asset->etag) {
      res.status = 304;
      return;
    }
    if (!asset->gzip.empty() && accepts_gzip(req.get_header_value("Accept-Encoding"))) {
      res.set_header("Content-Encoding", "gzip");
      res.set_content(asset->gzip, asset->content_type.c_str());
      return;
    }
    res.set_content(asset->body, asset->content_type.c_str());
  });
}

}  // namespace aduan
