#include "attachment_content.h"

namespace aduan {
namespace {

uint32_t be16(std::string_view s, size_t at) {
  return (uint32_t(uint8_t(s[at])) << 8) | uint8_t(s[at + 1]);
}
uint32_t be32(std::string_view s, size_t at) { return (be16(s, at) << 16) | be16(s, at + 2); }

Inspected problem(ContentProblem p) { return Inspected{p, std::nullopt}; }

Inspected photo(AttachmentKind kind, std::string bytes, uint32_t width, uint32_t height,
                const AttachmentLimits& limits) {
  if (width == 0 || height == 0) return problem(ContentProblem::kCorrupt);
  if (uint64_t(width) * height > limits.max_pixels) return problem(ContentProblem::kTooManyPixels);
  return Inspected{ContentProblem::kNone, CleanFile{kind, std::move(bytes), width, height}};
}

// JPEG segments that a decoder needs; every APPn but JFIF (APP0) and Adobe's colour
// transform (APP14), and comments, are dropped.
bool keep_jpeg_segment(uint8_t marker) {
  if (marker == 0xE0 || marker == 0xEE) return true;
  if (marker >= 0xE1 && marker <= 0xEF) return false;
  return marker != 0xFE;
}

bool is_start_of_frame(uint8_t m) {
  return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

Inspected clean_jpeg(std::string_view in, const AttachmentLimits& limits) {
  std::string out(in.substr(0, 2));  // SOI
  uint32_t width = 0, height = 0;
  size_t at = 2;
  while (at < in.size()) {
    if (uint8_t(in[at]) != 0xFF) return problem(ContentProblem::kCorrupt);
    while (at < in.size() && uint8_t(in[at]) == 0xFF) ++at;  // fill bytes
    if (at >= in.size()) break;
    const uint8_t marker = uint8_t(in[at++]);
    if (marker == 0xD9) break;                                   // EOI before any scan
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {  // no length
      out.push_back(char(0xFF));
      out.push_back(char(marker));
      continue;
    }
    if (at + 2 > in.size()) break;
    const uint32_t length = be16(in, at);
    if (length < 2 || at + length > in.size()) break;
    const std::string_view segment = in.substr(at - 2, length + 2);
    if (is_start_of_frame(marker)) {
      if (length < 7) break;
      height = be16(in, at + 3);
      width = be16(in, at + 5);
    }
    if (marker == 0xDA) {
      // Start of scan: the compressed data and every later scan follow unchanged.
      if (width == 0) break;
      out.append(in.substr(at - 2));
      return photo(AttachmentKind::kJpeg, std::move(out), width, height, limits);
    }
    if (keep_jpeg_segment(marker)) out.append(segment);
    at += length;
  }
  return problem(ContentProblem::kCorrupt);
}

// PNG chunks a viewer needs to show the image as intended; text, time, EXIF and every
// chunk not named here are dropped. An unknown critical chunk means an image we cannot
// vouch for.
bool keep_png_chunk(std::string_view type) {
  static constexpr std::string_view kKept[] = {"IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA",
                                               "cHRM", "sRGB", "sBIT", "bKGD", "pHYs"};
  for (std::string_view k : kKept) {
    if (type == k) return true;
  }
  return false;
}

Inspected clean_png(std::string_view in, const AttachmentLimits& limits) {
  std::string out(in.substr(0, 8));
  uint32_t width = 0, height = 0;
  size_t at = 8;
  bool first = true;
  while (at + 12 <= in.size()) {
    const uint32_t length = be32(in, at);
    if (length > in.size() - at - 12) break;
    const std::string_view type = in.substr(at + 4, 4);
    for (char c : type) {
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
        return problem(ContentProblem::kCorrupt);
    }
    if (first != (type == "IHDR")) break;  // IHDR first, once
    if (first) {
      if (length != 13) break;
      width = be32(in, at + 8);
      height = be32(in, at + 12);
      first = false;
    }
    const bool critical = type[0] >= 'A' && type[0] <= 'Z';
    if (keep_png_chunk(type)) {
      out.append(in.substr(at, length + 12));
    } else if (critical) {
      return problem(ContentProblem::kCorrupt);
    }
    at += length + 12;
    if (type == "IEND") return photo(AttachmentKind::kPng, std::move(out), width, height, limits);
  }
  return problem(ContentProblem::kCorrupt);
}

// A PDF is kept as it is: its header first, its end-of-file mark near the end. Staff get it
// as a download, never rendered inside aduan's pages.
Inspected check_pdf(std::string_view in) {
  const size_t tail = in.size() > 1024 ? in.size() - 1024 : 0;
  if (in.find("%%EOF", tail) == std::string_view::npos) return problem(ContentProblem::kCorrupt);
  return Inspected{ContentProblem::kNone, CleanFile{AttachmentKind::kPdf, std::string(in)}};
}

}  // namespace

std::optional<AttachmentKind> sniff_attachment(std::string_view b) {
  if (b.size() >= 3 && b.substr(0, 3) == "\xFF\xD8\xFF") return AttachmentKind::kJpeg;
  if (b.size() >= 8 && b.substr(0, 8) == "\x89PNG\r\n\x1A\n") return AttachmentKind::kPng;
  if (b.size() >= 5 && b.substr(0, 5) == "%PDF-") return AttachmentKind::kPdf;
  return std::nullopt;
}

Inspected inspect_attachment(std::string_view bytes, const AttachmentLimits& limits) {
  const auto kind = sniff_attachment(bytes);
  if (!kind) return problem(ContentProblem::kUnsupportedType);
  switch (*kind) {
    case AttachmentKind::kJpeg:
      return clean_jpeg(bytes, limits);
    case AttachmentKind::kPng:
      return clean_png(bytes, limits);
    case AttachmentKind::kPdf:
      return check_pdf(bytes);
  }
  return problem(ContentProblem::kUnsupportedType);
}

std::string_view to_string(ContentProblem p) {
  switch (p) {
    case ContentProblem::kNone:
      return "ok";
    case ContentProblem::kUnsupportedType:
      return "unsupported_type";
    case ContentProblem::kCorrupt:
      return "corrupt";
    case ContentProblem::kTooManyPixels:
      return "too_many_pixels";
  }
  return "corrupt";
}

}  // namespace aduan
