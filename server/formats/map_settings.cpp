#include "formats/map_settings.h"

namespace aduan {
namespace {

bool host_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-' || c == ':' || c == '[' || c == ']';
}

// Characters a URL path may hold that cannot break out of a CSP list or an attribute.
bool path_char(char c) {
  if (c >= 'a' && c <= 'z') return true;
  if (c >= 'A' && c <= 'Z') return true;
  if (c >= '0' && c <= '9') return true;
  return std::string_view("/._-~{}@=&?%+!$*:").find(c) != std::string_view::npos;
}

}  // namespace

std::optional<std::string> tile_origin(std::string_view t) {
  std::string_view scheme;
  for (std::string_view s : {"https://", "http://"}) {
    if (t.substr(0, s.size()) == s) scheme = s;
  }
  if (scheme.empty()) return std::nullopt;
  std::string_view rest = t.substr(scheme.size());
  const size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::string_view host = rest.substr(0, slash);
  const std::string_view path = rest.substr(slash);
  std::string origin(scheme);
  // {s} may stand for the first label only: CSP's wildcard covers exactly that.
  if (host.substr(0, 4) == "{s}.") {
    origin += "*.";
    host.remove_prefix(4);
  }
  if (host.empty() || host.front() == '.' || host.front() == ':') return std::nullopt;
  for (char c : host) {
    if (!host_char(c)) return std::nullopt;
  }
  for (char c : path) {
    if (!path_char(c)) return std::nullopt;
  }
  for (std::string_view needed : {"{z}", "{x}", "{y}"}) {
    if (path.find(needed) == std::string_view::npos) return std::nullopt;
  }
  return origin + std::string(host);
}

std::string content_security_policy(const MapSettings& map) {
  std::string img = "img-src 'self' data: blob:";
  if (map.enabled()) {
    if (const auto origin = tile_origin(map.tile_template)) img += " " + *origin;
  }
  // 'wasm-unsafe-eval' lets the page compile the wasm core without allowing eval() of JS.
  return "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " + img +
         "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
         "form-action 'self'; frame-ancestors 'none'";
}

}  // namespace aduan
