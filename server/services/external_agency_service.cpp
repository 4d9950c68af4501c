#include "services/external_agency_service.h"

#include <nlohmann/json.hpp>

#include "base/clock.h"
#include "base/crypto.h"
#include "notify/external_forwarding.h"
#include "notify/open311_client.h"
#include "store/admin_repository.h"
#include "store/catalog_repository.h"
#include "store/db.h"
#include "store/external_agency_repository.h"
#include "store/store.h"

namespace aduan {
namespace {

using nlohmann::json;

// Remote service codes and jurisdictions: what Open311 servers use, nothing that needs
// escaping in a form or a log line.
bool plain_code(const std::string& s, size_t max) {
  if (s.empty() || s.size() > max) return false;
  for (const char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.' &&
        c != ':')
      return false;
  }
  return true;
}

bool printable_key(const std::string& s) {
  if (s.size() > 200) return false;
  for (const unsigned char c : s) {
    if (c <= ' ' || c >= 0x7f) return false;
  }
  return true;
}

ExternalAgencyView view_of(Db& db, const Catalogue& cat, const ExternalAgency& a) {
  ExternalAgencyView v;
  v.settings = a;
  if (const Agency* agency = find_id(cat.agencies, a.agency_id)) {
    v.agency_code = agency->code;
    v.agency_name = agency->name;
  }
  for (const auto& [category_id, code] : a.service_codes) {
    if (const Category* c = find_id(cat.categories, category_id)) v.service_codes[c->code] = code;
  }
  v.open_requests = ExternalAgencyRepository::count_open(db, a.agency_id);
  return v;
}

// What the log keeps of the settings: everything but the key, of which only that it changed.
json logged(const ExternalAgencyView& v) {
  return json{{"endpoint", v.settings.endpoint},
              {"jurisdiction_id", v.settings.jurisdiction_id},
              {"default_service_code", v.settings.default_service_code},
              {"share_identity", v.settings.share_identity},
              {"keeps_private", v.settings.keeps_private},
              {"service_codes", v.service_codes}};
}

void log(Db& db, const Caller& admin, int64_t now, const std::string& action,
         const std::string& agency_code, const json& before, const json& after) {
  AdminEvent e;
  e.at = now;
  e.actor = admin.username;
  e.action = action;
  e.target_kind = "agency";
  e.target = agency_code;
  e.before_json = before.dump();
  e.after_json = after.dump();
  AdminRepository::append_event(db, e);
}

// The form's problems as (field, code); the category service codes it names, by category id,
// into `codes`.
std::vector<FieldError> check_input(const ExternalAgencyInput& in,
                                    const std::optional<ExternalAgency>& before,
                                    const Catalogue& cat, std::map<int64_t, std::string>* codes) {
  std::vector<FieldError> out;
  if (in.endpoint.empty()) {
    out.push_back({"endpoint", FieldCode::kRequired});
  } else if (!valid_open311_endpoint(in.endpoint)) {
    out.push_back({"endpoint", FieldCode::kInvalidFormat});
  }
  // The key kept only for the same server: an address moved elsewhere needs the key again,
  // so that no one sends the stored key (and the reports) to a server of their choosing.
  const bool same_server =
      before && endpoint_origin(before->endpoint) == endpoint_origin(in.endpoint);
  if (in.api_key.empty() && !same_server) {
    out.push_back({"api_key", FieldCode::kRequired});
  } else if (!printable_key(in.api_key)) {
    out.push_back({"api_key", FieldCode::kInvalidFormat});
  }
  if (!in.jurisdiction_id.empty() && !plain_code(in.jurisdiction_id, 100)) {
    out.push_back({"jurisdiction_id", FieldCode::kInvalidFormat});
  }
  if (!in.default_service_code.empty() && !plain_code(in.default_service_code, 64)) {
    out.push_back({"default_service_code", FieldCode::kInvalidFormat});
  }
  for (const auto& [category, code] : in.service_codes) {
    const Category* c = find_code(cat.categories, category);
    if (!c) {
      out.push_back({"service_codes." + category, FieldCode::kUnknownCategory});
    } else if (!plain_code(code, 64)) {
      out.push_back({"service_codes." + category, FieldCode::kInvalidFormat});
    } else {
      (*codes)[c->id] = code;
    }
  }
  return out;
}

}  // namespace

std::vector<ExternalAgencyView> ExternalAgencyService::list() {
  std::vector<ExternalAgencyView> out;
  store_.read([&](Db& db) {
    const auto cat = CatalogRepository::catalogue(db);
    for (const ExternalAgency& a : ExternalAgencyRepository::list(db)) {
      out.push_back(view_of(db, *cat, a));
    }
  });
  return out;
}

ExternalAgencyOutcome ExternalAgencyService::save(const Caller& admin,
                                                  const std::string& agency_code,
                                                  const ExternalAgencyInput& in) {
  ExternalAgencyOutcome out;
  const int64_t now = clock_.now_unix();
  const std::string secret = external_forwarding::key_secret(store_.secrets());
  store_.write([&](Db& db) {
    Transaction tx(db);
    const auto cat = CatalogRepository::catalogue(db);
    const Agency* agency = find_code(cat->agencies, agency_code);
    if (!agency) {
      out.error = AdminError::kNotFound;
      return;
    }
    const auto before = ExternalAgencyRepository::find(db, agency->id);
    ExternalAgency a;
    a.agency_id = agency->id;
    a.endpoint = in.endpoint;
    a.jurisdiction_id = in.jurisdiction_id;
    a.default_service_code = in.default_service_code;
    a.share_identity = in.share_identity;
    a.keeps_private = in.keeps_private;
    a.updated_at = now;
    out.fields = check_input(in, before, *cat, &a.service_codes);
    if (!out.fields.empty()) {
      out.error = AdminError::kInvalid;
      return;
    }
    a.sealed_key = in.api_key.empty() ? before->sealed_key : seal_with_secret(secret, in.api_key);
    if (before) {
      a.polled_at = before->polled_at;
      a.poll_error = before->poll_error;
    }
    ExternalAgencyRepository::save(db, a);
    out.view = view_of(db, *cat, a);
    json after = logged(*out.view);
    after["api_key"] = in.api_key.empty() ? "kept" : "changed";
    log(db, admin, now, before ? "agency_external_changed" : "agency_external_set", agency->code,
        before ? logged(view_of(db, *cat, *before)) : json::object(), after);
    tx.commit();
  });
  return out;
}

AdminError ExternalAgencyService::remove(const Caller& admin, const std::string& agency_code) {
  AdminError error = AdminError::kNone;
  const int64_t now = clock_.now_unix();
  store_.write([&](Db& db) {
    Transaction tx(db);
    const auto cat = CatalogRepository::catalogue(db);
    const Agency* agency = find_code(cat->agencies, agency_code);
    const auto before =
        agency ? ExternalAgencyRepository::find(db, agency->id) : std::optional<ExternalAgency>();
    if (!before) {
      error = AdminError::kNotFound;
      return;
    }
    const json was = logged(view_of(db, *cat, *before));
    ExternalAgencyRepository::remove(db, agency->id);
    log(db, admin, now, "agency_external_removed", agency->code, was, json::object());
    tx.commit();
  });
  return error;
}

}  // namespace aduan
