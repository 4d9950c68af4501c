#include "shared/attachments.h"

#include <string>

namespace aduan {

std::optional<AttachmentKind> parse_attachment_type(std::string_view content_type) {
  std::string type;
  for (char c : content_type.substr(0, content_type.find(';'))) {
    if (c == ' ' || c == '\t') continue;
    type.push_back(c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
  }
  if (type == "image/jpeg" || type == "image/jpg") return AttachmentKind::kJpeg;
  if (type == "image/png") return AttachmentKind::kPng;
  if (type == "application/pdf") return AttachmentKind::kPdf;
  return std::nullopt;
}

std::string_view content_type_of(AttachmentKind kind) {
  switch (kind) {
    case AttachmentKind::kJpeg:
      return "image/jpeg";
    case AttachmentKind::kPng:
      return "image/png";
    case AttachmentKind::kPdf:
      return "application/pdf";
  }
  return "application/octet-stream";
}

bool is_photo(AttachmentKind kind) { return kind != AttachmentKind::kPdf; }

size_t max_bytes(AttachmentKind kind, const AttachmentLimits& limits) {
  return is_photo(kind) ? limits.photo_max_bytes : limits.pdf_max_bytes;
}

std::optional<FieldCode> check_attachment(std::string_view content_type, size_t size,
                                          const AttachmentLimits& limits) {
  const auto kind = parse_attachment_type(content_type);
  if (!kind) return FieldCode::kUnsupportedType;
  if (size == 0) return FieldCode::kRequired;
  if (size > max_bytes(*kind, limits)) return FieldCode::kTooLarge;
  return std::nullopt;
}

bool valid_upload_id(std::string_view id) {
  if (id.size() != 32) return false;
  for (char c : id) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace aduan
