#include "formats/attachment_content.h"

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

// JPEG markers (ITU-T T.81, B.1.1.3) that the cleaner treats by name.
constexpr uint8_t kSoi = 0xD8, kEoi = 0xD9, kSos = 0xDA, kDqt = 0xDB, kDnl = 0xDC, kDri = 0xDD,
                  kDhp = 0xDE, kExp = 0xDF, kDht = 0xC4, kDac = 0xCC, kTem = 0x01, kApp14 = 0xEE;

bool is_start_of_frame(uint8_t m) {
  return m >= 0xC0 && m <= 0xCF && m != kDht && m != 0xC8 && m != kDac;
}
bool is_restart(uint8_t m) { return m >= 0xD0 && m <= 0xD7; }

// Tables, the restart interval and the line count: what a decoder needs besides the frame
// and the scans. Everything else with a length (APP0..APP15, COM, the JPGn extensions and
// reserved markers) is dropped wherever it sits.
bool needed_for_decoding(uint8_t m) {
  return m == kDqt || m == kDht || m == kDac || m == kDri || m == kDnl;
}

// Adobe's APP14 tells a decoder whether a 3- or 4-component image is RGB, YCbCr, CMYK or
// YCCK; without it CMYK photos come out inverted or in false colours. It is rebuilt with
// fixed fields, keeping the transform byte alone, so it carries nothing of the camera.
std::optional<std::string> adobe_segment(std::string_view payload) {
  if (payload.size() < 12 || payload.substr(0, 5) != "Adobe") return std::nullopt;
  const uint8_t transform = uint8_t(payload[11]);
  if (transform > 2) return std::nullopt;
  // Marker, length 14, "Adobe", version 100, no flags; the transform byte follows.
  static constexpr char kFixed[] = {'\xFF', '\xEE', 0,   14, 'A', 'd', 'o', 'b',
                                    'e',    0,      100, 0,  0,   0,   0};
  return std::string(kFixed, sizeof kFixed) + char(transform);
}

// The entropy-coded data of a scan starting at `at`: up to the first marker that is not a
// restart marker (0xFF00 is a stuffed data byte, 0xFF fill bytes may precede a marker).
// Returns where that marker's first 0xFF is, or npos when the file ends inside the scan.
size_t end_of_scan(std::string_view in, size_t at) {
  while (true) {
    const size_t ff = in.find('\xFF', at);
    if (ff == std::string_view::npos) return ff;
    size_t next = ff + 1;
    while (next < in.size() && uint8_t(in[next]) == 0xFF) ++next;
    if (next >= in.size()) return std::string_view::npos;
    const uint8_t b = uint8_t(in[next]);
    if (b != 0x00 && !is_restart(b)) return ff;
    at = next + 1;
  }
}

// Keeps SOI, the tables, the frame header, every scan with its entropy-coded data, and EOI
// of the first image. Dropped: every APPn but a rebuilt Adobe APP14 before the first scan,
// every COM, wherever they sit (also between the scans of a progressive JPEG), and all that
// follows the first EOI (the second image of a multi-picture file, a motion photo's video,
// any trailing bytes). A file that ends before its EOI is truncated and refused.
Inspected clean_jpeg(std::string_view in, const AttachmentLimits& limits) {
  std::string out(in.substr(0, 2));  // SOI
  uint32_t width = 0, height = 0;
  bool framed = false, scanned = false, adobe = false;
  size_t at = 2;
  while (at < in.size()) {
    if (uint8_t(in[at]) != 0xFF) return problem(ContentProblem::kCorrupt);
    while (at < in.size() && uint8_t(in[at]) == 0xFF) ++at;  // fill bytes
    if (at >= in.size()) break;
    const uint8_t marker = uint8_t(in[at++]);
    if (marker == kEoi) {
      if (!scanned) break;
      out.append("\xFF\xD9", 2);
      return photo(AttachmentKind::kJpeg, std::move(out), width, height, limits);
    }
    if (marker == kSoi || marker == 0x00) break;
    if (marker == kTem || is_restart(marker)) continue;  // stray, no length: dropped
    if (at + 2 > in.size()) break;
    const uint32_t length = be16(in, at);
    if (length < 2 || at + length > in.size()) break;
    const std::string_view segment = in.substr(at - 2, length + 2);
    const std::string_view payload = in.substr(at + 2, length - 2);
    at += length;
    if (is_start_of_frame(marker)) {
      // One frame: a second one would let a small first header vouch for a larger image.
      if (framed || length < 8) break;
      height = be16(payload, 1);
      width = be16(payload, 3);
      framed = true;
      out.append(segment);
    } else if (marker == kSos) {
      if (!framed) break;
      const size_t end = end_of_scan(in, at);
      if (end == std::string_view::npos) break;
      out.append(segment);
      out.append(in.substr(at, end - at));
      at = end;
      scanned = true;
    } else if (marker == kDhp || marker == kExp) {
      break;  // hierarchical JPEG: no browser shows it
    } else if (needed_for_decoding(marker)) {
      out.append(segment);
    } else if (marker == kApp14 && !adobe && !scanned) {
      if (auto kept = adobe_segment(payload)) {
        out.append(*kept);
        adobe = true;
      }
    }
  }
  return problem(ContentProblem::kCorrupt);
}

// PNG chunks a viewer needs to show the image as intended, each with the most bytes it can
// hold; text, time, EXIF, ICC profiles (which carry names and copyright text) and every chunk
// not named here are dropped, and so is a named ancillary chunk longer than its kind allows.
// An unknown or oversized critical chunk means an image we cannot vouch for.
std::optional<uint32_t> png_chunk_limit(std::string_view type) {
  struct Kept {
    std::string_view type;
    uint32_t max_length;
  };
  static constexpr Kept kKept[] = {{"IHDR", 13},  {"PLTE", 768}, {"IDAT", UINT32_MAX}, {"IEND", 0},
                                   {"tRNS", 256}, {"gAMA", 4},   {"cHRM", 32},         {"sRGB", 1},
                                   {"sBIT", 4},   {"bKGD", 6},   {"pHYs", 9}};
  for (const Kept& k : kKept) {
    if (type == k.type) return k.max_length;
  }
  return std::nullopt;
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
    const auto limit = png_chunk_limit(type);
    if (limit && length <= *limit) {
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
