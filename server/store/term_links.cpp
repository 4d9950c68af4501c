#include "store/term_links.h"

#include <algorithm>
#include <map>

#include "shared/similarity.h"
#include "store/db.h"
#include "store/prepared.h"

namespace aduan {
namespace {

TermLinkRow row_of(Prepared& q) {
  return {q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getInt64(),
          q.getColumn(3).getInt() != 0, q.getColumn(4).getInt64()};
}

}  // namespace

double LinkTable::strength(const std::string& a, const std::string& b) const {
  // Only the query's terms were loaded: either side may be one of them.
  for (const auto& [from, to] : {std::pair{&a, &b}, std::pair{&b, &a}}) {
    const auto it = strength_.find(*from);
    if (it == strength_.end()) continue;
    const auto found = it->second.find(*to);
    return found == it->second.end() ? 0 : found->second;
  }
  return 0;
}

void LinkTable::add(const std::string& term, std::vector<std::pair<std::string, double>> links) {
  std::stable_sort(links.begin(), links.end(),
                   [](const auto& x, const auto& y) { return x.second > y.second; });
  auto& strengths = strength_[term];
  for (const auto& [linked, s] : links) strengths.emplace(linked, s);
  by_term_[term] = std::move(links);
}

std::vector<std::pair<std::string, double>> LinkTable::linked_to(const std::string& term) const {
  const auto it = by_term_.find(term);
  return it == by_term_.end() ? std::vector<std::pair<std::string, double>>{} : it->second;
}

void TermLinks::teach(Db& db, const std::vector<std::pair<std::string, std::string>>& pairs,
                      int64_t now) {
  if (pairs.empty()) return;
  Prepared q(db,
             "INSERT INTO term_links (term, linked, marks, updated_at) VALUES (?, ?, 1, ?) "
             "ON CONFLICT (term, linked) DO UPDATE SET marks = term_links.marks + 1, updated_at = "
             "excluded.updated_at WHERE term_links.rejected = 0");
  for (const auto& [a, b] : pairs) {
    if (a.empty() || b.empty() || a == b) continue;
    q.bind(1, a < b ? a : b);
    q.bind(2, a < b ? b : a);
    q.bind(3, now);
    q.exec();
    q.reset();
  }
  const int64_t excess = count(db) - kMaxTermLinks;
  if (excess <= 0) return;
  Prepared trim(db,
                "DELETE FROM term_links WHERE (term, linked) IN (SELECT term, linked FROM "
                "term_links WHERE rejected = 0 ORDER BY marks, updated_at LIMIT ?)");
  trim.bind(1, excess);
  trim.exec();
}

LinkTable TermLinks::load(Db& db, const std::vector<std::string>& terms) {
  // kTermsPerRead terms to a statement, looked up on either side of a pair: on PostgreSQL
  // each statement is a round trip, and a query has a few dozen terms.
  constexpr size_t kTermsPerRead = 64;
  static const std::string kRead = [] {
    std::string list;
    for (size_t i = 1; i <= kTermsPerRead; ++i) list += (i > 1 ? ",?" : "?") + std::to_string(i);
    return "SELECT term, linked, marks, 0 FROM term_links WHERE term IN (" + list +
           ") AND rejected = 0 UNION ALL SELECT linked, term, marks, 1 FROM term_links WHERE "
           "linked IN (" +
           list + ") AND rejected = 0 ORDER BY 4, 2";
  }();
  // Each term's links, those where it is the pair's first term first, each side in the order
  // of the other term: links of equal strength are followed in that order (leads_for in
  // store/similar_reports.cpp), so it is fixed rather than the plan's.
  std::map<std::string, std::vector<std::pair<std::string, double>>> found;
  for (size_t from = 0; from < terms.size(); from += kTermsPerRead) {
    Prepared q(db, kRead);
    bind_list(q, terms, from, kTermsPerRead);
    while (q.executeStep()) {
      found[q.getColumn(0).getString()].emplace_back(q.getColumn(1).getString(),
                                                     link_strength(q.getColumn(2).getInt64()));
    }
  }
  LinkTable out;
  for (auto& [term, links] : found) out.add(term, std::move(links));
  return out;
}

std::vector<TermLinkRow> TermLinks::list(Db& db, int64_t limit, int64_t offset) {
  Prepared q(db,
             "SELECT term, linked, marks, rejected, updated_at FROM term_links "
             "ORDER BY marks DESC, updated_at DESC, term, linked LIMIT ? OFFSET ?");
  q.bind(1, limit);
  q.bind(2, offset);
  std::vector<TermLinkRow> out;
  while (q.executeStep()) out.push_back(row_of(q));
  return out;
}

int64_t TermLinks::count(Db& db) {
  Prepared q(db, "SELECT count(*) FROM term_links");
  return q.executeStep() ? q.getColumn(0).getInt64() : 0;
}

std::optional<TermLinkRow> TermLinks::review(Db& db, const std::string& term,
                                             const std::string& linked, bool rejected,
                                             int64_t now) {
  const std::string& a = term < linked ? term : linked;
  const std::string& b = term < linked ? linked : term;
  Prepared update(
      db, "UPDATE term_links SET rejected = ?, updated_at = ? WHERE term = ? AND linked = ?");
  update.bind(1, rejected ? 1 : 0);
  update.bind(2, now);
  update.bind(3, a);
  update.bind(4, b);
  update.exec();
  Prepared q(db,
             "SELECT term, linked, marks, rejected, updated_at FROM term_links "
             "WHERE term = ? AND linked = ?");
  q.bind(1, a);
  q.bind(2, b);
  if (!q.executeStep()) return std::nullopt;
  return row_of(q);
}

}  // namespace aduan
