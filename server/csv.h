// CSV as RFC 4180 says (quoted when needed, doubled quotes, CRLF), for spreadsheet programs.
#pragma once

#include <string>
#include <vector>

namespace aduan {

// UTF-8 byte order mark: without it, spreadsheet programs read UTF-8 as a legacy code page.
inline constexpr const char* kCsvBom = "\xEF\xBB\xBF";

// One line, CRLF included. A cell that starts with = + - @ (a formula to a spreadsheet) is
// prefixed with an apostrophe, so a report title cannot run code on a staff member's PC.
std::string csv_line(const std::vector<std::string>& cells);

}  // namespace aduan
