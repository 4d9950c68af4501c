#include "store/api_key_repository.h"

#include <algorithm>
#include <sstream>

#include "base/crypto.h"
#include "store/db.h"
#include "store/prepared.h"

namespace aduan {
namespace {

std::vector<std::string> split_scopes(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string scope; in >> scope;) out.push_back(scope);
  return out;
}

ApiKey read_key(Prepared& q) {
  ApiKey k;
  k.id = q.getColumn(0).getInt64();
  k.name = q.getColumn(1).getString();
  k.prefix = q.getColumn(2).getString();
  k.scopes = split_scopes(q.getColumn(3).getString());
  k.created_at = q.getColumn(4).getInt64();
  if (!q.getColumn(5).isNull()) k.revoked_at = q.getColumn(5).getInt64();
  if (!q.getColumn(6).isNull()) k.last_used_at = q.getColumn(6).getInt64();
  return k;
}

constexpr const char* kColumns =
    "SELECT id, name, prefix, scopes, created_at, revoked_at, last_used_at FROM api_keys ";

}  // namespace

std::string ApiKeyRepository::create(Db& db, const std::string& name,
                                     const std::vector<std::string>& scopes, int64_t now,
                                     ApiKey* created) {
  const std::string key = "aduan_" + random_hex(24);
  std::string joined;
  for (const std::string& s : scopes) joined += (joined.empty() ? "" : " ") + s;
  Prepared q(db,
             "INSERT INTO api_keys(name, prefix, key_hash, scopes, created_at) "
             "VALUES(?, ?, ?, ?, ?) RETURNING id");
  q.bind(1, name);
  q.bind(2, key.substr(0, 12));
  q.bind(3, digest_hex(key));
  q.bind(4, joined);
  q.bind(5, now);
  q.executeStep();
  if (created) {
    *created = ApiKey{q.getColumn(0).getInt64(), name, key.substr(0, 12), scopes, now, {}, {}};
  }
  return key;
}

std::optional<ApiKey> ApiKeyRepository::authenticate(Db& db, const std::string& key,
                                                     const std::string& scope, int64_t now) {
  if (key.size() != 54 || key.rfind("aduan_", 0) != 0) return std::nullopt;
  Prepared q(db, std::string(kColumns) + "WHERE key_hash = ? AND revoked_at IS NULL");
  q.bind(1, digest_hex(key));
  if (!q.executeStep()) return std::nullopt;
  ApiKey k = read_key(q);
  if (std::find(k.scopes.begin(), k.scopes.end(), scope) == k.scopes.end()) return std::nullopt;
  Prepared used(db, "UPDATE api_keys SET last_used_at = ? WHERE id = ?");
  used.bind(1, now);
  used.bind(2, k.id);
  used.exec();
  k.last_used_at = now;
  return k;
}

std::vector<ApiKey> ApiKeyRepository::list(Db& db) {
  Prepared q(db, std::string(kColumns) + "ORDER BY id");
  std::vector<ApiKey> out;
  while (q.executeStep()) out.push_back(read_key(q));
  return out;
}

bool ApiKeyRepository::revoke(Db& db, int64_t id, int64_t now) {
  Prepared q(db, "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL");
  q.bind(1, now);
  q.bind(2, id);
  return q.exec() > 0;
}

}  // namespace aduan
