// JSON values written as XML, for Open311's .xml formats: objects become elements named
// by their keys, arrays repeat a child element (its name from `item_names`, "item" else).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace aduan {

std::string to_xml(const std::string& root, const nlohmann::json& value,
                   const std::map<std::string, std::string>& item_names);

// &, <, >, " and ' as entities; characters XML 1.0 forbids are dropped.
std::string xml_escape(const std::string& text);

}  // namespace aduan
