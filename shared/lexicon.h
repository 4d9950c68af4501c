// Internal: the Indonesian word lists behind the matching of reports (similarity.cpp). Data
// only; where each list comes from is said beside it in lexicon.cpp.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace aduan::internal {

// Calls f with each word of `line`, its words separated by single spaces.
template <typename F>
void each_word(std::string_view line, F f) {
  for (size_t from = 0; from <= line.size();) {
    size_t space = line.find(' ', from);
    if (space == std::string_view::npos) space = line.size();
    f(line.substr(from, space - from));
    from = space + 1;
  }
}

// A list of entries as lexicon.cpp and regional_words.cpp write them: a line each, a word,
// one space and what it stands for.
using WordPair = std::pair<std::string_view, std::string_view>;
std::vector<WordPair> entries_of(std::string_view list);

// Words of the regional languages with the Indonesian word each means ("aeng air", Madurese;
// "jeglongan lubang", Javanese), as a list of entries (shared/regional_words.cpp).
std::string_view regional_words();

// The Indonesian word a regional word means, or empty. Asked of a word as typed only, where
// it is no name (shared/terms.cpp): the affix rules are Indonesian's, and would make a key
// of an Indonesian word's stem ("pelita" is no pe- + "lita").
std::string_view regional_word(std::string_view w);

// The word a spelling, an abbreviation, a regional word or a synonym stands for; one or two
// words separated by a space ("bangjo" -> "lampu lintas"), or `w` itself when none is known.
// Asked of the word as typed and again of its stem.
std::string_view canonical_word(std::string_view w);

// Words the lists below map other words to ("dukcapil", "saluran", "mati") and the short
// names of agencies: ordinary words of reports, never a place's name.
bool is_lexicon_word(std::string_view w);

// The short names of agencies, which the affix rules must leave whole ("dishub" is no
// di- + "shub").
bool is_agency_word(std::string_view w);

// Words that say nothing about which problem a report is about.
bool is_stopword(std::string_view w);

// Words a negation turns into another term: "tidak menyala", "gak jalan" -> "mati";
// "tidak bisa diakses" -> "down". Empty when the word has no such reading.
std::string_view negated_word(std::string_view w);

// Words that open a place's name in any case: "jl", "gang", "desa", "kec", "perum"...
// (the canonical forms: "jalan", "gang", "desa", "kecamatan", "perumahan").
bool is_place_marker(std::string_view w);
// Words after "sampai" that say how far or how long ("lutut", "skrg" unified, "jam"), and units
// of a length or an amount after a number ("cm", "rb").
bool says_how_far(std::string_view w);
bool is_measure(std::string_view w);

// Terms that say what is wrong ("mati", "bocor", "pungut", "lambat").
bool is_problem_word(std::string_view term);

// The kind of fault a problem term tells, the same number for the words of one kind
// ("tumpuk" and "angkut": rubbish not collected); 0 for a term that is no problem word.
int fault_kind(std::string_view term);

// The kind of thing a term names that a report is about ("lampu": lights; "saluran": drains;
// "dagang": street vendors), the same number for the words of one kind; 0 for any other term.
// Places ("pasar", "sekolah") are no subjects: a report names them to say where.
int subject_kind(std::string_view term);

// Place markers that name only the kind of address ("desa", "kecamatan", "rt", "blok"): not
// the subject of a problem, so not matched.
bool is_address_word(std::string_view w);

// The ranks and honorifics before a street's namesake ("jenderal", "kapten", "haji"), which
// people write or leave out.
bool is_name_title(std::string_view w);

// Ranks, honorifics and first names written short before a name ("jend", "kol", "hj", "moh").
bool is_name_abbreviation(std::string_view w);

// Prepositions and conjunctions a title in Title Case leaves in small letters ("untuk").
bool is_title_small_word(std::string_view w);

// Ordinary words of reports: what follows a place marker and is one of these ("jalan rusak",
// "desa kami") is not a name, and a region named like one ("Selesai", "Tanggul") is not
// taken for a place when it stands alone.
bool is_common_word(std::string_view w);

}  // namespace aduan::internal
