#include "store/external_agency_repository.h"

#include "store/db.h"
#include "store/prepared.h"

namespace aduan {
namespace {

constexpr const char* kAgencyColumns =
    "agency_id, endpoint, jurisdiction_id, sealed_key, share_identity, default_service_code, "
    "polled_at, poll_error, updated_at, keeps_private";
constexpr const char* kRequestColumns =
    "report_id, agency_id, service_request_id, token, remote_status, remote_notes, posted_at, "
    "open, message_id";

ExternalAgency read_agency(Db& db, Prepared& q) {
  ExternalAgency a;
  a.agency_id = q.getColumn(0).getInt64();
  a.endpoint = q.getColumn(1).getString();
  a.jurisdiction_id = q.getColumn(2).getString();
  a.sealed_key = q.getColumn(3).getString();
  a.share_identity = q.getColumn(4).getInt() != 0;
  a.default_service_code = q.getColumn(5).getString();
  if (!q.getColumn(6).isNull()) a.polled_at = q.getColumn(6).getInt64();
  a.poll_error = q.getColumn(7).getString();
  a.updated_at = q.getColumn(8).getInt64();
  a.keeps_private = q.getColumn(9).getInt() != 0;
  Prepared codes(
      db, "SELECT category_id, service_code FROM external_service_codes WHERE agency_id = ?");
  codes.bind(1, a.agency_id);
  while (codes.executeStep()) {
    a.service_codes[codes.getColumn(0).getInt64()] = codes.getColumn(1).getString();
  }
  return a;
}

ExternalRequest read_request(Prepared& q) {
  ExternalRequest r;
  r.report_id = q.getColumn(0).getInt64();
  r.agency_id = q.getColumn(1).getInt64();
  r.service_request_id = q.getColumn(2).getString();
  r.token = q.getColumn(3).getString();
  r.remote_status = q.getColumn(4).getString();
  r.remote_notes = q.getColumn(5).getString();
  if (!q.getColumn(6).isNull()) r.posted_at = q.getColumn(6).getInt64();
  r.open = q.getColumn(7).getInt() != 0;
  r.message_id = q.getColumn(8).getString();
  return r;
}

}  // namespace

std::optional<ExternalAgency> ExternalAgencyRepository::find(Db& db, int64_t agency_id) {
  Prepared q(
      db, std::string("SELECT ") + kAgencyColumns + " FROM external_agencies WHERE agency_id = ?");
  q.bind(1, agency_id);
  if (!q.executeStep()) return std::nullopt;
  return read_agency(db, q);
}

std::vector<ExternalAgency> ExternalAgencyRepository::list(Db& db) {
  Prepared q(
      db, std::string("SELECT ") + kAgencyColumns + " FROM external_agencies ORDER BY agency_id");
  std::vector<ExternalAgency> out;
  while (q.executeStep()) out.push_back(read_agency(db, q));
  return out;
}

void ExternalAgencyRepository::save(Db& db, const ExternalAgency& a) {
  Prepared q(db,
             "INSERT INTO external_agencies(agency_id, endpoint, jurisdiction_id, sealed_key, "
             "share_identity, default_service_code, updated_at, keeps_private) "
             "VALUES(?,?,?,?,?,?,?,?) "
             "ON CONFLICT(agency_id) DO UPDATE SET endpoint = excluded.endpoint, "
             "jurisdiction_id = excluded.jurisdiction_id, sealed_key = excluded.sealed_key, "
             "share_identity = excluded.share_identity, keeps_private = excluded.keeps_private, "
             "default_service_code = excluded.default_service_code, "
             "updated_at = excluded.updated_at");
  q.bind(1, a.agency_id);
  q.bind(2, a.endpoint);
  q.bind(3, a.jurisdiction_id);
  q.bind(4, a.sealed_key.data(), static_cast<int>(a.sealed_key.size()));  // bytes, not text
  q.bind(5, a.share_identity ? 1 : 0);
  q.bind(6, a.default_service_code);
  q.bind(7, a.updated_at);
  q.bind(8, a.keeps_private ? 1 : 0);
  q.exec();
  Prepared drop(db, "DELETE FROM external_service_codes WHERE agency_id = ?");
  drop.bind(1, a.agency_id);
  drop.exec();
  for (const auto& [category_id, code] : a.service_codes) {
    Prepared add(db,
                 "INSERT INTO external_service_codes(agency_id, category_id, service_code) "
                 "VALUES(?,?,?)");
    add.bind(1, a.agency_id);
    add.bind(2, category_id);
    add.bind(3, code);
    add.exec();
  }
}

bool ExternalAgencyRepository::remove(Db& db, int64_t agency_id) {
  Prepared codes(db, "DELETE FROM external_service_codes WHERE agency_id = ?");
  codes.bind(1, agency_id);
  codes.exec();
  Prepared requests(db, "UPDATE external_requests SET open = 0 WHERE agency_id = ?");
  requests.bind(1, agency_id);
  requests.exec();
  Prepared q(db, "DELETE FROM external_agencies WHERE agency_id = ?");
  q.bind(1, agency_id);
  return q.exec() > 0;
}

void ExternalAgencyRepository::set_polled(Db& db, int64_t agency_id, int64_t now,
                                          const std::string& error) {
  Prepared q(db, "UPDATE external_agencies SET polled_at = ?, poll_error = ? WHERE agency_id = ?");
  q.bind(1, now);
  q.bind(2, error);
  q.bind(3, agency_id);
  q.exec();
}

void ExternalAgencyRepository::queue_request(Db& db, int64_t report_id, int64_t agency_id,
                                             const std::string& message_id, int64_t now) {
  Prepared q(db,
             "INSERT INTO external_requests(report_id, agency_id, message_id, created_at) "
             "VALUES(?,?,?,?) ON CONFLICT(report_id) DO UPDATE SET agency_id = excluded.agency_id, "
             "message_id = excluded.message_id, service_request_id = '', token = '', "
             "remote_status = '', remote_notes = '', posted_at = NULL, open = 1, "
             "created_at = excluded.created_at");
  q.bind(1, report_id);
  q.bind(2, agency_id);
  q.bind(3, message_id);
  q.bind(4, now);
  q.exec();
}

std::optional<ExternalRequest> ExternalAgencyRepository::request(Db& db, int64_t report_id) {
  Prepared q(
      db, std::string("SELECT ") + kRequestColumns + " FROM external_requests WHERE report_id = ?");
  q.bind(1, report_id);
  if (!q.executeStep()) return std::nullopt;
  return read_request(q);
}

bool ExternalAgencyRepository::set_posted(Db& db, int64_t report_id, const std::string& message_id,
                                          const std::string& service_request_id,
                                          const std::string& token, int64_t now) {
  Prepared q(db,
             "UPDATE external_requests SET service_request_id = ?, token = ?, posted_at = ? "
             "WHERE report_id = ? AND message_id = ? AND posted_at IS NULL");
  q.bind(1, service_request_id);
  q.bind(2, token);
  q.bind(3, now);
  q.bind(4, report_id);
  q.bind(5, message_id);
  return q.exec() > 0;
}

void ExternalAgencyRepository::set_request_id(Db& db, int64_t report_id,
                                              const std::string& message_id,
                                              const std::string& service_request_id) {
  Prepared q(db,
             "UPDATE external_requests SET service_request_id = ? "
             "WHERE report_id = ? AND message_id = ?");
  q.bind(1, service_request_id);
  q.bind(2, report_id);
  q.bind(3, message_id);
  q.exec();
}

std::vector<ExternalRequest> ExternalAgencyRepository::open_requests(Db& db, int64_t agency_id,
                                                                     int limit) {
  Prepared q(db, std::string("SELECT ") + kRequestColumns +
                     " FROM external_requests WHERE agency_id = ? AND open = 1 AND "
                     "posted_at IS NOT NULL ORDER BY posted_at, report_id LIMIT ?");
  q.bind(1, agency_id);
  q.bind(2, limit);
  std::vector<ExternalRequest> out;
  while (q.executeStep()) out.push_back(read_request(q));
  return out;
}

void ExternalAgencyRepository::set_seen(Db& db, int64_t report_id, const std::string& message_id,
                                        const std::string& status, const std::string& notes,
                                        bool open) {
  Prepared q(db,
             "UPDATE external_requests SET remote_status = ?, remote_notes = ?, open = ? "
             "WHERE report_id = ? AND message_id = ?");
  q.bind(1, status);
  q.bind(2, notes);
  q.bind(3, open ? 1 : 0);
  q.bind(4, report_id);
  q.bind(5, message_id);
  q.exec();
}

void ExternalAgencyRepository::close_request(Db& db, int64_t report_id) {
  Prepared q(db, "UPDATE external_requests SET open = 0 WHERE report_id = ?");
  q.bind(1, report_id);
  q.exec();
}

int ExternalAgencyRepository::count_open(Db& db, int64_t agency_id) {
  Prepared q(db, "SELECT count(*) FROM external_requests WHERE agency_id = ? AND open = 1");
  q.bind(1, agency_id);
  q.executeStep();
  return q.getColumn(0).getInt();
}

}  // namespace aduan
