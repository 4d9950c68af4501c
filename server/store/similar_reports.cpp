#include "store/similar_reports.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "model/known_places.h"
#include "model/synonyms.h"
#include "shared/similarity.h"
#include "store/db.h"
#include "store/dialect.h"
#include "store/postings_cache.h"
#include "store/prepared.h"
#include "store/status_sql.h"
#include "store/tallies.h"
#include "store/term_links.h"
#include "store/term_postings.h"

namespace aduan {
namespace {

// Candidates come from the postings of the query's rarest terms, newest reports first; a
// term in more reports than kPostingsPerTerm says too little to look through all of them.
// Terms are followed rarest first while the postings they bring stay within the budget
// (six full lists): a query of common words follows six terms, one of rare words up to
// kMostTermsToFollow, so that a duplicate told in other words still shares some of them.
constexpr int kPostingsPerTerm = 2000;
constexpr int64_t kPostingsBudget = 6 * kPostingsPerTerm;
constexpr size_t kMostTermsToFollow = 16;
constexpr size_t kCandidatesToScore = 100;
// Terms staff taught as linked to the query's lead to candidates too, the strongest first.
constexpr size_t kLinkedTermsToFollow = 3;

bool indexable(const ReportRecord& r) {
  return !r.confidential && r.status != Status::kClosed && r.status != Status::kArchived;
}

std::string text_of(const ReportRecord& r) { return r.title + "\n" + r.body; }

// Inverse document frequencies from term_counts, looked up once per term, and many terms in
// one statement where they are known beforehand (the query's, the candidates'): on PostgreSQL
// each statement is a round trip, and a request needs the counts of a few hundred terms.
class Weights {
 public:
  explicit Weights(Db& db) : db_(db) {}
  int64_t count(const std::string& term) {
    const auto it = counts_.find(term);
    if (it != counts_.end()) return it->second;
    Prepared q(db_, "SELECT n FROM term_counts WHERE term = ?");
    q.bind(1, term);
    const int64_t n = q.executeStep() ? q.getColumn(0).getInt64() : 0;
    counts_.emplace(term, n);
    return n;
  }
  double idf(const std::string& term) {
    // "": every indexed report, the count of reports.
    const double total = double(std::max<int64_t>(1, count("")));
    return std::log(1.0 + total / double(std::max<int64_t>(1, count(term))));
  }
  // Reads the counts of those of `terms` not read yet, and the count of reports with the
  // first: on PostgreSQL in one statement with the terms as one array, on SQLite
  // kTermsPerRead to a statement. (PostgreSQL priced its plan for a list of 64 parameters
  // above a plan for the values at hand, and planned it again at every use.)
  void read(std::vector<std::string> terms) {
    terms.emplace_back();
    std::vector<std::string> missing;
    for (const std::string& t : terms) {
      if (counts_.emplace(t, 0).second) missing.push_back(t);
    }
    if (missing.empty()) return;
    auto keep = [&](Prepared& q) {
      while (q.executeStep()) counts_[q.getColumn(0).getString()] = q.getColumn(1).getInt64();
    };
    if (db_.engine() != Engine::kSqlite) {
      Prepared q(db_, "SELECT term, n FROM term_counts WHERE term = ANY(?::text[])");
      q.bind(1, text_array(missing));
      keep(q);
      return;
    }
    static const std::string kRead =
        "SELECT term, n FROM term_counts WHERE term IN (" + placeholders(kTermsPerRead) + ")";
    for (size_t from = 0; from < missing.size(); from += kTermsPerRead) {
      Prepared q(db_, kRead);
      bind_list(q, missing, from, kTermsPerRead);
      keep(q);
    }
  }

 private:
  static constexpr size_t kTermsPerRead = 64;
  Db& db_;
  std::unordered_map<std::string, int64_t> counts_;
};

// The terms whose postings are read: the rarest of the text's first, as many as the budget of
// postings allows, then the words staff linked to its terms, strongest first.
std::vector<std::string> leads_for(const ReportTerms& wanted, Weights& weights,
                                   const LinkTable& links) {
  std::vector<std::string> leads = wanted.terms;
  std::sort(leads.begin(), leads.end(), [&](const std::string& a, const std::string& b) {
    return weights.count(a) < weights.count(b);
  });
  std::erase_if(leads, [&](const std::string& t) { return weights.count(t) == 0; });
  int64_t postings_to_read = 0;
  size_t followed = 0;
  for (; followed < leads.size() && followed < kMostTermsToFollow; ++followed) {
    const int64_t more = std::min<int64_t>(weights.count(leads[followed]), kPostingsPerTerm);
    if (postings_to_read + more > kPostingsBudget) break;
    postings_to_read += more;
  }
  leads.resize(followed);
  if (links.empty()) return leads;
  const size_t unlinked_leads = leads.size();
  std::vector<std::pair<double, std::string>> linked;
  for (const std::string& t : wanted.terms) {
    for (const auto& [u, strength] : links.linked_to(t)) {
      const bool known =
          std::find(wanted.terms.begin(), wanted.terms.end(), u) != wanted.terms.end();
      if (!known && weights.count(u) > 0) linked.emplace_back(strength, u);
    }
  }
  std::stable_sort(linked.begin(), linked.end(),
                   [](const auto& x, const auto& y) { return x.first > y.first; });
  for (const auto& [strength, u] : linked) {
    if (leads.size() >= unlinked_leads + kLinkedTermsToFollow) break;
    if (std::find(leads.begin(), leads.end(), u) == leads.end()) leads.push_back(u);
  }
  return leads;
}

using Postings = std::shared_ptr<const PostingsCache::List>;

// A term's newest kPostingsPerTerm postings read in full, the term having `count` in all.
Postings read_postings(Db& db, const std::string& term, int64_t count) {
  Prepared all(db,
               "SELECT report_id FROM report_terms WHERE term = ? "
               "ORDER BY report_id DESC LIMIT ?");
  all.bind(1, term);
  all.bind(2, kPostingsPerTerm);
  auto list = std::make_shared<PostingsCache::List>();
  while (all.executeStep()) list->ids.push_back(all.getColumn(0).getInt64());
  list->count = count;
  list->read_at = std::chrono::steady_clock::now();
  return list;
}

// The newest kPostingsPerTerm postings of each term, newest first: the lists this server kept,
// brought up to date in one statement for them all, where the terms' counts say they are
// still what reading them would give (store/postings_cache.h); the others read in full, and
// kept.
std::vector<Postings> postings_of(Db& db, const std::vector<std::string>& terms, Weights& weights) {
  PostingsCache& cache = PostingsCache::of(db.location());
  std::vector<Postings> kept(terms.size()), out(terms.size());
  std::string sql;
  std::vector<size_t> asked;
  for (size_t i = 0; i < terms.size(); ++i) {
    if (!(kept[i] = cache.find(terms[i]))) continue;
    const std::string n = std::to_string(asked.size());
    if (!sql.empty()) sql += " UNION ALL ";
    // The bound above (every id) is a range of two bounds, which PostgreSQL prices as narrow
    // whatever the values: with the one below alone it priced its plan for any values above
    // one for the values at hand, and planned the statement again at every use (0.27 ms a
    // request).
    sql += "SELECT " + n +
           ", report_id FROM (SELECT report_id FROM report_terms WHERE term = ? AND "
           "report_id > ? AND report_id <= ? ORDER BY report_id DESC LIMIT " +
           std::to_string(kPostingsPerTerm) + ") AS t" + n;
    asked.push_back(i);
  }
  std::vector<std::vector<int64_t>> newer(asked.size());
  if (!asked.empty()) {
    Prepared q(db, sql);
    int p = 1;
    for (size_t i : asked) {
      q.bind(p++, terms[i]);
      q.bind(p++, kept[i]->ids.empty() ? int64_t{0} : kept[i]->ids.front());
      q.bind(p++, std::numeric_limits<int64_t>::max());
    }
    while (q.executeStep()) {
      newer[static_cast<size_t>(q.getColumn(0).getInt64())].push_back(q.getColumn(1).getInt64());
    }
  }
  for (size_t j = 0; j < asked.size(); ++j) {
    const size_t i = asked[j];
    std::sort(newer[j].rbegin(), newer[j].rend());  // newest first, whatever the engine's order
    out[i] = PostingsCache::brought_up_to_date(kept[i], std::move(newer[j]),
                                               weights.count(terms[i]), kPostingsPerTerm);
  }
  for (size_t i = 0; i < terms.size(); ++i) {
    if (!out[i]) out[i] = read_postings(db, terms[i], weights.count(terms[i]));
    if (out[i] != kept[i]) cache.keep(terms[i], out[i]);
  }
  return out;
}

// Each report among the leads' postings with the summed weight of the leads it holds, newest
// first. Each term's postings arrive newest first; merging those sorted lists gathers the
// weights without a hash table (12,000 hash inserts cost more than the queries).
std::vector<std::pair<int64_t, double>> gather(Db& db, const std::vector<std::string>& leads,
                                               Weights& weights) {
  const std::vector<Postings> postings = postings_of(db, leads, weights);
  std::vector<std::pair<int64_t, double>> gathered, merged;
  for (size_t t = 0; t < leads.size(); ++t) {
    const double w = weights.idf(leads[t]);
    const std::vector<int64_t>& ids = postings[t]->ids;
    merged.clear();
    merged.reserve(gathered.size() + ids.size());
    auto a = gathered.begin();
    auto b = ids.begin();
    while (a != gathered.end() || b != ids.end()) {
      if (b == ids.end() || (a != gathered.end() && a->first > *b)) {
        merged.push_back(*a++);
      } else if (a == gathered.end() || *b > a->first) {
        merged.emplace_back(*b++, w);
      } else {
        merged.emplace_back(a->first, a->second + w);
        ++a, ++b;
      }
    }
    gathered.swap(merged);
  }
  return gathered;
}

// The texts (and what the query's filters look at) of the ranked candidates, by id, in one
// statement of kCandidatesToScore ids: a hundred reads of one row each were a hundred round
// trips to PostgreSQL.
std::unordered_map<int64_t, ReportRecord> candidate_texts(
    Db& db, const std::vector<std::pair<double, int64_t>>& ranked) {
  static const std::string kRead =
      "SELECT id, title, body, category_id, agency_id, status, confidential FROM reports "
      "WHERE id IN (" +
      placeholders(kCandidatesToScore) + ")";
  std::unordered_map<int64_t, ReportRecord> out;
  if (ranked.empty()) return out;
  std::vector<int64_t> ids;
  ids.reserve(ranked.size());
  for (const auto& [w, id] : ranked) ids.push_back(id);
  Prepared q(db, kRead);
  bind_list(q, ids, 0, kCandidatesToScore);
  while (q.executeStep()) {
    ReportRecord r;
    r.id = q.getColumn(0).getInt64();
    r.title = q.getColumn(1).getString();
    r.body = q.getColumn(2).getString();
    r.category_id = q.getColumn(3).getInt64();
    if (!q.getColumn(4).isNull()) r.agency_id = q.getColumn(4).getInt64();
    r.status = parse_status(q.getColumn(5).getString()).value_or(Status::kArchived);
    r.confidential = q.getColumn(6).getInt() != 0;
    out.emplace(r.id, std::move(r));
  }
  return out;
}

// The ranked candidates that the query's filters keep, scored in full (score, id), those under
// its minimum left out. Candidates are scored from their text alone (a narrow read, no full
// record); only the few that are shown are read whole.
std::vector<std::pair<double, int64_t>> score_candidates(
    Db& db, const SimilarQuery& q, const ReportTerms& wanted, const PlaceNames& places,
    Weights& weights, const LinkTable& links,
    const std::vector<std::pair<double, int64_t>>& ranked) {
  const TermWeight idf = [&](const std::string& t) { return weights.idf(t); };
  const Thesaurus* thesaurus = &synonyms();
  TermLink link = nullptr;
  if (!links.empty()) {
    link = [&links](const std::string& a, const std::string& b) { return links.strength(a, b); };
  }
  std::unordered_map<int64_t, ReportRecord> texts = candidate_texts(db, ranked);
  // Those the filters keep, in the order they were ranked (equal scores keep it).
  std::vector<std::pair<int64_t, ComparedReport>> kept;
  std::vector<std::string> terms;
  for (const auto& [w, id] : ranked) {
    const auto it = texts.find(id);
    if (it == texts.end()) continue;
    const ReportRecord& r = it->second;
    if (!indexable(r)) continue;
    if (q.verified_only && !is_verified(r.status)) continue;
    if (q.category_id && r.category_id != *q.category_id) continue;
    if (q.agencies && (!r.agency_id || std::find(q.agencies->begin(), q.agencies->end(),
                                                 *r.agency_id) == q.agencies->end()))
      continue;
    kept.emplace_back(id, ComparedReport(analyse_text(text_of(r), places, thesaurus), thesaurus));
    const std::vector<std::string>& more = kept.back().second.report.terms;
    terms.insert(terms.end(), more.begin(), more.end());
  }
  weights.read(terms);
  // The query's side of every comparison, worked out once for all the candidates.
  const ComparedReport query(wanted, thesaurus);
  std::vector<std::pair<double, int64_t>> scored;
  for (const auto& [id, candidate] : kept) {
    const double score = report_similarity(query, candidate, idf, link, thesaurus);
    if (score >= q.min_score) scored.emplace_back(score, id);
  }
  return scored;
}

}  // namespace

void SimilarReports::add(Db& db, const ReportRecord& r) {
  if (!indexable(r)) return;
  std::vector<std::string> terms = matching_terms(text_of(r));
  terms.insert(terms.begin(), std::string());  // every indexed report: the count of reports
  insert_postings(db, terms, r.id);
}

int64_t SimilarReports::index_existing(Db& db) {
  Transaction tx(db);
  // Read under the write lock: another server on the same PostgreSQL, started together with
  // this one, may have made them while this one waited for it.
  if (query_int64(db, "SELECT terms_indexed FROM tally_settings")) return 0;
  // The term counts' trigger is off while the postings go in and the counts are made once
  // at the end. Counted posting by posting, the rows of "" and of the common words were
  // updated once per report in one transaction, and PostgreSQL walks every earlier version of
  // such a row at each update: at a million reports the rebuild slowed to 12 ms a report
  // and did not end within 13 minutes.
  const int64_t live = query_int64(db, "SELECT live FROM tally_settings");
  tallies::suspend(db);
  // Postings made by other word lists (ReportSearch::index_existing found them out) go first.
  db.exec(dialect::empty_table(db, "report_terms"));
  int64_t done = 0;
  Prepared ids(db, "SELECT id FROM reports WHERE " + matchable_report_condition());
  std::vector<int64_t> open;
  while (ids.executeStep()) open.push_back(ids.getColumn(0).getInt64());
  for (int64_t id : open) {
    if (const auto r = ReportRepository::find_by_id(db, id)) {
      add(db, *r);
      ++done;
    }
  }
  tallies::recount_terms(db);
  Prepared restore(db, "UPDATE tally_settings SET live = ?, terms_indexed = 1");
  restore.bind(1, live);
  restore.exec();
  tx.commit();
  return done;
}

std::vector<SimilarMatch> SimilarReports::find(Db& db, const SimilarQuery& q) {
  const PlaceNames& places = known_places(q.region_code);
  const ReportTerms wanted = analyse_text(q.text, places, &synonyms());
  if (wanted.terms.empty()) return {};
  Weights weights(db);
  weights.read(wanted.terms);
  const LinkTable links = TermLinks::load(db, wanted.terms);
  // The rarest terms (and the words staff linked to them) lead to the candidates; each
  // candidate gathers the weight of the terms it shares, and the best gatherers are scored in
  // full.
  const auto gathered = gather(db, leads_for(wanted, weights, links), weights);
  std::vector<std::pair<double, int64_t>> ranked;
  ranked.reserve(gathered.size());
  for (const auto& [id, w] : gathered) {
    if (id != q.exclude_id) ranked.emplace_back(w, id);
  }
  const size_t keep = std::min(ranked.size(), kCandidatesToScore);
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep),
                    ranked.end(), std::greater<>());
  ranked.resize(keep);
  auto scored = score_candidates(db, q, wanted, places, weights, links, ranked);
  // Best first; equal scores keep the order the candidates were ranked in.
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  // The few shown read whole, in one statement.
  if (scored.size() > q.limit) scored.resize(q.limit);
  std::vector<int64_t> shown;
  for (const auto& [score, id] : scored) shown.push_back(id);
  std::unordered_map<int64_t, ReportRecord> reports = ReportRepository::find_by_ids(db, shown);
  std::vector<SimilarMatch> out;
  for (const auto& [score, id] : scored) {
    const auto it = reports.find(id);
    if (it != reports.end()) out.push_back({std::move(it->second), score});
  }
  return out;
}

void SimilarReports::learn_duplicate(Db& db, const ReportRecord& original,
                                     const ReportRecord& duplicate, int64_t now) {
  if (original.confidential || duplicate.confidential) return;
  const PlaceNames& places = known_places(original.location.region_code);
  Weights weights(db);
  const TermWeight idf = [&](const std::string& t) { return weights.idf(t); };
  TermLinks::teach(db,
                   terms_to_link(analyse_text(text_of(original), places, &synonyms()),
                                 analyse_text(text_of(duplicate), places, &synonyms()), idf),
                   now);
}

}  // namespace aduan
