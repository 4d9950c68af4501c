// Who is asking, and which reports they reach.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/report_record.h"
#include "shared/workflow.h"

namespace aduan {

// Who is asking, the one type every service takes: a staff member through a session, a
// citizen holding a tracking number and its secret, the deadline job, or an external
// agency's server answering through Open311. What they may reach is report_scope below.
struct Caller {
  Role role = Role::kCitizen;
  std::optional<int64_t> user_id;  // the staff account; none for a citizen, the job, a server
  std::string username;            // the staff account's login name
  std::string name;                // as the timeline shows who acted
  std::optional<int64_t> agency_id;
  std::vector<int64_t> agency_scope;  // an agency role's agency and its units

  static Caller citizen() { return Caller{}; }
  static Caller system(std::string name) {
    Caller c;
    c.role = Role::kSystem;
    c.name = std::move(name);
    return c;
  }
  // The operator at the server's shell (`aduan user ...`): whoever may run the binary on
  // the store's file holds every right already; the admin log names them as the console.
  static Caller console() {
    Caller c = system("command line");
    c.username = "(console)";
    return c;
  }
  // An agency's own system, acting as that agency's admin without an account here.
  static Caller agency_system(int64_t agency_id, std::string name) {
    Caller c;
    c.role = Role::kAgencyAdmin;
    c.name = std::move(name);
    c.agency_id = agency_id;
    c.agency_scope = {agency_id};
    return c;
  }
  // The staff account's id, for the services only staff reach (their sessions always
  // carry one); throws std::bad_optional_access otherwise.
  int64_t account() const { return user_id.value(); }
};

// A logged-in staff member: the caller, and the session's own secrets.
struct StaffSession : Caller {
  std::string csrf_token;
  std::string token_hash;
  // Logged in with a temporary password: the session may only change it (http/router.cpp).
  bool must_change_password = false;
};

// Which reports a staff member reaches: the one rule that the queue, a report's page, the
// workflow, the inbox, the dashboard and the search for similar reports all ask.
//   coordinator, supervisor  every report
//   agency admin             the reports forwarded to their agency or its units
//   agency officer           the same in figures and among similar reports; to read or act
//                            on a report, only those assigned to them
//   system admin             none (they run the system, not the complaints)
struct ReportScope {
  bool none = false;
  // The agencies whose reports count; nullopt: every report, forwarded or not.
  std::optional<std::vector<int64_t>> agencies;
  // Reading and acting: only the reports assigned to this user.
  std::optional<int64_t> assigned_to;
};
ReportScope report_scope(const Caller& p);

// Whether `p` may read the report at all (report_scope, applied to one report).
bool can_read_report(const Caller& p, const ReportRecord& r);

// Whether `c` may act on report `r` through the workflow: an agency acts only on what was
// forwarded to it or its units, an officer only on what was assigned to them. A citizen
// reaches a report by its tracking number and secret, checked before this; the deadline
// job reaches every report. The workflow table decides which actions each role may take.
bool can_act_on_report(const Caller& c, const ReportRecord& r);

// Whether `agency_id` is in an agency role's part of the hierarchy; other roles are not
// bound to one.
bool in_agency_scope(const Caller& c, std::optional<int64_t> agency_id);

// Whether `p` sees the reporter's identity. Anonymous reports hide it from agency roles.
bool can_see_reporter(const Caller& p, const ReportRecord& r);

}  // namespace aduan
