#include "shared/similarity.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <utility>

#include "shared/lexicon.h"
#include "shared/term_reader.h"
#include "shared/thesaurus.h"

namespace aduan {
namespace {

using internal::canonical_word;
using internal::is_common_word;
using internal::is_number;
using internal::is_place_marker;
using internal::is_stopword;
using internal::is_vowel;
using internal::own_terms;
using internal::Step;
using internal::Token;

// How closely a word with a regional possessive ending matches the word without it, and a
// word as Minangkabau says it the Indonesian one.
constexpr double kPossessiveMatch = 0.9;
constexpr double kRegionalFormMatch = 0.85;

// How much of the score is left when two reports name different faults (chosen on the
// tuning pairs: 0.7 removed six of fifteen false offers there and one true mark).
constexpr double kOtherProblem = 0.7;
// How much of the score is left when two reports are about different things (a street
// light and a drain cover, a bus shelter and the bus): chosen on the seven tuning sets, where
// 0.7 removed 6 false offers for 2 repeats lost, against 3 for 1 at 0.8.
constexpr double kOtherSubject = 0.7;
// How much of the score two reports get from naming the same places and the same kind of
// fault, however differently they tell the rest (chosen on the tuning sets, paraphrase.tsv
// above all: 0.4 took its duplicates found from 31 to 47 of 100 at the same precision, and
// changed nothing on pairs.tsv and registers.tsv).
constexpr double kSamePlaceAndFault = 0.4;
// The weight of the shorter report's coverage in the score, the longer's taking the rest
// (chosen on the eight tuning sets pairwise: 0.6 found 6 more repeats than 0.5 at the same
// false offers; 0.7 found more but made more false offers at every cut-off).
constexpr double kShorterSide = 0.6;

// The edit distance of two words when it is at most `most`, else most + 1. The matcher
// compares every term of a report with every term of a hundred others, so the row lives on
// the stack for words of ordinary length and a row whose every cell exceeds `most` ends the
// work (no later row can hold less).
size_t edit_distance(std::string_view a, std::string_view b, size_t most) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > most) return most + 1;
  constexpr size_t kOnStack = 48;
  std::array<size_t, kOnStack + 1> on_stack;
  std::vector<size_t> on_heap;
  size_t* row = on_stack.data();
  if (b.size() > kOnStack) {
    on_heap.resize(b.size() + 1);
    row = on_heap.data();
  }
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    size_t least = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
      least = std::min(least, row[j]);
    }
    if (least > most) return most + 1;
  }
  return std::min(row[b.size()], most + 1);
}

// Words that end many places' names and tell them apart: the directions (also in Javanese)
// and the epithets of housing estates and roads.
bool is_direction(std::string_view w) {
  static constexpr std::string_view kDirections[] = {"utara",  "selatan", "timur", "barat",
                                                     "tengah", "hilir",   "hulu",  "kidul",
                                                     "lor",    "wetan",   "kulon"};
  return std::find(std::begin(kDirections), std::end(kDirections), w) != std::end(kDirections);
}

bool is_name_qualifier(std::string_view w) {
  static constexpr std::string_view kEpithets[] = {
      "raya",    "indah",  "asri",      "permai", "jaya",    "baru",     "elok",
      "lestari", "makmur", "sejahtera", "mas",    "regency", "residence"};
  return is_direction(w) ||
         std::find(std::begin(kEpithets), std::end(kEpithets), w) != std::end(kEpithets);
}

// Words after which a region's name is a place, not a word of some language that sounds
// like it: Indonesian prepositions and nouns of place, the Javanese, Sundanese and eastern
// Malay "at" and "to", and the governments ("pemkab sidoarjo").
bool is_locative(std::string_view w) {
  static constexpr std::string_view kLocatives[] = {
      "di",   "ke",   "dari", "dr",  "daerah", "wilayah", "kawasan", "sekitar", "seputar", "area",
      "neng", "nang", "ning", "ing", "ka",     "pemkab",  "pemkot",  "pemko",   "pemprov"};
  return std::find(std::begin(kLocatives), std::end(kLocatives), w) != std::end(kLocatives);
}

// Words that say a place is near ("dkt jabiren", "depan pasar"), as typed: their unified
// forms would take in verbs ("nyebrang", to cross, is unified with "seberang").
bool is_nearby(std::string_view w) {
  static constexpr std::string_view kNearby[] = {
      "dekat", "dkt",     "deket",   "dket",     "depan",   "dpn",  "belakang", "blkg",
      "blkng", "samping", "sebelah", "seberang", "sebrang", "sbrg", "ujung"};
  return std::find(std::begin(kNearby), std::end(kNearby), w) != std::end(kNearby);
}

bool contains(const std::vector<std::string>& v, const std::string& t) {
  return std::find(v.begin(), v.end(), t) != v.end();
}

// Whether word `i` may be a name's, right after another word of the same clause: no
// stopword, ordinary word, marker or word of place or nearness, and a number or three
// letters or more ("Jl. Kapten Muslihat", not "Kelurahan Laksamana dekat sekolah").
bool may_be_name(const internal::TermReader& reader, size_t i) {
  if (i >= reader.size() || reader.token(i).after_break) return false;
  const std::string_view w = reader.token(i).word;
  const std::string_view unified = canonical_word(w);
  return (is_number(w) || w.size() >= 3) && !is_stopword(unified) && !is_common_word(w) &&
         !is_common_word(unified) && !is_place_marker(unified) && !is_locative(w) && !is_nearby(w);
}

// Whether a word is shaped like a verb of the language: its prefix one of di-, me-, ter-,
// ber- and what its affixes leave a word of four letters or more ("Dikejutkan": kejut).
// Names of places take the shapes of nouns (Keputih, Kebagusan, Penggilingan, Sawahan) or
// leave a short stem (Terban), and keep their capital as names.
bool is_verb_shaped(std::string_view word, std::string_view term) {
  const bool prefix = word.rfind("di", 0) == 0 || word.rfind("me", 0) == 0 ||
                      word.rfind("ter", 0) == 0 || word.rfind("ber", 0) == 0;
  return prefix && term != word && term.size() >= 4;
}

// The first word of a government body's name (written with its capital: "badan jalan" is
// the carriageway, "rumah dinas" an official's house; "Pemerintah Kabupaten Malang" is the
// regency's government, "Pemerintah" no place).
bool is_agency_head(std::string_view w) {
  return w == "dinas" || w == "badan" || w == "kementerian" || w == "direktorat" || w == "biro" ||
         w == "suku" || w == "pemerintah";
}

}  // namespace

PlaceNames::PlaceNames(const std::vector<std::string>& names, const PlaceNames* wider, Kind kind)
    : wider_(wider), kind_(kind) {
  for (const std::string& n : names) {
    if (n.size() < 4) continue;
    // A place named like an ordinary word (Selesai, Tanggul, a village called Bocor or
    // Pasar, or Sekampung, "the whole kampung") would turn that word into a place wherever a
    // report uses it.
    const bool one_word = n.find(' ') == std::string::npos;
    if (one_word) {
      const std::string term(canonical_word(reduce_affixes(n)));
      if (is_common_word(n) || is_stopword(n) || canonical_word(n) != n ||
          !internal::regional_word(n).empty() || is_place_marker(n) || is_place_marker(term) ||
          is_stopword(term) || internal::is_problem_word(term))
        continue;
    }
    names_.push_back(n);
  }
  std::sort(names_.begin(), names_.end());
  names_.erase(std::unique(names_.begin(), names_.end()), names_.end());
}

size_t PlaceNames::match(const std::vector<std::string_view>& words, size_t i, bool* area) const {
  if (area) *area = kind_ == Kind::kAreas;
  if (!names_.empty() && i < words.size() && begins_a_name(words[i])) {
    // The longest name first: "aluh aluh besar" before "aluh aluh".
    constexpr size_t kMostWords = 4;
    std::string name;
    std::array<std::string, kMostWords> prefixes;
    size_t count = 0;
    for (; count < kMostWords && i + count < words.size(); ++count) {
      if (count > 0) name += ' ';
      name += words[i + count];
      prefixes[count] = name;
    }
    for (size_t n = count; n > 0; --n) {
      if (std::binary_search(names_.begin(), names_.end(), prefixes[n - 1])) return n;
    }
  }
  return wider_ ? wider_->match(words, i, area) : 0;
}

// Whether a name is `word` or begins with it and a space. The sorted names put those right at
// the word's place, a space sorting before every letter and digit: one search tells most words
// of a text, which begin no name, from the rest.
bool PlaceNames::begins_a_name(std::string_view word) const {
  const auto at = std::lower_bound(names_.begin(), names_.end(), word);
  return at != names_.end() && at->starts_with(word) &&
         (at->size() == word.size() || (*at)[word.size()] == ' ');
}

void PlaceNames::contain(const std::vector<std::pair<std::string, std::string>>& name_in_holder) {
  for (const auto& [name, holder] : name_in_holder) {
    for (std::string& t : matching_terms(holder)) {
      if (!is_name_qualifier(t)) holder_terms_.emplace_back(name, std::move(t));
    }
  }
  std::sort(holder_terms_.begin(), holder_terms_.end());
  holder_terms_.erase(std::unique(holder_terms_.begin(), holder_terms_.end()), holder_terms_.end());
}

void PlaceNames::add_holder_terms(std::string_view name, std::vector<std::string>* out) const {
  auto at = std::lower_bound(holder_terms_.begin(), holder_terms_.end(), name,
                             [](const auto& e, std::string_view n) { return e.first < n; });
  for (; at != holder_terms_.end() && at->first == name; ++at) {
    if (std::find(out->begin(), out->end(), at->second) == out->end()) out->push_back(at->second);
  }
  if (wider_) wider_->add_holder_terms(name, out);
}

bool PlaceNames::held(std::string_view name) const {
  const auto at = std::lower_bound(holder_terms_.begin(), holder_terms_.end(), name,
                                   [](const auto& e, std::string_view n) { return e.first < n; });
  if (at != holder_terms_.end() && at->first == name) return true;
  return wider_ && wider_->held(name);
}

void PlaceNames::set_twins(std::vector<std::string> names) {
  twins_ = std::move(names);
  std::sort(twins_.begin(), twins_.end());
}

bool PlaceNames::twin(std::string_view name) const {
  if (std::binary_search(twins_.begin(), twins_.end(), name)) return true;
  return wider_ && wider_->twin(name);
}

ReportTerms analyse_text(std::string_view text) { return analyse_text(text, PlaceNames()); }

ReportTerms analyse_text(std::string_view text, const PlaceNames& places,
                         const Thesaurus* dictionary) {
  ReportTerms out;
  auto add = [](std::vector<std::string>& to, const std::string& t) {
    if (std::find(to.begin(), to.end(), t) == to.end()) to.push_back(t);
  };
  internal::TermReader reader(text);
  std::vector<std::string_view> words;
  words.reserve(reader.size());
  for (size_t i = 0; i < reader.size(); ++i) words.push_back(reader.token(i).word);
  int name_words = 0;        // words after a place marker that may be its name
  bool area_marker = false;  // that marker is a regency's, a city's or a district's
  bool previous_was_name = false;
  size_t known_place = 0;       // words left of a place from the region list
  bool known_area = false;      // that place is an administrative area
  bool known_district = false;  // that area lies in a wider one
  bool known_twin = false;      // a city and a regency share its name
  bool known_certain = false;   // it is written as a place (ReportTerms::certain_areas)
  bool previous_locative = false;
  bool previous_nearby = false;  // "dekat", "depan" ...: what follows is where
  bool agency_name = false;      // the words so far are an agency's name
  bool government = false;       // that agency is a government ("Pemerintah Desa ...")
  bool short_marker = false;     // the address's marker is written short ("jl", "ds")
  // The governments named just before: "kota", "pemkab", or both ("pemkab dan pemkot").
  constexpr int kCity = 1, kRegency = 2;
  int level = 0;
  for (size_t i = 0; i < reader.size(); ++i) {
    const Token& token = reader.token(i);
    const Step& step = reader.read(i);
    const std::string_view unified = step.unified;
    const std::vector<std::string>& terms = step.terms;
    const bool after_locative = previous_locative;
    previous_locative = is_locative(token.word);
    const bool after_nearby = previous_nearby;
    previous_nearby = is_nearby(token.word);
    // The capitalised words after "Dinas" or "Badan" are the agency's name ("Dinas Kesehatan",
    // "Badan Pertanahan Nasional"), not a place's; "dan" goes on ("Dinas Pekerjaan Umum dan
    // Penataan Ruang"); an abbreviated marker ends it ("Badan Pertanahan Jl. Veteran").
    const bool agency_head = token.capital && is_agency_head(token.word);
    const bool in_agency_name = agency_name && token.capital && !token.after_break &&
                                !(step.marker && unified != token.word);
    agency_name =
        agency_head || in_agency_name || (agency_name && !token.after_break && token.word == "dan");
    government = agency_name && (government || (agency_head && token.word == "pemerintah"));
    // A government's name ends at its marker: what follows is the place it governs
    // ("Pemerintah Desa Karang Anyar", "Pemerintah Provinsi DKI Jakarta").
    const bool government_marker = government && step.marker && !agency_head;
    if (government_marker) agency_name = government = false;
    // A comma or a sentence's end closes an address: "Jl. Pemuda, Semarang Tengah" is a
    // street, then a district.
    if (token.after_break) {
      name_words = 0;
      level = 0;
    }
    if (known_place == 0) {
      known_place = places.match(words, i, &known_area);
      if (known_place > 0) {
        std::string name(words[i]);
        for (size_t k = 1; k < known_place; ++k) name.append(" ").append(words[i + k]);
        places.add_holder_terms(name, &out.within);
        known_district = places.held(name);
        known_twin = places.twin(name);
      }
      // Decided once for the whole name: a region's name after a street's marker is the
      // street's ("Jl. Bekasi Raya"), after an area's marker or none it is the area.
      known_area = known_place > 0 && known_area && (name_words == 0 || area_marker);
      // (Or right after another name: "jl ahmad yani sidoarjo", "mranggen demak".)
      known_certain = (token.capital && !token.sentence_start) || after_locative ||
                      (name_words > 0 && area_marker) || previous_was_name;
    }
    const bool in_known_place = known_place > 0;
    const bool area = in_known_place && known_area;
    if (known_place > 0) --known_place;
    const bool follows_name = previous_was_name;
    previous_was_name = false;
    switch (step.kind) {
      case Step::Kind::kNegation:
      case Step::Kind::kStopword:
        name_words = 0;
        // "Pemkab dan Pemkot Kediri": both governments name the one after.
        if (token.word != "dan" && token.word != "serta") level = 0;
        continue;
      case Step::Kind::kSchoolKind:  // "SD Negeri 3": the school's kind does not end its name
        previous_was_name = follows_name;
        continue;
      case Step::Kind::kDuration:
        continue;
      case Step::Kind::kTerms:
        break;
    }
    const bool marker = step.marker;
    // A name: a region's, one after a place marker in any case, or a word with a capital
    // inside a sentence.
    const bool abbreviation = unified != token.word;
    const bool in_address = name_words > 0;  // a marker's words go on
    // A namesake's rank inside an address, right before a word that may be the name, in the
    // same clause ("Jl. Kapten Muslihat", "jalan jenderal sudirman"): not a name, and the name
    // goes on after it. Not before an ordinary word, a marker or a stopword ("Kelurahan
    // Laksamana dekat sekolah", "Jl. Gubernur Kecamatan ..."), and "haji" only with its
    // capital or after a marker written short ("jl haji nawi"): "desa haji" may be the
    // village's Hajj.
    if (in_address && !marker && !in_known_place && internal::is_name_title(unified) &&
        (unified != "haji" || token.capital || short_marker) && may_be_name(reader, i + 1)) {
      for (const std::string& term : terms) {
        add(out.terms, term);
        add(out.ranks, term);
      }
      previous_was_name = follows_name;
      continue;
    }
    bool name = in_known_place;
    if (!marker && name_words > 0) {
      const bool ordinary = is_common_word(token.word) || is_common_word(unified) ||
                            (!terms.empty() && is_common_word(terms[0]));
      if (is_number(token.word) || (!ordinary && token.word.size() >= 3)) {
        name = true;
        --name_words;
      } else {
        name_words = 0;
      }
    }
    // A direction or an epithet right after a name is part of it: Jl. Lingkar Timur is not
    // Jl. Lingkar Barat, Perum Bumi Indah not Perum Bumi Asri. An epithet that is an
    // ordinary word too counts only with its capital ("Jl. Kenanga Baru", not "jl kenanga
    // baru diaspal"); a direction always does.
    if (follows_name && is_name_qualifier(unified)) {
      if (in_address && unified != "baru" && unified != "mas") {
        for (const std::string& term : terms) add(out.after_names, term);
      }
      if (is_direction(unified) || token.capital || !is_common_word(unified)) name = true;
    }
    if (token.capital && !token.all_caps && !token.sentence_start && !abbreviation && !marker &&
        !in_agency_name && !agency_head && !internal::is_lexicon_word(unified) &&
        !(terms.size() == 1 && internal::is_lexicon_word(terms[0])) &&
        !(dictionary && !after_locative && !after_nearby && terms.size() == 1 &&
          is_verb_shaped(unified, terms[0]) && dictionary->id(terms[0]) != Thesaurus::kUnknown))
      name = true;
    // After an abbreviated marker ("jl", "gg", "kec", "perum") the address is certain and may
    // take two words ("jl gajah mada"); after a whole word ("jalan rusak") one, if any.
    // Inside an agency's name only an area's marker starts an address ("Dinas Lingkungan
    // Hidup Kota Manado": the Lingkungan is no neighbourhood, the Kota is the city), and
    // any marker inside a government's ("Pemerintah Desa Sukamaju").
    if (marker) {
      area_marker = unified == "kabupaten" || unified == "kota" || unified == "kecamatan" ||
                    unified == "provinsi";
      name_words = in_agency_name && !area_marker && !government_marker ? 0 : abbreviation ? 2 : 1;
      short_marker = abbreviation;
    }
    previous_was_name = name && !marker;
    // A known place's words as written, wherever the name stands: read as a regional word
    // at a sentence's start and not inside it, "Tana Toraja" would be two places. Its terms
    // stay the steps' own, as the search postings have them (matching_terms).
    std::vector<std::string> own;
    if (in_known_place && unified != canonical_word(token.word)) own_terms(token.word, &own);
    for (const std::string& term : terms) add(out.terms, term);
    for (const std::string& term : own.empty() ? terms : own) {
      if (after_locative || after_nearby || (in_address && name)) add(out.placed, term);
      if (name) add(out.names, term);
      if (name && area) add(out.areas, term);
      if (name && area && known_certain) add(out.certain_areas, term);
      if (name && area && known_certain && known_district) add(out.districts, term);
      if (name && area && known_twin && (level & kCity)) add(out.as_city, term);
      if (name && area && known_twin && (level & kRegency)) add(out.as_regency, term);
    }
    // A government named holds for the area's name right after it.
    if (unified == "kota" || token.word == "pemkot" || token.word == "pemko") {
      level |= kCity;
    } else if (unified == "kabupaten" || token.word == "pemkab") {
      level |= kRegency;
    } else if (!(name && area)) {
      level = 0;
    }
  }
  // A text all in capitals: every term a name (or a rank).
  if (std::all_of(out.terms.begin(), out.terms.end(), [&](const std::string& t) {
        return contains(out.names, t) || contains(out.ranks, t);
      })) {
    out.names.clear();
    out.areas.clear();
    out.certain_areas.clear();
    out.within.clear();
    out.districts.clear();
    out.as_city.clear();
    out.as_regency.clear();
    out.after_names.clear();
    out.placed.clear();
    out.ranks.clear();
  }
  return out;
}

namespace {

bool has_digit(std::string_view w) {
  return std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A chat abbreviation that keeps a word's consonants in order and drops its vowels ("rsk"
// rusak, "bnjr" banjir, "jmbtn" jembatan): at least three consonants, no vowel, and the
// whole skeleton of the longer word.
bool is_skeleton_of(std::string_view abbreviation, std::string_view word) {
  if (abbreviation.size() < 3 || abbreviation.size() >= word.size()) return false;
  if (std::any_of(abbreviation.begin(), abbreviation.end(), is_vowel)) return false;
  std::string skeleton;
  for (char c : word) {
    if (!is_vowel(c)) skeleton.push_back(c);
  }
  return skeleton == abbreviation;
}

// Dice's coefficient of the words' letter trigrams, each word padded with one boundary mark
// on either side: spelling variants that move more letters than an edit tolerance allows
// ("kebersihan" and "kbersihan", "puskesmas" and "puskesmasnya" after a missed affix) keep
// most of their trigrams.
double trigram_overlap(std::string_view a, std::string_view b) {
  // Each trigram packed into one number: three bytes, sorted, so that counting the shared
  // ones is a merge. Kept on the stack for words of ordinary length (a word of n letters has
  // n trigrams with its two boundary marks).
  constexpr size_t kOnStack = 48;
  struct Trigrams {
    std::array<uint32_t, kOnStack> on_stack;
    std::vector<uint32_t> on_heap;
    uint32_t* begin = nullptr;
    size_t size = 0;
  };
  auto trigrams = [](std::string_view w, Trigrams& out) {
    out.size = w.size();
    out.begin = out.on_stack.data();
    if (out.size > kOnStack) {
      out.on_heap.resize(out.size);
      out.begin = out.on_heap.data();
    }
    auto at = [&](size_t i) -> uint32_t {  // the letter at i of "^" + w + "$"
      return i == 0 ? '^' : i == w.size() + 1 ? '$' : static_cast<unsigned char>(w[i - 1]);
    };
    for (size_t i = 0; i < out.size; ++i) out.begin[i] = at(i) << 16 | at(i + 1) << 8 | at(i + 2);
    std::sort(out.begin, out.begin + out.size);
  };
  Trigrams x, y;
  trigrams(a, x);
  trigrams(b, y);
  size_t shared = 0;
  for (size_t i = 0, j = 0; i < x.size && j < y.size;) {
    if (x.begin[i] == y.begin[j]) {
      ++shared, ++i, ++j;
    } else if (x.begin[i] < y.begin[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return 2.0 * static_cast<double>(shared) / static_cast<double>(x.size + y.size);
}

// Whether `minang` is `word` as Minangkabau says it: the regular sound changes of a word's
// last syllable (-ur and -ul as -ua, -ir and -il as -ia, -ut and -up as -uik, -us as -uih,
// -it and -ip as -ik, -is as -ih, -at and -ap as -ek, -ap as -ok, -as as -eh) on the same
// stem ("tutup" and "tutuik", "lambat" and "lambek", "lahir" and "lahia"). Its final -o for
// -a and its a for the schwa are left out: with them, ordinary words met by chance (sewa and
// sawo, capek and cepat, calo and cela).
bool is_minang_form(std::string_view minang, std::string_view word) {
  struct Change {
    std::string_view minang, word;
  };
  static constexpr Change kChanges[] = {
      {"ua", "ur"},  {"ua", "ul"},  {"ia", "ir"}, {"ia", "il"}, {"uik", "ut"},
      {"uik", "up"}, {"uih", "us"}, {"ik", "it"}, {"ik", "ip"}, {"ih", "is"},
      {"ek", "at"},  {"ek", "ap"},  {"ok", "ap"}, {"eh", "as"},
  };
  auto ends = [](std::string_view w, std::string_view tail) {
    return w.size() > tail.size() && w.substr(w.size() - tail.size()) == tail;
  };
  // Most pairs of words are told by their last letters alone: every Minangkabau ending above
  // ends in a, k or h, and every ending it stands for in r, l, t, p or s.
  if (minang.empty() || word.empty() ||
      std::string_view("akh").find(minang.back()) == std::string_view::npos ||
      std::string_view("rltps").find(word.back()) == std::string_view::npos)
    return false;
  for (const Change& c : kChanges) {
    if (!ends(minang, c.minang) || !ends(word, c.word)) continue;
    const std::string_view x = minang.substr(0, minang.size() - c.minang.size());
    const std::string_view y = word.substr(0, word.size() - c.word.size());
    if (x == y && x.size() >= 3) return true;
  }
  return false;
}

}  // namespace

double term_match(std::string_view a, std::string_view b) {
  if (a == b) return 1.0;
  // Numbers must match exactly: RT 3 is not RT 8, SDN 1 is not SDN 11.
  if (has_digit(a) || has_digit(b)) return 0;
  if (is_skeleton_of(a, b) || is_skeleton_of(b, a)) return kMinTermMatch;
  const size_t shortest = std::min(a.size(), b.size());
  const size_t longest = std::max(a.size(), b.size());
  // Short words must match exactly (rt and rw, ktp and kk).
  if (shortest < 4) return 0;
  // A word with the possessive of Javanese (-e after a consonant, -ne after a vowel) or
  // Sundanese (-na after a consonant) that the affix rules leave on: "gurune" and "guru",
  // "omahe" and "omah", "aspalna" and "aspal"; not "sarana" and "sara", "celana" and "cela".
  {
    const std::string_view shorter = a.size() < b.size() ? a : b;
    const std::string_view longer = a.size() < b.size() ? b : a;
    const std::string_view tail = longer.substr(shorter.size());
    const bool vowel_end = is_vowel(shorter.back());
    if (longer.substr(0, shorter.size()) == shorter &&
        ((tail == "e" && !vowel_end) || (tail == "ne" && vowel_end) ||
         (tail == "na" && !vowel_end)))
      return kPossessiveMatch;
  }
  double score = 0;
  if (longest - shortest <= 2) {
    // At most a quarter of the letters edited: anything more scores under kMinTermMatch.
    const size_t most = longest / 4;
    const size_t distance = edit_distance(a, b, most);
    if (distance <= most)
      score = 1.0 - static_cast<double>(distance) / static_cast<double>(longest);
  }
  if (score < kMinTermMatch && shortest >= 6) score = std::max(score, trigram_overlap(a, b));
  if (score < kRegionalFormMatch && longest - shortest <= 1 &&
      (is_minang_form(a, b) || is_minang_form(b, a)))
    score = kRegionalFormMatch;
  return score >= kMinTermMatch ? score : 0;
}

namespace {

// How much of `of` is found in `by` (coverage), with the terms' thesaurus numbers beside
// them (of_ids, by_ids; read only when there is a thesaurus).
double covered(const std::vector<std::string>& of, const std::vector<int32_t>& of_ids,
               const std::vector<std::string>& by, const std::vector<int32_t>& by_ids,
               const TermWeight& weight, const TermLink& link, const Thesaurus* thesaurus) {
  double matched = 0;
  double total = 0;
  for (size_t i = 0; i < of.size(); ++i) {
    const std::string& t = of[i];
    const double w = weight(t);
    double best = 0;
    for (size_t j = 0; j < by.size(); ++j) {
      const std::string& u = by[j];
      best = std::max(best, term_match(t, u));
      if (best == 1.0) break;
      if (link && best < kMaxLinkStrength) best = std::max(best, link(t, u));
      if (thesaurus && best < kSynonymMatch && thesaurus->linked(of_ids[i], by_ids[j]))
        best = kSynonymMatch;
    }
    matched += w * best;
    total += w;
  }
  return total > 0 ? matched / total : 0;
}

}  // namespace

namespace {

// Whether two names begin alike, as a slip of one letter leaves them: a wrong first letter
// makes another name (Kartika and Sartika, Bojong and Pojong), but f, p and v are one sound
// to many speakers (Fatmawati, Patmawati) and the old spelling's "dj" is "j" (Djuanda).
bool same_initial(std::string_view a, std::string_view b) {
  auto initial = [](std::string_view w) {
    if (w.substr(0, 2) == "dj") return 'j';
    return w[0] == 'f' || w[0] == 'v' ? 'p' : w[0];
  };
  return initial(a) == initial(b);
}

// Whether `name` is two words of `by` in a row written as one, as chat writes a place of
// two words ("tanjungmas" for Tanjung Mas), the letter where they meet written once
// ("teukumar" for Teuku Umar); each word of `shortest` letters or more.
bool joined_in(const std::string& name, const std::vector<std::string>& by, size_t shortest) {
  if (name.size() < 6 || has_digit(name)) return false;
  for (size_t j = 0; j + 1 < by.size(); ++j) {
    const std::string& first = by[j];
    const std::string& second = by[j + 1];
    if (first.size() < shortest || second.size() < shortest || name.rfind(first, 0) != 0) continue;
    const std::string_view rest = std::string_view(name).substr(first.size());
    if (rest == second || (first.back() == second.front() && rest == second.substr(1))) return true;
  }
  return false;
}

// How much of the names `of` the words `by` hold, each name whole, with one letter typed
// differently when long (a name is no word whose trigrams can be near: Bojong is not
// Cibojong), or as two of `by`'s words joined; or as two of the other report's names
// (`by_names`) joined with a short first word ("bypass" for By Pass): of its other words,
// "ka bandung" (Sundanese: to Bandung) is no Kabandungan.
double covered_names(const std::vector<std::string>& of, const std::vector<std::string>& by,
                     const std::vector<std::string>& by_names, const TermWeight& weight) {
  double matched = 0;
  double total = 0;
  for (const std::string& t : of) {
    const double w = weight(t);
    total += w;
    const bool found = std::any_of(by.begin(), by.end(), [&](const std::string& u) {
      return t == u || (t.size() >= 6 && u.size() >= 6 && !has_digit(t) && !has_digit(u) &&
                        same_initial(t, u) && edit_distance(t, u, 1) <= 1);
    });
    if (found || joined_in(t, by, 3) || joined_in(t, by_names, 2)) matched += w;
  }
  return total > 0 ? matched / total : 0;
}

}  // namespace

double coverage(const std::vector<std::string>& of, const std::vector<std::string>& by,
                const TermWeight& weight, const TermLink& link) {
  return covered(of, {}, by, {}, weight, link, nullptr);
}

namespace {

// The terms of `from` that `keep` accepts, in order.
template <typename Keep>
std::vector<std::string> those_of(const std::vector<std::string>& from, Keep keep) {
  std::vector<std::string> out;
  for (const std::string& t : from) {
    if (keep(t)) out.push_back(t);
  }
  return out;
}

// `first`, then those of `then` not in it.
std::vector<std::string> joined(const std::vector<std::string>& first,
                                const std::vector<std::string>& then) {
  std::vector<std::string> out = first;
  for (const std::string& t : then) {
    if (!contains(out, t)) out.push_back(t);
  }
  return out;
}

bool any_in(const std::vector<std::string>& some, const std::vector<std::string>& other) {
  return std::any_of(some.begin(), some.end(),
                     [&](const std::string& t) { return contains(other, t); });
}

// What a report says about its problem: its terms other than the names and ranks.
std::vector<std::string> topic(const ReportTerms& r) {
  return those_of(r.terms, [&](const std::string& t) {
    return !contains(r.names, t) && !contains(r.ranks, t);
  });
}

// The kinds (of fault, of subject) that terms name, each once.
std::vector<int> kinds_of(const std::vector<std::string>& terms, int (*kind_of)(std::string_view)) {
  std::vector<int> out;
  for (const std::string& t : terms) {
    const int kind = kind_of(t);
    if (kind != 0 && std::find(out.begin(), out.end(), kind) == out.end()) out.push_back(kind);
  }
  return out;
}

bool share_a_kind(const std::vector<int>& a, const std::vector<int>& b) {
  return std::any_of(a.begin(), a.end(),
                     [&](int kind) { return std::find(b.begin(), b.end(), kind) != b.end(); });
}

std::vector<int32_t> ids_of(const std::vector<std::string>& terms, const Thesaurus* thesaurus) {
  std::vector<int32_t> out;
  out.reserve(terms.size());
  for (const std::string& t : terms)
    out.push_back(thesaurus ? thesaurus->id(t) : Thesaurus::kUnknown);
  return out;
}

// How well two reports that both name places agree on them, in [0, 1]: each side's places
// as the other tells them, named or not (a place one report writes with its marker and
// capitals, "Jl. Hertasning", another may give in passing, "perempatan hertasning"), the
// better covered side of the two. Places finer than an area decide when both reports give
// some, two streets of one town being two places whatever town both name; and they are
// looked for among the other's words other than its areas (the station of Bekasi is not every
// place in the regency of Bekasi).
double place_agreement(const ComparedReport& a, const ComparedReport& b, const TermWeight& weight) {
  if (!a.finer.empty() && !b.finer.empty()) {
    return std::max(covered_names(a.finer, b.places_told, b.report.names, weight),
                    covered_names(b.finer, a.places_told, a.report.names, weight));
  }
  return std::max(covered_names(a.report.names, b.told, b.report.names, weight),
                  covered_names(b.report.names, a.told, a.report.names, weight));
}

// Whether what two reports name sets them at different places, whatever else they share:
// - names told apart by their last word (Jl. Lingkar Timur and Jl. Lingkar Barat, Perum
//   Bumi Indah and Perum Bumi Asri), none of one side's found in the other;
// - each names its town or district as a place (ReportTerms::certain_areas) and none of the
//   other's (one village name is found in many districts: Bandungrejo of Mranggen and of
//   Karanganyar), or, naming one regency, each its own district of it and not the other's
//   (Mranggen and Karangawen of Demak);
// - one names a city and the other the regency of the same name (Kota and Kabupaten Bogor);
// - numbers among the names, a school's, a neighbourhood's (RT 4) or a house's, none the
//   same (SDN 1 and SDN 4 of one town).
bool named_apart(const ComparedReport& a, const ComparedReport& b) {
  const ReportTerms& x = a.report;
  const ReportTerms& y = b.report;
  // A side without a certain qualifier offers the words that follow its names in lower
  // case ("perum bumi indah" against "Perumahan Bumi Asri"); one certain side is needed
  // ("jl kenanga baru diaspal" against "jl kenanga raya" is no evidence either way).
  if (!a.qualifiers.empty() || !b.qualifiers.empty()) {
    const std::vector<std::string>& p = a.qualifiers.empty() ? a.loose_qualifiers : a.qualifiers;
    const std::vector<std::string>& q = b.qualifiers.empty() ? b.loose_qualifiers : b.qualifiers;
    if (!p.empty() && !q.empty() && !any_in(p, y.terms) && !any_in(q, x.terms)) return true;
  }
  if (!a.finest_areas.empty() && !b.finest_areas.empty() && !any_in(a.finest_areas, b.told) &&
      !any_in(b.finest_areas, a.told))
    return true;
  if (!x.certain_areas.empty() && !y.certain_areas.empty() && !any_in(x.certain_areas, b.told) &&
      !any_in(y.certain_areas, a.told))
    return true;
  // A city and the regency of the same name (Kota and Kabupaten Bogor), each report naming
  // one of them only.
  auto city_and_regency = [](const ReportTerms& city, const ReportTerms& regency) {
    return std::any_of(city.as_city.begin(), city.as_city.end(), [&](const std::string& t) {
      return contains(regency.as_regency, t) && !contains(city.as_regency, t) &&
             !contains(regency.as_city, t);
    });
  };
  if (city_and_regency(x, y) || city_and_regency(y, x)) return true;
  return !a.numbers.empty() && !b.numbers.empty() && !any_in(a.numbers, b.numbers);
}

}  // namespace

ComparedReport::ComparedReport(ReportTerms r, const Thesaurus* thesaurus)
    : report(std::move(r)),
      term_ids(ids_of(report.terms, thesaurus)),
      topic(aduan::topic(report)),
      topic_ids(ids_of(topic, thesaurus)),
      fault_terms(those_of(report.terms, internal::is_problem_word)),
      faults(kinds_of(report.terms, internal::fault_kind)),
      subjects(kinds_of(topic, internal::subject_kind)),
      finer(
          those_of(report.names, [&](const std::string& n) { return !contains(report.areas, n); })),
      told(joined(report.terms, report.within)),
      // A district is fine enough that a place named after it is there: "puskesmas
      // tuminting" is in the district of Tuminting, while the station of Bekasi is not every
      // place of the regency (nor that of Sidoarjo, a district named like its regency).
      places_told(those_of(report.terms,
                           [&](const std::string& t) {
                             return !contains(report.areas, t) ||
                                    (contains(report.districts, t) && !contains(report.within, t));
                           })),
      finest_areas(those_of(report.districts,
                            [&](const std::string& t) { return !contains(report.within, t); })),
      // (The areas' own are their names': Semarang Tengah, Bekasi Timur.)
      qualifiers(those_of(report.names,
                          [&](const std::string& n) {
                            return is_name_qualifier(n) && !contains(report.areas, n);
                          })),
      loose_qualifiers(those_of(report.after_names,
                                [&](const std::string& n) { return !contains(report.areas, n); })),
      numbers(those_of(report.names, [](const std::string& n) {
        return !n.empty() && n[0] >= '0' && n[0] <= '9';
      })) {}

double report_similarity(const ComparedReport& a, const ComparedReport& b, const TermWeight& weight,
                         const TermLink& link, const Thesaurus* thesaurus) {
  if (named_apart(a, b)) return 0;
  auto cover = [&](const std::vector<std::string>& of, const std::vector<int32_t>& of_ids,
                   const ComparedReport& by) {
    return covered(of, of_ids, by.report.terms, by.term_ids, weight, link, thesaurus);
  };
  double score = 0;
  if (a.topic.empty() || b.topic.empty()) {
    score = std::max(cover(a.report.terms, a.term_ids, b), cover(b.report.terms, b.term_ids, a));
  } else {
    // The shorter side's share counts more: a short report says little, and how much of it
    // the long one holds tells more than how much of the long one it holds.
    // (Of the same length, each counts half, so that the score does not depend on the order.)
    const double of_a = cover(a.topic, a.topic_ids, b), of_b = cover(b.topic, b.topic_ids, a);
    const size_t na = a.topic.size(), nb = b.topic.size();
    const double share = na == nb ? 0.5 : kShorterSide;
    score = na < nb ? share * of_a + (1 - share) * of_b : share * of_b + (1 - share) * of_a;
  }
  // What each says is wrong: the same kind of fault, another one, or one of them does not say.
  const bool both_say = !a.faults.empty() && !b.faults.empty();
  const bool one_fault = both_say && share_a_kind(a.faults, b.faults);
  // What each is about: both name it and none of it is the same.
  const bool other_subject =
      !a.subjects.empty() && !b.subjects.empty() && !share_a_kind(a.subjects, b.subjects);
  // The same named place with the same fault is evidence of its own: two people telling one
  // problem in their own words share few other words ("lampu PJU padam di Jl. Kenanga", "jln
  // kenanga gelap gulita tiap malem"). The same fault word, or a fault of one kind said of
  // one kind of thing: "sampah menumpuk" and "sampah tidak diangkut" (on the tuning sets, the
  // fault's kind alone made 9 more false offers for 6 more repeats found; with the thing's
  // kind too it made none for 5). And about the same thing: "pompa mati" and "lampu mati" at
  // one underpass, or a cable and a drain cover "hilang" on one road, are two problems.
  const bool same_thing = share_a_kind(a.subjects, b.subjects);
  const double place_evidence =
      (any_in(a.fault_terms, b.fault_terms) || (one_fault && same_thing)) && !other_subject
          ? kSamePlaceAndFault
          : 0;
  const bool a_names = !a.report.names.empty(), b_names = !b.report.names.empty();
  if (a_names && b_names) {
    score = place_agreement(a, b, weight) * (place_evidence + (1 - place_evidence) * score);
  } else if (a_names != b_names && place_evidence > 0) {
    // One report names its places and the other names none, but says where, after a word
    // of place or nearness ("parkir liar di Pantai Talise", "di talise baru taruh motor";
    // ReportTerms::placed): the evidence holds as far as those words hold the named side's
    // finest places, numbers left out ("di 4 titik" is not RT 04). Nothing is taken away
    // when they do not: a report need not say where.
    const ComparedReport& named = a_names ? a : b;
    const ComparedReport& other = a_names ? b : a;
    const std::vector<std::string> places =
        those_of(named.finer.empty() ? named.report.names : named.finer,
                 [](const std::string& n) { return !is_number(n); });
    double told = covered_names(places, other.report.placed, {}, weight);
    // A chat message often starts with its place, no word of place before it ("melati
    // banjir lg"): its words count wherever they stand once it uses one of the place's words
    // whose stem the thesaurus does not list, a name's own word ("sudirman", "melati"), not
    // an ordinary one ("kapan merdeka" tells no Jalan Merdeka) nor a direction or an epithet
    // ("timur", "indah"). Without a thesaurus nothing tells them apart.
    if (thesaurus != nullptr && told < 1 &&
        std::any_of(places.begin(), places.end(), [&](const std::string& p) {
          return !is_name_qualifier(p) && thesaurus->id(p) == Thesaurus::kUnknown &&
                 contains(other.report.terms, p);
        })) {
      told = std::max(told, covered_names(places, other.report.terms, {}, weight));
    }
    score = std::max(score, told * (place_evidence + (1 - place_evidence) * score));
  }
  // Both say what is wrong, and none of it is the same: another problem (at the same place,
  // usually, or the score would be low already). Weakened, not ruled out: a paraphrase can
  // name the same fault in other words ("sampah menumpuk", "tidak diangkut").
  if (both_say && !one_fault) score *= kOtherProblem;
  if (other_subject) score *= kOtherSubject;
  return score;
}

double report_similarity(const ReportTerms& a, const ReportTerms& b, const TermWeight& weight,
                         const TermLink& link, const Thesaurus* thesaurus) {
  return report_similarity(ComparedReport(a, thesaurus), ComparedReport(b, thesaurus), weight, link,
                           thesaurus);
}

std::vector<std::pair<std::string, std::string>> terms_to_link(const ReportTerms& original,
                                                               const ReportTerms& duplicate,
                                                               const TermWeight& weight) {
  // The side's problem terms that nothing of the other side matches, rarest first.
  auto unmatched = [&](const ReportTerms& r, const ReportTerms& other) {
    std::vector<std::string> out;
    for (const std::string& t : topic(r)) {
      if (is_number(t)) continue;
      const bool matched = std::any_of(other.terms.begin(), other.terms.end(),
                                       [&](const std::string& u) { return term_match(t, u) > 0; });
      if (!matched) out.push_back(t);
    }
    std::stable_sort(out.begin(), out.end(), [&](const std::string& x, const std::string& y) {
      return weight(x) > weight(y);
    });
    if (out.size() > kMaxLinkTerms) out.resize(kMaxLinkTerms);
    return out;
  };
  const std::vector<std::string> from = unmatched(original, duplicate);
  const std::vector<std::string> to = unmatched(duplicate, original);
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& x : from) {
    for (const std::string& y : to) out.push_back(x < y ? std::pair(x, y) : std::pair(y, x));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double link_strength(int64_t marks) {
  if (marks <= 0) return 0;
  const double m = static_cast<double>(marks);
  return kMaxLinkStrength * m / (m + kLinkHalfMarks);
}

}  // namespace aduan
