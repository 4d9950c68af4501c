// Indonesia's administrative areas down to the district (kecamatan), with the Ministry of
// Home Affairs' codes: "63" province, "63.03" regency or city, "63.03.05" district. The
// data comes from the npm package idn-area-data (data under ODbL; see README), compiled
// into the binary, so the region picker needs no map service and no outside call. Whether a
// code names an area is the core's to say (shared/regions.h, generated from the same files).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "shared/validation.h"

namespace aduan {

struct Region {
  std::string code;
  std::string name;
  std::string parent;  // empty for a province
};

class RegionCatalog {
 public:
  // From the embedded CSV files; throws if they are missing or malformed.
  static const RegionCatalog& embedded();
  RegionCatalog(std::string_view provinces, std::string_view regencies, std::string_view districts);

  const Region* find(std::string_view code) const;
  // The areas inside `code` in code order; the provinces for "". Empty for a district or an
  // unknown code.
  std::vector<const Region*> children(std::string_view code) const;
  // "Bakongan, Kabupaten Aceh Selatan, Aceh"; empty when unknown.
  std::string full_name(std::string_view code) const;
  size_t size() const { return regions_.size(); }

 private:
  void load(std::string_view csv, bool has_parent);
  std::vector<Region> regions_;  // in code order
  std::unordered_map<std::string, size_t> by_code_;
};

}  // namespace aduan
