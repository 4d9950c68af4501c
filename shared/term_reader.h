// How a text's words become the matcher's terms, one word at a time. Kept apart from the
// reading of names (analyse_text in shared/similarity.cpp), which walks the same steps: the
// terms of a report are the same whether its names are wanted or not, so the search
// postings and the category scorer (matching_terms) agree with the similar-reports query,
// and the browser's core carries no name or place rules it never uses.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace aduan::internal {

// A word as typed, before it is reduced to a term.
struct Token {
  std::string word;             // lower case
  bool capital = false;         // the first letter was upper case
  bool all_caps = true;         // every letter upper case (an acronym: SD, PDAM)
  bool sentence_start = false;  // the word begins a sentence
  bool after_break = false;     // a comma, a bracket or a sentence's end comes before it
};

inline bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

inline bool is_number(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// What one word gives the matcher.
struct Step {
  enum class Kind {
    kTerms,       // the word's terms (none for an address's marker: "jl", "desa")
    kNegation,    // "tidak", "belum": turns the next word ("tidak nyala" -> "mati")
    kStopword,    // says nothing about the report
    kSchoolKind,  // "negeri" right after a school's marker (SD Negeri 3): part of no term
    kDuration,    // the number of "2 minggu": how long, not which problem
  };
  Kind kind = Kind::kTerms;
  std::string_view unified;  // the word with its spelling and abbreviation unified
  bool marker = false;       // a place marker ("jl", "desa", "kec", "sdn")
  std::vector<std::string> terms;
};

// The terms a word gives as it is written, without reading it as a regional word: a known
// place's name keeps its own words ("Tana Toraja" is no "tanah").
void own_terms(std::string_view word, std::vector<std::string>* out);

// Reads the words of one text in order: read(0), read(1) ... read(size() - 1).
class TermReader {
 public:
  explicit TermReader(std::string_view text);

  size_t size() const { return tokens_.size(); }
  const Token& token(size_t i) const { return tokens_[i]; }
  // The step of word i; valid until the next call.
  const Step& read(size_t i);

 private:
  // Whether the word i, "smp", stands for "sampai" rather than a junior high school.
  bool smp_is_sampai(size_t i) const;

  std::vector<Token> tokens_;
  Step step_;
  bool negated_ = false;             // a "tidak" waits for the word it turns
  bool after_marker_ = false;        // the word before was a place marker
  bool after_short_marker_ = false;  // ... written short ("jl", "ds", "gg")
  bool all_capitals_ = false;        // the text is written in capitals
};

}  // namespace aduan::internal
