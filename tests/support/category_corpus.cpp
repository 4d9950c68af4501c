#include "support/category_corpus.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <fstream>
#include <map>
#include <stdexcept>

#include "app/app.h"
#include "base/clock.h"
#include "shared/date.h"
#include "shared/tracking_id.h"
#include "store/catalog_repository.h"
#include "store/report_repository.h"
#include "store/sqlite_db.h"

namespace aduan {

std::vector<LabelledReport> read_labelled_reports(const std::string& path) {
  std::ifstream in(path);
  std::vector<LabelledReport> out;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const size_t a = line.find('\t');
    const size_t b = a == std::string::npos ? a : line.find('\t', a + 1);
    if (b == std::string::npos) continue;
    out.push_back({line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1)});
  }
  return out;
}

size_t load_verified_reports(App& app, const std::vector<LabelledReport>& reports) {
  const Services& s = app.services();
  const std::string today =
      format_iso_date(local_date(s.clock.now_unix(), app.reports().settings().utc_offset_minutes));
  std::map<std::string, std::string> agency_of;  // category code -> agency code
  app.store().read([&](Db& db) {
    const auto agencies = CatalogRepository::active_agencies(db);
    for (const Category& c : CatalogRepository::active_categories(db)) {
      std::string code = agencies.empty() ? "" : agencies.front().code;
      for (const Agency& a : agencies) {
        if (c.agency_id && a.id == *c.agency_id) code = a.code;
      }
      agency_of[c.code] = code;
    }
  });
  Caller coordinator;
  coordinator.role = Role::kCoordinator;
  coordinator.name = "Koordinator";
  size_t n = 0;
  for (const LabelledReport& r : reports) {
    ReportInput in;
    in.classification = "complaint";
    in.title = r.title;
    in.body = r.body;
    in.category = r.category;
    in.incident_date = today;
    in.location.text = "Kabupaten Banjar";
    in.reporter.phone = "081234567890";
    in.confidential = false;  // published once verified, as the citizen chose
    const SubmitOutcome out = app.reports().submit(in);
    if (!out.errors.empty()) {
      throw std::runtime_error("not stored (" + out.errors.front().field + "): " + r.title);
    }
    int64_t id = 0;
    app.store().read([&](Db& db) {
      id = ReportRepository::find_by_tracking_id(db, parse_tracking_id(out.tracking_id).canonical)
               ->id;
    });
    const ActOutcome forwarded =
        app.workflow().act(id, coordinator, Action::kForward,
                           ActionInput{.agency = agency_of[r.category]}, std::nullopt);
    if (forwarded.result != ActOutcome::Result::kOk) {
      throw std::runtime_error("not forwarded: " + r.title);
    }
    ++n;
  }
  return n;
}

}  // namespace aduan
