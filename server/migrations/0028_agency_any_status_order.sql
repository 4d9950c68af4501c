-- An agency's list over every status in each order but the deadline's: the indexes of 0025
-- start with (agency, status), so a list of all statuses sorted every report the agency ever
-- held (58,000 at the roads agency of a 1,000,000-report store) for each page.
CREATE INDEX reports_agency_any_created ON reports(agency_id, created_at);
CREATE INDEX reports_agency_any_updated ON reports(agency_id, updated_at);
CREATE INDEX reports_agency_any_followers ON reports(agency_id, followers);
