#include "formats/holiday_csv.h"

#include <algorithm>
#include <utility>

#include "base/csv.h"
#include "base/embedded.h"
#include "shared/text.h"

namespace aduan {

HolidayCsv parse_holiday_csv(std::string_view text) {
  HolidayCsv out;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a spreadsheet's BOM
  size_t number = 0;
  bool first = true;  // the first line that is not a comment may be the header
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
    if (std::exchange(first, false) && cells[0] == "date") continue;  // header
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

std::vector<int> holiday_csv_years(const std::vector<Holiday>& holidays) {
  std::vector<int> out;
  for (const Holiday& h : holidays) out.push_back(to_civil(h.date).year);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<int> shipped_holiday_years() {
  constexpr std::string_view kPrefix = "holidays-id-", kSuffix = ".csv";
  std::vector<int> out;
  for (const EmbeddedFile& f : embedded_data()) {
    const std::string_view n = f.name;
    if (n.size() != kPrefix.size() + 4 + kSuffix.size() || !n.starts_with(kPrefix) ||
        !n.ends_with(kSuffix)) {
      continue;
    }
    const auto date = parse_iso_date(std::string(n.substr(kPrefix.size(), 4)) + "-01-01");
    if (date) out.push_back(to_civil(*date).year);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace aduan
