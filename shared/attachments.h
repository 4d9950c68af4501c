// Attachments of a report (photos and documents): which kinds are accepted, how large and
// how many. The browser checks a file with these before sending it, the server again when
// it arrives; the server also decides the kind from the bytes themselves.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "shared/validation.h"

namespace aduan {

enum class AttachmentKind : uint8_t { kJpeg, kPng, kPdf };

struct AttachmentLimits {
  size_t max_count = 5;                      // per report
  size_t photo_max_bytes = 5 * 1024 * 1024;  // what the server takes
  size_t pdf_max_bytes = 10 * 1024 * 1024;
  // What the browser scales a photo down to before sending: long side and JPEG quality in
  // percent. Readable for staff, a few hundred kilobytes on a slow connection.
  int photo_long_side = 1600;
  int photo_quality = 80;
  size_t max_pixels = 40'000'000;   // a larger image is refused (a decompression bomb)
  size_t chunk_bytes = 256 * 1024;  // one upload request; a retry resends at most this
};

// "image/jpeg", "image/png", "application/pdf" (parameters and case ignored).
std::optional<AttachmentKind> parse_attachment_type(std::string_view content_type);
std::string_view content_type_of(AttachmentKind kind);
bool is_photo(AttachmentKind kind);
size_t max_bytes(AttachmentKind kind, const AttachmentLimits& limits = {});

// kUnsupportedType, kRequired (empty), kTooLarge, or nothing when a file of this declared
// type and size may be uploaded.
std::optional<FieldCode> check_attachment(std::string_view content_type, size_t size,
                                          const AttachmentLimits& limits = {});

// An upload's handle: 32 lowercase hexadecimal characters (128 random bits).
bool valid_upload_id(std::string_view id);

}  // namespace aduan
