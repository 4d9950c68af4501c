// The quality of repeated-report detection as a citizen meets it: report A of every labelled
// pair is filed and verified in a real server, then B is sent to POST /api/v1/reports/similar
// in A's category, and the pair counts as found when A comes back at or above a cut-off.
// Scoring the pairs one against the other would leave out what the endpoint adds (the
// candidates from the postings of rare terms, the weights from the store, the five-item
// limit, the other reports competing for those places).
//
// The sets are measured apart. The tuning sets (kTuningSets), on which the matcher's word
// lists and thresholds are chosen: tests/similarity/pairs.tsv (formal texts, places
// capitalised), registers.tsv (chat spelling, regional words, places in lower case),
// paraphrase.tsv (written blind, paraphrase in both positions) and the earlier held-out sets
// (written blind, each measured after rounds of changes, and a tuning set since the next one
// was committed). The held-out sets (kHeldOutSets), each written blind by two writers
// and committed before any tuning against it, never used to choose a word or a threshold.
// Only aggregate figures of the held-out sets are printed, so that nobody tunes on their pairs
// by reading this test's output.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "shared/similarity.h"
#include "shared/text.h"
#include "store/similar_reports.h"
#include "support/test_paths.h"
#include "support/test_server.h"

namespace aduan::testing {
namespace {

using nlohmann::json;

// The citizen's offer list and the staff's "likely duplicate" mark.
constexpr double kOfferCutOff = kWorthShowing;
constexpr double kStaffMark = kSameSubstance;
// All reports are filed and searched in one category: the sets have no categories, and one
// category for all is the harder case (in use the category filter leaves fewer rivals).
constexpr const char* kCategory = "jalan-jembatan";

struct Text {
  std::string title, body;
};

struct Pair {
  std::string label;  // same, related, unrelated
  Text a, b;
};

// A pair's text as the form would send it. The tuning set has one text per report: it is the
// body, and its first words (up to the form's 150 characters) the title. The form's minimum
// lengths are met by padding with dots, which give no matching terms.
Text as_report(Text t) {
  if (t.title.empty()) {
    t.title = t.body;
    if (t.title.size() > 140) {
      t.title.resize(140);
      t.title.resize(std::max<size_t>(t.title.rfind(' '), 10));
    }
  }
  while (count_characters(t.title) < 10) t.title += " .";
  while (count_characters(t.body) < 30) t.body += " .";
  return t;
}

// The path of a set of tests/similarity/.
std::string set_path(const char* file) { return std::string(ADUAN_SIMILARITY_SETS) + file; }

// Lines of label and text columns separated by tabs: three columns (label, A, B) or five
// (label, title A, body A, title B, body B). Lines starting with '#' and lines whose label is
// not one of the three are skipped.
std::vector<Pair> read_pairs(const char* file) {
  std::ifstream in(set_path(file));
  std::vector<Pair> out;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::istringstream fields(line);
    for (std::string cell; std::getline(fields, cell, '\t');) f.push_back(cell);
    if (f.empty() || (f[0] != "same" && f[0] != "related" && f[0] != "unrelated")) continue;
    Pair p{f[0], {}, {}};
    if (f.size() == 3) {
      p.a.body = f[1];
      p.b.body = f[2];
    } else if (f.size() == 5) {
      p.a = {f[1], f[2]};
      p.b = {f[3], f[4]};
    } else {
      continue;
    }
    out.push_back(std::move(p));
  }
  return out;
}

struct Figures {
  int pairs = 0, same = 0, not_filed = 0;
  int found[2] = {0, 0}, false_alarms[2] = {0, 0};
  double precision(int i) const {
    return found[i] + false_alarms[i] ? double(found[i]) / (found[i] + false_alarms[i]) : 1.0;
  }
  double recall(int i) const { return same ? double(found[i]) / same : 0.0; }
};

// Precision and recall at the offer cut-off, then at the staff mark.
struct Floors {
  double offer_precision, offer_recall, mark_precision, mark_recall;
};

class SimilarityQuality : public ::testing::Test {
 protected:
  // Files A of every pair, verified (forwarded) so that it is offered to citizens, then asks
  // for B. With `show_misses` the tuning set's wrong answers are printed with their scores.
  // Pairs whose A could not be filed count as not found.
  Figures measure(const std::vector<Pair>& pairs, bool show_misses) {
    StaffSession coordinator = server.login("koordinator");
    httplib::Client c = server.client();
    std::vector<std::string> filed;
    for (const Pair& p : pairs) {
      const Text a = as_report(p.a);
      json body = valid_report();
      body["title"] = a.title;
      body["body"] = a.body;
      body["category"] = kCategory;
      auto res = c.Post("/api/v1/reports", body.dump(), "application/json");
      std::string id;
      if (res && res->status == 201) {
        id = json::parse(res->body)["tracking_id"];
        auto got = c.Get(("/api/v1/staff/reports/" + id).c_str(), coordinator.headers());
        const json r = json::parse(got->body);
        auto fwd = c.Post(
            ("/api/v1/staff/reports/" + id + "/actions").c_str(), coordinator.headers(),
            json{{"action", "forward"}, {"agency", "DPUPR"}, {"version", r["version"]}}.dump(),
            "application/json");
        if (!fwd || fwd->status != 200) id.clear();
      }
      filed.push_back(id);
    }
    Figures f;
    for (size_t i = 0; i < pairs.size(); ++i) {
      const Pair& p = pairs[i];
      const bool same = p.label == "same";
      ++f.pairs;
      f.same += same;
      if (filed[i].empty()) {
        ++f.not_filed;
        continue;
      }
      auto res =
          c.Post("/api/v1/reports/similar",
                 json{{"title", p.b.title}, {"body", p.b.body}, {"category", kCategory}}.dump(),
                 "application/json");
      EXPECT_TRUE(res && res->status == 200);
      if (!res || res->status != 200) continue;
      // The answer's score is rounded to two decimals; the staff mark is taken on it.
      double score = 0;
      const json answer = json::parse(res->body);
      for (const json& item : answer["items"]) {
        if (item["tracking_id"] == filed[i]) score = item["score"].get<double>();
      }
      for (int k = 0; k < 2; ++k) {
        const bool said_same = score > 0 && score >= (k == 0 ? kOfferCutOff : kStaffMark);
        f.found[k] += said_same && same;
        f.false_alarms[k] += said_same && !same;
      }
      if (show_misses) {
        const bool offered = score >= kOfferCutOff, marked = score >= kStaffMark;
        if ((same && !marked) || (!same && offered)) {
          std::printf("  %s %.2f: %s %s | %s %s\n", p.label.c_str(), score, p.a.title.c_str(),
                      p.a.body.c_str(), p.b.title.c_str(), p.b.body.c_str());
        }
      }
    }
    return f;
  }

  // The stream of staff marks a deployment would see: for every "same" pair of `pairs`, A
  // and B are filed, and the coordinator archives B as a duplicate of A (which teaches the
  // matcher the words that differ, server/store/term_links.h). A is then archived too, so that the
  // search index holds nothing of the stream and only the learned pairs remain. Returns how
  // many marks were made.
  int learn_from_marks(const std::vector<Pair>& pairs) {
    StaffSession coordinator = server.login("koordinator");
    httplib::Client c = server.client();
    auto file = [&](const Text& t) {
      const Text r = as_report(t);
      json body = valid_report();
      body["title"] = r.title;
      body["body"] = r.body;
      body["category"] = kCategory;
      auto res = c.Post("/api/v1/reports", body.dump(), "application/json");
      return res && res->status == 201 ? json::parse(res->body)["tracking_id"].get<std::string>()
                                       : std::string();
    };
    auto archive = [&](const std::string& id, const json& how) {
      auto got = c.Get(("/api/v1/staff/reports/" + id).c_str(), coordinator.headers());
      json action = how;
      action["action"] = "archive";
      action["version"] = json::parse(got->body)["version"];
      auto res = c.Post(("/api/v1/staff/reports/" + id + "/actions").c_str(), coordinator.headers(),
                        action.dump(), "application/json");
      return res && res->status == 200;
    };
    int marks = 0;
    for (const Pair& p : pairs) {
      if (p.label != "same") continue;
      const std::string a = file(p.a), b = file(p.b);
      if (a.empty() || b.empty()) continue;
      marks += archive(b, {{"archive_reason", "duplicate"}, {"duplicate_of", a}});
      archive(a, {{"archive_reason", "incomplete"}});
    }
    return marks;
  }

  static void print(const char* name, const Figures& f) {
    std::printf("%s: %d pairs (%d same), %d not filed\n", name, f.pairs, f.same, f.not_filed);
    std::printf("  offer list (score >= %.2f): precision %.3f, recall %.3f (%d found, %d wrong)\n",
                kOfferCutOff, f.precision(0), f.recall(0), f.found[0], f.false_alarms[0]);
    std::printf("  staff mark (score >= %.2f): precision %.3f, recall %.3f (%d found, %d wrong)\n",
                kStaffMark, f.precision(1), f.recall(1), f.found[1], f.false_alarms[1]);
  }

  // One set through the endpoint, its figures printed under its file's name.
  Figures measure_set(const char* file, size_t at_least, const std::string& label,
                      bool show_misses) {
    const std::vector<Pair> pairs = read_pairs(file);
    EXPECT_GE(pairs.size(), at_least) << file;
    const Figures f = measure(pairs, show_misses);
    print((label + " (tests/similarity/" + file + ")").c_str(), f);
    EXPECT_EQ(f.not_filed, 0);
    return f;
  }

  static void expect_at_least(const Figures& f, const Floors& floors) {
    EXPECT_GE(f.precision(0), floors.offer_precision);
    EXPECT_GE(f.recall(0), floors.offer_recall);
    EXPECT_GE(f.precision(1), floors.mark_precision);
    EXPECT_GE(f.recall(1), floors.mark_recall);
  }

  TestServer server;
};

// A tuning set, measured with its misses printed; its floors are a little under what is
// measured (docs/benchmarks.md), so that a regression fails.
struct TuningSet {
  const char* name;  // the test's name
  const char* file;  // in tests/similarity/
  size_t at_least;   // pairs
  Floors floors;
};

// The sets in the order they were written. The held-out sets among them were each measured
// blind (docs/benchmarks.md) and became tuning sets once a later one was committed.
const TuningSet kTuningSets[] = {
    // Formal texts, places capitalised.
    {"pairs", "pairs.tsv", 150, {0.82, 0.98, 0.92, 0.91}},
    // Chat spelling, regional words, places in lower case.
    {"registers", "registers.tsv", 60, {0.9, 0.95, 0.97, 0.87}},
    // Written blind like a held-out set, for tuning: paraphrase in both positions,
    // abbreviations against full forms, places in any case across the country.
    {"paraphrase", "paraphrase.tsv", 240, {0.94, 0.8, 0.97, 0.27}},
    // Measured blind after rounds 1 to 3.
    {"heldout", "heldout.tsv", 300, {0.78, 0.81, 0.92, 0.33}},
    // After rounds 4 and 5.
    {"heldout2", "heldout2.tsv", 350, {0.96, 0.87, 0.97, 0.36}},
    // Once after round 6.
    {"heldout3", "heldout3.tsv", 350, {0.9, 0.82, 0.96, 0.36}},
    // After round 7 and again after its review's fixes.
    {"heldout4", "heldout4.tsv", 350, {0.9, 0.86, 0.96, 0.41}},
    // Once before round 8 and once after it.
    {"heldout5", "heldout5.tsv", 350, {0.91, 0.86, 0.93, 0.37}},
    // Once before round 9 and once after it; written to paraphrase on purpose.
    {"heldout6", "heldout6.tsv", 350, {0.84, 0.57, 0.92, 0.09}},
    // Once before round 10 and once after it.
    {"heldout7", "heldout7.tsv", 350, {0.86, 0.63, 0.9, 0.24}},
    // Once before round 11 and once after it.
    {"heldout8", "heldout8.tsv", 350, {0.92, 0.53, 0.94, 0.16}},
    // Three times in round 11 (after each review) and once after round 12.
    {"heldout9", "heldout9.tsv", 350, {0.85, 0.6, 0.91, 0.25}},
    // Once for round 12's baseline and once after the learned links' strength was chosen.
    {"heldout10", "heldout10.tsv", 350, {0.9, 0.72, 0.95, 0.24}},
    // Once with round 12's matcher.
    {"heldout11", "heldout11.tsv", 350, {0.87, 0.69, 0.92, 0.2}},
};

// gtest prints the set's file when it lists or names a test.
void PrintTo(const TuningSet& set, std::ostream* out) { *out << set.file; }

class SimilarityQualityTuning : public SimilarityQuality,
                                public ::testing::WithParamInterface<TuningSet> {};

TEST_P(SimilarityQualityTuning, Set) {
  const TuningSet& set = GetParam();
  const Figures f =
      measure_set(set.file, set.at_least, std::string("tuning set ") + set.name, true);
  expect_at_least(f, set.floors);
}

INSTANTIATE_TEST_SUITE_P(SimilarityQuality, SimilarityQualityTuning,
                         ::testing::ValuesIn(kTuningSets),
                         [](const auto& info) { return std::string(info.param.name); });

// A held-out set: written blind, committed before any tuning against it, measured through
// the endpoint only in aggregate. Floors a little under what is measured (docs/benchmarks.md),
// so that a regression fails; they are not the targets (0.9 precision and 0.8 recall for the
// offer list, 0.95 precision at the staff mark).
struct HeldOutSet {
  const char* name;  // the test's name
  const char* file;  // in tests/similarity/
  Floors floors;
  // After learning: recall must not fall below what the matcher finds without it.
  Floors floors_after_learning;
};

const HeldOutSet kHeldOutSets[] = {
    // Round 15's: measured once on the matcher as round 12 left it and once after round 15.
    {"heldout12", "heldout12.tsv", {0.92, 0.87, 0.97, 0.53}, {0.9, 0.91, 0.95, 0.64}},
    // Written with heldout12.tsv's brief by two more helpers, measured once after round 15.
    {"heldout13", "heldout13.tsv", {0.92, 0.92, 0.93, 0.45}, {0.9, 0.94, 0.93, 0.65}},
};

void PrintTo(const HeldOutSet& set, std::ostream* out) { *out << set.file; }

class SimilarityQualityHeldOut : public SimilarityQuality,
                                 public ::testing::WithParamInterface<HeldOutSet> {};

TEST_P(SimilarityQualityHeldOut, Set) {
  const HeldOutSet& set = GetParam();
  const Figures f = measure_set(set.file, 350, std::string("held-out set ") + set.name, false);
  expect_at_least(f, set.floors);
}

// Learning from use, measured on a held-out set: the same measurement as Set, in a store whose
// matcher first learned from the staff marks of the tuning sets' "same" pairs (never from a
// held-out set). docs/benchmarks.md compares the two.
TEST_P(SimilarityQualityHeldOut, AfterLearningFromStaffMarks) {
  const HeldOutSet& set = GetParam();
  std::vector<Pair> stream;
  for (const TuningSet& tuning : kTuningSets) {
    const std::vector<Pair> pairs = read_pairs(tuning.file);
    stream.insert(stream.end(), pairs.begin(), pairs.end());
  }
  const int64_t indexed = server.count_rows("report_terms");  // the demo's reports
  const int marks = learn_from_marks(stream);
  EXPECT_GE(marks, 1830);
  EXPECT_EQ(server.count_rows("report_terms"), indexed);  // nothing of the stream is searchable
  const int64_t links = server.count_rows("term_links");
  EXPECT_GT(links, marks);
  std::printf("learned from %d staff marks of the tuning sets: %lld word pairs\n", marks,
              static_cast<long long>(links));
  const Figures f = measure_set(set.file, 350,
                                std::string("held-out set ") + set.name + " after learning", false);
  expect_at_least(f, set.floors_after_learning);
}

INSTANTIATE_TEST_SUITE_P(SimilarityQuality, SimilarityQualityHeldOut,
                         ::testing::ValuesIn(kHeldOutSets),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace aduan::testing
