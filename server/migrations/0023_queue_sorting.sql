-- The staff queue's other orders (?sort=oldest|newest|updated|followers), per status and over all
-- statuses: like reports_queue (0008), a page reads its entries from an index in order
-- instead of sorting every match. Over all statuses, created_at has reports_created (0001).
CREATE INDEX reports_status_created ON reports(status, created_at);
CREATE INDEX reports_status_updated ON reports(status, updated_at);
CREATE INDEX reports_updated ON reports(updated_at);
CREATE INDEX reports_status_followers ON reports(status, followers);
CREATE INDEX reports_followers ON reports(followers);
