// Files compiled into the binary at build time: the web assets (public/ and the wasm core)
// and the SQL migrations, so that one file deploys.
#pragma once

#include <span>
#include <string_view>

namespace aduan {

struct EmbeddedFile {
  std::string_view name;  // assets: the URL path ("/index.html"); migrations: the file name
  std::string_view data;
};

std::span<const EmbeddedFile> embedded_assets();
std::span<const EmbeddedFile> embedded_migrations();             // SQLite's
std::span<const EmbeddedFile> embedded_postgresql_migrations();  // migrations/postgresql/
std::span<const EmbeddedFile> embedded_data();                   // server/data/, by file name

// The embedded data file `name`, or empty.
std::string_view embedded_data_file(std::string_view name);

}  // namespace aduan
