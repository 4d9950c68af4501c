// Storage of uploads in progress and of attachments (migration 0012).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "formats/attachment_content.h"
#include "model/attachment.h"
#include "store/db.h"

namespace aduan {

// A report's files are numbered 1..99 (the downloads' routes take two digits): the
// reporter's five, then the staff's.
inline constexpr int kMaxAttachmentPosition = 99;

class AttachmentRepository {
 public:
  static void insert_upload(Db& db, const UploadRecord& u, const std::string& client);
  static std::optional<UploadRecord> find_upload(Db& db, const std::string& id);
  static void append_chunk(Db& db, const std::string& id, int64_t offset, const std::string& data);
  static std::string assemble(Db& db, const std::string& id);
  static void delete_upload(Db& db, const std::string& id);
  // Open uploads started by `client` since `since`: a bound on what one address may hold.
  static int64_t open_upload_bytes(Db& db, const std::string& client, int64_t since);

  // A finished upload becomes an attachment without a report, owned as its upload was.
  static void insert_attachment(Db& db, const UploadRecord& upload, const CleanFile& file,
                                const std::string& digest, int64_t now);
  // The unclaimed attachment with this handle, started by `owner` (nullopt: a reporter).
  static std::optional<AttachmentInfo> unclaimed(Db& db, const std::string& upload_id,
                                                 int64_t created_after,
                                                 std::optional<int64_t> owner = std::nullopt);
  static bool delete_unclaimed(Db& db, const std::string& upload_id,
                               std::optional<int64_t> owner = std::nullopt);
  // Gives the reporters' unclaimed attachments with these handles to the report, in this
  // order; false (and nothing changed by the caller's rollback) when one is missing or taken.
  static bool claim(Db& db, const std::vector<std::string>& upload_ids, int64_t report_id,
                    int64_t created_after);
  // The highest position of the report's files, 0 when it has none.
  static int last_position(Db& db, int64_t report_id);
  // Gives `owner`'s unclaimed attachments with these handles to the event of the report,
  // numbered after the report's files. The index of the first handle that is missing, taken
  // or another's, with nothing changed by the caller's rollback; nullopt when all are given.
  static std::optional<size_t> attach_to_event(Db& db, const std::vector<std::string>& upload_ids,
                                               int64_t report_id, int64_t event_id, int64_t owner,
                                               int64_t created_after);

  // `include_internal` false: only what the reporter may read (their own files and those of
  // entries shown to them, report_events.public), for the reporter's view and download.
  static std::vector<AttachmentInfo> of_report(Db& db, int64_t report_id, bool include_internal);
  static std::optional<AttachmentData> read(Db& db, int64_t report_id, int position,
                                            bool include_internal);

  // Forgets uploads and unclaimed attachments created before `before`; returns how many.
  static int prune(Db& db, int64_t before);
};

}  // namespace aduan
