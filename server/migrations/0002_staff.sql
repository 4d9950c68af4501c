-- Staff accounts and sessions, the citizen's PIN, and what the workflow needs to remember
-- between actions: assignment, the paused clock, escalation, archive reasons, ratings.

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL,          -- coordinator, agency_admin, agency_officer, supervisor, system_admin
  agency_id     INTEGER REFERENCES agencies(id),  -- agency roles only
  password_hash TEXT NOT NULL,          -- Argon2id, libsodium's crypto_pwhash_str format
  disabled      INTEGER NOT NULL DEFAULT 0,
  created_at    INTEGER NOT NULL
);

-- Sessions live here, not in memory, so that several servers can share them. The token
-- itself is only in the browser's cookie; the table keeps its hash.
CREATE TABLE sessions (
  token_hash   TEXT PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id),
  csrf_token   TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

-- Failed logins and PIN attempts, counted over a sliding window by key
-- ("login:user:<name>", "login:addr:<ip>", "pin:<tracking id>").
CREATE TABLE rate_events (
  key TEXT NOT NULL,
  at  INTEGER NOT NULL
);
CREATE INDEX rate_events_key ON rate_events(key, at);

ALTER TABLE reports ADD COLUMN citizen_pin_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN assigned_user_id INTEGER REFERENCES users(id);
ALTER TABLE reports ADD COLUMN paused_days_left INTEGER;
ALTER TABLE reports ADD COLUMN escalation_due TEXT;
ALTER TABLE reports ADD COLUMN returned INTEGER NOT NULL DEFAULT 0;  -- an agency sent it back
ALTER TABLE reports ADD COLUMN archive_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN duplicate_of TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN rating INTEGER;
ALTER TABLE reports ADD COLUMN rating_comment TEXT NOT NULL DEFAULT '';
CREATE INDEX reports_escalation ON reports(status, escalation_due);
CREATE INDEX reports_assigned ON reports(assigned_user_id, status);

ALTER TABLE report_events ADD COLUMN actor_name TEXT NOT NULL DEFAULT '';
ALTER TABLE report_events ADD COLUMN agency_id INTEGER REFERENCES agencies(id);
