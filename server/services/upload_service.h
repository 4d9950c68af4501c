// Uploading an attachment in chunks: start (type and size announced), append chunks at the
// offset the server has, ask how far it got after a dropped connection, cancel. The last
// chunk turns the upload into a checked, cleaned attachment that a submission can claim.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "formats/attachment_content.h"
#include "model/attachment.h"
#include "shared/validation.h"
#include "store/db.h"
#include "store/store.h"

namespace aduan {

// How long an upload, finished or not, waits for its report before it is forgotten.
inline constexpr int64_t kUploadLifetimeSeconds = 24 * 3600;

struct UploadOutcome {
  enum class Result {
    kOk,
    kInvalid,         // 422, see errors
    kNotFound,        // 404: no such upload, or it expired
    kOffsetMismatch,  // 409: the chunk does not start where the upload stands (see received)
    kTooLarge,        // 413: more bytes than announced
    kRejected,        // 422: the finished file is not what it may be (see problem)
    kRateLimited,     // 429, see retry_after
  } result = Result::kOk;
  std::vector<FieldError> errors;
  ContentProblem problem = ContentProblem::kNone;
  int64_t retry_after = 0;
  std::string id;
  int64_t size = 0;
  int64_t received = 0;
  std::optional<AttachmentInfo> attachment;  // once finished
};

struct UploadRules {
  // Bytes of uploads one address may start per hour: five photos and five PDFs, twice.
  int64_t bytes_per_client_hour = 2 * 5 * (5 + 10) * 1024 * 1024;
};

class UploadService {
 public:
  UploadService(Store& store, const Clock& clock, UploadRules rules = {});

  // `owner`: the staff member uploading (their uploads are theirs alone, and only they can
  // attach them to an entry); nullopt for a reporter, whose upload a submission claims. An
  // upload of another owner answers kNotFound, as one that does not exist. `client` is whose
  // hourly allowance the bytes count against.
  UploadOutcome start(const std::string& declared_type, int64_t size, const std::string& client,
                      std::optional<int64_t> owner = std::nullopt);
  UploadOutcome append(const std::string& id, int64_t offset, const std::string& bytes,
                       std::optional<int64_t> owner = std::nullopt);
  UploadOutcome status(const std::string& id, std::optional<int64_t> owner = std::nullopt);
  bool cancel(const std::string& id, std::optional<int64_t> owner = std::nullopt);

 private:
  UploadOutcome finish(Db& db, const UploadRecord& upload);
  int64_t oldest_alive() const;

  Store& store_;
  const Clock& clock_;
  UploadRules rules_;
};

}  // namespace aduan
