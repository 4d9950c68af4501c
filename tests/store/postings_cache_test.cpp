// The rule by which a server's kept postings of a term are used again (store/postings_cache.h):
// brought up to date only when the term's count says nothing else changed, a whole list of
// newer postings taken as the list, and old or least used lists let go.
#include "store/postings_cache.h"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace aduan {
namespace {

using List = PostingsCache::List;
using Clock = std::chrono::steady_clock;

std::shared_ptr<const List> kept(std::vector<int64_t> ids, int64_t count,
                                 Clock::time_point read_at = Clock::now()) {
  auto list = std::make_shared<List>();
  list->ids = std::move(ids);
  list->count = count;
  list->read_at = read_at;
  return list;
}

TEST(PostingsCache, NothingNewerAndTheSameCountKeepsTheList) {
  const auto list = kept({9, 7, 4}, 3);
  EXPECT_EQ(PostingsCache::brought_up_to_date(list, {}, 3, 4), list);
}

TEST(PostingsCache, NewerPostingsGoInFrontAndTheOldestFallOff) {
  const Clock::time_point read = Clock::now() - std::chrono::seconds(30);
  const auto list = kept({9, 7, 4, 2}, 10, read);
  const auto now = PostingsCache::brought_up_to_date(list, {15, 12}, 12, 4);
  ASSERT_NE(now, nullptr);
  EXPECT_EQ(now->ids, (std::vector<int64_t>{15, 12, 9, 7}));
  EXPECT_EQ(now->count, 12);
  EXPECT_EQ(now->read_at, read);  // its age is still that of its full read
  EXPECT_EQ(list->ids, (std::vector<int64_t>{9, 7, 4, 2}));  // a kept list never changes
}

TEST(PostingsCache, ACountThatTheNewerPostingsDoNotExplainAsksForAFullRead) {
  const auto list = kept({9, 7, 4}, 3);
  // A report left the search: one fewer, nothing newer.
  EXPECT_EQ(PostingsCache::brought_up_to_date(list, {}, 2, 4), nullptr);
  // One came back under its older id while another was filed: one newer, two more.
  EXPECT_EQ(PostingsCache::brought_up_to_date(list, {12}, 5, 4), nullptr);
  // One was filed while another left: one newer, the same count, not seen here (bounded by
  // the full read at least every kMaxAgeSeconds).
  EXPECT_NE(PostingsCache::brought_up_to_date(list, {12}, 4, 4), nullptr);
}

TEST(PostingsCache, AWholeListOfNewerPostingsIsTheListWhateverTheCount) {
  const auto list = kept({9, 7}, 2, Clock::now() - std::chrono::seconds(50));
  const Clock::time_point before = Clock::now();
  const auto now = PostingsCache::brought_up_to_date(list, {40, 30, 20}, 57, 3);
  ASSERT_NE(now, nullptr);
  EXPECT_EQ(now->ids, (std::vector<int64_t>{40, 30, 20}));
  EXPECT_EQ(now->count, 57);
  EXPECT_GE(now->read_at, before);  // as good as a full read
}

TEST(PostingsCache, AListOlderThanItsAgeIsNotFound) {
  PostingsCache cache;
  cache.keep("jalan", kept({3}, 1));
  cache.keep("lubang",
             kept({3}, 1, Clock::now() - std::chrono::seconds(PostingsCache::kMaxAgeSeconds + 1)));
  EXPECT_NE(cache.find("jalan"), nullptr);
  EXPECT_EQ(cache.find("lubang"), nullptr);
  EXPECT_EQ(cache.find("banjir"), nullptr);
}

TEST(PostingsCache, TheLeastRecentlyUsedListGoesPastTheLimit) {
  PostingsCache cache;
  for (size_t i = 0; i < PostingsCache::kMaxTerms; ++i) cache.keep(std::to_string(i), kept({1}, 1));
  ASSERT_NE(cache.find("0"), nullptr);  // used again: now the most recent
  cache.keep("new", kept({1}, 1));
  EXPECT_NE(cache.find("0"), nullptr);
  EXPECT_EQ(cache.find("1"), nullptr);  // the least recently used went
  EXPECT_NE(cache.find("2"), nullptr);
  EXPECT_NE(cache.find("new"), nullptr);
}

TEST(PostingsCache, EachStoreHasItsOwn) {
  PostingsCache& a = PostingsCache::of("/tmp/a.db");
  EXPECT_EQ(&a, &PostingsCache::of("/tmp/a.db"));
  EXPECT_NE(&a, &PostingsCache::of("postgresql://:5432/aduan"));
}

}  // namespace
}  // namespace aduan
