// The search index of repeated reports: the matching terms (shared/similarity.h) of every
// open, non-confidential report, and the search that finds the ones with the same substance
// as a text. Terms are added as a report is filed; a trigger (migration 0009) removes them
// when the report is finished, archived or made confidential.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/db.h"
#include "store/report_repository.h"

namespace aduan {

// From this score on a report is worth showing as possibly the same; kSameSubstance
// (shared/similarity.h) marks the likely duplicates among them. Chosen on the nine tuning
// sets pooled, through the endpoint (tests/http/similarity_quality_test.cpp): the lowest
// score at which the pool reaches the offer list's precision target of 0.9 (0.907, recall
// 0.834). docs/benchmarks.md, "Quality", round 10; checked again on ten sets in round 11
// (0.903 at 0.32, 0.897 at 0.31), on eleven in round 12 (0.908 at 0.32) and on fourteen in
// round 15 (0.907 at 0.32).
inline constexpr double kWorthShowing = 0.32;

struct SimilarQuery {
  std::string text;                              // title and body
  std::optional<int64_t> category_id;            // only reports of this category
  std::optional<std::vector<int64_t>> agencies;  // only reports held by these agencies
  std::string region_code;  // where the text's report is: its regency's villages are places
  int64_t exclude_id = 0;   // the report itself, when it is indexed
  size_t limit = 5;
  double min_score = kWorthShowing;
  bool verified_only = false;  // a citizen's offer: only published reports (is_verified)
};

struct SimilarMatch {
  ReportRecord report;
  double score = 0;
};

class SimilarReports {
 public:
  // Indexes a report that is open and not confidential; others are left out.
  static void add(Db& db, const ReportRecord& r);

  // Indexes the open, non-confidential reports of a store that has none indexed yet (the
  // first start after the index was added). Returns how many.
  static int64_t index_existing(Db& db);

  // The best matches, best first.
  static std::vector<SimilarMatch> find(Db& db, const SimilarQuery& q);

  // Staff archived `duplicate` as a duplicate of `original`: the terms that differ between
  // the two are linked (server/store/term_links.h), so that later reports written the way one of
  // them was find the other kind. Nothing is learned from a confidential report: its words
  // stay out of a table that reviewers read.
  static void learn_duplicate(Db& db, const ReportRecord& original, const ReportRecord& duplicate,
                              int64_t now);
};

}  // namespace aduan
