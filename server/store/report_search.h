// The staff queue's search: what staff type in the queue's search box, read as a tracking ID,
// a reporter's phone number or e-mail address, or words. Words are looked up in an index of
// each report's matching terms (shared/similarity.h: spelling variants, chat abbreviations,
// agency nicknames and affixes unified), so that "lampu pju padam" finds "Lampu penerangan
// jalan mati" as the matcher of repeated reports would. Not the matcher's own postings
// (report_terms): those hold only open, published reports, and a queue search must reach every
// report, closed and confidential ones included. Each entry also holds a term for the agency
// that holds the report (migration 0032), so that a search within an agency intersects the
// words' postings with the agency's instead of reading every match in the store.
//
// Each engine's index gives a term's matches newest first, so that a page of a common word
// reads a page of postings: on SQLite an FTS5 table (report_search), on PostgreSQL a B-tree of
// each term's blocks of 256 report ids with the bits of those that hold it
// (store/search_blocks.h, migration 0036), whose intersections the planner merges block by
// block, newest first. PostgreSQL's text search index (GIN) gave its matches as a bitmap of
// every match, in no order: 5.9 ms of PostgreSQL's time to count a common word's first 501 at
// a million reports.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/report_record.h"
#include "store/db.h"

namespace aduan {

struct QueueSearch {
  enum class Kind { kNone, kTrackingId, kPhone, kEmail, kWords, kNothing };
  Kind kind = Kind::kNone;
  // The canonical tracking ID, the phone in +62 form or the e-mail; empty for the others.
  std::string value;
  // kWords: the matching terms of what was typed, each once, at most eight.
  std::vector<std::string> terms;
};

// The reports a search's words match, as a list's statement reads them: `from` is a FROM
// item named report_search whose rowid is the report's id, `where` a condition on it (empty
// when `from` holds it all); each with the values of its parameters, in order. `order` is
// the ORDER BY that reads the matches newest first in the index's own order.
struct WordsMatch {
  std::string from;
  std::vector<std::string> from_values;
  std::string where;
  std::vector<std::string> where_values;
  std::string order = "report_search.rowid DESC";
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

  // How a statement finds the reports that `words` match on this engine: their ids in
  // descending order come from the index alone, however common the words. `words` has at
  // least one term (std::invalid_argument otherwise).
  static WordsMatch match(const Db& db, const WordsQuery& words);

  // How many reports `words` match, from the index alone, counted until more than `limit`:
  // the exact count when it is at most `limit`, otherwise `limit` + 1.
  static int64_t count(Db& db, const WordsQuery& words, int64_t limit);

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
