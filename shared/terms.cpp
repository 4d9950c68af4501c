#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>

#include "shared/lexicon.h"
#include "shared/similarity.h"
#include "shared/term_reader.h"

namespace aduan {
namespace {

using internal::canonical_word;
using internal::is_address_word;
using internal::is_name_abbreviation;
using internal::is_number;
using internal::is_place_marker;
using internal::is_stopword;
using internal::is_title_small_word;
using internal::is_vowel;
using internal::negated_word;
using internal::Step;
using internal::Token;

// Words the affix rules would cut wrongly ("sekolah" is not seko + -lah).
constexpr std::string_view kWhole[] = {
    "sekolah",   "masalah", "sejarah", "kelas",      "sekitar",  "pemuda",
    "perempuan", "selatan", "kemarau", "terowongan", "terminal", "pedestrian",
    "aplikasi",  "menara",  "senang",  "kenang",     "mengkudu"};

bool ends_with(std::string_view w, std::string_view tail) {
  return w.size() >= tail.size() && w.substr(w.size() - tail.size()) == tail;
}

// Removes `tail` when at least `keep` characters remain.
bool strip_suffix(std::string& w, std::string_view tail, size_t keep = 4) {
  if (!ends_with(w, tail) || w.size() - tail.size() < keep) return false;
  w.resize(w.size() - tail.size());
  return true;
}

// One round of prefix removal with the sound changes of meN- and peN-: the nasal replaces
// the stem's first consonant (menulis < tulis, memukul < pukul, menyapu < sapu).
bool strip_prefix(std::string& w) {
  auto rest = [&](size_t n) { return w.size() > n ? w.substr(n) : std::string(); };
  auto take = [&](size_t n, std::string_view restore = "") {
    std::string stem = std::string(restore) + rest(n);
    if (stem.size() < 4) return false;
    w = stem;
    return true;
  };
  for (std::string_view nasal : {"me", "pe"}) {
    if (w.rfind(nasal, 0) != 0) continue;
    const std::string after = rest(2);
    if (after.rfind("ng", 0) == 0) return take(4);
    if (after.rfind("ny", 0) == 0) return take(4, "s");
    if (after.rfind("m", 0) == 0)
      return after.size() > 1 && is_vowel(after[1]) ? take(3, "p") : take(3);
    if (after.rfind("n", 0) == 0)
      return after.size() > 1 && is_vowel(after[1]) ? take(3, "t") : take(3);
    if (after.empty() || after.size() < 2) return false;
    // per- before a consonant (perbaikan); otherwise me- and pe- only before l, r, w, y
    // and a vowel (melapor, merusak, pelayanan), which keeps "merdeka" whole.
    if (nasal == "pe" && after[0] == 'r' && !is_vowel(after[1])) return take(3);
    const bool liquid = after[0] == 'l' || after[0] == 'r' || after[0] == 'w' || after[0] == 'y';
    return liquid && is_vowel(after[1]) ? take(2) : false;
  }
  for (std::string_view p : {"ber", "ter"}) {
    if (w.rfind(p, 0) == 0) return take(3);
  }
  for (std::string_view p : {"di", "ke", "se"}) {
    if (w.rfind(p, 0) == 0) return take(2);
  }
  return false;
}
}  // namespace

std::string reduce_affixes(std::string_view word) {
  std::string w(word);
  if (std::find(std::begin(kWhole), std::end(kWhole), word) != std::end(kWhole) ||
      internal::is_agency_word(word))
    return w;
  if (w.size() <= 4 || std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return w;
  for (std::string_view particle : {"lah", "kah", "tah", "pun"}) {
    if (strip_suffix(w, particle)) break;
  }
  // -nyo: the possessive of Palembang and Jambi (Betawi's -nye is left: "kampanye").
  for (std::string_view possessive : {"nya", "nyo", "ku", "mu"}) {
    if (strip_suffix(w, possessive)) break;
  }
  // The Betawi and chat -in of "dibenerin", "dimintain", "ngebersihin" (-kan, -i).
  if (w.size() >= 7 && ends_with(w, "in") && (w.rfind("di", 0) == 0 || w.rfind("nge", 0) == 0))
    w.resize(w.size() - 2);
  if (w.rfind("nge", 0) == 0 && w.size() >= 7) w.erase(0, 3);
  // -kan after a consonant (laporkan); after a vowel the k is the stem's and only -an goes
  // (kerusakan < rusak, perbaikan < baik).
  const bool kan = ends_with(w, "kan") && w.size() > 3 && !is_vowel(w[w.size() - 4]);
  if (!(kan && strip_suffix(w, "kan")) && !strip_suffix(w, "an")) {
    // -i, but not the last vowel of a word like "pantai" or "sungai".
    if (w.size() > 2 && w.back() == 'i' && !is_vowel(w[w.size() - 2])) strip_suffix(w, "i");
  }
  for (int round = 0; round < 2 && strip_prefix(w); ++round) {
  }
  return w;
}

namespace {

// Letter runs of three or more ("lamaaa", "rusakkk") are one letter typed long; a word
// written twice as "anak2" is the word; numbers lose their leading zeros (RT 04 is RT 4).
std::string squeeze(std::string_view word) {
  std::string out;
  for (size_t i = 0; i < word.size();) {
    size_t run = 1;
    while (i + run < word.size() && word[i + run] == word[i]) ++run;
    out.append(run >= 3 ? 1 : run, word[i]);
    i += run;
  }
  if (is_number(out)) return out.substr(std::min(out.find_first_not_of('0'), out.size() - 1));
  if (out.size() > 3 && out.back() == '2' && !is_number(out.substr(out.size() - 2, 1)))
    out.pop_back();
  return out;
}

bool is_time_unit(std::string_view w) {
  return w == "hari" || w == "minggu" || w == "bulan" || w == "tahun" || w == "jam" || w == "menit";
}
// A line written in Title Case ("Lampu Jalan Di Depan Pasar Mati") says nothing of its names by
// its capitals: a form's title is often written so, and every one of its words would be taken
// for a place. In such a line only the markers and the region list tell names. A line is in
// Title Case when it has three words of four letters or more, besides the first of a sentence,
// and nine in ten of them or more begin with a capital (acronyms aside: "RSUD", "PDAM" are
// written so in any line; so are the prepositions and conjunctions a title leaves small,
// "untuk", "dari", and the second half of "Alun-alun"); "Simpang Pettarani–Hertasning macet"
// and "Banjir di Griya Asri" are not.
void forget_title_case(std::vector<Token>& tokens, size_t from, size_t to) {
  size_t words = 0, capitals = 0;
  for (size_t i = from; i < to; ++i) {
    const Token& t = tokens[i];
    if (t.word.size() < 4 || is_number(t.word) || (t.capital && t.all_caps) || t.sentence_start ||
        (!t.capital && is_title_small_word(t.word)) || (i > from && tokens[i - 1].word == t.word))
      continue;
    ++words;
    capitals += t.capital;
  }
  if (words < 3 || capitals * 10 < words * 9) return;
  for (size_t i = from; i < to; ++i) {
    if (!tokens[i].all_caps) tokens[i].capital = false;
  }
}

// Whether a word before a full stop is shortened, so that no sentence ends there: an initial
// ("a. yani"), any short word with its capital ("Jl.", "Kel.", "AH.", "Sei.", "Kap."), a
// short word in small letters without a vowel ("jl.", "gg.") or one the lexicon spells out
// ("kel.", "no."), a rank or a first name written short ("Jend.", "Brigjen.", "moh."), and a
// place marker or address word shortened ("Perum.", "Komp.", "Prov."). A number or a short
// word of the language in small letters ("jam 9.", "bau.", "itu.") ends a sentence as any
// word does; so the capital of the next word is the sentence's, not a name's.
bool is_abbreviation(const Token& t) {
  const std::string_view w = t.word;
  if (is_number(w)) return false;
  if (w.size() == 1 || (w.size() <= 3 && t.capital)) return true;
  if (is_name_abbreviation(w)) return true;
  if (is_stopword(w)) return false;
  const std::string_view full = canonical_word(w);
  if (w.size() <= 3) return std::none_of(w.begin(), w.end(), is_vowel) || full != w;
  return full.size() > w.size() && (is_place_marker(full) || is_address_word(full));
}

std::vector<Token> tokens_of(std::string_view text) {
  std::vector<Token> out;
  Token token;
  bool next_starts = true;
  bool next_breaks = false;
  size_t line_from = 0;          // the first token of the current line
  bool thousands_group = false;  // the token follows a number and a dot: "50.000"
  size_t at = 0;                 // where the text is read: flush() looks at what follows a token
  auto flush = [&] {
    if (token.word.empty()) return;
    // "50.000" is fifty thousand, as "50 ribu" and "50rb" say it.
    // Only the last group: "1.000.000" is not "1.000".
    const bool more_groups =
        at + 1 < text.size() && text[at] == '.' && text[at + 1] >= '0' && text[at + 1] <= '9';
    if (thousands_group && !more_groups && token.word == "000") token.word = "ribu";
    // "Rp50.000", "Rp50rb" are amounts, told by their number as "50 ribu" is, and no name for
    // their capital.
    if (token.word.size() > 2 && token.word.compare(0, 2, "rp") == 0 && token.word[2] >= '0' &&
        token.word[2] <= '9') {
      token.word.erase(0, 2);
      token.capital = false;
    }
    // "50rb", "100ribu", "5k": the number, then the thousands as a word of their own; "20an"
    // (some twenty) is the number.
    const size_t digits = token.word.find_first_not_of("0123456789");
    if (digits > 0 && digits != std::string::npos) {
      const std::string_view unit = std::string_view(token.word).substr(digits);
      if (unit == "an") {  // "20an": some twenty, the number
        token.word.resize(digits);
      } else if (unit == "rb" || unit == "ribu" || unit == "rebu" || unit == "k") {
        Token thousands = token;
        thousands.word = "ribu";
        thousands.sentence_start = thousands.after_break = false;
        token.word.resize(digits);
        token.word = squeeze(token.word);
        out.push_back(std::move(token));
        token = std::move(thousands);
      }
    }
    token.word = squeeze(token.word);
    out.push_back(std::move(token));
    token = Token();
  };
  for (; at < text.size(); ++at) {
    unsigned char c = static_cast<unsigned char>(text[at]);
    // Punctuation typed from a phone's keyboard or pasted from a letter: the dashes, quotes,
    // ellipsis and bullets of Unicode's General Punctuation block (U+2000 to U+206F, three
    // bytes from E2 80 80 to E2 81 AF) and the no-break space (C2 A0) separate words as their
    // ASCII forms do ("Pettarani–Hertasning" is two places).
    const auto byte = [&](size_t i) {
      return at + i < text.size() ? static_cast<unsigned char>(text[at + i]) : 0;
    };
    if (c == 0xE2 && byte(1) == 0x80 && byte(2) >= 0x80 && byte(2) <= 0xBF) {
      c = byte(2) == 0xA6 ? '.' : ' ';  // the ellipsis ends a sentence as "..." does
      at += 2;
    } else if (c == 0xE2 && byte(1) == 0x81 && byte(2) >= 0x80 && byte(2) <= 0xAF) {
      at += 2;
      c = ' ';
    } else if (c == 0xC2 && byte(1) == 0xA0) {
      at += 1;
      c = ' ';
    }
    const bool upper = c >= 'A' && c <= 'Z';
    const bool lower = (c >= 'a' && c <= 'z') || c >= 0x80;
    if (upper || lower || (c >= '0' && c <= '9')) {
      if (token.word.empty()) {
        thousands_group =
            at >= 2 && text[at - 1] == '.' && text[at - 2] >= '0' && text[at - 2] <= '9';
        token.capital = upper;
        token.sentence_start = next_starts;
        token.after_break = next_starts || next_breaks;
        next_starts = false;
        next_breaks = false;
      }
      if (lower) token.all_caps = false;
      token.word.push_back(upper ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
    } else {
      flush();  // a hyphen too: "jalan-jalan" gives "jalan" once
      // After an abbreviation's full stop ("Jl.", "No.", "Kec.", "Perum.") no sentence
      // begins; after a word that only stands for another ("dalan." for "jalan", "Jogja.")
      // one does.
      const bool abbreviation = !out.empty() && is_abbreviation(out.back());
      // Nor inside a number: "pukul 10.30", "Rp2.000", "12.05.2026".
      const bool in_number = !out.empty() && is_number(out.back().word) && at + 1 < text.size() &&
                             text[at + 1] >= '0' && text[at + 1] <= '9';
      if ((c == '.' && !abbreviation && !in_number) || c == '!' || c == '?' || c == '\n')
        next_starts = true;
      if (c == '\n') {
        forget_title_case(out, line_from, out.size());
        line_from = out.size();
      }
      if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '/') next_breaks = true;
    }
  }
  flush();
  forget_title_case(out, line_from, out.size());
  return out;
}

// The terms a word gives (one, or two for "bangjo" -> "lampu lintas"), reduced and unified.
void terms_of(std::string_view unified, std::vector<std::string>* out) {
  out->clear();
  internal::each_word(unified, [&](std::string_view word) {
    if (word.empty() || is_stopword(word)) return;
    std::string term(canonical_word(reduce_affixes(word)));
    if (term.find(' ') != std::string::npos) {
      // A stem that stands for two words (rare): keep its first.
      term.resize(term.find(' '));
    }
    if (is_stopword(term)) return;
    if (term.size() < 2 && !is_number(term)) return;
    out->push_back(std::move(term));
  });
}

}  // namespace

namespace internal {

void own_terms(std::string_view word, std::vector<std::string>* out) {
  terms_of(canonical_word(word), out);
}

TermReader::TermReader(std::string_view text) : tokens_(tokens_of(text)) {
  // No word with a small letter (a number has none, and no capital either).
  all_capitals_ =
      std::all_of(tokens_.begin(), tokens_.end(), [](const Token& t) { return t.all_caps; });
}

// Chat writes "sampai" (up to, until) as "smp", which is also a junior high school ("pungli
// smp", "smp 3"). It is "sampai" only where what follows in the same clause says how far or
// how long: a height ("aer smp lutut"), a time ("smp skrg", "smp jam 3"), a number and its
// unit ("naik smp 50 cm", "smp 2 hari"), a way ("smp ke jalan", "smp tgh jalan"). Anything
// else, nothing after it included, leaves the school.
bool TermReader::smp_is_sampai(size_t i) const {
  auto said = [&](size_t at) -> std::string_view {  // the word, unless a break comes first
    if (at >= tokens_.size() || tokens_[at].after_break) return {};
    return canonical_word(tokens_[at].word);
  };
  const std::string_view next = said(i + 1);
  if (next.empty()) return false;
  if (is_number(next)) {
    const std::string_view unit = said(i + 2);
    return is_time_unit(unit) || internal::is_measure(unit);
  }
  return internal::says_how_far(next) ||
         internal::says_how_far(canonical_word(reduce_affixes(next)));
}

const Step& TermReader::read(size_t i) {
  const Token& token = tokens_[i];
  step_.unified = canonical_word(token.word);
  step_.marker = false;
  step_.terms.clear();
  const bool after_marker = after_marker_;
  const bool after_short_marker = after_short_marker_;
  after_marker_ = after_short_marker_ = false;
  // A word of a regional language, as typed or with Indonesian's -nya ("aengnya"), unless
  // it may be a name's: with its capital inside a sentence ("Pantai Watu Ulo"), or right
  // after a marker written short, after which an address is certain ("ds krueng", "jl
  // lompo"); after one written whole it is mostly what is wrong ("jalan jeglongan").
  if (step_.unified == token.word && !is_stopword(token.word)) {
    std::string_view indonesian = internal::regional_word(token.word);
    if (indonesian.empty() && token.word.size() >= 6 && token.word.ends_with("nya"))
      indonesian =
          internal::regional_word(std::string_view(token.word).substr(0, token.word.size() - 3));
    const bool capitalised = token.capital && !token.sentence_start && !all_capitals_;
    const bool in_address = after_short_marker && !token.after_break;
    if (!indonesian.empty() && !capitalised && !in_address)
      step_.unified = canonical_word(indonesian);
  }
  // Typed small, or capitalised only because a sentence or the whole text is.
  const bool typed_small = !token.capital || token.sentence_start || all_capitals_;
  if (token.word == "smp" && typed_small && smp_is_sampai(i)) step_.unified = "sampai";
  if (step_.unified == "tidak" || step_.unified == "belum" || step_.unified == "jarang") {
    negated_ = true;
    step_.kind = Step::Kind::kNegation;
    return step_;
  }
  if (after_marker && step_.unified == "negeri") {
    step_.kind = Step::Kind::kSchoolKind;
    return step_;
  }
  if (is_stopword(step_.unified)) {
    step_.kind = Step::Kind::kStopword;
    return step_;
  }
  // The word as typed, or its unified form ("ra kaluar" is "tidak keluar"), but never a
  // street's marker: "tidak ada jl alternatif" says nothing of a dead street.
  std::string_view turned = negated_ ? negated_word(token.word) : "";
  if (negated_ && turned.empty() && !is_place_marker(step_.unified))
    turned = negated_word(step_.unified);
  negated_ = false;
  if (!turned.empty()) {
    step_.terms.assign(1, std::string(turned));
  } else {
    terms_of(step_.unified, &step_.terms);
  }
  if (is_number(step_.unified) && i + 1 < tokens_.size() &&
      is_time_unit(canonical_word(tokens_[i + 1].word))) {
    step_.kind = Step::Kind::kDuration;
    return step_;
  }
  step_.kind = Step::Kind::kTerms;
  step_.marker = is_place_marker(step_.unified);
  after_marker_ = step_.marker;
  // Written short: "jl", "gg", "ds", "kec", not "dalan" or a regional "laleng".
  after_short_marker_ = step_.marker && token.word.size() < step_.unified.size();
  if (step_.marker && is_address_word(step_.unified)) step_.terms.clear();
  return step_;
}

}  // namespace internal

std::vector<std::string> matching_terms(std::string_view text) {
  std::vector<std::string> out;
  internal::TermReader reader(text);
  for (size_t i = 0; i < reader.size(); ++i) {
    const Step& step = reader.read(i);
    if (step.kind != Step::Kind::kTerms) continue;
    for (const std::string& term : step.terms) {
      if (std::find(out.begin(), out.end(), term) == out.end()) out.push_back(term);
    }
  }
  return out;
}

}  // namespace aduan
