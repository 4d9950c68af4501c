#include "services/transparency_service.h"

#include "base/clock.h"
#include "store/catalog_repository.h"
#include "store/db.h"
#include "store/map_repository.h"
#include "store/public_repository.h"
#include "store/store.h"

namespace aduan {

PublicListPage TransparencyService::list(const PublicListQuery& q) const {
  PublicFilter f;
  f.query = q.words;
  f.status = q.status;
  f.limit = q.limit;
  f.offset = q.offset;
  const Date today = local_date(clock_.now_unix(), settings_.utc_offset_minutes);
  PublicListPage out;
  store_.read([&](Db& db) {
    const auto catalogue = CatalogRepository::catalogue(db);
    if (q.category) {
      const Category* c = find_code(catalogue->categories, *q.category);
      f.category_id = c ? c->id : -1;
    }
    if (q.agency) {
      const Agency* a = find_code(catalogue->agencies, *q.agency);
      f.agencies = a ? agency_subtree(db, a->id) : std::vector<int64_t>{};
    }
    for (ReportRecord& r : PublicRepository::list(db, f, &out.total)) {
      // Public lists show the agency that holds a report, not the citizen's guess.
      if (!r.agency_id) r.suggested_agency_id.reset();
      out.items.push_back(summary_view(std::move(r), catalogue->agencies, catalogue->categories,
                                       catalogue->calendar, today));
    }
  });
  return out;
}

std::vector<PublicPosition> TransparencyService::positions(int limit, bool* more) const {
  std::vector<PublicPosition> out;
  store_.read([&](Db& db) { out = MapRepository::public_positions(db, limit, more); });
  return out;
}

}  // namespace aduan
