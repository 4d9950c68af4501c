// Repeated reports: what a citizen is offered while writing (published reports only), and
// the reports like one a staff member reads, within what their role may see. The matching
// is the core's (shared/similarity.h), the search store/similar_reports.h.
#pragma once

#include <string>
#include <vector>

#include "services/caller.h"
#include "services/report_service.h"

namespace aduan {

class Store;
class Clock;

struct SimilarOffer {
  ReportView view;  // without timeline; the agency only once one holds the report
  double score = 0;
};

struct SimilarText {
  std::string text;      // title and body, already checked
  std::string category;  // a category's code; unknown or empty: none chosen
  std::string agency;    // an agency's code, with its units
  std::string region;    // where the report is: its regency's villages are places
};

class SimilarService {
 public:
  SimilarService(Store& store, const Clock& clock, ServiceSettings settings)
      : store_(store), clock_(clock), settings_(settings) {}

  // Up to five open published reports with the same substance in the category or at the
  // agency; none while neither is chosen.
  std::vector<SimilarOffer> offers(const SimilarText& q) const;
  // Up to ten reports like `r`; agency staff see only their agency's and its units'.
  std::vector<SimilarOffer> like(const Caller& p, const ReportRecord& r) const;

 private:
  Store& store_;
  const Clock& clock_;
  ServiceSettings settings_;
};

}  // namespace aduan
