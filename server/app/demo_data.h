// A demo district to try aduan with: agencies (OPD), categories mapped to them, a sample
// holiday list, one account per staff role, and reports at several stages, one of them
// overdue enough to be escalated.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "store/db.h"

namespace aduan {

class App;
class ManualClock;

struct DemoSummary {
  int agencies = 0;
  int categories = 0;
  int holidays = 0;
  std::vector<std::string> tracking_ids;                      // display form
  std::vector<std::string> pins;                              // the same order
  std::vector<std::pair<std::string, std::string>> accounts;  // username, password: new only
};

// Loads the catalogue (idempotent, upserts by code). On a store with no reports it adds the
// sample reports, and on one with no users the accounts. `clock` is the app's clock; the
// demo moves it back to make history and returns it to `now`.
DemoSummary load_demo_data(App& app, ManualClock& clock, int64_t now);

// The catalogue only (agencies, categories, holidays). The demo's admin has confirmed 2026's
// holidays (national and cuti bersama) at `now`; the later shipped years stay provisional.
void load_demo_catalogue(App& app, DemoSummary* summary, int64_t now);

// A few canned responses for each demo agency and the coordinators (server/app/demo_canned.cpp),
// only into a store that has none; in the caller's transaction.
void load_demo_canned_responses(Db& db, int64_t now);

}  // namespace aduan
