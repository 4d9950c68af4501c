#include "services/external_poller.h"

#include <iostream>
#include <map>

#include "base/crypto.h"
#include "notify/external_forwarding.h"
#include "notify/open311_client.h"
#include "shared/actions.h"
#include "shared/text.h"
#include "store/catalog_repository.h"
#include "store/db.h"
#include "store/external_agency_repository.h"
#include "store/report_repository.h"

namespace aduan {
namespace {

// Requests asked for in one GET: well under the URL lengths servers accept.
constexpr size_t kIdsPerRequest = 50;
constexpr int kRequestsPerRound = 1000;

// The remote's note as an action's note: controls dropped (a note with characters that
// still cannot be shown says so instead of being lost), a short one with the agency's name in
// front so it meets the action's minimum, a long one cut at a character boundary.
std::string fit_note(std::string note, Action action, const std::string& agency_name) {
  std::erase_if(note, [](char c) { return (c >= 0 && c < 0x20 && c != '\n') || c == 0x7f; });
  if (check_text(note, true) != TextProblem::kNone) {
    note = "(catatan dengan karakter yang tidak dapat ditampilkan)";
  }
  const NoteLimits limits = note_limits(action);
  if (count_characters(note) < limits.min + 5) note = "Catatan dari " + agency_name + ": " + note;
  if (note.size() > 4000) {
    size_t cut = 4000;
    while (cut > 0 && (static_cast<unsigned char>(note[cut]) & 0xC0) == 0x80) --cut;
    note.resize(cut);
  }
  return note;
}

bool plain_token(const std::string& t) {
  if (t.empty() || t.size() > 100) return false;
  for (const char c : t) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
      return false;
  }
  return true;
}

std::string string_field(const nlohmann::json& item, const char* key) {
  const auto it = item.find(key);
  return it != item.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

ExternalPoller::ExternalPoller(Store& store, const Clock& clock, WorkflowService& workflow)
    : store_(store),
      clock_(clock),
      workflow_(workflow),
      secret_(external_forwarding::key_secret(store.secrets())) {}

ExternalPoller::~ExternalPoller() { stop(); }

PollRound ExternalPoller::run_once() {
  PollRound round;
  std::vector<ExternalAgency> agencies;
  store_.read([&](Db& db) { agencies = ExternalAgencyRepository::list(db); });
  for (const ExternalAgency& agency : agencies) {
    ++round.agencies;
    poll_agency(agency, &round);
  }
  return round;
}

void ExternalPoller::poll_agency(const ExternalAgency& agency, PollRound* round) {
  std::vector<ExternalRequest> open;
  std::string agency_name;
  store_.read([&](Db& db) {
    open = ExternalAgencyRepository::open_requests(db, agency.agency_id, kRequestsPerRound);
    const auto catalogue = CatalogRepository::catalogue(db);
    if (const Agency* a = find_id(catalogue->agencies, agency.agency_id)) agency_name = a->name;
  });
  std::string error;
  const auto key = open_with_secret(secret_, agency.sealed_key);
  if (!key) error = "the agency's API key cannot be opened: the server's key changed";
  const Open311Endpoint endpoint{agency.endpoint, key.value_or(""), agency.jurisdiction_id};

  if (key) {
    learn_request_ids(endpoint, &open, &error);
    read_requests(endpoint, open, agency_name, round, &error);
  }
  if (!error.empty()) {
    ++round->failed;
    std::cerr << R"({"level":"warn","event":"open311_poll_failed","agency_id":)" << agency.agency_id
              << "}\n";
  }
  store_.write([&](Db& db) {
    ExternalAgencyRepository::set_polled(db, agency.agency_id, clock_.now_unix(), error);
  });
}

// A remote that answered with a token: its request ID, once it has one.
void ExternalPoller::learn_request_ids(const Open311Endpoint& endpoint,
                                       std::vector<ExternalRequest>* open, std::string* error) {
  for (ExternalRequest& r : *open) {
    if (!r.service_request_id.empty() || !plain_token(r.token)) continue;
    const Open311Answer a = open311_get(endpoint, "tokens/" + r.token, {});
    if (!a.ok) {
      if (a.status != 404) *error = a.error;  // 404: not processed yet
      continue;
    }
    if (a.body.is_array() && !a.body.empty() && a.body[0].is_object()) {
      r.service_request_id = string_field(a.body[0], "service_request_id");
    }
    if (!r.service_request_id.empty() && r.service_request_id.size() <= 200) {
      store_.write([&](Db& db) {
        ExternalAgencyRepository::set_request_id(db, r.report_id, r.message_id,
                                                 r.service_request_id);
      });
    }
  }
}

// The remote's state of the requests that have an ID, a batch of IDs per call, each applied
// to its report.
void ExternalPoller::read_requests(const Open311Endpoint& endpoint,
                                   const std::vector<ExternalRequest>& open,
                                   const std::string& agency_name, PollRound* round,
                                   std::string* error) {
  std::map<std::string, const ExternalRequest*> by_id;
  for (const ExternalRequest& r : open) {
    if (!r.service_request_id.empty()) by_id[r.service_request_id] = &r;
  }
  for (auto it = by_id.begin(); it != by_id.end();) {
    std::string ids;
    for (size_t n = 0; n < kIdsPerRequest && it != by_id.end(); ++n, ++it) {
      ids += (ids.empty() ? "" : ",") + it->first;
    }
    const Open311Answer a = open311_get(endpoint, "requests", {{"service_request_id", ids}});
    if (!a.ok || !a.body.is_array()) {
      *error = a.ok ? "Open311 requests answer is not a list" : a.error;
      return;
    }
    for (const nlohmann::json& item : a.body) {
      if (!item.is_object()) continue;
      const auto found = by_id.find(string_field(item, "service_request_id"));
      if (found == by_id.end()) continue;
      ++round->requests;
      const int written = apply(*found->second, agency_name, string_field(item, "status"),
                                string_field(item, "status_notes"));
      if (written < 0) {
        *error = "an update for report " + std::to_string(found->second->report_id) +
                 " could not be written; it is tried again";
      } else {
        round->actions += written;
      }
    }
  }
}

int ExternalPoller::apply(const ExternalRequest& request, const std::string& agency_name,
                          const std::string& status, const std::string& notes) {
  if (status != "open" && status != "closed") return 0;  // not a GeoReport v2 status
  std::optional<ReportRecord> report;
  store_.read([&](Db& db) { report = ReportRepository::find_by_id(db, request.report_id); });
  const bool held = report && report->agency_id == request.agency_id && !is_final(report->status);
  // Left the agency or done here since: no longer followed, whatever the remote says.
  if (!held) {
    store_.write([&](Db& db) {
      ExternalAgencyRepository::set_seen(db, request.report_id, request.message_id, status, notes,
                                         false);
    });
    return 0;
  }
  if (status == request.remote_status && notes == request.remote_notes) return 0;
  const bool closed = status == "closed";
  const int written = act_as_agency(&*report, request, agency_name, closed, notes);
  // Refused (a note the workflow will not take, a report changed meanwhile): not marked as
  // seen, so the next round tries again, and the agency's row shows the error.
  if (written < 0) return -1;
  const bool still_open =
      !closed && report->agency_id == request.agency_id && !is_final(report->status);
  store_.write([&](Db& db) {
    ExternalAgencyRepository::set_seen(db, request.report_id, request.message_id, status, notes,
                                       still_open);
  });
  return written;
}

int ExternalPoller::act_as_agency(ReportRecord* report, const ExternalRequest& request,
                                  const std::string& agency_name, bool closed,
                                  const std::string& notes) {
  const bool new_note = !notes.empty() && notes != request.remote_notes;
  int written = 0;
  bool refused = false;
  // The remote acts as the agency: its admin, with no account of its own here.
  const Caller actor = Caller::agency_system(request.agency_id, agency_name + " (Open311)");
  auto run = [&](Action action, const std::string& note) {
    ActionInput in;
    in.note = fit_note(note, action, agency_name);
    const ActOutcome out = workflow_.act(report->id, actor, action, in, report->version);
    if (out.result == ActOutcome::Result::kOk) {
      *report = out.report;
      ++written;
    } else {
      refused = true;
      std::cerr << R"({"level":"warn","event":"open311_update_not_applied","report_id":)"
                << report->id << "}\n";
    }
  };
  if (report->status == Status::kForwarded && closed && !new_note) {
    // Closed there without a word (archived as a duplicate, out of its remit...): not a
    // resolution to tell the reporter, but a report back on the coordinator's desk.
    run(Action::kReturn, "Ditutup di sistem " + agency_name +
                             " tanpa jawaban; mohon diperiksa dan diteruskan kembali.");
  } else if (report->status == Status::kForwarded && (closed || new_note)) {
    // The agency's first answer: the remote's note, or that it took the report and closed it.
    run(Action::kRespond,
        !closed ? notes : "Laporan diterima dan ditangani oleh " + agency_name + " di sistemnya.");
  }
  const bool working =
      !refused && report->agency_id == request.agency_id &&
      (report->status == Status::kInProgress || report->status == Status::kEscalated);
  if (working && closed) {
    run(Action::kResolve, notes.empty() ? "Laporan dinyatakan selesai oleh " + agency_name +
                                              " di sistemnya, tanpa catatan."
                                        : notes);
  } else if (working && new_note && written == 0) {
    run(Action::kUpdate, notes);
  }
  return refused ? -1 : written;
}

void ExternalPoller::start(int interval_seconds) {
  if (interval_seconds <= 0) return;
  thread_ = std::thread([this, interval_seconds] {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      wake_.wait_for(lock, std::chrono::seconds(interval_seconds), [this] { return stopping_; });
      if (stopping_) break;
      lock.unlock();
      try {
        run_once();
      } catch (const std::exception&) {
        std::cerr << R"({"level":"error","event":"open311_poll_round_failed"})"
                  << "\n";
      }
      lock.lock();
    }
  });
}

void ExternalPoller::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace aduan
