-- The audit chain keyed with a secret kept outside the database, and made one chain through
-- every event of every report (server/store/audit_chain.cpp): each event records a keyed digest of
-- its report's state after it, and the store keeps the chain's head in one row. The events
-- stored before are linked again with the key, and the PIN digests wrapped with it, at the
-- first start with a key (key_check is '' until then).
ALTER TABLE report_events ADD COLUMN state TEXT NOT NULL DEFAULT '';
CREATE TABLE audit_head (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  event_id  INTEGER NOT NULL DEFAULT 0,   -- the chain's last event (0: none yet)
  link      TEXT NOT NULL DEFAULT '',     -- that event's link
  key_check TEXT NOT NULL DEFAULT '',     -- Secrets::check of the key the chain is linked with
  -- The last event when the chain was linked again from the stored events (the first start
  -- with a key, or `aduan audit new-key` after a key was lost): the links up to it vouch for
  -- those events only from that moment on.
  relinked_through INTEGER NOT NULL DEFAULT 0
);
INSERT INTO audit_head (id) VALUES (1);
-- Per-report heads and the unkeyed chain's marker belong to the chain this one replaces.
ALTER TABLE reports DROP COLUMN audit_head;
ALTER TABLE tally_settings DROP COLUMN events_chained;
