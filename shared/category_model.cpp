#include "shared/category_model.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "shared/similarity.h"

namespace aduan {
namespace {

bool has_digit(const std::string& t) {
  return std::any_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The distinct terms of a text that a model may hold: numbers (a house number, a phone
// number, RT 04) say nothing about the kind of problem and may identify someone.
std::vector<std::string> model_terms(std::string_view text) {
  std::vector<std::string> out = matching_terms(text);
  std::erase_if(out, has_digit);
  return out;
}

}  // namespace

CategoryModel build_category_model(const std::vector<TrainingReport>& reports,
                                   const CategoryModelOptions& options) {
  std::vector<std::string> order;                           // categories as first seen
  std::map<std::string, size_t> reports_in;                 // category -> reports
  std::map<std::string, std::map<std::string, size_t>> in;  // category -> term -> reports
  std::map<std::string, size_t> df;                         // term -> reports
  for (const TrainingReport& r : reports) {
    if (!reports_in.count(r.category)) order.push_back(r.category);
    ++reports_in[r.category];
    for (const std::string& t : model_terms(r.text)) {
      ++df[t];
      ++in[r.category][t];
    }
  }
  std::set<std::string> vocabulary;
  for (const auto& [t, n] : df) {
    if (n >= options.min_documents) vocabulary.insert(t);
  }
  std::erase_if(order,
                [&](const std::string& c) { return reports_in[c] < options.min_category_reports; });
  CategoryModel model;
  for (const std::string& c : order) model.documents += reports_in[c];
  if (vocabulary.empty()) return model;
  const double a = options.smoothing;
  const double v = static_cast<double>(vocabulary.size());
  for (const std::string& c : order) {
    size_t total = 0;  // term occurrences of the category within the vocabulary
    for (const auto& [t, n] : in[c]) {
      if (vocabulary.count(t)) total += n;
    }
    const double denominator = static_cast<double>(total) + a * v;
    CategoryWeights w;
    w.code = c;
    w.prior = std::log(static_cast<double>(reports_in[c]) / static_cast<double>(model.documents));
    w.unseen = std::log(a / denominator);
    // The most telling terms: how much likelier the category makes a term than the reports
    // at large do. Terms not kept fall back to the unseen weight.
    std::vector<std::pair<double, std::string>> ranked;
    for (const auto& [t, n] : in[c]) {
      if (!vocabulary.count(t)) continue;
      const double lift = (static_cast<double>(n) / static_cast<double>(reports_in[c])) /
                          (static_cast<double>(df[t]) / static_cast<double>(model.documents));
      ranked.emplace_back(-lift * std::log1p(static_cast<double>(n)), t);
    }
    std::sort(ranked.begin(), ranked.end());
    if (ranked.size() > options.terms_per_category) ranked.resize(options.terms_per_category);
    for (const auto& [rank, t] : ranked) {
      w.terms.emplace_back(t, std::log((static_cast<double>(in[c][t]) + a) / denominator));
    }
    std::sort(w.terms.begin(), w.terms.end());
    model.categories.push_back(std::move(w));
  }
  return model;
}

CategoryScorer::CategoryScorer(const CategoryModel& model) {
  std::vector<double> unseen;
  for (const CategoryWeights& c : model.categories) {
    codes_.push_back(c.code);
    priors_.push_back(c.prior);
    unseen.push_back(c.unseen);
  }
  std::vector<std::string> terms;
  for (const CategoryWeights& c : model.categories) {
    for (const auto& [term, weight] : c.terms) terms.push_back(term);
  }
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  for (std::string& t : terms) index_.emplace_back(std::move(t), unseen);
  for (size_t i = 0; i < codes_.size(); ++i) {
    for (const auto& [term, weight] : model.categories[i].terms) {
      auto it = std::lower_bound(index_.begin(), index_.end(), term,
                                 [](const auto& e, const std::string& t) { return e.first < t; });
      it->second[i] = weight;
    }
  }
}

const std::vector<double>* CategoryScorer::weights_of(const std::string& term) const {
  const auto it = std::lower_bound(index_.begin(), index_.end(), term,
                                   [](const auto& e, const std::string& t) { return e.first < t; });
  if (it != index_.end() && it->first == term) return &it->second;
  // A word typed a little wrong ("jalam", "sampahh" squeezed already): the closest known
  // term, when it is close enough. Words under five letters must match exactly: among short
  // words one letter makes another word ("pagi", "pagar").
  if (term.size() < 5) return nullptr;
  // Ties go to the first in spelling order.
  const std::vector<double>* weights = nullptr;
  double best_match = 0;
  for (const auto& [known, w] : index_) {
    const double m = term_match(term, known);
    if (m > best_match) {
      best_match = m;
      weights = &w;
    }
  }
  return weights;
}

ScoredText CategoryScorer::score(std::string_view text) const {
  ScoredText out;
  const size_t n = codes_.size();
  if (n == 0) return out;
  std::vector<double> sum = priors_;
  for (const std::string& t : model_terms(text)) {
    const std::vector<double>* w = weights_of(t);
    if (!w) continue;
    ++out.known_terms;
    for (size_t i = 0; i < n; ++i) sum[i] += (*w)[i];
  }
  const double top = *std::max_element(sum.begin(), sum.end());
  double total = 0;
  for (double& s : sum) total += (s = std::exp(s - top));
  for (size_t i = 0; i < n; ++i) {
    out.scores.push_back({codes_[i], sum[i] / total});
  }
  // Most likely first, ties in the model's order. An insertion sort: a dozen categories, and
  // a few kilobytes less in the wasm build than std::stable_sort.
  for (size_t i = 1; i < out.scores.size(); ++i) {
    for (size_t j = i; j > 0 && out.scores[j].probability > out.scores[j - 1].probability; --j) {
      std::swap(out.scores[j], out.scores[j - 1]);
    }
  }
  return out;
}

std::vector<CategoryScore> CategoryScorer::suggest(std::string_view text, size_t max) const {
  ScoredText s = score(text);
  if (s.known_terms < kMinKnownTerms || s.scores.empty() ||
      s.scores.front().probability < kOfferProbability) {
    return {};
  }
  if (s.scores.size() > max) s.scores.resize(max);
  return s.scores;
}

}  // namespace aduan
