// HTTP routes: parse the request, call a service, map its result to a status and JSON.
#pragma once

#include "http/services.h"

namespace httplib {
class Server;
}

namespace aduan {

class AssetSource;
class Router;
struct MapSettings;

// The citizen and public API under /api/v1/ and /healthz.
void register_public_routes(Router& router, const Services& services);

// Staff login and sessions, queues, reports and actions under /api/v1/session and
// /api/v1/staff/.
void register_staff_routes(Router& router, const Services& services);
// Saved queue views (/api/v1/staff/views) and bulk actions (/api/v1/staff/bulk-actions).
void register_queue_tool_routes(Router& router, const Services& services);

// System administration under /api/v1/admin/: the holiday calendar and the notifications
// that could not be delivered.
void register_admin_routes(Router& router, const Services& services);

// The system admin's staff accounts, agencies, categories and their change log under
// /api/v1/admin/, and choosing a password (/api/v1/session/activation, /password).
void register_account_routes(Router& router, const Services& services);

// What anyone may read without a tracking ID: /api/v1/public/reports and /stats.
void register_transparency_routes(Router& router, const Services& services);

// The monitoring for staff: /api/v1/staff/dashboard.
void register_dashboard_routes(Router& router, const Services& services);
void register_metrics_routes(Router& router, const Services& services);
void register_similar_routes(Router& router, const Services& services);
// The review of the word pairs the matcher learned from duplicate marks: /api/v1/admin/term-links.
void register_term_link_routes(Router& router, const Services& services);
// A citizen's reports on any phone: /api/v1/me/... (services/device_link_service.h).
void register_my_reports_routes(Router& router, const Services& services);
// The category suggestion's model: /api/v1/categories/model.
void register_category_model_routes(Router& router, const Services& services);
void register_upload_routes(Router& router, const Services& services);
// An agency's own settings (officers may resolve): /api/v1/staff/agency-settings.
void register_agency_settings_routes(Router& router, const Services& services);

// Canned responses per agency (and the coordinators' own): /api/v1/staff/canned-responses.
void register_canned_routes(Router& router, const Services& services);
// The staff inbox and its read marks: /api/v1/staff/inbox (services/inbox_service.h).
void register_inbox_routes(Router& router, const Services& services);
// Agencies that work in another system, reached over Open311: /api/v1/admin/external-agencies
// and /api/v1/admin/agencies/{code}/external (services/external_agency_service.h).
void register_external_routes(Router& router, const Services& services);

// The map: its settings for the pages (/api/v1/map), the region near a pin
// (/api/v1/regions/near) and the rounded positions of public reports (/api/v1/public/map).
void register_map_routes(Router& router, const Services& services, const MapSettings& map);

// Open311 GeoReport v2 under /open311/v2/.
void register_open311_routes(Router& router, const Services& services);

// Gateways forwarding citizens' messages: /api/v1/inbound/{sms|whatsapp|email}.
void register_inbound_routes(Router& router, const Services& services);

// The pages and the wasm core, with ETag revalidation. Register last: it matches any GET.
void register_asset_routes(httplib::Server& server, const AssetSource& assets);

}  // namespace aduan
