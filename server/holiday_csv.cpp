#include "holiday_csv.h"

#include "embedded.h"
#include "text.h"

namespace aduan {
namespace {

// Splits one CSV line (RFC 4180 quoting) into fields.
std::vector<std::string> split_csv_line(std::string_view line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back().push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back().push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back().push_back(c);
    }
  }
  for (std::string& f : fields) f = normalize_line(f);
  return fields;
}

}  // namespace

HolidayCsv parse_holiday_csv(std::string_view text) {
  HolidayCsv out;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a spreadsheet's BOM
  size_t number = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (normalize_line(line).empty() || line[0] == '#') continue;
    const std::string field = "line " + std::to_string(number);
    if (check_text(line, false) != TextProblem::kNone) {
      out.errors.push_back({field, FieldCode::kInvalidUtf8});
      continue;
    }
    const std::vector<std::string> cells = split_csv_line(line);
    if (number == 1 && cells[0] == "date") continue;  // header
    const auto date = parse_iso_date(cells[0]);
    const std::string name = cells.size() > 1 ? cells[1] : "";
    const std::string kind = cells.size() > 2 && !cells[2].empty() ? cells[2] : "national";
    if (!date) {
      out.errors.push_back({field, FieldCode::kInvalidFormat});
    } else if (name.empty()) {
      out.errors.push_back({field, FieldCode::kRequired});
    } else if (kind != "national" && kind != "cuti_bersama" && kind != "local") {
      out.errors.push_back({field, FieldCode::kUnknownReason});
    } else {
      out.holidays.push_back(Holiday{*date, name, kind});
    }
  }
  return out;
}

std::vector<Holiday> shipped_national_holidays(int year) {
  const std::string name = "holidays-id-" + std::to_string(year) + ".csv";
  return parse_holiday_csv(embedded_data_file(name)).holidays;
}

}  // namespace aduan
