// Whether two reports are about the same thing: the words of each reduced to what carries
// their substance in Indonesian (case, spelling variants, stopwords, affixes), then compared
// so that word order and small typing differences do not matter. The server keeps the
// search index; this is the part every side must agree on.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aduan {

class Thesaurus;  // shared/thesaurus.h

// The distinct matching terms of a text, in the order first seen: lower case, common
// spelling variants, chat abbreviations, agency nicknames, regional words and synonyms of
// public services unified ("tdk" -> "tidak", "jln" -> "jalan", "capil" -> "dukcapil",
// "bangjo" -> "lampu lintas"; shared/lexicon.cpp), a negated word read as what it means
// ("gak nyala" -> "mati"), stopwords dropped, reduplication and letter runs collapsed,
// numbers without leading zeros, and each word reduced by the common affixes (me-, di-, ber-,
// ter-, pe-, ke-, se-, -kan, -an, -i, -nya, -lah, the chat -in ...).
std::vector<std::string> matching_terms(std::string_view text);

// The matching terms of a text and, among them, its names: the words after a place marker
// in any case ("jl veteran", "Desa Cibeureum", "kec. waru", "SDN 3", "RT 04"), the places of
// the region list (PlaceNames) and words written with a capital inside a sentence. Two
// reports that both name places and share none of them are about different places.
struct ReportTerms {
  std::vector<std::string> terms;
  std::vector<std::string> names;
  // Among the names, those of administrative areas (a province, regency or district of the
  // region list, PlaceNames::Kind::kAreas): coarser than a street, a village or a school, so
  // that two reports on different streets of one town are not taken for one place.
  std::vector<std::string> areas;
  // Among the areas, those written as places: with a capital inside a sentence, after an
  // area's marker ("kec. waru"), after a word of place ("di", "ke", "dari", "daerah",
  // "neng", "pemkab" ...) or right after another name ("jl ahmad yani sidoarjo"). A region's
  // name met bare in lower case may be an ordinary word of some language ("karo" in
  // Javanese, "kresek" a plastic bag): it is still told and matched, but does not set two
  // reports apart on its own.
  std::vector<std::string> certain_areas;
  // The terms of the regencies and districts that hold the known places it names
  // (PlaceNames::contain): "sidoarjo" for a report that names Tanggulangin, so that it is not
  // taken for another town than one naming Sidoarjo.
  std::vector<std::string> within;
  // Among the certain areas, those that lie in a wider one (PlaceNames::held): districts, of
  // which two in one regency are two places though both reports name the regency.
  std::vector<std::string> districts;
  // The areas named as a city's ("Kota Bogor", "Pemkot Kediri") and as a regency's
  // ("Kabupaten Bogor", "pemkab kediri"), for the names a city and a regency share
  // (PlaceNames::twin): two governments with their own offices and roads.
  std::vector<std::string> as_city;
  std::vector<std::string> as_regency;
  // Directions and epithets right after a name inside an address, with or without a capital
  // ("perum bumi indah", "jl merdeka utara"); "baru" (also: just now) and "mas" (also: the
  // way to address a man) left out.
  std::vector<std::string> after_names;
  // The terms of the words right after a word of place ("di", "ke", "dari" ...) or of
  // nearness ("dekat", "dkt", "depan" ...), names or not, and the names of an address: where
  // a report says it is when it names nothing by its capitals ("di talise").
  std::vector<std::string> placed;
  // A namesake's rank inside an address ("Jl. Jenderal Sudirman", "jl jend sudirman"),
  // written or left out: among the terms, as the search postings have it, but neither a name
  // nor what the report says of its problem.
  std::vector<std::string> ranks;
};

// Places known beforehand, such as the regencies and districts of the region list and the
// villages of the report's regency, so that "krian" is a place however it is written. Names
// are in lower case with their words separated by one space ("kebon jeruk"); a one-word name
// that is also an ordinary word of reports (the district Selesai, the district Tanggul, a
// village called Bocor) is left out, and so are names of fewer than four letters.
class PlaceNames {
 public:
  // Administrative areas (provinces, regencies, districts), or places as fine as a village.
  enum class Kind { kPlaces, kAreas };

  PlaceNames() = default;
  // `wider`, when given, is consulted after these names and must outlive this list: the
  // villages of one regency in front of the regions of the whole country.
  explicit PlaceNames(const std::vector<std::string>& names, const PlaceNames* wider = nullptr,
                      Kind kind = Kind::kPlaces);

  // How many of the words from words[i] on (up to four, the longest name first) make a
  // known name; 0 when none. `area`, when given, is set to whether that name is an area's.
  size_t match(const std::vector<std::string_view>& words, size_t i, bool* area = nullptr) const;
  size_t size() const { return names_.size() + (wider_ ? wider_->size() : 0); }

  // Records that places lie in areas, each pair (name, holder): a district in its regency, a
  // village in its district and regency. A name that several places share lies in all of
  // theirs.
  void contain(const std::vector<std::pair<std::string, std::string>>& name_in_holder);
  // Appends to `out` the terms of the areas that hold `name` (their directions left out: the
  // province of Jawa Tengah holds no "tengah"), from this list and then the wider one; the
  // terms are worked out once, in contain(), not for every report read.
  void add_holder_terms(std::string_view name, std::vector<std::string>* out) const;
  // Whether `name` lies in a wider area (contain() gave it a holder): a district, not a
  // regency or a province.
  bool held(std::string_view name) const;

  // Records the names that a city and a regency share (Kota and Kabupaten Bogor), in the
  // form the list's names take.
  void set_twins(std::vector<std::string> names);
  bool twin(std::string_view name) const;

 private:
  bool begins_a_name(std::string_view word) const;
  std::vector<std::string> names_;                                 // sorted
  std::vector<std::pair<std::string, std::string>> holder_terms_;  // (name, term), sorted
  std::vector<std::string> twins_;                                 // sorted
  const PlaceNames* wider_ = nullptr;
  Kind kind_ = Kind::kPlaces;
};

// `dictionary`, when given, lists the ordinary words of the language (the thesaurus): a word
// with a capital inside a sentence, shaped like a verb (di-, me-, ter-, ber-), that its
// affixes reduce to one of them ("Warga Dikejutkan ledakan": kejut) is a word of the sentence,
// not a name; but not where a place is expected (after a word of place or nearness; the
// words of an address are names by its marker), nor in the shapes of nouns that names of
// places take (Keputih, Kebagusan).
ReportTerms analyse_text(std::string_view text);
ReportTerms analyse_text(std::string_view text, const PlaceNames& places,
                         const Thesaurus* dictionary = nullptr);

// One word reduced by the affixes (exposed for tests).
std::string reduce_affixes(std::string_view word);

// How much a term says about a report's substance; rare terms (a street's name) more than
// common ones ("jalan"). The server gives inverse document frequencies.
using TermWeight = std::function<double(const std::string&)>;

// What staff have taught the matcher in one deployment: how strongly two different terms
// stand for the same thing, in [0, kMaxLinkStrength], 0 when nothing was learned. Learned
// from the reports staff mark as duplicates of one another (terms_to_link below); the server
// keeps the pairs (server/store/term_links.h).
using TermLink = std::function<double(const std::string&, const std::string&)>;

// How much of `of` is found in `by`, in [0, 1], order ignored: each term of `of` counts with
// its weight times how well it is matched in `by` (1 when equal, less for a small edit or a
// learned link, nothing below that). 0 when `of` has no weight.
double coverage(const std::vector<std::string>& of, const std::vector<std::string>& by,
                const TermWeight& weight, const TermLink& link = nullptr);

// One report made ready to be compared with many: its terms' numbers in the thesaurus, and
// the parts of its terms that tell its problem and its places, worked out once (a query is
// compared with a hundred candidates). The thesaurus, when given, must outlive it.
struct ComparedReport {
  explicit ComparedReport(ReportTerms report, const Thesaurus* thesaurus = nullptr);

  ReportTerms report;
  std::vector<int32_t> term_ids;          // Thesaurus::id of each of report.terms
  std::vector<std::string> topic;         // the terms other than names: what it says of the problem
  std::vector<int32_t> topic_ids;         // Thesaurus::id of each of topic
  std::vector<std::string> fault_terms;   // the terms that name a fault
  std::vector<int> faults;                // the kinds of fault they name (fault_kind)
  std::vector<int> subjects;              // the kinds of thing it is about (subject_kind)
  std::vector<std::string> finer;         // the names other than areas'
  std::vector<std::string> told;          // the terms, and the areas that hold its places
  std::vector<std::string> places_told;   // the terms other than areas' (districts' kept)
  std::vector<std::string> finest_areas;  // its districts, but those that hold its other places
  std::vector<std::string> qualifiers;    // names' directions and epithets, not an area's own
  std::vector<std::string> loose_qualifiers;  // the same in any case (after_names)
  std::vector<std::string> numbers;           // numbered names: a school's, an RT's, a house's
};

// The similarity of two reports in [0, 1]: how much of what each says about the problem
// (its terms other than names) the other one says too, on average, scaled by how well their
// names agree when both name something (the better covered side of the two). Naming the
// same places and the same kind of fault counts on its own, however differently the rest is
// told; naming different faults weakens the score, different numbered places rule it out.
// With a thesaurus, two terms it lists as synonyms match at kSynonymMatch, and a word of a
// place that it does not list (a name's own word) tells that place wherever another report
// says it; it must be the one both sides were made ready with.
double report_similarity(const ComparedReport& a, const ComparedReport& b, const TermWeight& weight,
                         const TermLink& link = nullptr, const Thesaurus* thesaurus = nullptr);
double report_similarity(const ReportTerms& a, const ReportTerms& b, const TermWeight& weight,
                         const TermLink& link = nullptr, const Thesaurus* thesaurus = nullptr);

// What a staff member's "duplicate of" mark teaches: the terms each report uses for its
// problem that the other does not match, paired across (the rarest kMaxLinkTerms of each
// side, by `weight`), each pair in (smaller, larger) order. Names and numbers are never
// linked: two places are not one because somebody once mixed them up.
std::vector<std::pair<std::string, std::string>> terms_to_link(const ReportTerms& original,
                                                               const ReportTerms& duplicate,
                                                               const TermWeight& weight);

// How strongly a pair of terms links after `marks` staff marks taught it: a fifth of an exact
// match after one mark (one mark pairs every differing term, most of them by chance), half
// of kMaxLinkStrength after kLinkHalfMarks marks that agree, never more than kMaxLinkStrength.
double link_strength(int64_t marks);

inline constexpr size_t kMaxLinkTerms = 4;
inline constexpr double kMaxLinkStrength = 0.9;
// Chosen by leaving each of the twelve tuning sets out in turn, learning from the other
// eleven's marks and scoring it (docs/benchmarks.md, "Learning from staff marks", round 12):
// at 2 the offer list found 1,276 repeats with 150 false offers (precision 0.895), at 4
// 1,249 with 136 (0.902), at 8 1,226 with 132.
inline constexpr double kLinkHalfMarks = 4;

// How closely two terms match: 1 when equal; between kMinTermMatch and 1 for a small edit
// of a word of four letters or more, or for two longer words that share most of their letter
// trigrams; kMinTermMatch for a chat abbreviation made of a word's consonants ("rsk" and
// "rusak"); 0 otherwise, and always for numbers that differ.
double term_match(std::string_view a, std::string_view b);

inline constexpr double kMinTermMatch = 0.75;

// How closely two terms match that the thesaurus lists as synonyms ("padam" and "mati").
// Chosen on the tuning sets (docs/benchmarks.md, "Quality").
inline constexpr double kSynonymMatch = 0.7;

// From this similarity on, two reports are taken to have the same substance: the staff's
// "likely duplicate" mark. Chosen on the nine tuning sets together, through the endpoint
// (tests/http/similarity_quality_test.cpp): the lowest score at which pooled precision is
// 0.97 or more (0.971, recall 0.392), a margin over the target of 0.95 for texts the matcher
// was not tuned on, which have cost up to 0.03 before (docs/benchmarks.md, "Quality",
// round 10).
inline constexpr double kSameSubstance = 0.63;

}  // namespace aduan
