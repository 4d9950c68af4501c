// The web pages and the wasm core: embedded in the binary, or read from a folder on disk
// during development (files missing there fall back to the embedded copy).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aduan {

struct Asset {
  std::string body;
  std::string gzip;  // the body gzipped, for types the HTTP library does not compress itself
  std::string content_type;
  std::string etag;  // strong validator: a hash of the content
};

class AssetSource {
 public:
  // `dir` empty: embedded files only.
  explicit AssetSource(std::string dir = {}) : dir_(std::move(dir)) {}

  // `path` is the URL path ("/", "/track.html", "/wasm/aduan_core.wasm").
  // "/sw.js", the service worker, comes with the list of the citizen's files to keep
  // offline and a version that changes whenever one of them does.
  std::optional<Asset> find(std::string_view path) const;

  // The URL paths a citizen's phone keeps for offline use: everything but the staff pages
  // and the service worker itself.
  std::vector<std::string> offline_paths() const;

 private:
  std::optional<Asset> find_file(const std::string& path) const;
  Asset service_worker(Asset script) const;
  std::string dir_;
};

std::string content_type_for(std::string_view path);

// gzip (RFC 1952) at the best compression; for files compressed once and served often.
std::string gzip_compress(std::string_view data);

}  // namespace aduan
