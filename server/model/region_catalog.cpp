#include "model/region_catalog.h"

#include <algorithm>
#include <stdexcept>

#include "base/csv.h"
#include "base/embedded.h"

namespace aduan {

const RegionCatalog& RegionCatalog::embedded() {
  static const RegionCatalog catalog(embedded_data_file("provinces.csv"),
                                     embedded_data_file("regencies.csv"),
                                     embedded_data_file("districts.csv"));
  return catalog;
}

RegionCatalog::RegionCatalog(std::string_view provinces, std::string_view regencies,
                             std::string_view districts) {
  load(provinces, false);
  load(regencies, true);
  load(districts, true);
  std::sort(regions_.begin(), regions_.end(),
            [](const Region& a, const Region& b) { return a.code < b.code; });
  for (size_t i = 0; i < regions_.size(); ++i) by_code_.emplace(regions_[i].code, i);
  if (regions_.empty()) throw std::runtime_error("region data missing from the build");
}

void RegionCatalog::load(std::string_view csv, bool has_parent) {
  bool header = true;
  for_each_csv_line(csv, [&](const std::vector<std::string>& cells) {
    if (header) {
      header = false;
      return;
    }
    // provinces: code,name; regencies and districts: code,parent_code,name
    const size_t need = has_parent ? 3 : 2;
    if (cells.size() < need) throw std::runtime_error("malformed region line");
    regions_.push_back(has_parent ? Region{cells[0], cells[2], cells[1]}
                                  : Region{cells[0], cells[1], ""});
  });
}

const Region* RegionCatalog::find(std::string_view code) const {
  const auto it = by_code_.find(std::string(code));
  return it == by_code_.end() ? nullptr : &regions_[it->second];
}

std::vector<const Region*> RegionCatalog::children(std::string_view code) const {
  std::vector<const Region*> out;
  if (!code.empty() && !find(code)) return out;
  // Children share the parent's code and a dot as prefix, and sort right after it.
  const std::string prefix = code.empty() ? "" : std::string(code) + ".";
  auto it = std::lower_bound(regions_.begin(), regions_.end(), prefix,
                             [](const Region& r, const std::string& p) { return r.code < p; });
  for (; it != regions_.end() && it->code.compare(0, prefix.size(), prefix) == 0; ++it) {
    if (it->parent == code) out.push_back(&*it);
  }
  return out;
}

std::string RegionCatalog::full_name(std::string_view code) const {
  std::string out;
  for (const Region* r = find(code); r; r = r->parent.empty() ? nullptr : find(r->parent)) {
    if (!out.empty()) out += ", ";
    out += r->name;
  }
  return out;
}

}  // namespace aduan
