#include "holiday_csv.h"

#include "csv.h"
#include "embedded.h"
#include "text.h"

namespace aduan {

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
    std::vector<std::string> cells = split_csv_line(line);
    for (std::string& c : cells) c = normalize_line(c);
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
