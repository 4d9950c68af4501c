#include "formats/xml_writer.h"

namespace aduan {
namespace {

void write(std::string* out, const std::string& name, const nlohmann::json& v,
           const std::map<std::string, std::string>& item_names) {
  *out += "<" + name + ">";
  if (v.is_object()) {
    for (const auto& [key, child] : v.items()) write(out, key, child, item_names);
  } else if (v.is_array()) {
    const auto it = item_names.find(name);
    const std::string item = it == item_names.end() ? "item" : it->second;
    for (const auto& child : v) write(out, item, child, item_names);
  } else if (v.is_string()) {
    *out += xml_escape(v.get<std::string>());
  } else if (!v.is_null()) {
    *out += v.dump();
  }
  *out += "</" + name + ">";
}

}  // namespace

std::string xml_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string to_xml(const std::string& root, const nlohmann::json& value,
                   const std::map<std::string, std::string>& item_names) {
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";
  write(&out, root, value, item_names);
  return out;
}

}  // namespace aduan
