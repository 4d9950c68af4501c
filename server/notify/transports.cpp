#include "notify/transports.h"

#include <curl/curl.h>
#include <httplib.h>
#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <nlohmann/json.hpp>

namespace aduan {
namespace {

std::string base64(const std::string& data) {
  std::string out(sodium_base64_encoded_len(data.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(data.data()),
                    data.size(), sodium_base64_VARIANT_ORIGINAL);
  out.pop_back();  // the terminating NUL
  return out;
}

std::string rfc5322_date(int64_t now) {
  const std::time_t t = static_cast<std::time_t>(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buf;
}

// Header values must not carry line breaks (header injection).
std::string one_line(std::string s) {
  for (char& c : s) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  return s;
}

struct Upload {
  const std::string* data;
  size_t offset = 0;
};

size_t read_payload(char* buffer, size_t size, size_t count, void* user) {
  auto* up = static_cast<Upload*>(user);
  const size_t n = std::min(size * count, up->data->size() - up->offset);
  std::memcpy(buffer, up->data->data() + up->offset, n);
  up->offset += n;
  return n;
}

class SmtpTransport final : public Transport {
 public:
  explicit SmtpTransport(SmtpSettings s) : s_(std::move(s)) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
  }

  Delivery deliver(const OutboxMessage& m) override {
    const std::string payload = email_payload(m, s_.from, std::time(nullptr));
    CURL* curl = curl_easy_init();
    if (!curl) return {false, false, "curl init failed"};
    curl_slist* rcpt = curl_slist_append(nullptr, ("<" + one_line(m.recipient) + ">").c_str());
    Upload up{&payload};
    const std::string from = "<" + s_.from + ">";
    curl_easy_setopt(curl, CURLOPT_URL, s_.url.c_str());
    curl_easy_setopt(curl, CURLOPT_NOPROXY, "*");
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_payload);
    curl_easy_setopt(curl, CURLOPT_READDATA, &up);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(s_.timeout_seconds));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_USE_SSL, s_.require_tls ? CURLUSESSL_ALL : CURLUSESSL_TRY);
    if (!s_.username.empty()) {
      curl_easy_setopt(curl, CURLOPT_USERNAME, s_.username.c_str());
      curl_easy_setopt(curl, CURLOPT_PASSWORD, s_.password.c_str());
    }
    const CURLcode rc = curl_easy_perform(curl);
    long reply = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply);
    curl_slist_free_all(rcpt);
    curl_easy_cleanup(curl);
    if (rc == CURLE_OK) return {true, false, ""};
    // 5xx from the server is a refusal for good (no such mailbox, rejected content); a 4xx,
    // a timeout or a closed port may pass later.
    return {false, reply >= 500 && reply < 600,
            std::string(curl_easy_strerror(rc)) +
                (reply ? " (SMTP " + std::to_string(reply) + ")" : "")};
  }

 private:
  SmtpSettings s_;
};

class GatewayTransport final : public Transport {
 public:
  explicit GatewayTransport(GatewaySettings g) : g_(std::move(g)) {
    // "http://host:port/path": httplib takes scheme, host and port, the path per request.
    const size_t scheme_end = g_.url.find("://");
    const size_t path_start =
        g_.url.find('/', scheme_end == std::string::npos ? 0 : scheme_end + 3);
    origin_ = path_start == std::string::npos ? g_.url : g_.url.substr(0, path_start);
    path_ = path_start == std::string::npos ? "/" : g_.url.substr(path_start);
  }

  Delivery deliver(const OutboxMessage& m) override {
    const std::string body = nlohmann::json{
        {"message_id", m.message_id},
        {"channel", m.channel},
        {"to", m.recipient},
        {"text", m.body}}.dump();
    const std::string timestamp = std::to_string(std::time(nullptr));
    httplib::Client client(origin_);
    client.set_connection_timeout(10);
    client.set_read_timeout(g_.timeout_seconds);
    client.set_write_timeout(g_.timeout_seconds);
    const httplib::Headers headers{{"X-Aduan-Timestamp", timestamp},
                                   {"X-Aduan-Signature", sign_outgoing(g_.secret, timestamp, body)},
                                   {"X-Aduan-Message-Id", m.message_id}};
    const auto res = client.Post(path_.c_str(), headers, body, "application/json");
    if (!res) return {false, false, "gateway unreachable: " + httplib::to_string(res.error())};
    if (res->status >= 200 && res->status < 300) return {true, false, ""};
    const bool permanent =
        res->status >= 400 && res->status < 500 && res->status != 408 && res->status != 429;
    return {false, permanent, "gateway answered " + std::to_string(res->status)};
  }

 private:
  GatewaySettings g_;
  std::string origin_;
  std::string path_;
};

}  // namespace

std::string hmac_sha256_hex(const std::string& key, const std::string& data) {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()),
                              key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(data.data()),
                                data.size());
  crypto_auth_hmacsha256_final(&state, mac);
  char hex[sizeof mac * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return hex;
}

std::string sign_outgoing(const std::string& secret, const std::string& timestamp,
                          const std::string& body) {
  return "sha256=" + hmac_sha256_hex(secret, timestamp + "." + body);
}

std::string email_payload(const OutboxMessage& m, const std::string& from, int64_t now) {
  std::string body64 = base64(m.body);
  std::string wrapped;
  for (size_t i = 0; i < body64.size(); i += 76) wrapped += body64.substr(i, 76) + "\r\n";
  return "Date: " + rfc5322_date(now) + "\r\n" + "From: aduan <" + one_line(from) + ">\r\n" +
         "To: <" + one_line(m.recipient) + ">\r\n" + "Message-ID: <" + one_line(m.message_id) +
         ">\r\n" + "Subject: =?UTF-8?B?" + base64(one_line(m.subject)) + "?=\r\n" +
         "MIME-Version: 1.0\r\n"
         "Content-Type: text/plain; charset=UTF-8\r\n"
         "Content-Transfer-Encoding: base64\r\n"
         "X-Aduan-Event: " +
         one_line(m.event) +
         "\r\n"
         "\r\n" +
         wrapped;
}

std::unique_ptr<Transport> make_smtp_transport(const SmtpSettings& s) {
  return std::make_unique<SmtpTransport>(s);
}

std::unique_ptr<Transport> make_gateway_transport(const GatewaySettings& g) {
  return std::make_unique<GatewayTransport>(g);
}

}  // namespace aduan
