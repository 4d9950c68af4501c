// Which Kemendagri area codes name an area: the core carries the region list's codes (a
// compact table generated at build time from the same data files the server's region
// picker reads, see cmake/region_table.cmake), so validate_report flags an unknown region
// with every other field, natively and in the browser.
#pragma once

#include <cstddef>
#include <string_view>

namespace aduan {

// For a code of a valid shape ("63", "63.03", "63.03.05", "63.03.05.2001"): whether the
// province, regency or district exists; a village code is judged by its district (the list
// stops at districts). False for anything else.
bool known_region(std::string_view code);

// How many provinces, regencies and districts the table holds.
size_t known_region_count();

}  // namespace aduan
