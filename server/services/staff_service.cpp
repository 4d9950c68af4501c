#include "services/staff_service.h"

#include <algorithm>

#include "services/auth_service.h"
#include "store/attachment_repository.h"
#include "store/catalog_repository.h"
#include "store/db.h"
#include "store/external_agency_repository.h"
#include "store/report_repository.h"
#include "store/report_search.h"
#include "store/user_repository.h"

namespace aduan {

StaffService::StaffService(Store& store, const Clock& clock, ServiceSettings settings,
                           WorkflowService& workflow)
    : store_(store), clock_(clock), settings_(settings), workflow_(workflow) {}

Date StaffService::today() const {
  return local_date(clock_.now_unix(), settings_.utc_offset_minutes);
}

namespace {

std::string officer_name(Db& db, int64_t user_id) {
  const auto u = UserRepository::find_by_id(db, user_id);
  return u ? u->display_name : std::string();
}

// The reports `p` asked for with `q`, cut to what their role may see.
// The queue's search box as a filter: a tracking ID, a reporter's contact (only where the role
// may see who reported), or words in the index, narrowed to the filter's agencies.
void add_search(const Caller& p, const QueueSearch& search, ReportFilter* f) {
  switch (search.kind) {
    case QueueSearch::Kind::kNone:
      break;
    case QueueSearch::Kind::kNothing:
      f->nothing = true;
      break;
    case QueueSearch::Kind::kTrackingId:
      f->tracking_id = search.value;
      break;
    case QueueSearch::Kind::kWords:
      // Within agencies, the index's agency terms narrow the matches before any report row
      // is read (and count them alone when nothing else filters).
      f->words = WordsQuery{search.terms, f->agencies.value_or(std::vector<int64_t>{})};
      break;
    case QueueSearch::Kind::kPhone:
    case QueueSearch::Kind::kEmail: {
      (search.kind == QueueSearch::Kind::kPhone ? f->reporter_phone : f->reporter_email) =
          search.value;
      // Finding a report by its reporter's contact says who reported it: only the reports
      // whose reporter this role may see.
      ReportRecord anonymous;
      anonymous.anonymous = true;
      f->named_reporters_only = !can_see_reporter(p, anonymous);
      break;
    }
  }
}

ReportFilter filter_for(Db& db, const Caller& p, const QueueQuery& q, Date today,
                        const std::vector<Agency>& agencies,
                        const std::vector<Category>& categories) {
  ReportFilter f;
  f.statuses = q.statuses;
  if (q.overdue) f.overdue_on = today;
  f.returned_only = q.returned;
  f.order = q.order;
  if (!q.agency.empty()) {
    std::vector<int64_t> wanted;
    for (const Agency& a : agencies) {
      if (a.code == q.agency) wanted = agency_subtree(db, a.id);
    }
    f.agencies = wanted;
  }
  if (!q.category.empty()) {
    f.category_id = -1;  // an unknown code matches nothing
    for (const Category& c : categories) {
      if (c.code == q.category) f.category_id = c.id;
    }
  }
  const ReportScope scope = report_scope(p);
  if (scope.none) f.nothing = true;
  if (scope.assigned_to) {
    f.assigned_user_id = *scope.assigned_to;
  } else if (scope.agencies) {
    // Only the staff member's own part of the hierarchy, whatever was asked for.
    std::vector<int64_t> allowed;
    for (int64_t id : f.agencies.value_or(*scope.agencies)) {
      if (std::count(scope.agencies->begin(), scope.agencies->end(), id)) allowed.push_back(id);
    }
    f.agencies = allowed;
  }
  if (q.mine) f.assigned_user_id = p.user_id;
  add_search(p, ReportSearch::parse(q.search), &f);
  return f;
}

}  // namespace

QueuePage StaffService::queue(const Caller& p, const QueueQuery& q) {
  QueuePage page;
  page.per_page = std::clamp(q.per_page, 1, kMaxQueuePerPage);
  page.page = std::clamp(q.page, 1, kMaxQueuePage);
  const Date now = today();
  store_.read([&](Db& db) {
    const auto catalogue = CatalogRepository::catalogue(db);
    const auto& agencies = catalogue->agencies;
    const auto& categories = catalogue->categories;
    ReportFilter f = filter_for(db, p, q, now, agencies, categories);
    f.limit = page.per_page;
    f.offset = (page.page - 1) * page.per_page;
    const WorkingCalendar& calendar = catalogue->calendar;
    for (ReportRecord& r : ReportRepository::list(db, f, &page.total)) {
      QueueItem item;
      if (r.assigned_user_id) item.assigned_to = officer_name(db, *r.assigned_user_id);
      std::vector<int> unconfirmed = deadline_unconfirmed_years(*catalogue, r);
      item.view = summary_view(std::move(r), agencies, categories, calendar, now);
      item.view.unconfirmed_holiday_years = std::move(unconfirmed);
      page.items.push_back(std::move(item));
    }
  });
  return page;
}

std::vector<ReportView> StaffService::export_batch(const Caller& p, const QueueQuery& q,
                                                   int64_t after_id, int limit) {
  std::vector<ReportView> out;
  const Date now = today();
  store_.read([&](Db& db) {
    const auto catalogue = CatalogRepository::catalogue(db);
    const auto& agencies = catalogue->agencies;
    const auto& categories = catalogue->categories;
    ReportFilter f = filter_for(db, p, q, now, agencies, categories);
    f.after_id = after_id;
    f.limit = limit;
    const WorkingCalendar& calendar = catalogue->calendar;
    for (ReportRecord& r : ReportRepository::list(db, f, nullptr)) {
      out.push_back(summary_view(std::move(r), agencies, categories, calendar, now));
    }
  });
  return out;
}

std::optional<StaffReportView> StaffService::report(const Caller& p, const std::string& typed_id) {
  const ParsedTrackingId id = parse_tracking_id(typed_id);
  if (!id.ok()) return std::nullopt;
  std::optional<StaffReportView> out;
  store_.read([&](Db& db) {
    auto r = ReportRepository::find_by_tracking_id(db, id.canonical);
    if (!r || !can_read_report(p, *r)) return;
    StaffReportView v;
    v.show_reporter = can_see_reporter(p, *r);
    if (r->assigned_user_id) v.assigned_to = officer_name(db, *r->assigned_user_id);
    if (auto sent = ExternalAgencyRepository::request(db, r->id);
        sent && sent->agency_id == r->agency_id) {
      v.external = std::move(sent);
    }
    v.view = load_report_view(db, std::move(*r), today(), /*include_internal=*/true, settings_);
    v.view.unconfirmed_holiday_years =
        deadline_unconfirmed_years(*CatalogRepository::catalogue(db), v.view.report);
    out = std::move(v);
  });
  return out;
}

std::optional<AttachmentData> StaffService::attachment(const Caller& p, const std::string& typed_id,
                                                       int position) {
  const ParsedTrackingId id = parse_tracking_id(typed_id);
  if (!id.ok()) return std::nullopt;
  std::optional<AttachmentData> out;
  store_.read([&](Db& db) {
    const auto r = ReportRepository::find_by_tracking_id(db, id.canonical);
    if (r && can_read_report(p, *r))
      out = AttachmentRepository::read(db, r->id, position, /*include_internal=*/true);
  });
  return out;
}

ActOutcome StaffService::act(const Caller& p, const std::string& typed_id, Action action,
                             const ActionInput& input, std::optional<int64_t> expected_version) {
  ActOutcome out;
  const ParsedTrackingId id = parse_tracking_id(typed_id);
  std::optional<int64_t> report_id;
  if (id.ok()) {
    store_.read([&](Db& db) {
      auto r = ReportRepository::find_by_tracking_id(db, id.canonical);
      if (r && can_read_report(p, *r)) report_id = r->id;
    });
  }
  if (!report_id) {
    out.result = ActOutcome::Result::kNotFound;
    return out;
  }
  return workflow_.act(*report_id, p, action, input, expected_version);
}

std::vector<User> StaffService::assignable_officers(const Caller& p) {
  std::vector<User> out;
  store_.read([&](Db& db) { out = UserRepository::agency_staff(db, p.agency_scope); });
  return out;
}

}  // namespace aduan
