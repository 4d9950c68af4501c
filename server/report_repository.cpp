#include "report_repository.h"

#include <SQLiteCpp/SQLiteCpp.h>

namespace aduan {
namespace {

constexpr const char* kReportColumns =
    "id, tracking_id, classification, status, title, body, incident_date, location_text, lat, "
    "lon, region_code, category_id, suggested_agency_id, agency_id, channel, reporter_name, "
    "reporter_phone, reporter_email, reporter_nik, anonymous, confidential, resolution_tier, "
    "stage, stage_started, stage_due, created_at, updated_at, version";

template <typename T>
void bind_optional(SQLite::Statement& st, int index, const std::optional<T>& v) {
  if (v) {
    st.bind(index, *v);
  } else {
    st.bind(index);
  }
}

std::optional<double> optional_double(const SQLite::Column& c) {
  return c.isNull() ? std::nullopt : std::optional<double>(c.getDouble());
}

std::optional<int64_t> optional_int(const SQLite::Column& c) {
  return c.isNull() ? std::nullopt : std::optional<int64_t>(c.getInt64());
}

Date date_column(const SQLite::Column& c) {
  return c.isNull() ? Date{} : parse_iso_date(c.getString()).value_or(Date{});
}

ReportRecord read_report(SQLite::Statement& q) {
  ReportRecord r;
  int i = 0;
  r.id = q.getColumn(i++).getInt64();
  r.tracking_id = q.getColumn(i++).getString();
  r.classification = q.getColumn(i++).getString();
  r.status = parse_status(q.getColumn(i++).getString()).value_or(Status::kSubmitted);
  r.title = q.getColumn(i++).getString();
  r.body = q.getColumn(i++).getString();
  r.incident_date = q.getColumn(i++).getString();
  r.location.text = q.getColumn(i++).getString();
  r.location.lat = optional_double(q.getColumn(i++));
  r.location.lon = optional_double(q.getColumn(i++));
  r.location.region_code = q.getColumn(i++).getString();
  r.category_id = q.getColumn(i++).getInt64();
  r.suggested_agency_id = optional_int(q.getColumn(i++));
  r.agency_id = optional_int(q.getColumn(i++));
  r.channel = q.getColumn(i++).getString();
  r.reporter.name = q.getColumn(i++).getString();
  r.reporter.phone = q.getColumn(i++).getString();
  r.reporter.email = q.getColumn(i++).getString();
  r.reporter.nik = q.getColumn(i++).getString();
  r.anonymous = q.getColumn(i++).getInt() != 0;
  r.confidential = q.getColumn(i++).getInt() != 0;
  r.tier = parse_tier(q.getColumn(i++).getString()).value_or(ResolutionTier::kNormative);
  r.deadline.stage = parse_stage(q.getColumn(i++).getString()).value_or(Stage::kNone);
  r.deadline.started = date_column(q.getColumn(i++));
  r.deadline.due = date_column(q.getColumn(i++));
  r.created_at = q.getColumn(i++).getInt64();
  r.updated_at = q.getColumn(i++).getInt64();
  r.version = q.getColumn(i++).getInt64();
  return r;
}

}  // namespace

bool ReportRepository::insert(SQLite::Database& db, ReportRecord* r) {
  SQLite::Statement q(
      db,
      "INSERT INTO reports(tracking_id, classification, status, title, body, incident_date, "
      "location_text, lat, lon, region_code, category_id, suggested_agency_id, agency_id, "
      "channel, reporter_name, reporter_phone, reporter_email, reporter_nik, anonymous, "
      "confidential, resolution_tier, stage, stage_started, stage_due, created_at, updated_at, "
      "version) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
      "ON CONFLICT(tracking_id) DO NOTHING");
  int i = 1;
  q.bind(i++, r->tracking_id);
  q.bind(i++, r->classification);
  q.bind(i++, std::string(to_string(r->status)));
  q.bind(i++, r->title);
  q.bind(i++, r->body);
  q.bind(i++, r->incident_date);
  q.bind(i++, r->location.text);
  bind_optional(q, i++, r->location.lat);
  bind_optional(q, i++, r->location.lon);
  q.bind(i++, r->location.region_code);
  q.bind(i++, r->category_id);
  bind_optional(q, i++, r->suggested_agency_id);
  bind_optional(q, i++, r->agency_id);
  q.bind(i++, r->channel);
  q.bind(i++, r->reporter.name);
  q.bind(i++, r->reporter.phone);
  q.bind(i++, r->reporter.email);
  q.bind(i++, r->reporter.nik);
  q.bind(i++, r->anonymous ? 1 : 0);
  q.bind(i++, r->confidential ? 1 : 0);
  q.bind(i++, std::string(to_string(r->tier)));
  q.bind(i++, std::string(to_string(r->deadline.stage)));
  if (r->deadline.stage == Stage::kNone) {
    q.bind(i++);
    q.bind(i++);
  } else {
    q.bind(i++, format_iso_date(r->deadline.started));
    q.bind(i++, format_iso_date(r->deadline.due));
  }
  q.bind(i++, r->created_at);
  q.bind(i++, r->updated_at);
  q.bind(i++, r->version);
  if (q.exec() == 0) return false;
  r->id = db.getLastInsertRowid();
  return true;
}

void ReportRepository::append_event(SQLite::Database& db, int64_t report_id, const EventRecord& e) {
  SQLite::Statement q(db,
                      "INSERT INTO report_events(report_id, at, actor_role, action, from_status, "
                      "to_status, note, public) VALUES(?,?,?,?,?,?,?,?)");
  q.bind(1, report_id);
  q.bind(2, e.at);
  q.bind(3, std::string(to_string(e.actor_role)));
  q.bind(4, std::string(to_string(e.action)));
  if (e.from_status) {
    q.bind(5, std::string(to_string(*e.from_status)));
  } else {
    q.bind(5);
  }
  q.bind(6, std::string(to_string(e.to_status)));
  q.bind(7, e.note);
  q.bind(8, e.is_public ? 1 : 0);
  q.exec();
}

std::optional<ReportRecord> ReportRepository::find_by_tracking_id(SQLite::Database& db,
                                                                  const std::string& canonical) {
  SQLite::Statement q(
      db, std::string("SELECT ") + kReportColumns + " FROM reports WHERE tracking_id = ?");
  q.bind(1, canonical);
  if (!q.executeStep()) return std::nullopt;
  return read_report(q);
}

std::vector<EventRecord> ReportRepository::public_events(SQLite::Database& db, int64_t report_id) {
  SQLite::Statement q(db,
                      "SELECT id, at, actor_role, action, from_status, to_status, note, public "
                      "FROM report_events WHERE report_id = ? AND public = 1 ORDER BY id");
  q.bind(1, report_id);
  std::vector<EventRecord> out;
  while (q.executeStep()) {
    EventRecord e;
    e.id = q.getColumn(0).getInt64();
    e.at = q.getColumn(1).getInt64();
    e.actor_role = parse_role(q.getColumn(2).getString()).value_or(Role::kSystem);
    e.action = parse_action(q.getColumn(3).getString()).value_or(Action::kComment);
    if (!q.getColumn(4).isNull()) e.from_status = parse_status(q.getColumn(4).getString());
    e.to_status = parse_status(q.getColumn(5).getString()).value_or(Status::kSubmitted);
    e.note = q.getColumn(6).getString();
    e.is_public = q.getColumn(7).getInt() != 0;
    out.push_back(std::move(e));
  }
  return out;
}

int64_t ReportRepository::count(SQLite::Database& db) {
  return db.execAndGet("SELECT count(*) FROM reports").getInt64();
}

}  // namespace aduan
