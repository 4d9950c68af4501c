// HTTP routes: parse the request, call a service, map its result to a status and JSON.
#pragma once

namespace httplib {
class Server;
}

namespace aduan {

class ReportService;
class Store;
class AssetSource;

// The citizen and public API under /api/v1/ and /healthz.
void register_public_routes(httplib::Server& server, ReportService& reports, Store& store);

// The pages and the wasm core, with ETag revalidation. Register last: it matches any GET.
void register_asset_routes(httplib::Server& server, const AssetSource& assets);

}  // namespace aduan
