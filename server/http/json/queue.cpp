#include "http/json/queue.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "http/json/support.h"

namespace aduan {
namespace {

using namespace json_support;

// The queue's parameters a view may hold (public/js/staff/queue.js writes them); the page
// number is where one was, not part of a view.
constexpr std::array<std::string_view, 8> kViewParams = {"q",    "status",  "agency", "category",
                                                         "sort", "overdue", "mine",   "returned"};
constexpr size_t kMaxViewQuery = 600;

// Whether `query` is "k=v&k=v" over kViewParams, each key once, in URL form encoding.
bool valid_view_query(std::string_view query) {
  if (query.empty() || query.size() > kMaxViewQuery) return false;
  std::vector<std::string_view> seen;
  for (size_t start = 0; start <= query.size();) {
    size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view pair = query.substr(start, end - start);
    const size_t eq = pair.find('=');
    if (eq == std::string_view::npos) return false;
    const std::string_view key = pair.substr(0, eq);
    if (std::find(kViewParams.begin(), kViewParams.end(), key) == kViewParams.end() ||
        std::find(seen.begin(), seen.end(), key) != seen.end()) {
      return false;
    }
    seen.push_back(key);
    for (const char c : pair.substr(eq + 1)) {
      const bool plain = std::isalnum(static_cast<unsigned char>(c)) || c == '%' || c == '+' ||
                         c == '-' || c == '_' || c == '.' || c == '*';
      if (!plain) return false;
    }
    start = end + 1;
  }
  return true;
}

}  // namespace

DecodedSavedView decode_saved_view_json(std::string_view body) {
  DecodedSavedView out;
  const auto doc = open_body(body, &out);
  if (!doc) return out;
  const size_t before = out.errors.size();
  out.name = read_string(*doc, "name", "name", &out.errors);
  if (out.errors.size() == before) check_name(out.name, "name", 60, &out.errors);
  out.query = read_string(*doc, "query", "query", &out.errors);
  if (out.query.empty()) {
    out.errors.push_back({"query", FieldCode::kRequired});
  } else if (!valid_view_query(out.query)) {
    out.errors.push_back({"query", FieldCode::kInvalidFormat});
  }
  return out;
}

namespace {

json view_object(const SavedView& view) {
  return json{{"id", view.id}, {"name", view.name}, {"query", view.query}};
}

}  // namespace

std::string saved_view_json(const SavedView& view) { return dump(view_object(view)); }

std::string saved_views_json(const std::vector<SavedView>& views) {
  json out = json::array();
  for (const SavedView& v : views) out.push_back(view_object(v));
  return dump(out);
}

DecodedBulk decode_bulk_json(std::string_view body) {
  DecodedBulk out;
  out.action = decode_action_json(body);
  if (out.action.malformed) return out;
  auto& errors = out.action.errors;
  // A second parse of a small body (at most the request limit) keeps decode_action_json the
  // one reader of an action's fields.
  const json doc = json::parse(body, nullptr, /*allow_exceptions=*/false);
  const auto reports = doc.find("reports");
  if (reports == doc.end() || reports->is_null()) {
    errors.push_back({"reports", FieldCode::kRequired});
    return out;
  }
  if (!reports->is_array()) {
    errors.push_back({"reports", FieldCode::kWrongType});
    return out;
  }
  if (reports->empty()) errors.push_back({"reports", FieldCode::kRequired});
  if (reports->size() > kMaxBulkReports) {
    errors.push_back({"reports", FieldCode::kTooMany});
    return out;
  }
  for (size_t i = 0; i < reports->size(); ++i) {
    const json& item = (*reports)[i];
    const std::string path = "reports." + std::to_string(i);
    if (!item.is_object()) {
      errors.push_back({path, FieldCode::kWrongType});
      continue;
    }
    BulkTarget target;
    target.tracking_id = read_string(item, "tracking_id", path + ".tracking_id", &errors);
    if (target.tracking_id.empty()) errors.push_back({path + ".tracking_id", FieldCode::kRequired});
    // A whole number, read as one: 1.9 or 1e300 is not a version.
    const auto version = item.find("version");
    if (version == item.end() || version->is_null()) {
      errors.push_back({path + ".version", FieldCode::kRequired});
    } else if (!version->is_number_integer()) {
      errors.push_back({path + ".version", FieldCode::kWrongType});
    } else {
      target.version = version->get<int64_t>();
    }
    out.reports.push_back(std::move(target));
  }
  return out;
}

std::string bulk_results_json(const std::vector<BulkResult>& results) {
  json items = json::array();
  int done = 0;
  for (const BulkResult& r : results) {
    json item{{"tracking_id", r.tracking_id}, {"ok", r.ok}};
    if (r.ok) {
      ++done;
      item["status"] = r.status;
      item["version"] = r.version;
    } else {
      item["error"] = json{{"code", r.code}, {"message", r.message}};
      if (!r.errors.empty()) item["errors"] = field_errors_json(r.errors);
    }
    items.push_back(std::move(item));
  }
  return dump(json{
      {"done", done}, {"refused", static_cast<int>(results.size()) - done}, {"results", items}});
}

}  // namespace aduan
