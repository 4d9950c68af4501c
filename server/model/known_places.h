// The places the matcher of repeated reports knows in any case (shared/similarity.h,
// PlaceNames): the provinces, regencies and districts of the embedded region list, and in
// front of them the villages of the report's own regency. Villages are looked up only within
// the regency: across the country 84,000 villages share 64,000 names, many of them ordinary
// words, while one regency has a few hundred. Districts and villages named like an ordinary
// word (Suruh, Sumur, Merdeka) are left out: a report names them as places with a marker or a
// capital.
#pragma once

#include <string>
#include <string_view>

#include "shared/similarity.h"

namespace aduan {

// A region's name as reports write it: "Kabupaten Aceh Selatan" -> "aceh selatan",
// "Kota Administrasi Jakarta Timur" -> "jakarta timur", "Kebon Jeruk" -> "kebon jeruk".
std::string place_name(std::string_view name);

// The places for a report in `region_code` ("63", "63.03", "63.03.05", ...): the regions of
// the country, with the villages of its regency when the code names one. Built once per
// regency and kept for the life of the process (at most one list per regency).
const PlaceNames& known_places(std::string_view region_code = "");

}  // namespace aduan
