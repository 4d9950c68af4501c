#include "store/term_postings.h"

#include "store/prepared.h"

namespace aduan {
namespace {

constexpr size_t kPostingsPerInsert = 16;

}  // namespace

void insert_postings(Db& db, const std::vector<std::string>& terms, int64_t report_id) {
  if (terms.empty()) return;
  std::string sql = "INSERT INTO report_terms (term, report_id) VALUES ";
  for (size_t i = 0; i < kPostingsPerInsert; ++i) sql += i ? ", (?, ?)" : "(?, ?)";
  sql += " ON CONFLICT DO NOTHING";
  Prepared q(db, sql);
  for (size_t from = 0; from < terms.size(); from += kPostingsPerInsert) {
    for (size_t i = 0; i < kPostingsPerInsert; ++i) {
      const size_t at = from + i;
      q.bind(static_cast<int>(2 * i + 1), at < terms.size() ? terms[at] : terms[from]);
      q.bind(static_cast<int>(2 * i + 2), report_id);
    }
    q.send();
    q.reset();
  }
}

}  // namespace aduan
