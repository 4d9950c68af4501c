// The whole aduan server wired together: the store, the services, the deadline job and the
// HTTP front. `aduan serve`, the demo and the tests build one of these.
#pragma once

#include <memory>
#include <string>

#include "base/clock.h"
#include "http/address_limiter.h"
#include "http/assets.h"
#include "http/device_limits.h"
#include "http/http_server.h"
#include "http/metrics.h"
#include "http/services.h"
#include "model/region_catalog.h"
#include "notify/notification_sender.h"
#include "notify/notifier.h"
#include "notify/notify_config.h"
#include "services/account_service.h"
#include "services/agency_settings_service.h"
#include "services/api_key_service.h"
#include "services/auth_service.h"
#include "services/canned_response_service.h"
#include "services/catalogue_service.h"
#include "services/category_model_service.h"
#include "services/citizen_service.h"
#include "services/dashboard_service.h"
#include "services/deadline_job.h"
#include "services/device_link_service.h"
#include "services/external_agency_service.h"
#include "services/external_poller.h"
#include "services/follow_service.h"
#include "services/holiday_service.h"
#include "services/inbound_service.h"
#include "services/inbox_service.h"
#include "services/monitoring_service.h"
#include "services/open311_service.h"
#include "services/outbox_service.h"
#include "services/report_service.h"
#include "services/saved_view_service.h"
#include "services/similar_service.h"
#include "services/staff_service.h"
#include "services/term_link_service.h"
#include "services/transparency_service.h"
#include "services/upload_service.h"
#include "services/workflow_service.h"
#include "store/store.h"

namespace aduan {

struct AppOptions {
  std::string db_path = "aduan.db";
  std::string audit_key_path;  // empty: db_path + ".key" (base/secrets.h)
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
  CatalogueService catalogue_;
  TransparencyService transparency_;
  SimilarService similar_;
  ApiKeyService api_keys_;
  MonitoringService monitoring_;
  Open311Service open311_;
  HolidayService holidays_;
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
  OutboxService outbox_;
  AccountService accounts_;
  AgencySettingsService agency_settings_;
  InboxService inbox_;
  TermLinkService term_links_;
  ExternalAgencyService external_agencies_;
  CannedResponseService canned_;
  SavedViewService saved_views_;
  Services services_;
  HttpServer http_;
};

}  // namespace aduan
