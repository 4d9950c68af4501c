-- The outbox keeps no readable PIN and tells the system admin whose contact a message goes to.
--
-- A message that carries the reporter's PIN is written with the PIN masked in `body`; the
-- real text waits in `sealed_body`, sealed with the server's secret, and is dropped when the
-- message is sent or fails for good. `to_citizen` marks messages to a citizen (reporter,
-- follower, sender of an inbound message), whose address the system admin sees masked;
-- rows from before are all treated as a citizen's.
ALTER TABLE notifications ADD COLUMN sealed_body BLOB;
ALTER TABLE notifications ADD COLUMN to_citizen INTEGER NOT NULL DEFAULT 1;

-- "received" messages already delivered or failed hold the PIN in the clear: their text goes.
-- Those still pending are delivered as they are and lose their text when sent.
UPDATE notifications SET body = '' WHERE event = 'received' AND status != 'pending';
