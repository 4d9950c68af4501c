#include "services/saved_view_service.h"

#include "base/clock.h"
#include "store/db.h"
#include "store/report_search.h"
#include "store/saved_view_repository.h"
#include "store/store.h"

namespace aduan {

std::vector<SavedView> SavedViewService::list(int64_t user_id) const {
  std::vector<SavedView> out;
  store_.read([&](Db& db) { out = SavedViewRepository::list(db, user_id); });
  return out;
}

SaveViewOutcome SavedViewService::save(int64_t user_id, const std::string& name,
                                       const std::string& query, std::string_view typed_search) {
  SaveViewOutcome out;
  const QueueSearch::Kind kind = ReportSearch::parse(typed_search).kind;
  if (kind == QueueSearch::Kind::kPhone || kind == QueueSearch::Kind::kEmail) {
    out.result = SaveViewOutcome::Result::kKeepsContact;
    return out;
  }
  store_.write([&](Db& db) {
    out.view = SavedViewRepository::save(db, user_id, name, query, clock_.now_unix());
  });
  if (!out.view) out.result = SaveViewOutcome::Result::kFull;
  return out;
}

bool SavedViewService::remove(int64_t user_id, int64_t view_id) {
  bool removed = false;
  store_.write([&](Db& db) { removed = SavedViewRepository::remove(db, user_id, view_id); });
  return removed;
}

}  // namespace aduan
