#include "shared/text.h"

#include <gtest/gtest.h>

namespace aduan {
namespace {

TEST(Text, CountsCharactersNotBytes) {
  EXPECT_EQ(count_characters(""), 0u);
  EXPECT_EQ(count_characters("jalan"), 5u);
  EXPECT_EQ(count_characters("ñandú"), 5u);                 // precomposed
  EXPECT_EQ(count_characters("n\u0303andu\u0301"), 5u);     // combining tilde and acute
  EXPECT_EQ(count_characters("\U0001F600"), 1u);            // one emoji, four bytes
  EXPECT_EQ(count_characters("\U0001F44D\U0001F3FD"), 1u);  // thumbs up with skin tone
  EXPECT_EQ(count_characters("\u2764\uFE0F"), 1u);          // heart with variation selector
  // Family: man ZWJ woman ZWJ girl, one picture.
  EXPECT_EQ(count_characters("\U0001F468\u200D\U0001F469\u200D\U0001F467"), 1u);
  EXPECT_EQ(count_characters("\U0001F1EE\U0001F1E9"), 1u);  // the flag of Indonesia
  EXPECT_EQ(count_characters("\U0001F1EE\U0001F1E9\U0001F1EE"), 2u);
  EXPECT_EQ(count_characters("ꦲꦏ꧀ꦱꦫ"), 4u);  // Javanese: the pangkon joins the ka before it
}

TEST(Text, FindsInvalidUtf8) {
  EXPECT_EQ(check_text("ok", false), TextProblem::kNone);
  EXPECT_EQ(check_text("\xC3", false), TextProblem::kInvalidUtf8);              // truncated
  EXPECT_EQ(check_text("\xC0\xAF", false), TextProblem::kInvalidUtf8);          // overlong '/'
  EXPECT_EQ(check_text("\xED\xA0\x80", false), TextProblem::kInvalidUtf8);      // surrogate
  EXPECT_EQ(check_text("\xF4\x90\x80\x80", false), TextProblem::kInvalidUtf8);  // > U+10FFFF
  EXPECT_EQ(check_text("\xFF", false), TextProblem::kInvalidUtf8);
}

TEST(Text, FindsControlCharacters) {
  EXPECT_EQ(check_text("a\nb", false), TextProblem::kControlCharacter);
  EXPECT_EQ(check_text("a\nb\tc\r\n", true), TextProblem::kNone);
  EXPECT_EQ(check_text(std::string("a\0b", 3), true), TextProblem::kControlCharacter);
  EXPECT_EQ(check_text("a\x1b[31m", true), TextProblem::kControlCharacter);
  EXPECT_EQ(check_text("a\x7f", true), TextProblem::kControlCharacter);
  EXPECT_EQ(check_text("a\u0085", true), TextProblem::kControlCharacter);            // C1 NEL
  EXPECT_EQ(check_text("abc\u202Egnp.exe", false), TextProblem::kControlCharacter);  // RLO
}

TEST(Text, BlankMeansOnlyWhiteSpace) {
  EXPECT_TRUE(is_blank(""));
  EXPECT_TRUE(is_blank(" \t\n\u00A0\u3000"));
  EXPECT_FALSE(is_blank(" a "));
}

TEST(Text, NormalizeLineCollapsesSpace) {
  EXPECT_EQ(normalize_line("  Jalan \t rusak\u00A0parah  "), "Jalan rusak parah");
  EXPECT_EQ(normalize_line(" \u3000 "), "");
  EXPECT_EQ(normalize_line("a\nb"), "a b");
}

TEST(Text, NormalizeBlockKeepsParagraphs) {
  EXPECT_EQ(normalize_block("  \r\n\r\nSatu.  \r\nDua.\r\n\r\n\r\n\r\nTiga.\n\n  "),
            "Satu.\nDua.\n\nTiga.");
  EXPECT_EQ(normalize_block("a\rb"), "a\nb");
  EXPECT_EQ(normalize_block("a\n  - item"), "a\n  - item");
  EXPECT_EQ(normalize_block(" \n \n"), "");
}

}  // namespace
}  // namespace aduan
