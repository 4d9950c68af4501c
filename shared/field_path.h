// The dotted path that names a field in an error list (FieldError::field), for the elements of
// a list field: "attachments.2". Report validation and workflow actions both use it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace aduan {

std::string element_field(std::string_view list, size_t index);

}  // namespace aduan
