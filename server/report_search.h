// The staff queue's search: what staff type in the queue's search box, read as a tracking ID,
// a reporter's phone number or e-mail address, or words. Words are looked up in an FTS5
// index of each report's matching terms (shared/similarity.h: spelling variants, chat
// abbreviations, agency nicknames and affixes unified), so that "lampu pju padam" finds
// "Lampu penerangan jalan mati" as the matcher of repeated reports would. FTS5 rather than
// the matcher's own postings (report_terms): those hold only open, published reports, and
// a queue search must reach every report, closed and confidential ones included, and
// intersect several terms over a million reports.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace SQLite {
class Database;
}

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

  // Indexes a report's words; called once, when it is filed.
  static void add(SQLite::Database& db, const ReportRecord& r);

  // Indexes the reports filed after the last one indexed: every report at the first start
  // after the index was added, none after that (each report is indexed as it is filed, and
  // ids only grow). Returns how many.
  static int64_t index_existing(SQLite::Database& db);
};

}  // namespace aduan
