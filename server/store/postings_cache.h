// The newest postings of the terms the search for similar reports follows, kept between
// requests by each server (store/similar_reports.cpp). A common term's list is the newest
// kPostingsPerTerm reports that hold it, and reading it in full costs PostgreSQL a scan of
// that many index entries on every request: most of a request's time there at a million
// reports. Kept, a list is brought up to date with the postings newer than its newest, which
// are the reports committed since (report ids follow the order of commits on both engines),
// in one short read.
//
// A list is used only when the term's count (term_counts, read in the request's snapshot
// anyway for its weight) equals the kept count plus the newer postings. A report that left
// the search (finished, archived, made confidential) or came back to it (made public again)
// changes the count without a newer posting, and the list is read again in full. What the
// count cannot see is bounded by reading every list in full at least every kMaxAgeSeconds:
// a report leaving while another comes back under its older id between two reads, and a
// request whose snapshot is older than the kept list's (it began before another request
// brought the list up to date) while a report was filed and another left. Such a request
// misses a report that has just left and ranks a new one it cannot see, which it skips. A
// report that left is never offered either way, since every candidate's row is read in the
// request's snapshot and checked before it is scored.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace aduan {

class PostingsCache {
 public:
  // A term's newest postings, newest first, as read in one snapshot where the term had
  // `count` postings in all.
  struct List {
    std::vector<int64_t> ids;
    int64_t count = 0;
    std::chrono::steady_clock::time_point read_at;
  };

  static constexpr int kMaxAgeSeconds = 60;
  // Terms kept, the least recently used dropped beyond it: at most 512 lists of a few
  // thousand ids, some 8 MB.
  static constexpr size_t kMaxTerms = 512;

  // The cache of the store at `location` (Db::location): one per store, tests run several
  // stores in one process.
  static PostingsCache& of(const std::string& location);

  // A kept list of at most `most` postings with the postings newer than its newest (newest
  // first, at most `most` of them), the term now having `count`: what a full read would give,
  // or null when the kept list cannot tell it. `kept` itself when nothing is newer.
  static std::shared_ptr<const List> brought_up_to_date(const std::shared_ptr<const List>& kept,
                                                        std::vector<int64_t> newer, int64_t count,
                                                        size_t most);

  // The kept list of `term` if it is young enough to be brought up to date, else null.
  std::shared_ptr<const List> find(const std::string& term);
  void keep(const std::string& term, std::shared_ptr<const List> list);

 private:
  struct Entry {
    std::shared_ptr<const List> list;
    uint64_t used = 0;
  };
  std::mutex mutex_;
  std::map<std::string, Entry> lists_;
  uint64_t uses_ = 0;
};

}  // namespace aduan
