-- Attachments (photos and PDFs) and the uploads that bring them, in the store itself so that
-- a backup, a restore and a crash treat them exactly like the report they belong to.
--
-- An upload arrives in chunks (a dropped connection resends one chunk, not the file); when
-- the last byte is in, the file is checked by its content, cleaned of metadata and becomes
-- an attachment with no report yet. Submitting a report with the upload's handle claims it.
CREATE TABLE uploads (
  id TEXT PRIMARY KEY,          -- the uploader's handle: 128 random bits in hex
  declared_type TEXT NOT NULL,  -- what the client said; the content decides in the end
  size INTEGER NOT NULL,        -- total bytes announced
  received INTEGER NOT NULL DEFAULT 0,
  client TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);
CREATE TABLE upload_chunks (
  upload_id TEXT NOT NULL REFERENCES uploads(id) ON DELETE CASCADE,
  offset INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (upload_id, offset)
) WITHOUT ROWID;
CREATE INDEX uploads_created ON uploads(created_at);

CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  upload_id TEXT NOT NULL UNIQUE,
  report_id INTEGER REFERENCES reports(id),  -- NULL until a submission claims it
  position INTEGER NOT NULL DEFAULT 0,       -- 1..5 within the report, in the order sent
  content_type TEXT NOT NULL,                -- decided from the content
  size INTEGER NOT NULL,
  width INTEGER NOT NULL DEFAULT 0,
  height INTEGER NOT NULL DEFAULT 0,
  digest TEXT NOT NULL,                      -- BLAKE2b-256 of the cleaned bytes
  data BLOB NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX attachments_report ON attachments(report_id, position)
  WHERE report_id IS NOT NULL;
CREATE INDEX attachments_unclaimed ON attachments(created_at) WHERE report_id IS NULL;

-- A submission sent again with the same Idempotency-Key (a phone that lost the answer and
-- retries) gets the first one's answer instead of a second report. Only a hash of the key
-- is kept; the PIN is sealed with a key derived from the client's key, so the store alone
-- cannot give it away.
CREATE TABLE submission_keys (
  key_hash TEXT PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id),
  sealed_pin BLOB NOT NULL,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX submission_keys_created ON submission_keys(created_at);
