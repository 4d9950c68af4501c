#include "notify/open311_client.h"

#include <curl/curl.h>

#include <memory>

namespace aduan {
namespace {

size_t collect(char* data, size_t size, size_t count, void* user) {
  auto* out = static_cast<std::string*>(user);
  // An answer far larger than any list of requests is not read to the end.
  if (out->size() + size * count > (8u << 20)) return 0;
  out->append(data, size * count);
  return size * count;
}

// libcurl since 7.82 escapes without a handle (the handle argument is ignored).
std::string encode(const Open311Form& form) {
  std::string out;
  for (const auto& [key, value] : form) {
    char* k = curl_easy_escape(nullptr, key.c_str(), int(key.size()));
    char* v = curl_easy_escape(nullptr, value.c_str(), int(value.size()));
    if (!out.empty()) out += '&';
    out += std::string(k) + "=" + v;
    curl_free(k);
    curl_free(v);
  }
  return out;
}

Open311Form with_credentials(const Open311Endpoint& e, Open311Form form) {
  if (!e.jurisdiction_id.empty()) form.emplace_back("jurisdiction_id", e.jurisdiction_id);
  form.emplace_back("api_key", e.api_key);
  return form;
}

// What a refusal means, by its status alone: the remote's own text may echo what was sent
// (the report's words, a contact), and the failed-messages page is the system admin's, who
// may read no complaint.
std::string remote_error(int status) {
  const char* why = status == 401 || status == 403   ? "the key was refused"
                    : status == 404                  ? "unknown service or address"
                    : status == 400 || status == 422 ? "the request was refused"
                    : status >= 500                  ? "the remote system failed"
                                                     : "unexpected answer";
  return "Open311 answered " + std::to_string(status) + ": " + why;
}

// libcurl's global state, set up once before any thread uses it.
void init_curl() {
  static const bool done = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  (void)done;
}

Open311Answer fetch(const Open311Endpoint& e, const std::string& url, const std::string* post,
                    const std::string& idempotency_key) {
  Open311Answer out;
  const std::unique_ptr<CURL, void (*)(CURL*)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) {
    out.error = "curl init failed";
    return out;
  }
  std::string body;
  curl_slist* headers = curl_slist_append(nullptr, "Accept: application/json");
  if (!idempotency_key.empty()) {
    headers = curl_slist_append(headers, ("Idempotency-Key: " + idempotency_key).c_str());
  }
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(c, CURLOPT_NOPROXY, "*");
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);  // the configured address, nothing else
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, e.timeout_seconds);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(c, CURLOPT_USERAGENT, "aduan-open311-client");
  if (post) {
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, post->c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, long(post->size()));
  }
  const CURLcode rc = curl_easy_perform(c);
  curl_slist_free_all(headers);
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  out.status = int(status);
  if (rc != CURLE_OK) {
    out.error = std::string("Open311 endpoint unreachable: ") + curl_easy_strerror(rc);
    return out;
  }
  if (status < 200 || status >= 300) {
    out.error = remote_error(out.status);
    // A refusal of this request stays a refusal; a server error, a timeout or a limit passes.
    out.permanent = status >= 400 && status < 500 && status != 408 && status != 429;
    return out;
  }
  out.body = nlohmann::json::parse(body, nullptr, false);
  if (out.body.is_discarded()) {
    out.error = "Open311 answered " + std::to_string(status) + " without JSON";
    return out;
  }
  out.ok = true;
  return out;
}

}  // namespace

Open311Answer open311_post_request(const Open311Endpoint& e, const Open311Form& form,
                                   const std::string& idempotency_key) {
  init_curl();
  const std::string body = encode(with_credentials(e, form));
  return fetch(e, e.base + "/requests.json", &body, idempotency_key);
}

Open311Answer open311_get(const Open311Endpoint& e, const std::string& path,
                          const Open311Form& query) {
  init_curl();
  const std::string q = encode(with_credentials(e, query));
  return fetch(e, e.base + "/" + path + ".json?" + q, nullptr, "");
}

std::string endpoint_origin(const std::string& url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  return url.substr(0, std::min(url.find('/', scheme + 3), url.size()));
}

bool valid_open311_endpoint(const std::string& url) {
  const bool https = url.rfind("https://", 0) == 0;
  if (url.size() > 500 || !(https || url.rfind("http://", 0) == 0)) return false;
  const size_t host = https ? 8 : 7;
  if (host >= url.size() || url[host] == '/' || url.back() == '/') return false;
  const size_t authority_end = std::min(url.find('/', host), url.size());
  if (url.find('@', host) < authority_end) return false;  // no credentials in the address
  // The key and the reports travel encrypted; plain http only to this machine (a local
  // proxy, the tests).
  if (!https) {
    const std::string authority = url.substr(host, authority_end - host);
    const std::string name = authority.substr(0, authority.rfind(':'));
    if (name != "127.0.0.1" && name != "localhost" && name != "[::1]") return false;
  }
  for (const unsigned char c : url) {
    if (c <= ' ' || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '?' ||
        c == '#') {
      return false;
    }
  }
  return true;
}

}  // namespace aduan
