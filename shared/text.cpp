#include "shared/text.h"

namespace aduan {
namespace {

constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes one code point at s[*pos] and advances; kInvalid (advancing one byte) on error.
char32_t next_code_point(std::string_view s, size_t* pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char b0 = byte(*pos);
  if (b0 < 0x80) {
    ++*pos;
    return b0;
  }
  int len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    ++*pos;
    return kInvalid;
  }
  if (*pos + len > s.size()) {
    ++*pos;
    return kInvalid;
  }
  for (int i = 1; i < len; ++i) {
    const unsigned char b = byte(*pos + i);
    if ((b & 0xC0) != 0x80) {
      ++*pos;
      return kInvalid;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++*pos;
    return kInvalid;
  }
  *pos += len;
  return cp;
}

bool in(char32_t c, char32_t lo, char32_t hi) { return c >= lo && c <= hi; }

// Code points that attach to the character before them.
bool is_extender(char32_t c) {
  return in(c, 0x0300, 0x036F) ||  // combining diacritical marks
         in(c, 0x0483, 0x0489) ||  // Cyrillic combining
         in(c, 0x0591, 0x05BD) ||  // Hebrew points
         in(c, 0x0610, 0x061A) || in(c, 0x064B, 0x065F) || c == 0x0670 ||  // Arabic marks
         in(c, 0x0900, 0x0903) || in(c, 0x093A, 0x094F) ||                 // Devanagari signs
         in(c, 0xA980, 0xA983) || in(c, 0xA9B3, 0xA9C0) ||                 // Javanese signs
         in(c, 0x1B00, 0x1B04) || in(c, 0x1B34, 0x1B44) ||                 // Balinese signs
         in(c, 0x1AB0, 0x1AFF) || in(c, 0x1DC0, 0x1DFF) || in(c, 0x20D0, 0x20FF) ||
         in(c, 0xFE20, 0xFE2F) || in(c, 0xFE00, 0xFE0F) ||
         in(c, 0xE0100, 0xE01EF) ||   // variation selectors
         in(c, 0x1F3FB, 0x1F3FF) ||   // emoji skin tones
         in(c, 0xE0020, 0xE007F) ||   // emoji tag sequences
         c == 0x200C || c == 0x200D;  // ZWNJ, ZWJ
}

bool is_regional_indicator(char32_t c) { return in(c, 0x1F1E6, 0x1F1FF); }

bool is_white_space(char32_t c) {
  return c == ' ' || in(c, 0x09, 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         in(c, 0x2000, 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000 || c == 0xFEFF;
}

bool is_bidi_control(char32_t c) { return in(c, 0x202A, 0x202E) || in(c, 0x2066, 0x2069); }

}  // namespace

TextProblem check_text(std::string_view s, bool multiline) {
  TextProblem found = TextProblem::kNone;
  for (size_t pos = 0; pos < s.size();) {
    const char32_t c = next_code_point(s, &pos);
    if (c == kInvalid) return TextProblem::kInvalidUtf8;
    const bool allowed_space = multiline ? (c == '\n' || c == '\t' || c == '\r') : c == '\t';
    if (((c < 0x20 || in(c, 0x7F, 0x9F)) && !allowed_space) || is_bidi_control(c)) {
      found = TextProblem::kControlCharacter;  // keep scanning: bad encoding wins
    }
  }
  return found;
}

size_t count_characters(std::string_view s) {
  size_t count = 0;
  bool after_zwj = false;
  bool pending_flag_half = false;
  for (size_t pos = 0; pos < s.size();) {
    const char32_t c = next_code_point(s, &pos);
    if (c != kInvalid && count > 0 && (is_extender(c) || after_zwj)) {
      after_zwj = c == 0x200D;
      continue;
    }
    after_zwj = c == 0x200D;
    if (c != kInvalid && is_regional_indicator(c)) {
      if (pending_flag_half) {
        pending_flag_half = false;
        continue;
      }
      pending_flag_half = true;
    } else {
      pending_flag_half = false;
    }
    ++count;
  }
  return count;
}

bool is_blank(std::string_view s) {
  for (size_t pos = 0; pos < s.size();) {
    const char32_t c = next_code_point(s, &pos);
    if (c == kInvalid || !is_white_space(c)) return false;
  }
  return true;
}

namespace {

// Splits into code points with their byte ranges so the normalisers can keep bytes intact.
template <typename Fn>
void for_each_code_point(std::string_view s, Fn fn) {
  for (size_t pos = 0; pos < s.size();) {
    const size_t start = pos;
    const char32_t c = next_code_point(s, &pos);
    fn(c, s.substr(start, pos - start));
  }
}

void trim_trailing_spaces(std::string* out) {
  while (!out->empty() && (out->back() == ' ' || out->back() == '\t')) out->pop_back();
}

}  // namespace

std::string normalize_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for_each_code_point(s, [&](char32_t c, std::string_view bytes) {
    if (c != kInvalid && is_white_space(c)) {
      pending_space = !out.empty();
      return;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(bytes);
  });
  return out;
}

std::string normalize_block(std::string_view s) {
  // Split into lines, clean each line, then join with at most one blank line between
  // paragraphs.
  std::string out;
  out.reserve(s.size());
  std::string line;
  int pending_breaks = 0;
  bool after_cr = false;
  auto flush_line = [&] {
    trim_trailing_spaces(&line);
    if (line.empty()) {
      ++pending_breaks;
    } else {
      if (!out.empty()) out.append(pending_breaks >= 2 ? "\n\n" : "\n");
      out.append(line);
      pending_breaks = 1;
    }
    line.clear();
  };
  for_each_code_point(s, [&](char32_t c, std::string_view bytes) {
    const bool cr_lf = after_cr && c == '\n';
    after_cr = c == '\r';
    if (cr_lf) return;
    if (c == '\r' || c == '\n' || c == 0x2028 || c == 0x2029) {
      flush_line();
    } else if (c != kInvalid && is_white_space(c)) {
      if (!(out.empty() && line.empty())) line.push_back(c == '\t' ? '\t' : ' ');
    } else {
      line.append(bytes);
    }
  });
  flush_line();
  return out;
}

}  // namespace aduan
