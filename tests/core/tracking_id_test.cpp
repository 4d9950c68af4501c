#include "shared/tracking_id.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

namespace aduan {
namespace {

std::vector<std::string> sample_ids() {
  std::mt19937_64 rng(20261123);
  std::vector<std::string> ids;
  for (int i = 0; i < 300; ++i) ids.push_back(make_tracking_id(rng()));
  ids.push_back(make_tracking_id(0));
  ids.push_back(make_tracking_id(~0ull));
  return ids;
}

TEST(TrackingId, HasNineUnambiguousSymbols) {
  for (const std::string& id : sample_ids()) {
    ASSERT_EQ(id.size(), 9u);
    for (char c : id) {
      EXPECT_EQ(std::string("01OIL").find(c), std::string::npos) << id;
      EXPECT_NE(kTrackingAlphabet.find(c), std::string_view::npos) << id;
    }
    EXPECT_TRUE(parse_tracking_id(id).ok()) << id;
  }
}

TEST(TrackingId, DistinctNumbersGiveDistinctIds) {
  std::set<std::string> seen;
  for (uint64_t v = 0; v < 5000; ++v) seen.insert(make_tracking_id(v * 7919));
  EXPECT_EQ(seen.size(), 5000u);
}

TEST(TrackingId, CatchesEverySingleCharacterError) {
  for (const std::string& id : sample_ids()) {
    for (size_t pos = 0; pos < id.size(); ++pos) {
      for (char c : kTrackingAlphabet) {
        if (c == id[pos]) continue;
        std::string typo = id;
        typo[pos] = c;
        EXPECT_EQ(parse_tracking_id(typo).error, TrackingIdError::kBadCheckCharacter) << typo;
      }
    }
  }
}

TEST(TrackingId, CatchesEveryAdjacentSwap) {
  for (const std::string& id : sample_ids()) {
    for (size_t pos = 0; pos + 1 < id.size(); ++pos) {
      if (id[pos] == id[pos + 1]) continue;  // swapping equal symbols changes nothing
      std::string swapped = id;
      std::swap(swapped[pos], swapped[pos + 1]);
      EXPECT_EQ(parse_tracking_id(swapped).error, TrackingIdError::kBadCheckCharacter) << swapped;
    }
  }
}

TEST(TrackingId, ParseNormalisesWhatPeopleType) {
  const std::string id = make_tracking_id(123456789);
  std::string lower = format_tracking_id(id);
  for (char& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(parse_tracking_id(lower).canonical, id);
  EXPECT_EQ(parse_tracking_id(" " + id.substr(0, 4) + " - " + id.substr(4) + " ").canonical, id);
  EXPECT_EQ(format_tracking_id(id).size(), 11u);
  EXPECT_EQ(format_tracking_id(id)[3], '-');
}

TEST(TrackingId, ReportsWhatIsWrong) {
  EXPECT_EQ(parse_tracking_id("").error, TrackingIdError::kEmpty);
  EXPECT_EQ(parse_tracking_id(" - ").error, TrackingIdError::kEmpty);
  EXPECT_EQ(parse_tracking_id("ABC").error, TrackingIdError::kBadLength);
  EXPECT_EQ(parse_tracking_id("ABCDEFGHJK").error, TrackingIdError::kBadLength);
  // O, 0, I, 1 and L are never used, so a typed one is a bad character, not a typo.
  EXPECT_EQ(parse_tracking_id("ABC-DEF-GH0").error, TrackingIdError::kBadCharacter);
  EXPECT_EQ(parse_tracking_id("ABC-DEF-GHO").error, TrackingIdError::kBadCharacter);
  EXPECT_EQ(parse_tracking_id("ABC/DEF").error, TrackingIdError::kBadCharacter);
  EXPECT_EQ(to_string(TrackingIdError::kBadCheckCharacter), "bad_check_character");
}

}  // namespace
}  // namespace aduan
