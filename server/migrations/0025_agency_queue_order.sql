-- An agency's queue in each of its orders: an agency admin's list names the agency, and
-- without it in the index a page of a status the agency holds few of (or none: reports not
-- yet forwarded) read every report of that status across all agencies to find them.
CREATE INDEX reports_agency_queue
  ON reports(agency_id, status, coalesce(stage_due, '9999-12-31'), created_at);
CREATE INDEX reports_agency_created ON reports(agency_id, status, created_at);
CREATE INDEX reports_agency_updated ON reports(agency_id, status, updated_at);
CREATE INDEX reports_agency_followers ON reports(agency_id, status, followers);
