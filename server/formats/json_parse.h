// Reading JSON that a client sent. nlohmann's parser is iterative, but copying, comparing or
// writing out a value recurses once per level of nesting: a body of a few hundred kilobytes of
// '[' is as many stack frames and ends the whole process. So every request body is parsed
// here, and a document nested deeper than kMaxJsonDepth is refused before anything reads it.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace aduan {

// Far above anything aduan's API or Open311 nests (three levels), far below the stack.
inline constexpr int kMaxJsonDepth = 64;

// Whether no array or object in `text` opens more than `max_depth` levels deep. Characters
// inside strings do not count; anything else invalid is left to the parser to refuse.
bool json_depth_within(std::string_view text, int max_depth = kMaxJsonDepth);

// The document, or a discarded value (`is_discarded()`) when `text` is not JSON or nests
// deeper than kMaxJsonDepth. Never throws.
nlohmann::json parse_request_json(std::string_view text);

}  // namespace aduan
