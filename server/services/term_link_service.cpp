#include "services/term_link_service.h"

#include "base/clock.h"
#include "store/db.h"
#include "store/store.h"
#include "store/term_links.h"

namespace aduan {

TermLinkPage TermLinkService::list(int64_t limit, int64_t offset) const {
  TermLinkPage out;
  store_.read([&](Db& db) {
    out.rows = TermLinks::list(db, limit, offset);
    out.total = TermLinks::count(db);
  });
  return out;
}

std::optional<TermLinkRow> TermLinkService::review(const std::string& term,
                                                   const std::string& linked, bool rejected) {
  std::optional<TermLinkRow> out;
  store_.write(
      [&](Db& db) { out = TermLinks::review(db, term, linked, rejected, clock_.now_unix()); });
  return out;
}

}  // namespace aduan
