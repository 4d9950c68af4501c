// The review of the word pairs the matcher learned from duplicate marks: list them, the most
// taught first, and reject a wrong one or take a rejection back (store/term_links.h keeps
// them; learning happens in the workflow's duplicate mark).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/term_link.h"

namespace aduan {

class Store;
class Clock;

struct TermLinkPage {
  std::vector<TermLinkRow> rows;
  int64_t total = 0;
};

class TermLinkService {
 public:
  TermLinkService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  TermLinkPage list(int64_t limit, int64_t offset) const;
  // The pair as it is after the review; nullopt when no learned pair has these terms.
  std::optional<TermLinkRow> review(const std::string& term, const std::string& linked,
                                    bool rejected);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace aduan
