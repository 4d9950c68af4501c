#include "store/report_search.h"

#include <algorithm>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "shared/similarity.h"
#include "shared/tracking_id.h"
#include "shared/validation.h"
#include "store/dialect.h"
#include "store/prepared.h"
#include "store/report_repository.h"
#include "store/search_blocks.h"
#include "store/term_postings.h"

namespace aduan {
namespace {

constexpr size_t kMostTermsSearched = 8;
// Reports read and indexed at a time by index_missing: more than a block of PostgreSQL's
// (search_blocks) holds.
constexpr size_t kIndexedAtOnce = 512;
// How many reports a start must index before it merges the index's segments into one.
constexpr int64_t kMergeAfter = 10000;

// The digest of the core's matching terms this binary was built with (server/CMakeLists.txt).
constexpr const char* kMatcherDigest =
#include "matcher_digest.inc"
    ;

// The agency's term: a digit first and the word after. The core keeps such a word of a text
// as it is (a word with a digit has no affixes to take off), so a text's own words of this
// shape are dropped (words_of): a report written "0agency6" held by agency 5 would otherwise
// be counted, and on PostgreSQL found twice, for agency 6's admin.
constexpr std::string_view kAgencyTermPrefix = "0agency";

std::string agency_term(int64_t agency_id) {
  return std::string(kAgencyTermPrefix) + std::to_string(agency_id);
}

// The matching terms of a text, those of an agency's shape left out.
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> terms = matching_terms(text);
  std::erase_if(terms, [](const std::string& t) { return t.starts_with(kAgencyTermPrefix); });
  return terms;
}

std::string text_of(const ReportRecord& r) {
  return r.title + "\n" + r.body + "\n" + r.location.text;
}

// What a report's entry holds: its words' terms, and its agency's term while one holds it.
std::vector<std::string> terms_of(const ReportRecord& r, std::optional<int64_t> agency) {
  std::vector<std::string> terms = words_of(text_of(r));
  if (agency) terms.push_back(agency_term(*agency));
  return terms;
}

// The terms a report's FTS5 entry was made of. One made before a text's words of an agency's
// shape were left out (cf86917) holds them too, and a contentless FTS5 table forgets an entry
// only when told the very terms it was made of: such an entry is told by holding the first of
// those words that is not its agency's own term.
std::vector<std::string> fts5_terms_of(Db& db, const ReportRecord& r) {
  std::vector<std::string> terms = terms_of(r, r.agency_id);
  std::vector<std::string> all = matching_terms(text_of(r));
  const auto shaped = std::find_if(all.begin(), all.end(), [&](const std::string& t) {
    return t.starts_with(kAgencyTermPrefix) && !(r.agency_id && t == agency_term(*r.agency_id));
  });
  if (shaped == all.end()) return terms;
  Prepared held(db, "SELECT count(*) FROM report_search WHERE report_search MATCH ? AND rowid = ?");
  held.bind(1, '"' + *shaped + '"');
  held.bind(2, r.id);
  if (!held.executeStep() || held.getColumn(0).getInt64() == 0) return terms;
  if (r.agency_id) all.push_back(agency_term(*r.agency_id));
  return all;
}

std::string document_of(const std::vector<std::string>& terms) {
  std::string out;
  for (const std::string& t : terms) out += (out.empty() ? "" : " ") + t;
  return out;
}

// A report's entry row; on PostgreSQL its blocks are the caller's to write.
void insert_entry_row(Db& db, int64_t id, const std::vector<std::string>& terms) {
  Prepared q(db, "INSERT INTO report_search(rowid, terms) VALUES(?, ?)");
  q.bind(1, id);
  q.bind(2, document_of(terms));
  q.send();
}

void insert_entry(Db& db, int64_t id, const std::vector<std::string>& terms) {
  insert_entry_row(db, id, terms);
  if (db.engine() != Engine::kSqlite) search_blocks::add(db, terms, id);
}

// The words as FTS5 reads them: every term, whole, and one of the agencies' terms when there
// are any. Terms are letters and digits only (the core splits on everything else), so quoting
// them leaves no FTS5 syntax in what staff typed.
std::string fts5_query(const WordsQuery& words) {
  std::string match;
  for (const std::string& term : words.terms) match += (match.empty() ? "\"" : " \"") + term + '"';
  if (words.agencies.empty()) return match;
  std::string any;
  for (int64_t id : words.agencies) any += (any.empty() ? "" : " OR ") + agency_term(id);
  return match + " AND (" + any + ")";
}

// The agencies' terms of a search within agencies.
std::vector<std::string> agency_terms(const WordsQuery& words) {
  std::vector<std::string> out;
  for (int64_t id : words.agencies) out.push_back(agency_term(id));
  return out;
}

// Both term indexes built again when the word lists changed since they were built: the
// search's, emptied here and filled by index_existing; the matcher's, emptied and filled by
// SimilarReports::index_existing in a transaction of its own, so that a start stopped between
// the two leaves its old postings whole. A contentless index can only remove an entry given
// the very terms it was made of, so an entry made by other word lists could not be moved.
void forget_terms_of_other_word_lists(Db& db) {
  const std::string built = query_string(db, "SELECT matcher FROM search_index_version");
  if (built == kMatcherDigest) return;
  if (db.engine() == Engine::kSqlite) {
    db.exec("INSERT INTO report_search(report_search) VALUES('delete-all')");
  } else {
    db.exec(dialect::empty_table(db, "report_search"));
    db.exec(dialect::empty_table(db, "report_search_blocks"));
  }
  db.exec("UPDATE tally_settings SET terms_indexed = 0");
  Prepared q(db, "UPDATE search_index_version SET matcher = ?");
  q.bind(1, std::string(kMatcherDigest));
  q.exec();
}

bool looks_like_phone(std::string_view typed) {
  size_t digits = 0;
  for (char c : typed) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c != '+' && c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
      return false;
    }
  }
  return digits >= 8;
}

}  // namespace

QueueSearch ReportSearch::parse(std::string_view typed) {
  while (!typed.empty() && typed.front() == ' ') typed.remove_prefix(1);
  while (!typed.empty() && typed.back() == ' ') typed.remove_suffix(1);
  if (typed.empty()) return {};
  // A tracking ID when it reads as one and has a digit, a dash, or the three groups of three
  // it is read out in ("svq pxe bhm"): a nine-letter word such as "kerusakan" could pass the
  // check character by chance, and one ID in fourteen has no digit.
  const bool grouped = typed.size() == 11 && typed[3] == ' ' && typed[7] == ' ';
  const bool id_like = grouped || std::any_of(typed.begin(), typed.end(), [](char c) {
                         return (c >= '0' && c <= '9') || c == '-';
                       });
  if (const ParsedTrackingId id = parse_tracking_id(typed); id.ok() && id_like) {
    return {QueueSearch::Kind::kTrackingId, id.canonical};
  }
  if (typed.find('@') != std::string_view::npos && typed.find(' ') == std::string_view::npos) {
    return {QueueSearch::Kind::kEmail, std::string(typed)};
  }
  if (looks_like_phone(typed)) return {QueueSearch::Kind::kPhone, normalize_phone(typed)};
  // Every term must be there, whole: a prefix ("lamp"*) makes FTS5 merge the postings of
  // every term that starts so before it can give the first match, 0.2 s for a common one
  // at a million reports, while whole terms are read in order and stop at a page.
  std::vector<std::string> terms;
  for (std::string& term : words_of(typed)) {
    if (terms.size() == kMostTermsSearched) break;
    if (std::find(terms.begin(), terms.end(), term) == terms.end())
      terms.push_back(std::move(term));
  }
  if (terms.empty()) return {QueueSearch::Kind::kNothing, ""};
  return {QueueSearch::Kind::kWords, "", std::move(terms)};
}

void ReportSearch::add(Db& db, const ReportRecord& r) {
  insert_entry(db, r.id, terms_of(r, r.agency_id));
}

void ReportSearch::moved(Db& db, const ReportRecord& before, std::optional<int64_t> agency_now) {
  if (before.agency_id == agency_now) return;
  if (db.engine() == Engine::kSqlite) {
    // A contentless FTS5 table forgets an entry only when told the terms it was made of.
    Prepared remove(
        db, "INSERT INTO report_search(report_search, rowid, terms) VALUES('delete', ?, ?)");
    remove.bind(1, before.id);
    remove.bind(2, document_of(fts5_terms_of(db, before)));
    remove.exec();
    insert_entry(db, before.id, terms_of(before, agency_now));
    return;
  }
  // Only the agency's bit moves; the entry's terms follow it.
  if (before.agency_id) search_blocks::remove(db, agency_term(*before.agency_id), before.id);
  if (agency_now) search_blocks::add(db, {agency_term(*agency_now)}, before.id);
  Prepared entry(db, "UPDATE report_search SET terms = ? WHERE rowid = ?");
  entry.bind(1, document_of(terms_of(before, agency_now)));
  entry.bind(2, before.id);
  entry.exec();
}

WordsMatch ReportSearch::match(const Db& db, const WordsQuery& words) {
  // parse gives a search by words only with a term; without one neither form is valid SQL.
  if (words.terms.empty()) throw std::invalid_argument("a search by words without a term");
  if (db.engine() != Engine::kSqlite) return search_blocks::match(words.terms, agency_terms(words));
  return {"report_search ", {}, "report_search MATCH ?", {fts5_query(words)}};
}

int64_t ReportSearch::count(Db& db, const WordsQuery& words, int64_t limit) {
  if (words.terms.empty()) throw std::invalid_argument("a search by words without a term");
  if (db.engine() != Engine::kSqlite) {
    return search_blocks::count(db, words.terms, agency_terms(words), limit);
  }
  Prepared q(db,
             "SELECT count(*) FROM (SELECT 1 FROM report_search WHERE report_search MATCH ? "
             "LIMIT " +
                 std::to_string(limit + 1) + ") AS matches");
  q.bind(1, fts5_query(words));
  q.executeStep();
  return q.getColumn(0).getInt64();
}

int64_t ReportSearch::index_existing(Db& db) {
  Transaction tx(db);
  forget_terms_of_other_word_lists(db);
  const int64_t done = index_missing(db);
  tx.commit();
  return done;
}

int64_t ReportSearch::index_missing(Db& db) {
  // The newest indexed report: FTS5 reads its rowids in order, so this stops at the first.
  int64_t last = query_int64(
      db, "SELECT coalesce((SELECT rowid FROM report_search ORDER BY rowid DESC LIMIT 1), 0)");
  int64_t done = 0;
  // A narrow read (the words and the agency only) in id order, a batch at a time: PostgreSQL
  // hands over a statement's whole result at once.
  while (true) {
    std::vector<ReportRecord> batch;
    {
      Prepared texts(db,
                     "SELECT id, title, body, location_text, agency_id FROM reports WHERE id > ? "
                     "ORDER BY id LIMIT " +
                         std::to_string(kIndexedAtOnce));
      texts.bind(1, last);
      while (texts.executeStep()) {
        ReportRecord r;
        r.id = texts.getColumn(0).getInt64();
        r.title = texts.getColumn(1).getString();
        r.body = texts.getColumn(2).getString();
        r.location.text = texts.getColumn(3).getString();
        if (!texts.getColumn(4).isNull()) r.agency_id = texts.getColumn(4).getInt64();
        batch.push_back(std::move(r));
      }
    }
    if (batch.empty()) break;
    // On PostgreSQL a batch's blocks are written once, and a batch ends where a block does
    // (the reports of the last block read wait for the next batch, unless they are the last
    // of all), so that each (term, block) row is written once in all. Updated report by report,
    // every row of a common term took a new version at each report, none of which could be
    // cleared before the load's one transaction ended: at a million reports (`aduan seed`)
    // the blocks took 737 MB and their index 1,116 MB, and a search of two words read six
    // times the pages it reads in a compact index.
    if (db.engine() != Engine::kSqlite && batch.size() == kIndexedAtOnce) {
      const int64_t open_block = search_blocks::block_of(batch.back().id);
      // More than a block's ids were read, so some of the batch stays.
      while (search_blocks::block_of(batch.back().id) == open_block) batch.pop_back();
    }
    TermRows blocks;
    for (const ReportRecord& r : batch) {
      const std::vector<std::string> terms = terms_of(r, r.agency_id);
      if (db.engine() == Engine::kSqlite) {
        insert_entry(db, r.id, terms);
        continue;
      }
      insert_entry_row(db, r.id, terms);
      const TermRows rows = term_rows(terms, r.id);
      blocks.insert(blocks.end(), rows.begin(), rows.end());
    }
    if (!blocks.empty()) search_blocks::add_rows(db, blocks);
    last = batch.back().id;
    done += static_cast<int64_t>(batch.size());
  }
  // A bulk fill leaves the index in several segments, and every term of a search is then
  // looked up in each; merged into one, an agency admin's searches at a million reports ran
  // 908 a second instead of 668 (docs/benchmarks.md). New reports later add small segments
  // that FTS5 merges by itself.
  if (done >= kMergeAfter && db.engine() == Engine::kSqlite) {
    db.exec("INSERT INTO report_search(report_search) VALUES ('optimize')");
  }
  return done;
}

}  // namespace aduan
