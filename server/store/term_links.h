// The pairs of terms staff have taught the repeated-report matcher by marking duplicates
// (migration 0022, shared/similarity.h terms_to_link): kept in the store, bounded, and
// reviewable, so that a wrong pair can be rejected and is then never used or learned again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/term_link.h"
#include "store/db.h"

namespace aduan {

// The links of a few terms (a query's), looked up both ways.
class LinkTable {
 public:
  // How strongly `a` and `b` link (shared/similarity.h link_strength), 0 when unknown.
  double strength(const std::string& a, const std::string& b) const;
  // The terms linked to `term`, strongest first.
  std::vector<std::pair<std::string, double>> linked_to(const std::string& term) const;
  bool empty() const { return by_term_.empty(); }

 private:
  friend class TermLinks;
  void add(const std::string& term, std::vector<std::pair<std::string, double>> links);
  // The same links twice: as lists for linked_to, and as maps because strength is asked for
  // every pair of terms of every candidate (hundreds of links per term are possible).
  std::unordered_map<std::string, std::vector<std::pair<std::string, double>>> by_term_;
  std::unordered_map<std::string, std::unordered_map<std::string, double>> strength_;
};

class TermLinks {
 public:
  // One mark more for each pair (not for rejected ones), then the table is trimmed to
  // kMaxTermLinks. Run inside the caller's transaction.
  static void teach(Db& db, const std::vector<std::pair<std::string, std::string>>& pairs,
                    int64_t now);

  // The unrejected links of `terms`.
  static LinkTable load(Db& db, const std::vector<std::string>& terms);

  // For review: the most taught first, `limit` from `offset`; and how many there are.
  static std::vector<TermLinkRow> list(Db& db, int64_t limit, int64_t offset);
  static int64_t count(Db& db);

  // Rejects a pair (or takes the rejection back). The pair as it is now; nullopt when the
  // store does not hold it.
  static std::optional<TermLinkRow> review(Db& db, const std::string& term,
                                           const std::string& linked, bool rejected, int64_t now);
};

}  // namespace aduan
