// CSV as RFC 4180 says (quoted when needed, doubled quotes, CRLF), for spreadsheet programs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace aduan {

// UTF-8 byte order mark: without it, spreadsheet programs read UTF-8 as a legacy code page.
inline constexpr const char* kCsvBom = "\xEF\xBB\xBF";

// One line, CRLF included. A cell that starts with = + - @ (a formula to a spreadsheet) is
// prefixed with an apostrophe, so a report title cannot run code on a staff member's PC.
std::string csv_line(const std::vector<std::string>& cells);

// Splits one line (without its line break) into fields, RFC 4180 quoting undone.
std::vector<std::string> split_csv_line(std::string_view line);

// Calls `fn` with the fields of each non-empty line of `text`, a header included.
template <class Fn>
void for_each_csv_line(std::string_view text, Fn fn) {
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) fn(split_csv_line(line));
  }
}

}  // namespace aduan
