// What guards against a request played twice: the idempotency keys of submissions (a retry
// from a phone that lost the answer gets the first report back, not a second one) and the
// nonces of signed inbound messages. Both are kept a bounded time and pruned by the job.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/db.h"

namespace aduan {

struct StoredSubmissionKey {
  int64_t report_id = 0;
  std::string sealed_pin;   // the PIN sealed with the client's key (base/crypto.h)
  std::string body_digest;  // empty for rows from before keys were bound to bodies
};

class ReplayRepository {
 public:
  static std::optional<StoredSubmissionKey> submission_key(Db& db, const std::string& key_hash);
  static void add_submission_key(Db& db, const std::string& key_hash,
                                 const StoredSubmissionKey& key, int64_t created_at);
  static void prune_submission_keys(Db& db, int64_t created_before);

  // False when the nonce was seen already.
  static bool add_inbound_nonce(Db& db, const std::string& nonce, int64_t at);
  static void prune_inbound_nonces(Db& db, int64_t before);
};

}  // namespace aduan
