// An upload in progress and a report's attachments, as the services hold them (kept by
// store/attachment_repository.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace aduan {

struct UploadRecord {
  std::string id;
  std::string declared_type;
  int64_t size = 0;
  int64_t received = 0;
  int64_t created_at = 0;
  std::optional<int64_t> owner_id;  // the staff member who started it; nullopt: a reporter
};

// What the pages show of an attachment; the bytes are read separately.
struct AttachmentInfo {
  int position = 0;  // 1-based within its report
  std::string content_type;
  int64_t size = 0;
  uint32_t width = 0;
  uint32_t height = 0;
  int64_t event_id = 0;  // the timeline entry it belongs to; 0: the reporter's own
};

struct AttachmentData {
  AttachmentInfo info;
  std::string bytes;
  std::string digest;
};

}  // namespace aduan
