// The category suggestion's model over HTTP: what it learns from (verified, published
// reports only), what it keeps out, its caching, and its accuracy on the labelled held-out
// set (tests/category/heldout.tsv) through the path the pages take: the model as the server
// serves it, scored by the core.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "formats/category_model_json.h"
#include "services/category_model_service.h"
#include "shared/category_model.h"
#include "support/category_corpus.h"
#include "support/test_paths.h"
#include "support/test_server.h"

namespace aduan {
namespace {

using nlohmann::json;
using testing::TestServer;

std::vector<LabelledReport> training() { return read_labelled_reports(ADUAN_CATEGORY_TRAINING); }

// The model as a page gets it.
CategoryModel served_model(TestServer& server) {
  auto res = server.client().Get("/api/v1/categories/model");
  EXPECT_TRUE(res);
  if (!res) return {};
  EXPECT_EQ(res->status, 200);
  const auto model = parse_category_model_json(res->body);
  EXPECT_TRUE(model.has_value()) << res->body.substr(0, 200);
  return model.value_or(CategoryModel{});
}

bool holds(const CategoryModel& m, const std::string& term) {
  return std::any_of(m.categories.begin(), m.categories.end(), [&](const CategoryWeights& c) {
    return std::any_of(c.terms.begin(), c.terms.end(),
                       [&](const auto& t) { return t.first == term; });
  });
}

TEST(CategoryModelHttp, RevalidatesWithItsETag) {
  TestServer server;
  auto first = server.client().Get("/api/v1/categories/model");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 200);
  EXPECT_EQ(first->get_header_value("Cache-Control"), "no-cache");
  const std::string etag = first->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  EXPECT_TRUE(parse_category_model_json(first->body).has_value());
  auto again = server.client().Get("/api/v1/categories/model", {{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
}

TEST(CategoryModelHttp, LearnsOnlyWordsManyVerifiedReportsShare) {
  TestServer server;
  ASSERT_GT(load_verified_reports(server.app(), training()), 400u);
  // A name and a phone number in one verified report, and a word only reports that nobody
  // verified yet use.
  load_verified_reports(server.app(), {{"jalan-jembatan", "Jalan rusak di depan rumah Suparman",
                                        "Jalan berlubang di depan rumah Pak Suparman, hubungi "
                                        "081355501234 atau 0813-5550-1234 bila perlu."}});
  for (int i = 0; i < 4; ++i) {
    server.submit({{"title", "Kelurahan Zwartkop banjir lagi"},
                   {"body", "Air setinggi lutut di Zwartkop sejak pagi, warga mengungsi."}});
  }
  const CategoryModel m = served_model(server);
  EXPECT_GE(m.categories.size(), 13u);
  EXPECT_TRUE(holds(m, "lubang"));
  EXPECT_TRUE(holds(m, "pdam"));
  EXPECT_FALSE(holds(m, "suparman"));
  EXPECT_FALSE(holds(m, "zwartkop"));
  for (const CategoryWeights& c : m.categories) {
    for (const auto& [t, w] : c.terms) {
      EXPECT_EQ(t.find_first_of("0123456789"), std::string::npos) << t;
    }
  }
  const CategoryScorer scorer(m);
  const auto offer = scorer.suggest("Jalan di kampung kami berlubang dan becek");
  ASSERT_FALSE(offer.empty());
  EXPECT_EQ(offer.front().code, "jalan-jembatan");
}

TEST(CategoryModelHttp, TrainsAgainWhenOld) {
  TestServer server;
  const size_t before = served_model(server).documents;
  load_verified_reports(server.app(), training());
  EXPECT_EQ(served_model(server).documents, before);  // the cached one, still fresh
  server.clock().advance(kCategoryModelMaxAge);
  EXPECT_GT(served_model(server).documents, before + 400);
}

// The measurement in docs/benchmarks.md. The floors sit a little below what was measured,
// so that a change which makes the suggestion worse fails here.
constexpr double kTop1Floor = 0.77;
constexpr double kTop3Floor = 0.9;
TEST(CategoryHeldOut, TopOneAndTopThreeAccuracy) {
  const std::vector<LabelledReport> heldout = read_labelled_reports(ADUAN_CATEGORY_HELDOUT);
  if (heldout.empty()) GTEST_SKIP() << "no held-out set at " << ADUAN_CATEGORY_HELDOUT;
  TestServer server;
  load_verified_reports(server.app(), training());
  server.clock().advance(kCategoryModelMaxAge);  // past the demo-only model of the start
  const CategoryScorer scorer(served_model(server));
  size_t top1 = 0, top3 = 0, offered = 0, offered_right = 0, offered_in_three = 0;
  for (const LabelledReport& r : heldout) {
    const std::string text = r.title + "\n" + r.body;
    const ScoredText s = scorer.score(text);
    for (size_t k = 0; k < std::min<size_t>(3, s.scores.size()); ++k) {
      if (s.scores[k].code != r.category) continue;
      ++top3;
      if (k == 0) ++top1;
    }
    const auto offer = scorer.suggest(text);
    if (offer.empty()) continue;
    ++offered;
    if (offer.front().code == r.category) ++offered_right;
    if (std::any_of(offer.begin(), offer.end(),
                    [&](const CategoryScore& c) { return c.code == r.category; })) {
      ++offered_in_three;
    }
  }
  const double n = static_cast<double>(heldout.size());
  std::printf(
      "held-out: %zu reports; top-1 %.3f, top-3 %.3f; offered for %.3f, first offered "
      "right %.3f, right among the offered %.3f\n",
      heldout.size(), top1 / n, top3 / n, offered / n,
      offered ? static_cast<double>(offered_right) / offered : 0.0,
      offered ? static_cast<double>(offered_in_three) / offered : 0.0);
  EXPECT_GE(heldout.size(), 200u);
  EXPECT_GE(top1 / n, kTop1Floor);
  EXPECT_GE(top3 / n, kTop3Floor);
}

}  // namespace
}  // namespace aduan
