// Everything the HTTP routes call, wired once in app.cpp.
#pragma once

namespace aduan {

class Store;
class ReportService;
class WorkflowService;
class CitizenService;
class StaffService;
class AuthService;
class Clock;
class DashboardService;
class InboundService;
class Notifier;
class NotificationSender;
class DeadlineJob;
class RequestMetrics;
class UploadService;
class RegionCatalog;
class AddressLimiter;
class FollowService;
class DeviceLimits;
class DeviceLinkService;
class CategoryModelService;

struct Services {
  Store& store;
  ReportService& reports;
  WorkflowService& workflow;
  CitizenService& citizens;
  StaffService& staff;
  AuthService& auth;
  InboundService& inbound;
  const Notifier& notifier;
  NotificationSender& sender;
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
};

}  // namespace aduan
