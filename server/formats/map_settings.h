// The map the pages may show (docs/operations.md, "Map"): where its tiles come from, who
// must be credited for them, or no map at all. The same setting opens the Content Security
// Policy to the tile server's origin and to nothing else.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace aduan {

struct MapSettings {
  // Leaflet's URL template: https://host/{z}/{x}/{y}.png, optionally {s}. as the first label
  // of the host (a subdomain the browser picks) and {r} (retina). Empty: no map.
  std::string tile_template = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
  std::string attribution = "© OpenStreetMap contributors";
  bool enabled() const { return !tile_template.empty(); }
};

// The template's origin as a CSP source ("https://tile.openstreetmap.org",
// "https://*.tile.example.org" for {s}), or nullopt when the template is not one aduan
// accepts: http(s) only, a plain host name or address with an optional port, {z}, {x} and
// {y} in the path, and no character that could end a CSP source or an HTML attribute.
std::optional<std::string> tile_origin(std::string_view tile_template);

// The Content-Security-Policy header: 'self' everywhere, and the tile origin in img-src
// when the map is on.
std::string content_security_policy(const MapSettings& map);

}  // namespace aduan
