// The category model: what it keeps out (rare words, numbers), what it scores, and how well
// it does on the training corpus (tests/category/training.tsv) by cross-validation, which is
// where kOfferProbability and kMinKnownTerms were chosen. The held-out measurement through
// the server is tests/http/category_http_test.cpp (CategoryHeldOut).
#include "shared/category_model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>

#include "support/test_paths.h"

namespace aduan {
namespace {

std::vector<TrainingReport> read_corpus(const char* path) {
  std::ifstream in(path);
  std::vector<TrainingReport> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t a = line.find('\t');
    const size_t b = line.find('\t', a + 1);
    if (a == std::string::npos || b == std::string::npos) continue;
    out.push_back({line.substr(0, a), line.substr(a + 1, b - a - 1) + "\n" + line.substr(b + 1)});
  }
  return out;
}

bool holds(const CategoryModel& m, const std::string& term) {
  for (const CategoryWeights& c : m.categories) {
    for (const auto& [t, w] : c.terms) {
      if (t == term) return true;
    }
  }
  return false;
}

TEST(CategoryModel, KeepsOutRareWordsAndNumbers) {
  std::vector<TrainingReport> reports;
  for (int i = 0; i < 3; ++i) {
    reports.push_back({"jalan-jembatan", "Jalan berlubang di RT 04, hubungi 081234567890"});
    reports.push_back({"air-bersih", "Air PDAM mati dan keruh"});
  }
  reports.push_back({"air-bersih", "Air PDAM mati, rumah Pak Suparjo di Gang Mawar"});
  const CategoryModel m = build_category_model(reports);
  ASSERT_EQ(m.categories.size(), 2u);
  EXPECT_EQ(m.documents, 7u);
  EXPECT_TRUE(holds(m, "lubang"));
  EXPECT_TRUE(holds(m, "pdam"));
  EXPECT_FALSE(holds(m, "suparjo"));  // one report only
  EXPECT_FALSE(holds(m, "mawar"));
  EXPECT_FALSE(holds(m, "081234567890"));
  EXPECT_FALSE(holds(m, "4"));
}

TEST(CategoryModel, LeavesOutCategoriesWithTooFewReports) {
  const CategoryModel m = build_category_model({{"sampah", "sampah menumpuk"},
                                                {"sampah", "sampah menumpuk bau"},
                                                {"sampah", "sampah tidak diangkut"},
                                                {"bencana", "banjir sampah"}});
  ASSERT_EQ(m.categories.size(), 1u);
  EXPECT_EQ(m.categories[0].code, "sampah");
  EXPECT_TRUE(build_category_model({}).categories.empty());
}

TEST(CategoryModel, ScoresTheWordsAndForgivesSmallTypos) {
  const CategoryScorer s(build_category_model(read_corpus(ADUAN_CATEGORY_TRAINING)));
  EXPECT_EQ(s.suggest("Jalan berlubang").front().code, "jalan-jembatan");
  EXPECT_EQ(s.suggest("air pdam mati udah 2 hari").front().code, "air-bersih");
  EXPECT_EQ(s.suggest("sampah numpuk di tps gak diangkut").front().code, "sampah");
  EXPECT_EQ(s.suggest("antrian puskesmas lama, dokternya gak ada").front().code, "kesehatan");
  // "puskesmsa": a transposed pair of letters in a word the model knows.
  EXPECT_EQ(s.suggest("dokter puskesmsa tidak datang").front().code, "kesehatan");
  // Nothing the model knows, or too little: no suggestion.
  EXPECT_TRUE(s.suggest("").empty());
  EXPECT_TRUE(s.suggest("halo selamat pagi").empty());
  EXPECT_LE(s.suggest("jalan rusak dan air mati, sampah juga", 3).size(), 3u);
}

// k-fold cross-validation on the training corpus: every report scored by a model trained on
// the others. Prints the accuracy and what an offer threshold would show and get right.
TEST(CategoryModel, CrossValidatedOnTheTrainingCorpus) {
  const std::vector<TrainingReport> all = read_corpus(ADUAN_CATEGORY_TRAINING);
  ASSERT_GE(all.size(), 200u);
  constexpr size_t kFolds = 5;
  size_t top1 = 0, top3 = 0, offered = 0, offered_right = 0;
  for (size_t fold = 0; fold < kFolds; ++fold) {
    std::vector<TrainingReport> train, test;
    for (size_t i = 0; i < all.size(); ++i) (i % kFolds == fold ? test : train).push_back(all[i]);
    const CategoryScorer s(build_category_model(train));
    for (const TrainingReport& r : test) {
      const ScoredText scored = s.score(r.text);
      for (size_t k = 0; k < std::min<size_t>(3, scored.scores.size()); ++k) {
        if (scored.scores[k].code != r.category) continue;
        top3++;
        if (k == 0) top1++;
      }
      const auto offer = s.suggest(r.text, 1);
      if (!offer.empty()) {
        offered++;
        if (offer.front().code == r.category) offered_right++;
      }
    }
  }
  const double n = static_cast<double>(all.size());
  std::printf(
      "cross-validated on %zu reports: top-1 %.3f, top-3 %.3f; offered %.3f, of which "
      "right %.3f\n",
      all.size(), top1 / n, top3 / n, offered / n,
      offered ? static_cast<double>(offered_right) / offered : 0.0);
  EXPECT_GE(top1 / n, 0.65);
  EXPECT_GE(top3 / n, 0.87);
}

}  // namespace
}  // namespace aduan
