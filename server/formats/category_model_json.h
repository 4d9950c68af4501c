// The category model on the wire (GET /api/v1/categories/model): what the pages load into the
// wasm core and what the held-out measurement reads back, so both score the same numbers.
//   {"format": 1, "documents": 417, "min_documents": 3,
//    "categories": [{"code": "sampah", "prior": -2.6, "unseen": -7.9,
//                    "terms": {"sampah": -2.1, "angkut": -3.4, ...}}, ...]}
// Weights are natural logarithms rounded to 4 decimals.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "shared/category_model.h"

namespace aduan {

inline constexpr int kCategoryModelFormat = 1;

std::string category_model_json(const CategoryModel& model, size_t min_documents);

// The model of a JSON text in the format above; nothing when it is not one.
std::optional<CategoryModel> parse_category_model_json(std::string_view text);

}  // namespace aduan
