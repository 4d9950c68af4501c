-- What anyone may see waits for the coordinator's verification, and staff publish their
-- answers deliberately.

-- The public list and its count read this index; its condition is public_report_condition()
-- (server/store/status_sql.h) word for word: not confidential, and verified (is_verified in
-- shared/workflow.h: forwarded and not sent back, archived never).
DROP INDEX reports_public;
CREATE INDEX reports_public ON reports(created_at)
WHERE confidential = 0 AND status IN ('forwarded', 'in_progress', 'resolved', 'closed', 'escalated');

-- report_events.public now says who may read an event (Visibility in shared/actions.h):
-- 0 the staff only, 1 also the reporter with the PIN (every event stored as 1 so far), 2
-- anyone: an agency's answer its author chose to publish. No stored event is published.

-- Followers who left a contact prove it with a code sent there before any update goes there;
-- until then they are pending (confirmed = 0) and not counted. Followers so far were never
-- asked: those who left a contact of their own stop receiving until they follow again; the
-- reporters of archived duplicates (their own report's contact) and followers without a
-- contact stay as they are.
ALTER TABLE report_followers ADD COLUMN confirmed INTEGER NOT NULL DEFAULT 1;
ALTER TABLE report_followers ADD COLUMN code_digest TEXT NOT NULL DEFAULT '';
ALTER TABLE report_followers ADD COLUMN code_expires_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE report_followers ADD COLUMN code_attempts INTEGER NOT NULL DEFAULT 0;
UPDATE report_followers SET confirmed = 0
WHERE from_report_id IS NULL AND (phone != '' OR email != '');

-- The same contact follows a report once.
DELETE FROM report_followers
WHERE (phone != '' OR email != '') AND id NOT IN (
  SELECT min(id) FROM report_followers WHERE phone != '' OR email != ''
  GROUP BY report_id, phone, lower(email));
CREATE UNIQUE INDEX report_followers_contact ON report_followers(report_id, phone, lower(email))
WHERE phone != '' OR email != '';
UPDATE reports SET followers = (
  SELECT count(*) FROM report_followers f WHERE f.report_id = reports.id AND f.confirmed = 1)
WHERE followers > 0;
