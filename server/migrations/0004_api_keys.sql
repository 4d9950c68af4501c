-- Keys for integrations (Open311 clients, other systems). Only a digest of each key is
-- kept; the key itself is shown once, when it is created.
CREATE TABLE api_keys (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  prefix       TEXT NOT NULL,          -- the first characters, to recognise a key in lists
  key_hash     TEXT NOT NULL UNIQUE,
  scopes       TEXT NOT NULL,          -- space-separated: open311
  created_at   INTEGER NOT NULL,
  revoked_at   INTEGER,
  last_used_at INTEGER
);
