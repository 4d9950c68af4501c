#include "store/replay_repository.h"

#include "store/prepared.h"

namespace aduan {

std::optional<StoredSubmissionKey> ReplayRepository::submission_key(Db& db,
                                                                    const std::string& key_hash) {
  Prepared q(db,
             "SELECT report_id, sealed_pin, body_digest FROM submission_keys WHERE key_hash = ?");
  q.bind(1, key_hash);
  if (!q.executeStep()) return std::nullopt;
  const Column sealed = q.getColumn(1);
  return StoredSubmissionKey{.report_id = q.getColumn(0).getInt64(),
                             .sealed_pin = std::string(static_cast<const char*>(sealed.getBlob()),
                                                       size_t(sealed.getBytes())),
                             .body_digest = q.getColumn(2).getString()};
}

void ReplayRepository::add_submission_key(Db& db, const std::string& key_hash,
                                          const StoredSubmissionKey& key, int64_t created_at) {
  Prepared q(db,
             "INSERT INTO submission_keys (key_hash, report_id, sealed_pin, created_at, "
             "body_digest) VALUES (?, ?, ?, ?, ?)");
  q.bind(1, key_hash);
  q.bind(2, key.report_id);
  q.bind(3, key.sealed_pin.data(), int(key.sealed_pin.size()));
  q.bind(4, created_at);
  q.bind(5, key.body_digest);
  q.exec();
}

void ReplayRepository::prune_submission_keys(Db& db, int64_t created_before) {
  Prepared q(db, "DELETE FROM submission_keys WHERE created_at < ?");
  q.bind(1, created_before);
  q.exec();
}

bool ReplayRepository::add_inbound_nonce(Db& db, const std::string& nonce, int64_t at) {
  Prepared q(db, "INSERT INTO inbound_nonces(nonce, at) VALUES(?, ?) ON CONFLICT DO NOTHING");
  q.bind(1, nonce);
  q.bind(2, at);
  return q.exec() == 1;
}

void ReplayRepository::prune_inbound_nonces(Db& db, int64_t before) {
  Prepared q(db, "DELETE FROM inbound_nonces WHERE at < ?");
  q.bind(1, before);
  q.exec();
}

}  // namespace aduan
