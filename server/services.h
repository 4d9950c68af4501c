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
  CategoryModelService& category_models;
};

}  // namespace aduan
