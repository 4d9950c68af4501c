#include "store/search_blocks.h"

#include <algorithm>
#include <map>
#include <utility>

#include "store/prepared.h"
#include "store/report_search.h"
#include "store/term_postings.h"

namespace aduan::search_blocks {
namespace {

// A block's width: the bits of BIT(256), and the shift from a report's id to its block.
constexpr int64_t kBlockBits = 256;
constexpr int kBlockShift = 8;

int64_t bit_of(int64_t id) { return id & (kBlockBits - 1); }

// One row per term's block, all joined on the first term's block, and the bits of the
// reports that hold them all. The agencies' rows of a block hold disjoint bits (a report has
// one agency at most), so a block joined to several gives each report once. The agencies'
// list is filled up to a power of two with its first term, so that an agency admin's subtree
// of any size adds few statement texts more; each number of terms (at most eight) is a text
// of its own, which the connection keeps.
struct Joined {
  std::string tables;
  std::string conditions;
  std::string bits;
  std::vector<std::string> values;
};

Joined joined(const std::vector<std::string>& terms, const std::vector<std::string>& agencies) {
  Joined j;
  for (size_t i = 0; i < terms.size(); ++i) {
    const std::string p = "p" + std::to_string(i);
    j.tables += (i ? ", " : "") + std::string("report_search_blocks ") + p;
    j.conditions += (i ? " AND " : "") + p + ".term = ?";
    if (i) j.conditions += " AND " + p + ".block = p0.block";
    j.bits += (i ? " & " : "") + p + ".bits";
    j.values.push_back(terms[i]);
  }
  if (!agencies.empty()) {
    size_t listed = 1;
    while (listed < agencies.size()) listed *= 2;
    j.tables += ", report_search_blocks pa";
    j.conditions += " AND pa.term IN (" + placeholders(listed) + ") AND pa.block = p0.block";
    j.bits += " & pa.bits";
    for (size_t i = 0; i < listed; ++i) j.values.push_back(agencies[i < agencies.size() ? i : 0]);
  }
  return j;
}

}  // namespace

int64_t block_of(int64_t id) { return id >> kBlockShift; }

void add(Db& db, const std::vector<std::string>& terms, int64_t id) {
  const TermRows rows = term_rows(terms, id);
  if (!leave_to_group(db, db.group_memo.pending.search, rows)) add_rows(db, rows);
}

void add_rows(Db& db, const TermRows& rows) {
  // Each (term, block) once, its reports' bits together: a statement may not update one row
  // twice, and a block several of the rows share is then updated once.
  std::map<std::pair<std::string, int64_t>, std::string> blocks;
  for (const auto& [term, id] : rows) {
    std::string& bits = blocks.try_emplace({term, block_of(id)}, kBlockBits, '0').first->second;
    bits[static_cast<size_t>(bit_of(id))] = '1';
  }
  if (blocks.empty()) return;
  std::vector<std::string> terms, bits;
  std::vector<int64_t> numbers;
  for (const auto& [key, set] : blocks) {
    terms.push_back(key.first);
    numbers.push_back(key.second);
    bits.push_back(set);
  }
  Prepared q(db,
             "INSERT INTO report_search_blocks (term, block, bits) "
             "SELECT * FROM unnest(?::text[], ?::bigint[], ?::bit(256)[]) "
             "ON CONFLICT (term, block) DO UPDATE SET bits = report_search_blocks.bits | "
             "excluded.bits");
  q.bind(1, text_array(terms));
  q.bind(2, bigint_array(numbers));
  q.bind(3, text_array(bits));
  q.send();
}

void remove(Db& db, const std::string& term, int64_t id) {
  Prepared q(db,
             "UPDATE report_search_blocks SET bits = bits & ~(B'1'::bit(256) >> ?::integer) "
             "WHERE term = ? AND block = ?");
  q.bind(1, bit_of(id));
  q.bind(2, term);
  q.bind(3, block_of(id));
  q.exec();
}

WordsMatch match(const std::vector<std::string>& terms, const std::vector<std::string>& agencies) {
  const Joined j = joined(terms, agencies);
  WordsMatch m;
  // The blocks are merged newest first; only those with a report holding every term are
  // opened, bit by bit from the last, and a page stops at the block where it is full. The
  // bits are ANDed once a block (OFFSET 0 keeps the planner from making the AND again at each
  // of the 256 steps: 1.5 ms instead of 1.0 for a page of two words). The order is (block,
  // rowid): the planner knows the blocks' order, and sorts within a block only. Finding each
  // set bit with regexp_instr instead of testing all 256 was faster for blocks of few
  // reports and three times slower over the bench's words, whose blocks are mostly full.
  m.from = "(SELECT p0.block * 256 + b.pos AS rowid, p0.block AS block FROM " + j.tables +
           ", LATERAL (SELECT pos FROM (SELECT " + j.bits +
           " AS bits OFFSET 0) AS m, generate_series(255, 0, -1) AS pos WHERE get_bit(m.bits, "
           "pos) = 1) AS b WHERE " +
           j.conditions + " AND bit_count(" + j.bits + ") > 0) AS report_search ";
  m.from_values = j.values;
  m.order = "report_search.block DESC, report_search.rowid DESC";
  return m;
}

int64_t count(Db& db, const std::vector<std::string>& terms,
              const std::vector<std::string>& agencies, int64_t limit) {
  const Joined j = joined(terms, agencies);
  // A running sum of the blocks' bits, newest block first, read until it passes the limit
  // or reaches the last block (lead() is null there): a common word stops after a few
  // blocks, and no block is opened into its reports. Run one at a time for 400 searches of
  // the bench's words (two in five of them two words), the counts took 0.4 to 0.7 ms each
  // against 1.0 to 1.3 from the postings of migration 0035; counting the newest 256 blocks
  // first and every block only when those held too few did no better, and a plain sum of
  // every block took twice as long.
  Prepared q(db, "SELECT s FROM (SELECT (sum(bit_count(" + j.bits +
                     ")) OVER newest)::bigint AS s, lead(0) OVER newest IS NULL AS last FROM " +
                     j.tables + " WHERE " + j.conditions +
                     " WINDOW newest AS (ORDER BY p0.block DESC ROWS UNBOUNDED PRECEDING)) AS "
                     "counted WHERE s > ? OR last LIMIT 1");
  int i = 1;
  for (const std::string& value : j.values) q.bind(i++, value);
  q.bind(i, limit);
  if (!q.executeStep()) return 0;  // no block holds them all
  return std::min(q.getColumn(0).getInt64(), limit + 1);
}

}  // namespace aduan::search_blocks
