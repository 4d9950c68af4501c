#include <httplib.h>

#include "assets.h"
#include "http_errors.h"
#include "routes.h"

namespace aduan {

void register_asset_routes(httplib::Server& server, const AssetSource& assets) {
  server.Get(R"(/(.*))", [&assets](const httplib::Request& req, httplib::Response& res) {
    if (req.path.rfind("/api/", 0) == 0) return send_status_error(res, 404);
    const auto asset = assets.find(req.path);
    if (!asset) return send_status_error(res, 404);
    res.set_header("ETag", asset->etag);
    // Revalidate every time: a cheap 304 when nothing changed, and a new release is seen at
    // once. Issue-level caching (service worker) builds on this.
    res.set_header("Cache-Control", "no-cache");
    if (req.get_header_value("If-None-Match") == asset->etag) {
      res.status = 304;
      return;
    }
    res.set_content(asset->body, asset->content_type.c_str());
  });
}

}  // namespace aduan
