-- For the monitoring: closings by day (the trend) and each agency's open and overdue
-- reports, answered from indexes instead of table scans.
CREATE INDEX report_events_status_at ON report_events(to_status, at);
CREATE INDEX reports_status_agency_due ON reports(status, agency_id, stage_due);
