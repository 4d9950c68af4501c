#include "formats/inbound_text.h"

#include <cctype>

#include "shared/text.h"
#include "shared/tracking_id.h"

namespace aduan {

std::optional<std::string> find_tracking_id(const std::string& text) {
  // Candidates are runs of letters, digits and dashes; a typed ID may have dashes or none.
  std::string run;
  auto check = [&]() -> std::optional<std::string> {
    const ParsedTrackingId p = parse_tracking_id(run);
    run.clear();
    if (p.ok()) return p.canonical;
    return std::nullopt;
  };
  for (size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ' ';
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-') {
      run.push_back(c);
    } else if (!run.empty()) {
      if (auto id = check()) return id;
    }
  }
  return std::nullopt;
}

std::string derive_title(const std::string& subject, const std::string& text) {
  std::string title = normalize_line(subject);
  if (count_characters(title) < 10) {
    const std::string block = normalize_block(text);
    title = normalize_line(block.substr(0, block.find('\n')));
    // One long line: its first sentence makes the title, when it is long enough.
    const size_t stop = title.find(". ");
    if (stop != std::string::npos && count_characters(title.substr(0, stop)) >= 10) {
      title = title.substr(0, stop);
    }
    if (count_characters(title) < 10) title = normalize_line(block);
  }
  if (count_characters(title) <= 150) return title;
  // Cut at the last space before 140 characters' worth of bytes, on a UTF-8 boundary.
  size_t cut = 0;
  size_t chars = 0;
  for (size_t i = 0; i < title.size() && chars < 140; ++i) {
    if ((static_cast<unsigned char>(title[i]) & 0xC0) != 0x80) ++chars;
    if (title[i] == ' ') cut = i;
  }
  return title.substr(0, cut ? cut : 140) + " …";
}

}  // namespace aduan
