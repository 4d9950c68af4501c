#include "services/similar_service.h"

#include "base/clock.h"
#include "store/catalog_repository.h"
#include "store/db.h"
#include "store/similar_reports.h"
#include "store/store.h"

namespace aduan {
namespace {

// The matches as a citizen may see them: the report's public face.
std::vector<SimilarOffer> as_offers(Db& db, const Catalogue& catalogue, const SimilarQuery& q,
                                    Date today) {
  std::vector<SimilarOffer> out;
  for (const SimilarMatch& m : SimilarReports::find(db, q)) {
    ReportRecord r = m.report;
    if (!r.agency_id) r.suggested_agency_id.reset();  // as on the public list
    out.push_back({summary_view(std::move(r), catalogue.agencies, catalogue.categories,
                                catalogue.calendar, today),
                   m.score});
  }
  return out;
}

}  // namespace

std::vector<SimilarOffer> SimilarService::offers(const SimilarText& text) const {
  SimilarQuery q;
  q.verified_only = true;  // a citizen sees only what is published
  q.text = text.text;
  q.region_code = text.region;  // an unknown code just adds no villages
  const Date today = local_date(clock_.now_unix(), settings_.utc_offset_minutes);
  std::vector<SimilarOffer> out;
  store_.read([&](Db& db) {
    const auto catalogue = CatalogRepository::catalogue(db);
    if (const Category* c = find_code(catalogue->categories, text.category)) q.category_id = c->id;
    if (const Agency* a = find_code(catalogue->agencies, text.agency)) {
      q.agencies = agency_subtree(db, a->id);
    }
    if (!q.category_id && !q.agencies) return;  // nothing chosen yet: nothing to compare
    out = as_offers(db, *catalogue, q, today);
  });
  return out;
}

std::vector<SimilarOffer> SimilarService::like(const Caller& p, const ReportRecord& r) const {
  SimilarQuery q;
  q.text = r.title + "\n" + r.body;
  q.category_id = r.category_id;
  q.region_code = r.location.region_code;
  q.exclude_id = r.id;
  q.limit = 10;
  q.agencies = report_scope(p).agencies;
  const Date today = local_date(clock_.now_unix(), settings_.utc_offset_minutes);
  std::vector<SimilarOffer> out;
  store_.read([&](Db& db) { out = as_offers(db, *CatalogRepository::catalogue(db), q, today); });
  return out;
}

}  // namespace aduan
