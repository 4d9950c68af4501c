#include "model/known_places.h"

#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "base/csv.h"
#include "base/embedded.h"
#include "model/region_catalog.h"
#include "model/synonyms.h"
#include "shared/thesaurus.h"

namespace aduan {
namespace {

// A district or a village named like an ordinary word (Suruh, Tarik, Sumur, Bangun, Merdeka:
// a word the thesaurus lists, written as its own stem) would make that word a place wherever
// a report uses it in lower case ("disuruh bayar", "sumur kering", "Jl. Merdeka"), and two
// reports of one problem were kept apart as naming different towns. Such a place still counts
// when a report names it as one, after a marker or with its capital (shared/similarity.h).
// The provinces, regencies and cities keep theirs: Malang, Tegal or Palu in a report is the
// town far more often than the word. On the four tuning sets, pooled, this took the offer
// list's recall from 0.784 to 0.798 and the mark's precision from 0.962 to 0.969
// (docs/benchmarks.md, "Round 5").
bool ordinary_word(const std::string& name) {
  return name.find(' ') == std::string::npos && reduce_affixes(name) == name &&
         synonyms().id(name) != Thesaurus::kUnknown;
}

const PlaceNames& country() {
  static const PlaceNames places = [] {
    const RegionCatalog& catalog = RegionCatalog::embedded();
    std::vector<std::string> names;
    std::vector<std::pair<std::string, std::string>> district_in_regency;
    // Which governments bear each regency's name: a city's (1), a regency's (2), or both.
    std::map<std::string, int> governments;
    for (const Region* province : catalog.children("")) {
      names.push_back(place_name(province->name));
      for (const Region* regency : catalog.children(province->code)) {
        const std::string regency_name = place_name(regency->name);
        names.push_back(regency_name);
        governments[regency_name] |= regency->name.rfind("Kota", 0) == 0 ? 1 : 2;
        for (const Region* district : catalog.children(regency->code)) {
          std::string name = place_name(district->name);
          if (ordinary_word(name)) continue;
          district_in_regency.emplace_back(name, regency_name);
          names.push_back(std::move(name));
        }
      }
    }
    PlaceNames out(names, nullptr, PlaceNames::Kind::kAreas);
    out.contain(district_in_regency);
    std::vector<std::string> twins;  // Kota and Kabupaten Bogor, Malang, Kupang ... (26)
    for (const auto& [name, which] : governments) {
      if (which == 3) twins.push_back(name);
    }
    out.set_twins(std::move(twins));
    return out;
  }();
  return places;
}

// The villages of one regency ("63.03"), with the district and the regency each lies in:
// villages.csv is in code order, so they are the lines that start with the regency's code and
// a dot.
PlaceNames villages_of(std::string_view regency, const PlaceNames* wider) {
  const RegionCatalog& catalog = RegionCatalog::embedded();
  const std::string regency_name = place_name(catalog.find(regency)->name);
  const std::string prefix = std::string(regency) + ".";
  const std::string_view csv = embedded_data_file("villages.csv");
  std::vector<std::string> names;
  std::vector<std::pair<std::string, std::string>> village_in;
  for (size_t at = csv.find("\n" + prefix); at != std::string_view::npos;) {
    const size_t start = at + 1;
    size_t end = csv.find('\n', start);
    if (end == std::string_view::npos) end = csv.size();
    std::string_view line = csv.substr(start, end - start);
    if (line.compare(0, prefix.size(), prefix) != 0) break;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // code,district_code,name
    const std::vector<std::string> cells = split_csv_line(line);
    if (cells.size() >= 3) {
      std::string name = place_name(cells[2]);
      if (!ordinary_word(name)) {
        if (const Region* district = catalog.find(cells[1])) {
          village_in.emplace_back(name, place_name(district->name));
        }
        village_in.emplace_back(name, regency_name);
        names.push_back(std::move(name));
      }
    }
    at = end < csv.size() ? end : std::string_view::npos;
  }
  PlaceNames out(names, wider);
  out.contain(village_in);
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
  if (!places) places = std::make_unique<const PlaceNames>(villages_of(regency, &country()));
  return *places;
}

}  // namespace aduan
