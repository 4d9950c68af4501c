#include "services/inbox_service.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>
#include <unordered_map>

#include "services/caller.h"
#include "store/catalog_repository.h"
#include "store/db.h"
#include "store/inbox_repository.h"
#include "store/report_repository.h"
#include "store/store.h"

namespace aduan {

InboxService::InboxService(Store& store, const Clock& clock, ServiceSettings settings)
    : store_(store),
      clock_(clock),
      settings_(settings),
      found_(std::chrono::milliseconds(settings.monitoring_cache_ms), 256) {}

namespace {

// How a source names its items: by the event that made them, or (the agency's deadlines) by
// the report's clock.
enum class Naming { kByEvent, kByDeadline };

struct Source {
  InboxSource query;
  Naming naming = Naming::kByEvent;
};

// The citizen's part of the conversation.
const std::vector<Action> kCitizenActions = {Action::kAnswer, Action::kReply, Action::kReopen};

std::vector<Source> sources_for(const Caller& p, Date due_until, int64_t reply_since) {
  using S = Status;
  using A = Action;
  std::vector<Source> out;
  auto add = [&](InboxSource q, Naming naming = Naming::kByEvent) {
    out.push_back({std::move(q), naming});
  };
  switch (p.role) {
    case Role::kCoordinator: {
      // Waiting for verification: new, answered after a postponement, or sent back by an agency.
      add({.statuses = {S::kSubmitted},
           .actions = {A::kSubmit, A::kReturn, A::kAnswer, A::kReply}});
      // The reporter's replies while the coordinators still hold the report.
      add({.statuses = {S::kPostponed}, .updated_since = reply_since, .actions = {A::kReply}});
      add({.statuses = {S::kClosed, S::kResolved},
           .updated_since = reply_since,
           .actions = {A::kRate}});
      add({.statuses = {S::kEscalated}, .actions = {A::kEscalate}});
      break;
    }
    case Role::kAgencyAdmin: {
      const std::vector<int64_t> scope = report_scope(p).agencies.value_or(std::vector<int64_t>{});
      add({.statuses = {S::kForwarded}, .agencies = scope, .actions = {A::kForward}});
      add({.statuses = {S::kForwarded, S::kInProgress, S::kResolved, S::kEscalated},
           .agencies = scope,
           .updated_since = reply_since,
           .actions = kCitizenActions});
      add({.statuses = {S::kEscalated}, .agencies = scope, .actions = {A::kEscalate}});
      add({.statuses = {S::kForwarded, S::kInProgress}, .agencies = scope, .due_until = due_until},
          Naming::kByDeadline);
      break;
    }
    case Role::kAgencyOfficer: {
      std::vector<Action> actions = kCitizenActions;
      actions.push_back(A::kAssign);
      add({.statuses = {S::kForwarded, S::kInProgress, S::kResolved, S::kEscalated},
           .assigned_user_id = report_scope(p).assigned_to,
           .actions = actions});
      break;
    }
    case Role::kSupervisor: {
      std::vector<Action> actions = kCitizenActions;
      actions.push_back(A::kEscalate);
      add({.statuses = {S::kEscalated}, .actions = actions});
      break;
    }
    default:
      break;  // the system admin reads no complaint
  }
  return out;
}

std::string kind_of(Action a) {
  switch (a) {
    case Action::kSubmit:
      return "new_report";
    case Action::kReturn:
      return "returned";
    case Action::kForward:
      return "forwarded";
    case Action::kAssign:
      return "assigned";
    case Action::kReopen:
      return "reopened";
    case Action::kRate:
      return "rated";
    case Action::kEscalate:
      return "escalated";
    default:
      return "citizen_reply";  // answer, reply
  }
}

// One item per report: the newest event any source found for it; on a tie the earlier source
// names it (a forward before the deadline it started). Newest first by the time of the event
// (a store loaded in bulk may have written older events after newer ones), then by id.
struct Found {
  InboxCandidate c;
  Naming naming;
};

}  // namespace

struct InboxFound {
  std::vector<Found> items;
};

namespace {

std::vector<Found> newest_per_report(Db& db, const std::vector<Source>& sources) {
  std::vector<InboxSource> queries;
  queries.reserve(sources.size());
  for (const Source& s : sources) queries.push_back(s.query);
  std::unordered_map<int64_t, Found> by_report;
  for (InboxCandidate& c : InboxRepository::candidates(db, queries)) {
    const auto it = by_report.find(c.report_id);
    if (it == by_report.end() || it->second.c.event_id < c.event_id ||
        (it->second.c.event_id == c.event_id && c.source < it->second.c.source)) {
      const Naming naming = sources[c.source].naming;
      by_report[c.report_id] = Found{std::move(c), naming};
    }
  }
  std::vector<Found> found;
  found.reserve(by_report.size());
  for (auto& [id, f] : by_report) found.push_back(std::move(f));
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    return a.c.at != b.c.at ? a.c.at > b.c.at : a.c.event_id > b.c.event_id;
  });
  return found;
}

// What the sources ask, written out as the key of what they found, with the store's newest
// event.
std::string question(const std::vector<Source>& sources, int64_t newest_event) {
  std::string key = std::to_string(newest_event);
  for (const Source& s : sources) {
    const InboxSource& q = s.query;
    key += s.naming == Naming::kByDeadline ? "|deadline" : "|event";
    for (Status st : q.statuses) key += " s" + std::string(to_string(st));
    if (q.agencies) {
      key += " a";  // also when empty: a scope without agencies finds nothing
      for (int64_t id : *q.agencies) key += std::to_string(id) + ",";
    }
    if (q.assigned_user_id) key += " u" + std::to_string(*q.assigned_user_id);
    if (q.due_until) key += " d" + format_iso_date(*q.due_until);
    if (q.updated_since) key += " t" + std::to_string(*q.updated_since);
    for (Action a : q.actions) key += " e" + std::string(to_string(a));
    key += " n" + std::to_string(q.limit);
  }
  return key;
}

InboxItem item_for(Db& db, const Found& f, ReportRecord r, bool unread, const Catalogue& catalogue,
                   Date today) {
  InboxItem item;
  item.event_id = f.c.event_id;
  item.at = f.c.at;
  item.unread = unread;
  item.actor_role = f.c.actor_role;
  // The reporter is never named; staff are.
  if (f.c.actor_role != Role::kCitizen && f.c.actor_role != Role::kSystem) {
    item.actor_name = f.c.actor_name;  // the deadline job is no one to name
  }
  if (f.naming == Naming::kByDeadline) {
    item.kind = is_overdue(r.status, r.clock, today) ? "overdue" : "due_soon";
  } else {
    item.kind = kind_of(f.c.action);
  }
  if (f.c.action == Action::kAssign) {
    item.instructions = InboxRepository::instructions(db, r.id, f.c.event_id);
  }
  item.view = summary_view(std::move(r), catalogue.agencies, catalogue.categories,
                           catalogue.calendar, today);
  return item;
}

}  // namespace

InboxPage InboxService::inbox(const Caller& p, int items) {
  InboxPage page;
  const int64_t now = clock_.now_unix();
  const Date today = local_date(now, settings_.utc_offset_minutes);
  // The reply window starts on a whole minute, so that the asks of one minute are the same
  // question (a minute more or less of a thirty-day window).
  const int64_t reply_since = now - now % 60 - kInboxReplyWindowSeconds;
  store_.read([&](Db& db) {
    const auto catalogue = CatalogRepository::catalogue(db);
    // Read before the sources, so that what they find is never older than the key says.
    page.newest_event_id = InboxRepository::newest_event(db);
    const std::vector<Source> sources =
        sources_for(p, due_soon_until(catalogue->calendar, today), reply_since);
    const std::shared_ptr<const InboxFound> cached =
        found_.get(question(sources, page.newest_event_id), [&] {
          return std::make_shared<const InboxFound>(InboxFound{newest_per_report(db, sources)});
        });
    const std::vector<Found>& found = cached->items;
    const InboxReadState read = InboxRepository::read_state(db, p.account());
    // The reports of the items, read together: those of the next items still wanted each time
    // the loop reaches one not read yet (once, unless some could not be shown).
    std::unordered_map<int64_t, ReportRecord> reports;
    for (size_t i = 0; i < found.size(); ++i) {
      const Found& f = found[i];
      const bool unread = !read.read(f.c.report_id, f.c.event_id);
      page.unread += unread;
      if (static_cast<int>(page.items.size()) >= items) continue;
      if (!reports.contains(f.c.report_id)) {
        std::vector<int64_t> ids;
        const size_t wanted = static_cast<size_t>(items) - page.items.size();
        for (size_t j = i; j < found.size() && ids.size() < wanted; ++j) {
          ids.push_back(found[j].c.report_id);
        }
        reports.merge(ReportRepository::find_by_ids(db, ids));
      }
      const auto r = reports.find(f.c.report_id);
      // The sources keep to the scope; kept sure.
      if (r == reports.end() || !can_read_report(p, r->second)) continue;
      page.items.push_back(item_for(db, f, std::move(r->second), unread, *catalogue, today));
    }
  });
  return page;
}

bool InboxService::mark_read(const Caller& p, const std::string& typed_id) {
  const ParsedTrackingId id = parse_tracking_id(typed_id);
  if (!id.ok()) return false;
  bool done = false;
  store_.write([&](Db& db) {
    const auto r = ReportRepository::find_by_tracking_id(db, id.canonical);
    if (!r || !can_read_report(p, *r)) return;
    Transaction tx(db);
    InboxRepository::mark_report(db, p.account(), r->id,
                                 InboxRepository::newest_event_of(db, r->id));
    tx.commit();
    done = true;
  });
  return done;
}

void InboxService::mark_all_read(const Caller& p, std::optional<int64_t> up_to) {
  store_.write([&](Db& db) {
    const int64_t newest = InboxRepository::newest_event(db);
    Transaction tx(db);
    InboxRepository::mark_all(db, p.account(), std::min(newest, up_to.value_or(newest)));
    tx.commit();
  });
}

}  // namespace aduan
