-- The notification outbox (written in the same transaction as the change it reports),
-- contact details for staff and agency heads, the citizen's choice to stop messages, and
-- what the inbound gateways and the daily jobs need to remember.

CREATE TABLE notifications (
  id              INTEGER PRIMARY KEY,
  message_id      TEXT NOT NULL UNIQUE,   -- stable across retries, so receivers drop repeats
  report_id       INTEGER REFERENCES reports(id),
  event           TEXT NOT NULL,          -- new_report, forwarded, deadline_amber, ...
  channel         TEXT NOT NULL,          -- email, sms, whatsapp
  recipient       TEXT NOT NULL,          -- an address or a +62 number
  subject         TEXT NOT NULL,
  body            TEXT NOT NULL,
  status          TEXT NOT NULL DEFAULT 'pending',  -- pending, sent, failed (for good)
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  lease_until     INTEGER,                -- a sender is working on it until then
  last_error      TEXT NOT NULL DEFAULT '',
  created_at      INTEGER NOT NULL,
  sent_at         INTEGER
);
CREATE INDEX notifications_due ON notifications(status, next_attempt_at);
CREATE INDEX notifications_report ON notifications(report_id);

ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE agencies ADD COLUMN head_name TEXT NOT NULL DEFAULT '';
ALTER TABLE agencies ADD COLUMN head_email TEXT NOT NULL DEFAULT '';
ALTER TABLE agencies ADD COLUMN head_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN notify_citizen INTEGER NOT NULL DEFAULT 1;
ALTER TABLE reports ADD COLUMN language TEXT NOT NULL DEFAULT 'id';

-- Amber and red alerts go out once per stage deadline and colour.
CREATE TABLE deadline_alerts (
  report_id INTEGER NOT NULL REFERENCES reports(id),
  stage_due TEXT NOT NULL,
  colour    TEXT NOT NULL,
  PRIMARY KEY (report_id, stage_due, colour)
);

-- Inbound gateway requests already seen, so that a replayed request is refused.
CREATE TABLE inbound_nonces (
  nonce TEXT PRIMARY KEY,
  at    INTEGER NOT NULL
);

-- Small facts the jobs keep between runs ("digest_sent_on" -> "2026-11-23").
CREATE TABLE job_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
