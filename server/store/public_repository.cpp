#include "store/public_repository.h"

#include "store/db.h"
#include "store/dialect.h"
#include "store/prepared.h"
#include "store/tallies.h"

namespace aduan {
namespace {

// LIKE patterns match the words literally: %, _ and the escape itself are escaped.
std::string like_pattern(const std::string& word) {
  std::string out = "%";
  for (char c : word) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "%";
}

std::vector<std::string> words(const std::string& query) {
  std::vector<std::string> out;
  std::string word;
  for (char c : query + " ") {
    if (c == ' ' || c == '\t') {
      if (!word.empty() && out.size() < 8) out.push_back(word);
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  return out;
}

// The public list's condition: published reports (public_report_condition) that hold every
// word and match every choice of the filter, with a parameter for each value (bind_filter).
std::string where_of(const Db& db, const PublicFilter& f, const std::vector<std::string>& terms) {
  std::string where = "WHERE " + public_report_condition();
  for (size_t i = 0; i < terms.size(); ++i) {
    where += " AND (" + dialect::like_ignoring_case(db, "title") + " ESCAPE '\\' OR " +
             dialect::like_ignoring_case(db, "body") + " ESCAPE '\\')";
  }
  if (f.status) where += " AND status = ?";
  if (f.category_id) where += " AND category_id = ?";
  // An empty list of agencies or categories matches nothing.
  if (f.agencies)
    where += " AND agency_id IN (" + placeholders(f.agencies->size()) +
             (f.agencies->empty() ? "NULL)" : ")");
  if (f.categories)
    where += " AND category_id IN (" + placeholders(f.categories->size()) +
             (f.categories->empty() ? "NULL)" : ")");
  if (!f.statuses.empty()) where += " AND status IN (" + placeholders(f.statuses.size()) + ")";
  if (!f.tracking_ids.empty())
    where += " AND tracking_id IN (" + placeholders(f.tracking_ids.size()) + ")";
  if (f.created_from) where += " AND created_at >= ?";
  if (f.created_to) where += " AND created_at <= ?";
  return where;
}

// Binds where_of's parameters in order; the index of the next one.
int bind_filter(const PublicFilter& f, const std::vector<std::string>& terms, Prepared* q) {
  int i = 1;
  for (const std::string& t : terms) {
    q->bind(i++, like_pattern(t));
    q->bind(i++, like_pattern(t));
  }
  if (f.status) q->bind(i++, std::string(to_string(*f.status)));
  if (f.category_id) q->bind(i++, *f.category_id);
  if (f.agencies) {
    for (int64_t id : *f.agencies) q->bind(i++, id);
  }
  if (f.categories) {
    for (int64_t id : *f.categories) q->bind(i++, id);
  }
  for (Status st : f.statuses) q->bind(i++, std::string(to_string(st)));
  for (const std::string& id : f.tracking_ids) q->bind(i++, id);
  if (f.created_from) q->bind(i++, *f.created_from);
  if (f.created_to) q->bind(i++, *f.created_to);
  return i;
}

}  // namespace

std::vector<ReportRecord> PublicRepository::list(Db& db, const PublicFilter& f, int64_t* total) {
  const std::vector<std::string> terms = words(f.query);
  const std::string where = where_of(db, f, terms);
  auto bind = [&](Prepared& q) { return bind_filter(f, terms, &q); };
  Prepared count(db, "SELECT count(*) FROM (SELECT 1 FROM reports " + where + " LIMIT " +
                         std::to_string(kCountLimit + 1) + ") AS matches");
  bind(count);
  count.executeStep();
  *total = count.getColumn(0).getInt64();
  // The same columns as the staff list, newest first.
  Prepared ids(db, "SELECT id FROM reports " + where +
                       " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?");
  int i = bind(ids);
  ids.bind(i++, f.limit);
  ids.bind(i++, f.offset);
  std::vector<ReportRecord> out;
  std::vector<int64_t> found;
  while (ids.executeStep()) found.push_back(ids.getColumn(0).getInt64());
  for (int64_t id : found) {
    if (auto r = ReportRepository::find_by_id(db, id)) out.push_back(std::move(*r));
  }
  return out;
}

PublicStats PublicRepository::stats(Db& db, Date from, Date to) {
  PublicStats s;
  static_cast<tallies::ReportCounts&>(s) = tallies::sum_reports(db, from, to, " AND public = 1");
  s.by_agency.erase(0);  // forwarded reports only
  s.finished = s.by_status.count("closed") ? s.by_status.at("closed") : 0;
  return s;
}

std::vector<TrainingReport> PublicRepository::training_reports(Db& db, int limit) {
  Prepared q(db, std::string("SELECT c.code, r.title, r.body FROM reports r "
                             "JOIN categories c ON c.id = r.category_id "
                             "WHERE c.active = 1 AND r.") +
                     public_report_condition() + " ORDER BY r.created_at DESC LIMIT ?");
  q.bind(1, limit);
  std::vector<TrainingReport> out;
  while (q.executeStep()) {
    out.push_back({q.getColumn(0).getString(),
                   q.getColumn(1).getString() + "\n" + q.getColumn(2).getString()});
  }
  return out;
}

}  // namespace aduan
