// The one entry point for every action on an existing report, by staff, citizen or the
// deadline job: the workflow table decides, the clock moves, and the new state and its
// timeline event are written in one transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "model/report_record.h"
#include "services/caller.h"
#include "services/report_service.h"
#include "shared/actions.h"
#include "shared/effects.h"
#include "store/db.h"
#include "store/store.h"

namespace aduan {

struct ActOutcome {
  enum class Result {
    kOk,
    kNotFound,      // no such report, or not one this actor may touch
    kNotAllowed,    // the workflow does not allow this action now (409)
    kStaleVersion,  // the report changed since the actor loaded it (409)
    kInvalid,       // field errors (422)
  } result = Result::kOk;
  std::vector<FieldError> errors;
  ReportRecord report;  // the report after the action, with kOk
};

class WorkflowService {
 public:
  // `notifier` may be null: no notifications are written.
  WorkflowService(Store& store, const Clock& clock, ServiceSettings settings,
                  const Notifier* notifier = nullptr);

  // Applies `action` to report `report_id`. With `expected_version`, refuses if the report
  // has changed since (so a double click or a stale page does not act twice).
  ActOutcome act(int64_t report_id, const Caller& actor, Action action, const ActionInput& input,
                 std::optional<int64_t> expected_version);

 private:
  struct Request {
    int64_t report_id;
    const Caller& actor;
    Action action;
    const ActionInput& input;
    std::optional<int64_t> expected_version;
    const Catalogue& catalogue;
    int64_t now;
  };
  ActOutcome act_within(Db& db, const Request& q) const;
  bool store_state(Db& db, const Request& q, const ReportRecord& held, const Transition& t,
                   ReportRecord* r) const;
  std::vector<FieldError> store_history(Db& db, const Request& q, const ReportRecord& r,
                                        const ActionEffects& effects) const;
  void follow_original(Db& db, const ReportRecord& r, int64_t now) const;

  Store& store_;
  const Clock& clock_;
  ServiceSettings settings_;
  const Notifier* notifier_;
};

}  // namespace aduan
