// Everything the HTTP routes call, wired once in app/app.cpp.
#pragma once

#include <string>

namespace aduan {

class ReportService;
class WorkflowService;
class CitizenService;
class StaffService;
class AuthService;
class Clock;
class DashboardService;
class InboundService;
class DeadlineJob;
class RequestMetrics;
class UploadService;
class RegionCatalog;
class AddressLimiter;
class FollowService;
class DeviceLimits;
class DeviceLinkService;
class CategoryModelService;
class CatalogueService;
class TransparencyService;
class SimilarService;
class ApiKeyService;
class MonitoringService;
class Open311Service;
class HolidayService;
class OutboxService;
class AccountService;
class AgencySettingsService;
class InboxService;
class TermLinkService;
class ExternalAgencyService;
class CannedResponseService;
class SavedViewService;

// Where citizens and clients reach this deployment (--public-url), and whether the operator
// set it (else a default that names this machine).
struct PublicUrl {
  std::string url;
  bool set = false;
};

struct Services {
  ReportService& reports;
  WorkflowService& workflow;
  CitizenService& citizens;
  StaffService& staff;
  AuthService& auth;
  InboundService& inbound;
  const Clock& clock;
  DashboardService& dashboard;
  const DeadlineJob& job;
  RequestMetrics& metrics;
  UploadService& uploads;
  const RegionCatalog& regions;
  AddressLimiter& submit_limit;  // per client address: submissions
  AddressLimiter& track_limit;   // per client address: tracking lookups and PIN checks
  FollowService& follows;
  DeviceLimits& devices;            // submissions: per device key, with a ceiling per address
  DeviceLinkService& device_links;  // "my reports on any phone"
  CategoryModelService& category_models;
  const CatalogueService& catalogue;         // agencies, categories, the schema
  const TransparencyService& transparency;   // the public list and map
  const SimilarService& similar;             // repeated reports
  ApiKeyService& api_keys;                   // integrations' keys
  const MonitoringService& monitoring;       // the store's gauges for /metrics
  Open311Service& open311;                   // Open311's reads and who posted what
  HolidayService& holidays;                  // the calendar deadlines are counted on
  OutboxService& outbox;                     // the notifications, as the system admin sees them
  AccountService& accounts;                  // staff accounts, agencies, categories
  AgencySettingsService& agency_settings;    // an agency's own rules
  InboxService& inbox;                       // what needs a staff member's attention
  TermLinkService& term_links;               // the matcher's learned word pairs
  ExternalAgencyService& external_agencies;  // agencies reached over Open311
  CannedResponseService& canned;             // canned responses
  SavedViewService& saved_views;             // staff's saved queue views
  PublicUrl public_url;
};

}  // namespace aduan
