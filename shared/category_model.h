// Which category a report's words point to: a multinomial naive Bayes model over the
// matching terms of shared/similarity.h, trained on the store's verified reports. The server
// builds it; the browser (through wasm) and the server score with the same code, so the
// suggestion a citizen sees while typing is the one the coordinator sees when forwarding.
//
// Privacy: the model holds only aggregate weights of terms that at least `min_documents`
// reports contain, and no numbers, so a name or a phone number written in one report never
// appears in it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aduan {

// One category's weights, all natural logarithms.
struct CategoryWeights {
  std::string code;
  double prior = 0;   // log P(category)
  double unseen = 0;  // log P(term | category) of a model term not listed below
  std::vector<std::pair<std::string, double>> terms;  // log P(term | category)
};

struct CategoryModel {
  std::vector<CategoryWeights> categories;
  size_t documents = 0;  // how many reports it was trained on
};

struct TrainingReport {
  std::string category;  // its code
  std::string text;      // title and body
};

struct CategoryModelOptions {
  size_t min_documents = 3;         // a term enters the model when this many reports have it
  size_t terms_per_category = 250;  // the most telling terms kept per category
  size_t min_category_reports = 2;  // a category with fewer reports is left out
  double smoothing = 1.0;           // Lidstone's additive smoothing
};

// Trains on `reports` (each term counted once per report). Categories come out in the order
// first seen; an empty model when no category has enough reports.
CategoryModel build_category_model(const std::vector<TrainingReport>& reports,
                                   const CategoryModelOptions& options = {});

struct CategoryScore {
  std::string code;
  double probability = 0;
};

// The terms of a text the model can weigh, after spelling repair: a word it does not know is
// taken for the known word it is a small edit of (term_match in shared/similarity.h).
struct ScoredText {
  std::vector<CategoryScore> scores;  // every category, most likely first
  size_t known_terms = 0;             // how many of the text's terms the model knows
};

// Scores texts against one model; builds its term index once.
class CategoryScorer {
 public:
  explicit CategoryScorer(const CategoryModel& model);

  ScoredText score(std::string_view text) const;

  // What to offer: up to `max` categories, most likely first, when the text says enough
  // (kMinKnownTerms) and the first is likely enough (kOfferProbability); else none.
  std::vector<CategoryScore> suggest(std::string_view text, size_t max = 3) const;

  size_t categories() const { return codes_.size(); }

 private:
  const std::vector<double>* weights_of(const std::string& term) const;

  std::vector<std::string> codes_;
  std::vector<double> priors_;
  // Per term, by term, its log-probability in each category (the unseen weight where not
  // listed). A sorted vector: smaller code in the wasm build than a hash map, and as fast
  // for a few thousand terms.
  std::vector<std::pair<std::string, std::vector<double>>> index_;
};

// Chosen by 5-fold cross-validation on tests/category/training.tsv (417 reports) before the
// held-out set was looked at: from 0.4 on, 78 % of texts get an offer, its first category is
// right for 79 % of them and one of the three offered for 94 %. A lower bar offers more and
// is wrong more often; the citizen can always ignore it.
inline constexpr size_t kMinKnownTerms = 2;
inline constexpr double kOfferProbability = 0.4;

}  // namespace aduan
