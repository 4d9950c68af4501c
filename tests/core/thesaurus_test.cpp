// The thesaurus the matcher reads (shared/thesaurus.h), on a small text in the MyThes format
// of the one the server embeds, and what it changes in the score of two reports.
#include "shared/thesaurus.h"

#include <gtest/gtest.h>

#include "shared/similarity.h"

namespace aduan {
namespace {

// Two entries as Debian's th_id_ID_v2.dat writes them, with an antonym line, a synonym of
// several words and a synonym that reduces to its headword.
constexpr const char* kMyThes =
    "ISO-8859-1\n"
    "padam|2\n"
    "[a]|mati|pudar\n"
    "[v]|memadamkan|reda\n"
    "[ant]|menyala\n"
    "rusak|1\n"
    "[a]|jebol|patah|hancur lebur|busuk\n";

TEST(Thesaurus, LinksAHeadwordAndItsSynonymsBothWaysByTheirTerms) {
  const Thesaurus t = Thesaurus::from_mythes(kMyThes);
  auto linked = [&](const char* a, const char* b) {
    return t.linked(t.id(matching_terms(a)[0]), t.id(matching_terms(b)[0]));
  };
  // The lexicon reads "padam" as "mati" already: the entry links its term to the synonyms.
  EXPECT_TRUE(linked("padam", "pudar"));
  EXPECT_TRUE(linked("pudar", "mati"));
  EXPECT_TRUE(linked("padam", "reda"));
  EXPECT_TRUE(linked("jebol", "rusak"));
  EXPECT_TRUE(linked("patah", "rusak"));
  // Synonyms of one headword are not linked to one another: "patah" is not "busuk", "pudar"
  // is not "reda".
  EXPECT_FALSE(linked("patah", "busuk"));
  EXPECT_FALSE(linked("pudar", "reda"));
  // Antonyms are no synonyms, and words of several words are left out.
  EXPECT_FALSE(linked("padam", "menyala"));
  EXPECT_EQ(t.id("lebur"), Thesaurus::kUnknown);
  EXPECT_FALSE(linked("rusak", "lebur"));
  // "memadamkan" reduces to the headword's own term: no link to itself.
  EXPECT_FALSE(linked("padam", "memadamkan"));
  EXPECT_EQ(t.id("listrik"), Thesaurus::kUnknown);
  EXPECT_FALSE(t.linked(Thesaurus::kUnknown, t.id("rusak")));
}

TEST(Thesaurus, EmptyOrMalformedTextGivesNoLinks) {
  EXPECT_EQ(Thesaurus::from_mythes("").size(), 0u);
  EXPECT_EQ(Thesaurus::from_mythes("ISO-8859-1").size(), 0u);
  // A sense line before any headword, and a headword without senses.
  EXPECT_EQ(Thesaurus::from_mythes("UTF-8\n[n]|mati|padam\nkosong|1\n").pairs(), 0u);
}

TEST(Thesaurus, SynonymsBringTwoTellingsOfOneProblemTogether) {
  const Thesaurus t = Thesaurus::from_mythes(kMyThes);
  const TermWeight one = [](const std::string&) { return 1.0; };
  const ReportTerms a = analyse_text("Lampu jalan padam di Jl. Kenanga");
  const ReportTerms b = analyse_text("lampu jalan mati di jl kenanga");
  const ReportTerms c = analyse_text("lampu jalan pudar dekat jl kenanga");
  // "padam" and "mati" are one word to the lexicon already; "pudar" only to the thesaurus.
  EXPECT_EQ(report_similarity(a, b, one), report_similarity(a, b, one, nullptr, &t));
  EXPECT_GT(report_similarity(a, c, one, nullptr, &t), report_similarity(a, c, one));
  EXPECT_GE(report_similarity(a, c, one, nullptr, &t), 0.3);  // the citizen's offer list
}

}  // namespace
}  // namespace aduan
