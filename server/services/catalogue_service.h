// The reference data as the routes read it: the active agencies and categories (from the
// catalogue's cache while its version is unchanged, store/catalog_repository.h), one agency,
// an agency's units, and the store's schema for the health check.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "model/catalogue.h"

namespace aduan {

class Store;

class CatalogueService {
 public:
  explicit CatalogueService(Store& store) : store_(store) {}

  std::shared_ptr<const Catalogue> catalogue() const;
  std::optional<Agency> agency(int64_t id) const;
  // The ids of the agency and every unit below it: what its staff may read.
  std::vector<int64_t> agency_subtree(int64_t agency_id) const;
  // The store's migration level (GET /healthz); reading it proves the store answers.
  int schema_version() const;

 private:
  Store& store_;
};

}  // namespace aduan
