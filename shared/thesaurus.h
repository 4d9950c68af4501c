// Which words of Indonesian mean the same thing, from a published thesaurus, so that two people
// telling one problem in their own words ("padam" and "mati", "jebol" and "rusak", "bolong"
// and "lubang") are matched without a hand-written list for every pair. The text comes from
// outside the core (the server embeds the Tesaurus Bahasa Indonesia of Debian's mythes-id
// package, docs/architecture.md); the core only reads it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace aduan {

class Thesaurus {
 public:
  Thesaurus() = default;

  // From the text of a MyThes thesaurus, the format LibreOffice reads: a first line naming the
  // encoding, then each entry as a line "word|number of senses" followed by one line per sense,
  // "[part of speech]|synonym|synonym|...". Words of several words and antonyms ("[ant]") are
  // left out; every word is reduced to its matching term (shared/similarity.h) so that an entry
  // meets the words of reports in the form the matcher compares them. A headword and each of
  // its synonyms are linked both ways; two synonyms of the same headword are not (a thesaurus
  // groups loosely: "rusak" lists both "patah" and "busuk").
  static Thesaurus from_mythes(std::string_view text);

  // The term's number in this thesaurus, or kUnknown.
  int32_t id(const std::string& term) const;
  // Whether two terms, by their numbers, are listed as synonyms of each other.
  bool linked(int32_t a, int32_t b) const;

  size_t size() const { return links_.size(); }
  size_t pairs() const;

  static constexpr int32_t kUnknown = -1;

 private:
  int32_t intern(const std::string& term);

  std::unordered_map<std::string, int32_t> ids_;
  std::vector<std::vector<int32_t>> links_;  // by id, sorted
};

}  // namespace aduan
