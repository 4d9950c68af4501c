#include "similarity.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <utility>

namespace aduan {
namespace {

// Chat spellings and abbreviations citizens type, with the word they stand for.
constexpr std::pair<std::string_view, std::string_view> kVariants[] = {
    {"gak", "tidak"},
    {"ga", "tidak"},
    {"nggak", "tidak"},
    {"enggak", "tidak"},
    {"engga", "tidak"},
    {"ngga", "tidak"},
    {"tdk", "tidak"},
    {"tak", "tidak"},
    {"yg", "yang"},
    {"dgn", "dengan"},
    {"jln", "jalan"},
    {"jl", "jalan"},
    {"sdh", "sudah"},
    {"udah", "sudah"},
    {"udh", "sudah"},
    {"blm", "belum"},
    {"krn", "karena"},
    {"karna", "karena"},
    {"utk", "untuk"},
    {"dr", "dari"},
    {"sy", "saya"},
    {"aku", "saya"},
    {"gue", "saya"},
    {"gw", "saya"},
    {"kmrn", "kemarin"},
    {"skrg", "sekarang"},
    {"skr", "sekarang"},
    {"bgt", "banget"},
    {"lg", "lagi"},
    {"bnyk", "banyak"},
    {"tp", "tapi"},
    {"dpt", "dapat"},
    {"hrs", "harus"},
    {"sampe", "sampai"},
    {"trs", "terus"},
    {"trus", "terus"},
    {"gmn", "bagaimana"},
    {"knp", "kenapa"},
    {"org", "orang"},
    {"rmh", "rumah"},
    {"sklh", "sekolah"},
    {"kec", "kecamatan"},
    {"kel", "kelurahan"},
    {"kab", "kabupaten"},
    {"bolong", "lubang"},
    {"berlobang", "berlubang"},
    {"lobang", "lubang"},
    // Words of public services that citizens use for the same thing (applied to words and
    // to stems: "pemadaman" reduces to "padam", which means "mati").
    {"got", "saluran"},
    {"selokan", "saluran"},
    {"gorong", "saluran"},
    {"parit", "saluran"},
    {"drainase", "saluran"},
    {"salur", "saluran"},
    {"mampet", "sumbat"},
    {"pju", "lampu"},
    {"ledeng", "pdam"},
    {"disdukcapil", "dukcapil"},
    {"capil", "dukcapil"},
    {"amblas", "ambles"},
    {"pungli", "pungut"},
    {"antri", "antre"},
    {"ngantri", "antre"},
    {"honor", "honorer"},
    {"padam", "mati"},
    {"hancur", "rusak"},
    {"copot", "lepas"},
    {"rs", "rsud"},
    {"sdn", "sd"},
    {"smpn", "smp"},
    {"sman", "sma"},
    {"smkn", "smk"},
    {"berjam", "jam"},
    // Numbers in words and in digits: "tiga bulan", "3 bulan".
    {"satu", "1"},
    {"dua", "2"},
    {"tiga", "3"},
    {"empat", "4"},
    {"lima", "5"},
    {"enam", "6"},
    {"tujuh", "7"},
    {"delapan", "8"},
    {"sembilan", "9"},
    {"sepuluh", "10"},
};

// Words that say nothing about which problem a report is about.
constexpr std::string_view kStopwords[] = {
    "yang",     "dan",    "di",      "ke",        "dari",     "ini",      "itu",     "dengan",
    "untuk",    "pada",   "dalam",   "atau",      "juga",     "sudah",    "belum",   "tidak",
    "ada",      "akan",   "karena",  "oleh",      "saya",     "kami",     "kita",    "mereka",
    "sangat",   "sekali", "banget",  "lagi",      "masih",    "hanya",    "bisa",    "dapat",
    "agar",     "supaya", "mohon",   "tolong",    "segera",   "harap",    "bapak",   "ibu",
    "pak",      "bu",     "terima",  "kasih",     "sejak",    "sampai",   "hingga",  "lebih",
    "para",     "pun",    "saja",    "jadi",      "tapi",     "tetapi",   "namun",   "kalau",
    "jika",     "apa",    "telah",   "sedang",    "setiap",   "semua",    "seperti", "tersebut",
    "yth",      "kepada", "kenapa",  "bagaimana", "sehingga", "sering",   "selalu",  "terus",
    "sama",     "kali",   "tanpa",   "pernah",    "harus",    "mau",      "ingin",   "kok",
    "nih",      "sih",    "dong",    "ya",        "tersebut", "mengenai", "tentang", "kemarin",
    "sekarang", "hari",   "minggu",  "bulan",     "tahun",    "sudah",    "the",     "of",
    "a",        "an",     "is",      "are",       "and",      "to",       "in",      "at",
    "mengapa",  "adalah", "ialah",   "bahwa",     "kemudian", "lalu",     "setelah", "sebelum",
    "banyak",   "orang",  "warga",   "kawasan",   "daerah",   "sekitar",  "depan",   "dekat",
    "negeri",   "makin",  "semakin", "padahal",   "bikin",    "membuat",  "sudah",   "dibiarkan",
};

// Words the affix rules would cut wrongly ("sekolah" is not seko + -lah).
constexpr std::string_view kWhole[] = {"sekolah", "masalah",   "sejarah", "kelas",  "sekitar",
                                       "pemuda",  "perempuan", "selatan", "kemarau"};

bool is_stopword(std::string_view w) {
  return std::find(std::begin(kStopwords), std::end(kStopwords), w) != std::end(kStopwords);
}

std::string_view variant_of(std::string_view w) {
  for (const auto& [from, to] : kVariants) {
    if (w == from) return to;
  }
  return w;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

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

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string reduce_affixes(std::string_view word) {
  std::string w(word);
  if (std::find(std::begin(kWhole), std::end(kWhole), word) != std::end(kWhole)) return w;
  if (w.size() <= 4 || std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return w;
  for (std::string_view particle : {"lah", "kah", "tah", "pun"}) {
    if (strip_suffix(w, particle)) break;
  }
  for (std::string_view possessive : {"nya", "ku", "mu"}) {
    if (strip_suffix(w, possessive)) break;
  }
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

ReportTerms analyse_text(std::string_view text) {
  ReportTerms out;
  std::string word;
  bool capital = false;        // the word's first letter was upper case
  bool all_caps = true;        // every letter upper case (an acronym: SD, PDAM)
  bool sentence_start = true;  // the word begins a sentence
  bool next_starts = true;
  bool last_short = false;  // the last word was an abbreviation ("Jl.", "No.", "Kec.")
  auto add = [](std::vector<std::string>& to, const std::string& t) {
    if (std::find(to.begin(), to.end(), t) == to.end()) to.push_back(t);
  };
  auto flush = [&] {
    if (word.empty()) return;
    // Letter runs of three or more ("lamaaa", "rusakkk") are one letter typed long.
    std::string squeezed;
    for (size_t i = 0; i < word.size();) {
      size_t run = 1;
      while (i + run < word.size() && word[i + run] == word[i]) ++run;
      squeezed.append(run >= 3 ? 1 : run, word[i]);
      i += run;
    }
    const bool number =
        std::all_of(squeezed.begin(), squeezed.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (number)
      squeezed = squeezed.substr(std::min(squeezed.find_first_not_of('0'), squeezed.size() - 1));
    const std::string_view unified = variant_of(squeezed);
    const bool abbreviation = unified != squeezed;
    last_short = abbreviation || squeezed.size() <= 3;
    word.clear();
    if (is_stopword(unified)) return;
    std::string term(variant_of(reduce_affixes(unified)));
    if (term.size() < 2 && !number) return;
    add(out.terms, term);
    if (number || (capital && !all_caps && !sentence_start && !abbreviation)) add(out.names, term);
  };
  for (char raw : text) {
    const unsigned char c = static_cast<unsigned char>(raw);
    const bool upper = c >= 'A' && c <= 'Z';
    const bool lower = (c >= 'a' && c <= 'z') || c >= 0x80;
    if (upper || lower || (c >= '0' && c <= '9')) {
      if (word.empty()) {
        capital = upper;
        all_caps = true;
        sentence_start = next_starts;
        next_starts = false;
      }
      if (lower) all_caps = false;
      word.push_back(upper ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
    } else {
      flush();  // a hyphen too: "jalan-jalan" gives "jalan" once
      if ((c == '.' && !last_short) || c == '!' || c == '?' || c == '\n') next_starts = true;
    }
  }
  flush();
  if (out.names.size() == out.terms.size()) out.names.clear();  // a text all in capitals
  return out;
}

std::vector<std::string> matching_terms(std::string_view text) { return analyse_text(text).terms; }

double term_match(std::string_view a, std::string_view b) {
  if (a == b) return 1.0;
  const size_t longest = std::max(a.size(), b.size());
  // Numbers and short words must match exactly: RT 3 is not RT 8.
  if (std::min(a.size(), b.size()) < 4 || longest - std::min(a.size(), b.size()) > 2) return 0;
  const bool digits =
      std::any_of(a.begin(), a.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
      std::any_of(b.begin(), b.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits) return 0;
  const double score =
      1.0 - static_cast<double>(edit_distance(a, b)) / static_cast<double>(longest);
  return score >= kMinTermMatch ? score : 0;
}

double coverage(const std::vector<std::string>& of, const std::vector<std::string>& by,
                const TermWeight& weight) {
  double matched = 0;
  double total = 0;
  for (const std::string& t : of) {
    const double w = weight(t);
    double best = 0;
    for (const std::string& u : by) {
      best = std::max(best, term_match(t, u));
      if (best == 1.0) break;
    }
    matched += w * best;
    total += w;
  }
  return total > 0 ? matched / total : 0;
}

double report_similarity(const ReportTerms& a, const ReportTerms& b, const TermWeight& weight) {
  auto topic = [](const ReportTerms& r) {
    std::vector<std::string> out;
    for (const std::string& t : r.terms) {
      if (std::find(r.names.begin(), r.names.end(), t) == r.names.end()) out.push_back(t);
    }
    return out;
  };
  const std::vector<std::string> topic_a = topic(a), topic_b = topic(b);
  double score = 0;
  if (topic_a.empty() || topic_b.empty()) {
    score = std::max(coverage(a.terms, b.terms, weight), coverage(b.terms, a.terms, weight));
  } else {
    score = 0.5 * (coverage(topic_a, b.terms, weight) + coverage(topic_b, a.terms, weight));
  }
  if (!a.names.empty() && !b.names.empty()) {
    score *= std::max(coverage(a.names, b.names, weight), coverage(b.names, a.names, weight));
  }
  return score;
}

}  // namespace aduan
