// Text as people type it: strict UTF-8, user-perceived character counts, and the
// normalisation applied before a text is validated and stored.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace aduan {

enum class TextProblem : uint8_t {
  kNone,
  kInvalidUtf8,       // overlong forms, surrogates, truncated sequences, > U+10FFFF
  kControlCharacter,  // C0/C1 controls (tab and newline allowed only in multi-line text),
                      // DEL, and bidirectional overrides that can disguise text
};

// Checks encoding and characters. `multiline` allows '\n' and '\t'.
TextProblem check_text(std::string_view s, bool multiline);

// Counts user-perceived characters: a base character with its combining marks, variation
// selectors, emoji modifiers and zero-width-joined sequences counts once, and so does a pair
// of regional indicators (a flag). Invalid UTF-8 bytes count one each.
size_t count_characters(std::string_view s);

// True when the text has no character other than Unicode white space.
bool is_blank(std::string_view s);

// One-line text: white space runs (ASCII and no-break space) become one space; ends trimmed.
std::string normalize_line(std::string_view s);

// Multi-line text: CRLF and CR become LF, trailing spaces of each line go, more than two
// blank lines in a row become two, ends trimmed.
std::string normalize_block(std::string_view s);

}  // namespace aduan
