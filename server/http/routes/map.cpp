// The map's routes. All public and the same for everyone; none reads a report's exact
// position (store/map_repository.h).
#include <httplib.h>

#include <charconv>
#include <cmath>
#include <utility>

#include "formats/map_settings.h"
#include "http/http_errors.h"
#include "http/json/support.h"
#include "http/router.h"
#include "http/routes.h"
#include "model/region_catalog.h"
#include "model/region_locator.h"
#include "services/catalogue_service.h"
#include "services/dashboard_service.h"
#include "services/transparency_service.h"
#include "shared/geo.h"
#include "shared/tracking_id.h"

namespace aduan {
namespace {

using json_support::json;

// The newest published reports with a position that the map shows; older ones stay in the
// list below it.
constexpr int kMapLimit = 2000;

// A coordinate parameter: a finite decimal number within [-max, max], or nullopt.
std::optional<double> coordinate(const httplib::Request& req, const char* name, double max) {
  const std::string text = req.get_param_value(name);
  if (text.empty() || text.size() > 32) return std::nullopt;
  double value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  if (!std::isfinite(value) || std::fabs(value) > max) return std::nullopt;
  return value;
}

}  // namespace

void register_map_routes(Router& router, const Services& s, const MapSettings& map) {
  // What the pages need to draw the map, or that there is none. The attribution is text:
  // the pages escape it before the map library sees it.
  json config = map.enabled() ? json{{"enabled", true},
                                     {"tiles", map.tile_template},
                                     {"attribution", map.attribution},
                                     {"grid_degrees", 1 / geo::kPublicGridPerDegree}}
                              : json{{"enabled", false}};
  router.open("GET", "/api/v1/map",
              [body = config.dump()](const httplib::Request&, httplib::Response& res) {
                res.set_header("Cache-Control", "public, max-age=300");
                send_json(res, 200, body);
              });

  // ?lat=&lon= of a pin: the province, or the regency when the data allows
  // (model/region_locator.h); region_code is "" when no known point is near enough.
  router.open("GET", "/api/v1/regions/near",
              [&s](const httplib::Request& req, httplib::Response& res) {
                const auto lat = coordinate(req, "lat", 90);
                const auto lon = coordinate(req, "lon", 180);
                if (!lat || !lon) {
                  return send_error(res, "invalid_position",
                                    "lat and lon must be decimal degrees (-90..90, -180..180).");
                }
                json out{{"region_code", ""}};
                if (const auto g = RegionLocator::embedded().guess({*lat, *lon})) {
                  const Region* r = s.regions.find(g->region_code);
                  // An island whose regency the region list lacks is no suggestion at all.
                  if (r) {
                    out = json{{"region_code", g->region_code},
                               {"level", r->parent.empty() ? "province" : "regency"},
                               {"name", r->name},
                               {"full_name", s.regions.full_name(g->region_code)},
                               {"nearest", g->nearest},
                               {"distance_km", std::round(g->distance_km * 10) / 10}};
                  }
                }
                res.set_header("Cache-Control", "public, max-age=86400");
                send_json(res, 200, json_support::dump(out));
              });

  // The published reports with a position, on the public grid, newest first. Cached for
  // a few seconds like the public list (--monitoring-cache).
  router.open("GET", "/api/v1/public/map", [&s](const httplib::Request&, httplib::Response& res) {
    send_json(res, 200, s.dashboard.public_list("map", [&s] {
      json items = json::array();
      bool more = false;
      for (const PublicPosition& p : s.transparency.positions(kMapLimit, &more)) {
        items.push_back(json{{"tracking_id", format_tracking_id(p.tracking_id)},
                             {"title", p.title},
                             {"status", p.status},
                             {"lat", p.lat},
                             {"lon", p.lon}});
      }
      return json_support::dump(json{{"items", std::move(items)}, {"more", more}});
    }));
  });
}

}  // namespace aduan
