#include "services/catalogue_service.h"

#include "store/catalog_repository.h"
#include "store/db.h"
#include "store/store.h"

namespace aduan {

std::shared_ptr<const Catalogue> CatalogueService::catalogue() const {
  std::shared_ptr<const Catalogue> out;
  store_.read([&](Db& db) { out = CatalogRepository::catalogue(db); });
  return out;
}

std::optional<Agency> CatalogueService::agency(int64_t id) const {
  std::optional<Agency> out;
  store_.read([&](Db& db) { out = CatalogRepository::agency_by_id(db, id); });
  return out;
}

std::vector<int64_t> CatalogueService::agency_subtree(int64_t agency_id) const {
  std::vector<int64_t> out;
  store_.read([&](Db& db) { out = aduan::agency_subtree(db, agency_id); });
  return out;
}

int CatalogueService::schema_version() const { return store_.schema_version(); }

}  // namespace aduan
