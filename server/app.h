// The whole aduan server wired together: the store, the services, the deadline job and the
// HTTP front. `aduan serve`, the demo and the tests build one of these.
#pragma once

#include <memory>
#include <string>

#include "address_limiter.h"
#include "assets.h"
#include "auth_service.h"
#include "category_model_service.h"
#include "citizen_service.h"
#include "clock.h"
#include "dashboard_service.h"
#include "deadline_job.h"
#include "device_limits.h"
#include "device_link_service.h"
#include "external_poller.h"
#include "follow_service.h"
#include "http_server.h"
#include "inbound_service.h"
#include "metrics.h"
#include "notification_sender.h"
#include "notifier.h"
#include "notify_config.h"
#include "region_catalog.h"
#include "report_service.h"
#include "services.h"
#include "staff_service.h"
#include "store.h"
#include "upload_service.h"
#include "workflow_service.h"

namespace aduan {

struct AppOptions {
  std::string db_path = "aduan.db";
  std::string audit_key_path;  // empty: db_path + ".key" (secrets.h)
  ServiceSettings settings;
  AuthSettings auth;
  GuessRules pin_guesses = kPinGuessRules;
  HttpOptions http;
  std::string assets_dir;  // empty: the embedded pages
  int readers = 4;
  NotifyConfig notify = default_notify_config();  // no channel: nothing is sent
  AddressLimit submit_limit = kDefaultSubmitLimit;
  AddressLimit track_limit = kDefaultTrackLimit;
  // Device keys beside the per-address limit; all off when submit_limit is off.
  DeviceRules device_rules;
  size_t limiter_capacity = AddressLimiter::kDefaultCapacity;  // addresses each limiter holds
  UploadRules upload_rules;
};

// Where the audit key of the store at `db_path` is when no --audit-key is given.
std::string default_audit_key_path(const std::string& db_path);

class App {
 public:
  App(const AppOptions& options, const Clock& clock, ReportService::Random random = system_random);

  Store& store() { return store_; }
  ReportService& reports() { return reports_; }
  WorkflowService& workflow() { return workflow_; }
  CitizenService& citizens() { return citizens_; }
  StaffService& staff() { return staff_; }
  AuthService& auth() { return auth_; }
  DeadlineJob& job() { return job_; }
  const Notifier& notifier() const { return notifier_; }
  NotificationSender& sender() { return sender_; }
  ExternalPoller& poller() { return poller_; }
  InboundService& inbound() { return inbound_; }
  DashboardService& dashboard() { return dashboard_; }
  UploadService& uploads() { return uploads_; }
  HttpServer& http() { return http_; }
  const Services& services() const { return services_; }

 private:
  Store store_;
  Notifier notifier_;
  ReportService reports_;
  WorkflowService workflow_;
  CitizenService citizens_;
  FollowService follows_;
  DeviceLinkService device_links_;
  CategoryModelService category_models_;
  StaffService staff_;
  AuthService auth_;
  DeadlineJob job_;
  InboundService inbound_;
  NotificationSender sender_;
  ExternalPoller poller_;
  DashboardService dashboard_;
  RequestMetrics metrics_;
  UploadService uploads_;
  AddressLimiter submit_limiter_;
  AddressLimiter track_limiter_;
  DeviceLimits devices_;
  AssetSource assets_;
  Services services_;
  HttpServer http_;
};

}  // namespace aduan
