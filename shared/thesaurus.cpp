#include "shared/thesaurus.h"

#include <algorithm>

#include "shared/similarity.h"

namespace aduan {
namespace {

// The matching term of one thesaurus word, or "" when it is several words, a stopword or
// gives no single term.
std::string term_of(std::string_view word, std::unordered_map<std::string, std::string>* seen) {
  std::string key(word);
  if (key.empty() || key.find(' ') != std::string::npos) return {};
  const auto it = seen->find(key);
  if (it != seen->end()) return it->second;
  const std::vector<std::string> terms = matching_terms(word);
  std::string term = terms.size() == 1 ? terms[0] : std::string();
  // Numbers and two-letter terms link too loosely ("se" for "satu").
  if (term.size() < 3) term.clear();
  seen->emplace(std::move(key), term);
  return term;
}

}  // namespace

int32_t Thesaurus::intern(const std::string& term) {
  const auto [it, added] = ids_.emplace(term, static_cast<int32_t>(links_.size()));
  if (added) links_.emplace_back();
  return it->second;
}

Thesaurus Thesaurus::from_mythes(std::string_view text) {
  Thesaurus out;
  std::unordered_map<std::string, std::string> seen;
  std::string head;  // the current entry's term, "" when it is not one the matcher can use
  size_t from = text.find('\n');  // the first line names the encoding
  while (from != std::string_view::npos && from < text.size()) {
    const size_t end = std::min(text.find('\n', from + 1), text.size());
    std::string_view line = text.substr(from + 1, end - from - 1);
    from = end;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (line[0] != '[') {
      head = term_of(line.substr(0, line.find('|')), &seen);
      continue;
    }
    if (head.empty() || line.rfind("[ant]", 0) == 0) continue;
    size_t at = line.find('|');
    while (at != std::string_view::npos) {
      const size_t next = line.find('|', at + 1);
      const std::string synonym = term_of(
          line.substr(at + 1, (next == std::string_view::npos ? line.size() : next) - at - 1),
          &seen);
      at = next;
      if (synonym.empty() || synonym == head) continue;
      const int32_t a = out.intern(head), b = out.intern(synonym);
      out.links_[a].push_back(b);
      out.links_[b].push_back(a);
    }
  }
  for (std::vector<int32_t>& l : out.links_) {
    std::sort(l.begin(), l.end());
    l.erase(std::unique(l.begin(), l.end()), l.end());
    l.shrink_to_fit();
  }
  return out;
}

int32_t Thesaurus::id(const std::string& term) const {
  const auto it = ids_.find(term);
  return it == ids_.end() ? kUnknown : it->second;
}

bool Thesaurus::linked(int32_t a, int32_t b) const {
  if (a == kUnknown || b == kUnknown) return false;
  const std::vector<int32_t>& l = links_[static_cast<size_t>(a)];
  return std::binary_search(l.begin(), l.end(), b);
}

size_t Thesaurus::pairs() const {
  size_t n = 0;
  for (const auto& l : links_) n += l.size();
  return n / 2;
}

}  // namespace aduan
