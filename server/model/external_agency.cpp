#include "model/external_agency.h"

namespace aduan {

std::string ExternalAgency::service_code_for(int64_t category_id) const {
  const auto it = service_codes.find(category_id);
  return it == service_codes.end() ? default_service_code : it->second;
}

}  // namespace aduan
