#include "formats/category_model_json.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace aduan {
namespace {

using json = nlohmann::json;

// Four decimals keep a model of a few thousand weights small; the scores it gives differ
// from the unrounded ones far below any difference that changes a ranking.
double rounded(double v) { return std::round(v * 1e4) / 1e4; }

}  // namespace

std::string category_model_json(const CategoryModel& model, size_t min_documents) {
  json categories = json::array();
  for (const CategoryWeights& c : model.categories) {
    json terms = json::object();
    for (const auto& [t, w] : c.terms) terms[t] = rounded(w);
    categories.push_back({{"code", c.code},
                          {"prior", rounded(c.prior)},
                          {"unseen", rounded(c.unseen)},
                          {"terms", std::move(terms)}});
  }
  return json{{"format", kCategoryModelFormat},
              {"documents", model.documents},
              {"min_documents", min_documents},
              {"categories", std::move(categories)}}
      .dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<CategoryModel> parse_category_model_json(std::string_view text) {
  const json doc = json::parse(text, nullptr, false);
  if (!doc.is_object() || doc.value("format", 0) != kCategoryModelFormat) return std::nullopt;
  const auto categories = doc.find("categories");
  if (categories == doc.end() || !categories->is_array()) return std::nullopt;
  CategoryModel model;
  if (const auto d = doc.find("documents"); d != doc.end() && d->is_number_unsigned())
    model.documents = d->get<size_t>();
  for (const json& c : *categories) {
    if (!c.is_object() || !c.value("code", json()).is_string()) return std::nullopt;
    const json prior = c.value("prior", json()), unseen = c.value("unseen", json());
    const json terms = c.value("terms", json());
    if (!prior.is_number() || !unseen.is_number() || !terms.is_object()) return std::nullopt;
    CategoryWeights w{c["code"].get<std::string>(), prior.get<double>(), unseen.get<double>(), {}};
    for (const auto& [term, weight] : terms.items()) {
      if (!weight.is_number()) return std::nullopt;
      w.terms.emplace_back(term, weight.get<double>());
    }
    model.categories.push_back(std::move(w));
  }
  return model;
}

}  // namespace aduan
