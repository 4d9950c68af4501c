-- Staff accounts, agencies and categories managed in the panel by the system admin
-- (docs/architecture.md, "Administration"): when each account last logged in, whether it
-- must choose a new password before anything else, its one-time activation links, and an
-- append-only record of every administrative change.

ALTER TABLE users ADD COLUMN last_login_at INTEGER;
-- Set with a printed temporary password: the session it opens may only change it.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;

-- A link that lets a new account (or one whose password was reset) choose its password.
-- Only the digest of the random token is kept; a link is used once and expires.
CREATE TABLE account_activations (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at    INTEGER
);
CREATE INDEX account_activations_user ON account_activations(user_id);

-- Who changed what in the administration, when, on which account, agency or category, and
-- the values before and after (JSON; never a password, a hash or a token). Rows are only
-- ever added: the triggers refuse to change or remove one.
CREATE TABLE admin_events (
  id          INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,
  actor       TEXT NOT NULL,      -- the admin's username
  action      TEXT NOT NULL,      -- account_created, account_disabled, agency_renamed, ...
  target_kind TEXT NOT NULL,      -- account, agency, category
  target      TEXT NOT NULL,      -- its username or code
  before_json TEXT NOT NULL DEFAULT '{}',
  after_json  TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX admin_events_target ON admin_events(target_kind, target, id);

CREATE TRIGGER admin_events_no_update BEFORE UPDATE ON admin_events
BEGIN SELECT RAISE(ABORT, 'admin_events is append-only'); END;
CREATE TRIGGER admin_events_no_delete BEFORE DELETE ON admin_events
BEGIN SELECT RAISE(ABORT, 'admin_events is append-only'); END;
