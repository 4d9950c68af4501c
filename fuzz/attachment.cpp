// Uploaded files: whatever arrives is refused or cleaned, a cleaned file is accepted again
// as the same kind and cleaning it once more changes nothing, and no EXIF or XMP segment
// survives in a cleaned JPEG's header.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "attachment_content.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const aduan::Inspected first = aduan::inspect_attachment(bytes);
  if (!first.file) return 0;
  const aduan::Inspected second = aduan::inspect_attachment(first.file->bytes);
  if (!second.file || second.file->kind != first.file->kind ||
      second.file->bytes != first.file->bytes) {
    std::abort();
  }
  if (first.file->kind == aduan::AttachmentKind::kJpeg) {
    // Walk the cleaned header: no APP1 (EXIF, XMP) before the scan.
    const std::string& out = first.file->bytes;
    for (size_t at = 2; at + 4 <= out.size();) {
      const uint8_t marker = uint8_t(out[at + 1]);
      if (marker == 0xE1) std::abort();
      if (marker == 0xDA) break;
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7) || uint8_t(out[at]) != 0xFF) {
        at += 2;
        continue;
      }
      at += 2 + ((size_t(uint8_t(out[at + 2])) << 8) | uint8_t(out[at + 3]));
    }
  }
  return 0;
}
