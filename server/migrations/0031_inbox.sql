-- The staff inbox: what needs a staff member's attention is derived from the reports and
-- their events when asked (server/services/inbox_service.h); only what each user has read is kept.
-- A user's marker: every event up to this id is read ("mark all read").
CREATE TABLE inbox_cursors (
  user_id    INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  read_up_to INTEGER NOT NULL
);
-- Reports read one by one since the marker: read up to `event_id`. Rows at or below the
-- marker are dropped when it moves, and a user keeps at most kMaxInboxReads of them.
CREATE TABLE inbox_reads (
  user_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  report_id INTEGER NOT NULL REFERENCES reports(id),
  event_id  INTEGER NOT NULL,
  PRIMARY KEY (user_id, report_id)
) WITHOUT ROWID;
CREATE INDEX inbox_reads_user_event ON inbox_reads(user_id, event_id);
