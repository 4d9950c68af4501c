#include "model/known_places.h"

#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "base/csv.h"
#include "base/embedded.h"
#include "model/region_catalog.h"

namespace aduan {
namespace {

const PlaceNames& country() {
  static const PlaceNames places = [] {
    const RegionCatalog& catalog = RegionCatalog::embedded();
    std::vector<std::string> names;
    std::vector<const Region*> level = catalog.children("");
    while (!level.empty()) {
      std::vector<const Region*> next;
      for (const Region* r : level) {
        names.push_back(place_name(r->name));
        for (const Region* child : catalog.children(r->code)) next.push_back(child);
      }
      level.swap(next);
    }
    return PlaceNames(names, nullptr, PlaceNames::Kind::kAreas);
  }();
  return places;
}

// The village names of one regency ("63.03"): villages.csv is in code order, so they are the
// lines that start with the regency's code and a dot.
std::vector<std::string> villages_of(std::string_view regency) {
  const std::string prefix = std::string(regency) + ".";
  const std::string_view csv = embedded_data_file("villages.csv");
  std::vector<std::string> out;
  for (size_t at = csv.find("\n" + prefix); at != std::string_view::npos;) {
    const size_t start = at + 1;
    size_t end = csv.find('\n', start);
    if (end == std::string_view::npos) end = csv.size();
    std::string_view line = csv.substr(start, end - start);
    if (line.compare(0, prefix.size(), prefix) != 0) break;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // code,district_code,name
    const std::vector<std::string> cells = split_csv_line(line);
    if (cells.size() >= 3) out.push_back(place_name(cells[2]));
    at = end < csv.size() ? end : std::string_view::npos;
  }
  return out;
}

}  // namespace

std::string place_name(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool letter = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (letter) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  for (std::string_view kind : {"kota administrasi ", "kabupaten ", "kota "}) {
    if (out.rfind(kind, 0) == 0) return out.substr(kind.size());
  }
  return out;
}

const PlaceNames& known_places(std::string_view region_code) {
  // "63.03" from "63.03.05.2001"; a province or no region has no villages of its own.
  if (region_code.size() < 5 || region_code[2] != '.') return country();
  const std::string regency(region_code.substr(0, 5));
  if (!RegionCatalog::embedded().find(regency)) return country();
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<const PlaceNames>, std::less<>> by_regency;
  const std::lock_guard lock(mutex);
  auto& places = by_regency[regency];
  if (!places) places = std::make_unique<const PlaceNames>(villages_of(regency), &country());
  return *places;
}

}  // namespace aduan
