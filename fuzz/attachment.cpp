// Uploaded files: whatever arrives is refused or cleaned, a cleaned file is accepted again
// as the same kind and cleaning it once more changes nothing. A cleaned JPEG is walked whole,
// scans included: only the segments a decoder needs (and Adobe's fixed colour-transform
// APP14), no other APPn or COM anywhere, and it ends at its first EOI. A cleaned PNG holds
// only the chunks the cleaner keeps and ends at IEND.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "formats/attachment_content.h"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

uint32_t be16(std::string_view s, size_t at) {
  return (uint32_t(uint8_t(s[at])) << 8) | uint8_t(s[at + 1]);
}

void check_jpeg(std::string_view out) {
  static const std::string_view kAdobe(
      "\xFF\xEE\x00\x0E"
      "Adobe\x00\x64\x00\x00\x00\x00",
      15);
  check(out.size() >= 4 && out.substr(0, 2) == "\xFF\xD8");
  size_t at = 2;
  bool scanned = false;
  while (true) {
    check(at + 2 <= out.size() && uint8_t(out[at]) == 0xFF);
    const uint8_t marker = uint8_t(out[at + 1]);
    if (marker == 0xD9) {
      check(scanned && at + 2 == out.size());  // the first EOI is the last two bytes
      return;
    }
    // Every marker the cleaner writes has a length: no fill bytes, no stray RSTn or TEM.
    check(at + 4 <= out.size());
    const size_t length = be16(out, at + 2);
    check(length >= 2 && at + 2 + length <= out.size());
    const bool frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC8;  // SOFn, DHT, DAC
    const bool kept = frame || marker == 0xDA || marker == 0xDB || marker == 0xDC ||
                      marker == 0xDD || (marker == 0xEE && out.substr(at, 15) == kAdobe);
    check(kept);
    at += 2 + length;
    if (marker != 0xDA) continue;
    scanned = true;
    // Entropy-coded data: 0xFF is followed by 0x00 (a stuffed byte), RSTn, more 0xFF, or
    // the marker that ends the scan.
    while (true) {
      check(at < out.size());
      if (uint8_t(out[at]) != 0xFF) {
        ++at;
        continue;
      }
      size_t next = at + 1;
      while (next < out.size() && uint8_t(out[next]) == 0xFF) ++next;
      check(next < out.size());
      const uint8_t b = uint8_t(out[next]);
      if (b == 0x00 || (b >= 0xD0 && b <= 0xD7)) {
        at = next + 1;
        continue;
      }
      check(next == at + 1);  // fill bytes before a marker are dropped
      break;
    }
  }
}

void check_png(std::string_view out) {
  static constexpr std::string_view kKept[] = {"IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA",
                                               "cHRM", "sRGB", "sBIT", "bKGD", "pHYs"};
  size_t at = 8;
  while (true) {
    check(at + 12 <= out.size());
    const size_t length = (size_t(be16(out, at)) << 16) | be16(out, at + 2);
    const std::string_view type = out.substr(at + 4, 4);
    bool known = false;
    for (std::string_view k : kKept) known = known || type == k;
    check(known);
    at += 12 + length;
    if (type == "IEND") {
      check(at == out.size());
      return;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const aduan::Inspected first = aduan::inspect_attachment(bytes);
  if (!first.file) return 0;
  const aduan::Inspected second = aduan::inspect_attachment(first.file->bytes);
  check(second.file && second.file->kind == first.file->kind &&
        second.file->bytes == first.file->bytes);
  if (first.file->kind == aduan::AttachmentKind::kJpeg) check_jpeg(first.file->bytes);
  if (first.file->kind == aduan::AttachmentKind::kPng) check_png(first.file->bytes);
  return 0;
}
