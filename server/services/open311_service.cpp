#include "services/open311_service.h"

#include <algorithm>

#include "store/catalog_repository.h"
#include "store/db.h"
#include "store/open311_origins.h"
#include "store/public_repository.h"
#include "store/report_repository.h"
#include "store/store.h"

namespace aduan {
namespace {

// The agency's answers: respond, update, resolve.
bool agency_answer(Action a) {
  return a == Action::kRespond || a == Action::kUpdate || a == Action::kResolve;
}

Open311Request with_notes(Db& db, ReportRecord r, bool for_sender) {
  Open311Request out;
  // Only what the agency published; the citizen's words and the notes meant for the
  // reporter alone stay off public feeds.
  for (const EventRecord& e : ReportRepository::events(db, r.id, false)) {
    if (e.note.empty()) continue;
    if (e.visibility == Visibility::kPublic ||
        (for_sender && agency_answer(e.action) && e.visibility == Visibility::kReporter)) {
      out.notes = e.note;
    }
  }
  out.report = std::move(r);
  return out;
}

}  // namespace

std::vector<Open311Request> Open311Service::requests(const Open311Query& q,
                                                     std::optional<int64_t> sender) const {
  std::vector<Open311Request> out;
  store_.read([&](Db& db) {
    PublicFilter f;
    f.limit = q.limit;
    f.tracking_ids = q.tracking_ids;
    f.statuses = q.statuses;
    f.created_from = q.created_from;
    f.created_to = q.created_to;
    if (sender) {
      std::erase_if(f.tracking_ids, [&](const std::string& id) {
        auto r = ReportRepository::find_by_tracking_id(db, id);
        if (!r || open311_origins::of(db, r->id) != *sender) return false;
        out.push_back(with_notes(db, std::move(*r), true));
        return true;
      });
      // Every request named was the sender's: an empty list now would mean "any".
      if (!q.tracking_ids.empty() && f.tracking_ids.empty()) return;
    }
    if (q.service_codes) {
      const auto catalogue = CatalogRepository::catalogue(db);
      f.categories.emplace();
      for (const std::string& code : *q.service_codes) {
        if (const Category* c = find_code(catalogue->categories, code))
          f.categories->push_back(c->id);
      }
    }
    int64_t total = 0;
    for (ReportRecord& r : PublicRepository::list(db, f, &total)) {
      out.push_back(with_notes(db, std::move(r), false));
    }
  });
  return out;
}

void Open311Service::record_origin(const std::string& canonical_tracking_id, int64_t sender) {
  store_.write([&](Db& db) {
    if (const auto r = ReportRepository::find_by_tracking_id(db, canonical_tracking_id))
      open311_origins::add(db, r->id, sender);
  });
}

}  // namespace aduan
