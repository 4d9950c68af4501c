// What an uploaded file really is, decided from its bytes, and a copy of it that keeps only
// what is needed to show it. Photos lose their metadata (EXIF with the GPS position and
// the camera's serial number, XMP, IPTC, comments, embedded thumbnails) and everything
// after the first image (a multi-picture file's second JPEG, a motion photo's video): a
// reporter who photographs a problem from their own doorstep must not send their address
// with it.
//
// Nothing here decodes pixels or interprets metadata: segments and chunks are copied or
// dropped by their type, so hostile input meets very little code.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "shared/attachments.h"

namespace aduan {

struct CleanFile {
  AttachmentKind kind;
  std::string bytes;
  uint32_t width = 0;  // photos only
  uint32_t height = 0;
};

enum class ContentProblem : uint8_t {
  kNone,
  kUnsupportedType,  // not a JPEG, PNG or PDF by its first bytes
  kCorrupt,          // claims to be one but its structure is broken or truncated
  kTooManyPixels,    // a photo larger than AttachmentLimits::max_pixels
};

struct Inspected {
  ContentProblem problem = ContentProblem::kNone;
  std::optional<CleanFile> file;  // when problem is kNone
};

// Kind from the magic bytes alone.
std::optional<AttachmentKind> sniff_attachment(std::string_view bytes);

Inspected inspect_attachment(std::string_view bytes, const AttachmentLimits& limits = {});

std::string_view to_string(ContentProblem p);

}  // namespace aduan
