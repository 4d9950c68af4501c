// aduan as an Open311 GeoReport v2 client: posts a request to another system and reads
// requests and tokens back, over HTTP or HTTPS (libcurl). Only addresses an operator
// configured are ever fetched (ExternalAgencyService checks them), never one a client sent.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace aduan {

struct Open311Endpoint {
  std::string base;  // ".../open311/v2", without a trailing slash
  std::string api_key;
  std::string jurisdiction_id;
  long timeout_seconds = 20;
};

using Open311Form = std::vector<std::pair<std::string, std::string>>;

struct Open311Answer {
  bool ok = false;         // a 2xx answer with a JSON body
  bool permanent = false;  // asking again will not help (a refusal of this request)
  int status = 0;          // the HTTP status; 0 when there was no answer
  std::string error;       // what went wrong (never the remote's own text), for the admin
  nlohmann::json body;
};

// POST {base}/requests.json with `form` (the key and jurisdiction are added). With an
// `idempotency_key`, a server that honours it (aduan does) files one request however often
// the same post is repeated.
Open311Answer open311_post_request(const Open311Endpoint& e, const Open311Form& form,
                                   const std::string& idempotency_key);

// GET {base}/{path}.json with `query` (the key and jurisdiction are added), e.g. "requests"
// with service_request_id=a,b, or "tokens/T".
Open311Answer open311_get(const Open311Endpoint& e, const std::string& path,
                          const Open311Form& query);

// Whether `url` may be an endpoint: https (http only to this machine), a host, at most 500
// bytes, no spaces or quotes, no user name or password in it, no query or fragment.
bool valid_open311_endpoint(const std::string& url);

// "https://host:port" of an endpoint: where its key goes.
std::string endpoint_origin(const std::string& url);

}  // namespace aduan
