// The review of what staff taught the repeated-report matcher (services/term_link_service.h): the
// linked pairs of terms, the most taught first, and rejecting a wrong pair. For the
// coordinators, who mark the duplicates, and the system admin.
#include <httplib.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/clock.h"
#include "http/http_errors.h"
#include "http/json/support.h"
#include "http/route_helpers.h"
#include "http/router.h"
#include "http/routes.h"
#include "services/report_service.h"
#include "services/term_link_service.h"
#include "shared/similarity.h"

namespace aduan {
namespace {

using nlohmann::json;

const uint8_t kReviewers = role_mask({Role::kCoordinator, Role::kSystemAdmin});

json link_json(const TermLinkRow& r, int utc_offset_minutes) {
  return json{{"term", r.term},
              {"linked", r.linked},
              {"marks", r.marks},
              {"strength", r.rejected ? 0.0 : link_strength(r.marks)},
              {"rejected", r.rejected},
              {"updated_at", format_iso_datetime(r.updated_at, utc_offset_minutes)}};
}

}  // namespace

void register_term_link_routes(Router& router, const Services& s) {
  TermLinkService* service = &s.term_links;
  router.staff("GET", "/api/v1/admin/term-links", kReviewers,
               [&s, service](const httplib::Request& req, httplib::Response& res, const Caller&) {
                 const int per_page = int_param(req, "per_page", 50, 1, 200);
                 const int page = int_param(req, "page", 1, 1, 100000);
                 const TermLinkPage found = service->list(per_page, int64_t(page - 1) * per_page);
                 const int64_t total = found.total;
                 json items = json::array();
                 for (const TermLinkRow& r : found.rows)
                   items.push_back(link_json(r, s.reports.settings().utc_offset_minutes));
                 send_json(res, 200,
                           json_support::dump(json{{"items", std::move(items)},
                                                   {"total", total},
                                                   {"page", page},
                                                   {"per_page", per_page},
                                                   {"capacity", kMaxTermLinks}}));
               });
  router.staff(
      "POST", "/api/v1/admin/term-links/review", kReviewers,
      [&s, service](const httplib::Request& req, httplib::Response& res, const Caller&) {
        if (!require_json(req, res)) return;
        std::string problem;
        const auto doc = json_support::parse_object(req.body, &problem);
        if (!doc) return send_error(res, "malformed_json", problem);
        std::vector<FieldError> errors;
        const std::string term = json_support::read_string(*doc, "term", "term", &errors);
        const std::string linked = json_support::read_string(*doc, "linked", "linked", &errors);
        const auto rejected = json_support::read_bool(*doc, "rejected", &errors);
        // Absent or empty; a value of the wrong type already has its own error.
        auto required = [&](const char* field, bool missing) {
          const bool typed = std::any_of(errors.begin(), errors.end(),
                                         [&](const FieldError& e) { return e.field == field; });
          if (missing && !typed) errors.push_back({field, FieldCode::kRequired});
        };
        required("term", term.empty());
        required("linked", linked.empty());
        required("rejected", !rejected);
        for (const auto& [field, value] :
             {std::pair{"term", &term}, std::pair{"linked", &linked}}) {
          if (value->size() > 100) errors.push_back({field, FieldCode::kTooLong});
        }
        if (!errors.empty()) {
          return send_error(res, "validation_failed",
                            "Give the pair's two terms and whether it is rejected (true or false).",
                            errors);
        }
        const std::optional<TermLinkRow> row = service->review(term, linked, *rejected);
        if (!row) {
          return send_error(res, "term_link_not_found", "No learned pair has these terms.");
        }
        send_json(res, 200,
                  json_support::dump(link_json(*row, s.reports.settings().utc_offset_minutes)));
      });
}

}  // namespace aduan
