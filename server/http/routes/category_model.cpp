// GET /api/v1/categories/model: the category suggestion's model for the pages, which score
// what the citizen types with the wasm core, on the phone. The draft never leaves the phone
// while it is written, and typing costs no request: one revalidation per page load.
#include <httplib.h>

#include "http/http_errors.h"
#include "http/route_helpers.h"
#include "http/router.h"
#include "http/routes.h"
#include "services/category_model_service.h"

namespace aduan {

void register_category_model_routes(Router& router, const Services& s) {
  router.open("GET", "/api/v1/categories/model",
              [&s](const httplib::Request& req, httplib::Response& res) {
                const auto model = s.category_models.current();
                res.set_header("ETag", model->etag);
                // Cached by the browser, asked again on every use: a 304 costs a few bytes.
                res.set_header("Cache-Control", "no-cache");
                if (req.get_header_value("If-None-Match") == model->etag) {
                  res.status = 304;
                  return;
                }
                send_json(res, 200, model->json);
              });
}

}  // namespace aduan
