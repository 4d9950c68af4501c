// The staff queue's search: what staff type in the queue's search box, read as a tracking ID,
// a reporter's phone number or e-mail address, or words. Words are looked up in an FTS5
// index of each report's matching terms (shared/similarity.h: spelling variants, chat
// abbreviations, agency nicknames and affixes unified), so that "lampu pju padam" finds
// "Lampu penerangan jalan mati" as the matcher of repeated reports would. FTS5 rather than
// the matcher's own postings (report_terms): those hold only open, published reports, and
// a queue search must reach every report, closed and confidential ones included, and
// intersect several terms over a million reports. Each entry also holds a term for the agency
// that holds the report (migration 0032), so that a search within an agency intersects the
// words' postings with the agency's instead of reading every match in the store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/db.h"

namespace aduan {

struct ReportRecord;

struct QueueSearch {
  enum class Kind { kNone, kTrackingId, kPhone, kEmail, kWords, kNothing };
  Kind kind = Kind::kNone;
  // The canonical tracking ID, the phone in +62 form, the e-mail, or the FTS5 MATCH
  // expression of the words; empty for kNone and kNothing (typed, but no term to look for).
  std::string value;
};

class ReportSearch {
 public:
  // Reads what was typed in the search box.
  static QueueSearch parse(std::string_view typed);

  // Indexes a report's words and the agency that holds it; called once, when it is filed.
  static void add(Db& db, const ReportRecord& r);

  // Moves a report's entry to the agency it is held by now, when that changed (`before` is
  // the report as it was indexed: same words, its agency then).
  static void moved(Db& db, const ReportRecord& before, std::optional<int64_t> agency_now);

  // The MATCH expression of words narrowed to reports held by one of the agencies.
  static std::string within_agencies(const std::string& words,
                                     const std::vector<int64_t>& agencies);

  // Brings the index up to date at start-up: builds it (and the matcher's report_terms) again
  // when the core's matching terms changed since they were built (a binary with other word
  // lists), then indexes the reports filed after the last one indexed. Returns how many
  // reports it indexed.
  static int64_t index_existing(Db& db);
  // Indexes the reports after the last one indexed, in the caller's transaction (start-up
  // above, and `aduan copy-store`, which makes a copy's index from its reports).
  static int64_t index_missing(Db& db);
};

}  // namespace aduan
