#include "base/embedded.h"

namespace aduan {

std::string_view embedded_data_file(std::string_view name) {
  for (const EmbeddedFile& f : embedded_data()) {
    if (f.name == name) return f.data;
  }
  return {};
}

}  // namespace aduan
