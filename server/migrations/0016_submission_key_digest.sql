-- An Idempotency-Key is bound to the submission it first came with: a digest of the JSON
-- body as parsed (so spacing, key order and escapes do not matter), keyed with the client's
-- key. The same key with another body is refused and tells nothing of the first report.
-- Rows from before have no digest ('') and match no body: their key answers
-- idempotency_key_reused for the rest of its seven days rather than hand out a PIN for a
-- body it cannot compare.
ALTER TABLE submission_keys ADD COLUMN body_digest TEXT NOT NULL DEFAULT '';
