#include "http/assets.h"

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "base/embedded.h"

namespace aduan {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// FNV-1a, 64 bit: enough to tell versions of a file apart for caching.
std::string etag_of(std::string_view data) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : data) h = (h ^ c) * 1099511628211ull;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (int i = 60; i >= 0; i -= 4) out.push_back(kHex[(h >> i) & 0xF]);
  return out + "\"";
}

// Only plain relative paths: no "..", no hidden files, no backslashes.
bool safe_path(std::string_view path) {
  if (path.empty() || path[0] != '/') return false;
  if (path.find("..") != path.npos || path.find('\\') != path.npos ||
      path.find("/.") != path.npos || path.find('\0') != path.npos) {
    return false;
  }
  return true;
}

// Debian's cpp-httplib compresses text, scripts, SVG and JSON by itself (gzip or brotli,
// as the client accepts) and does not look at a Content-Encoding already set; the wasm
// core and the web app manifest it leaves alone, so those are gzipped here, once.
bool worth_compressing(std::string_view content_type) {
  return content_type == "application/wasm" || content_type == "application/manifest+json";
}

Asset make_asset(std::string path, std::string body) {
  Asset a;
  a.content_type = content_type_for(path);
  a.etag = etag_of(body);
  if (worth_compressing(a.content_type) && body.size() > 256) a.gzip = gzip_compress(body);
  if (a.gzip.size() >= body.size()) a.gzip.clear();
  a.body = std::move(body);
  return a;
}

// Embedded files never change while the binary runs: validators and gzip once.
const std::map<std::string_view, Asset>& embedded_by_path() {
  static const std::map<std::string_view, Asset> kEmbedded = [] {
    std::map<std::string_view, Asset> out;
    for (const EmbeddedFile& f : embedded_assets()) {
      out[f.name] = make_asset(std::string(f.name), std::string(f.data));
    }
    return out;
  }();
  return kEmbedded;
}

// The citizen's pages and what they load. Not the staff panel (its pages, scripts and
// style), not the service worker itself, not the install icons, which the browser
// fetches by itself when the citizen installs the app, and not the map (its library, code
// and style), which is loaded when a citizen opens it and needs the network for its tiles.
//
// Nor the tracking and transparency pages with the scripts only they use: they show what
// the server answers, so they need the network anyway, and storing them on the first visit
// to the submit page cost a sixth of its page-weight budget. The worker keeps them when the
// citizen first opens them (public/sw.js).
bool kept_offline(std::string_view path) {
  for (std::string_view skip :
       {"/staff/", "/js/staff/", "/icons/", "/vendor/", "/js/map/", "/css/map.css"}) {
    if (path.rfind(skip, 0) == 0) return false;
  }
  for (std::string_view online :
       {"/track.html", "/transparency.html", "/js/track.js", "/js/transparency.js", "/js/charts.js",
        "/js/citizen_actions.js", "/js/next_step.js", "/js/citizen_privacy.js"}) {
    if (path == online) return false;
  }
  // The manifest is read by the browser itself when the app is installed, online.
  return path != "/sw.js" && path != "/css/staff.css" && path != "/manifest.webmanifest" &&
         !ends_with(path, "/index.html");
}

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

}  // namespace

std::string gzip_compress(std::string_view data) {
  z_stream z{};
  // 15 window bits + 16: a gzip header and trailer rather than zlib's.
  if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
    return {};
  }
  std::string out(deflateBound(&z, uLong(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = uInt(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = uInt(out.size());
  const int done = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return done == Z_STREAM_END ? out : std::string();
}

std::string content_type_for(std::string_view path) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".wasm", "application/wasm"},
      {".json", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".txt", "text/plain; charset=utf-8"},
  };
  for (const auto& [suffix, type] : kTypes) {
    if (ends_with(path, suffix)) return std::string(type);
  }
  return "application/octet-stream";
}

std::optional<Asset> AssetSource::find_file(const std::string& p) const {
  if (!dir_.empty()) {
    std::error_code ec;
    std::ifstream in;
    if (std::filesystem::is_regular_file(dir_ + p, ec)) in.open(dir_ + p, std::ios::binary);
    if (in.is_open()) {
      std::ostringstream buf;
      buf << in.rdbuf();
      return make_asset(p, buf.str());  // a file on disk may change between requests
    }
  }
  const auto& embedded = embedded_by_path();
  const auto it = embedded.find(p);
  if (it == embedded.end()) return std::nullopt;
  return it->second;
}

std::optional<Asset> AssetSource::find(std::string_view path) const {
  // A folder's address serves its index page: "/" and "/staff/".
  std::string p(path);
  if (!p.empty() && p.back() == '/') p += "index.html";
  if (!safe_path(p)) return std::nullopt;
  auto asset = find_file(p);
  if (!asset || p != "/sw.js") return asset;
  // Browsers ask for the service worker at every visit: the embedded one is put together
  // once (files on disk may change, so those are looked at each time).
  if (dir_.empty()) {
    static const Asset kEmbeddedWorker = service_worker(std::move(*asset));
    return kEmbeddedWorker;
  }
  return service_worker(std::move(*asset));
}

std::vector<std::string> AssetSource::offline_paths() const {
  std::set<std::string> paths{"/"};
  for (const EmbeddedFile& f : embedded_assets()) {
    if (kept_offline(f.name)) paths.insert(std::string(f.name));
  }
  if (!dir_.empty()) {
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(dir_, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_regular_file()) continue;
      const std::string p = "/" + std::filesystem::relative(it->path(), dir_).generic_string();
      if (safe_path(p) && kept_offline(p)) paths.insert(p);
    }
  }
  return {paths.begin(), paths.end()};
}

// The script names its files and their version: any change to one of them changes the
// script, which is how a browser learns that there is a new release to fetch.
Asset AssetSource::service_worker(Asset script) const {
  std::string list = "[";
  std::string versions;
  // Each file with its ETag, so that the worker can keep the copy the page has just
  // downloaded when it is this release's, instead of asking the server again.
  for (const std::string& p : offline_paths()) {
    if (list.size() > 1) list += ",";
    const auto a = find_file(p == "/" ? "/index.html" : p);
    list += "[" + json_string(p) + "," + json_string(a ? a->etag : "") + "]";
    if (a) versions += a->etag;
  }
  list += "]";
  std::string body = script.body;
  const auto replace = [&body](std::string_view placeholder, const std::string& value) {
    const size_t at = body.find(placeholder);
    if (at != std::string::npos) body.replace(at, placeholder.size(), value);
  };
  replace("\"__ADUAN_FILES__\"", list);
  replace("__ADUAN_VERSION__", etag_of(versions + script.body).substr(1, 16));
  return make_asset("/sw.js", std::move(body));
}

}  // namespace aduan
