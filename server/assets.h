// The web pages and the wasm core: embedded in the binary, or read from a folder on disk
// during development (files missing there fall back to the embedded copy).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace aduan {

struct Asset {
  std::string body;
  std::string content_type;
  std::string etag;  // strong validator: a hash of the content
};

class AssetSource {
 public:
  // `dir` empty: embedded files only.
  explicit AssetSource(std::string dir = {}) : dir_(std::move(dir)) {}

  // `path` is the URL path ("/", "/track.html", "/wasm/aduan_core.wasm").
  std::optional<Asset> find(std::string_view path) const;

 private:
  std::string dir_;
};

std::string content_type_for(std::string_view path);

}  // namespace aduan
