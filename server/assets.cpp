#include "assets.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "embedded.h"

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

}  // namespace

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

std::optional<Asset> AssetSource::find(std::string_view path) const {
  // A folder's address serves its index page: "/" and "/staff/".
  std::string p(path);
  if (!p.empty() && p.back() == '/') p += "index.html";
  if (!safe_path(p)) return std::nullopt;
  Asset asset;
  asset.content_type = content_type_for(p);
  bool found = false;
  if (!dir_.empty()) {
    const std::string file = dir_ + p;
    std::error_code ec;
    std::ifstream in;
    if (std::filesystem::is_regular_file(file, ec)) in.open(file, std::ios::binary);
    if (in.is_open()) {
      std::ostringstream buf;
      buf << in.rdbuf();
      asset.body = buf.str();
      found = true;
    }
  }
  if (found) {
    asset.etag = etag_of(asset.body);  // a file on disk may change between requests
    return asset;
  }
  // Embedded files never change while the binary runs: their validators are computed once.
  static const std::map<std::string_view, std::pair<std::string_view, std::string>> kEmbedded = [] {
    std::map<std::string_view, std::pair<std::string_view, std::string>> out;
    for (const EmbeddedFile& f : embedded_assets()) out[f.name] = {f.data, etag_of(f.data)};
    return out;
  }();
  const auto it = kEmbedded.find(p);
  if (it == kEmbedded.end()) return std::nullopt;
  asset.body = std::string(it->second.first);
  asset.etag = it->second.second;
  return asset;
}

}  // namespace aduan
