-- "My reports on any phone" (docs/security.md, "Reports on any phone"): a citizen may link
-- their reports to a phone number or e-mail, proven with a one-time code, and open them on
-- another phone. None of these tables holds a contact or a report's link to it in the clear:
-- `contact_id` is a keyed digest of the normalised contact (the key lives in the key file
-- beside the database, not in it), and the linked reports are sealed per contact with a key
-- derived from the same secret. A copy of the database alone tells neither whose contact a
-- row is nor which reports share a contact.

-- The code last sent to a contact, kept as a keyed digest; one per contact, replaced by the
-- next, removed when used or after too many wrong tries.
CREATE TABLE contact_codes (
  contact_id  TEXT PRIMARY KEY,
  code_digest TEXT NOT NULL,
  expires_at  INTEGER NOT NULL,   -- unix seconds
  attempts    INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- The reports linked to a contact: their ids, sealed (XSalsa20-Poly1305).
CREATE TABLE contact_reports (
  contact_id TEXT PRIMARY KEY,
  sealed     BLOB NOT NULL
) WITHOUT ROWID;

-- A phone signed in with a contact, by the digest of its token (the token is only on the
-- phone).
CREATE TABLE contact_sessions (
  token_digest TEXT PRIMARY KEY,
  contact_id   TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX contact_sessions_by_contact ON contact_sessions (contact_id);
CREATE INDEX contact_sessions_by_expiry ON contact_sessions (expires_at);
CREATE INDEX contact_codes_by_expiry ON contact_codes (expires_at);
