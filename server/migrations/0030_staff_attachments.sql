-- Staff attach evidence to what they write (an "after" photo, an official letter), through the
-- same chunked uploads and cleaning as the reporter's files; and an agency may let its
-- officers publish the final follow-up.
--
-- An upload and its attachment remember the staff member who started it (NULL: a reporter):
-- only they can continue, cancel or attach it, and no submission can claim it.
ALTER TABLE uploads ADD COLUMN owner_id INTEGER;
ALTER TABLE attachments ADD COLUMN owner_id INTEGER;
-- The timeline event the file belongs to (NULL: the reporter's own, sent with the report).
-- Who may fetch it follows that event's visibility (report_events.public): a file of an
-- internal entry never reaches the reporter. No foreign key, so that the column can be
-- dropped again by an older schema's test.
ALTER TABLE attachments ADD COLUMN event_id INTEGER;

-- Officers may resolve their reports when their agency says so (the core's AgencyRules).
ALTER TABLE agencies ADD COLUMN officers_resolve INTEGER NOT NULL DEFAULT 0;

-- Who changed an agency's setting, when, and to what. Configuration, not a report's event,
-- so it is kept here rather than in the audit chain of report_events.
CREATE TABLE agency_setting_changes (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  setting TEXT NOT NULL,      -- "officers_resolve"
  value TEXT NOT NULL,        -- "1" or "0"
  changed_by INTEGER NOT NULL REFERENCES users(id),
  changed_by_name TEXT NOT NULL,
  changed_at INTEGER NOT NULL
);
CREATE INDEX agency_setting_changes_agency ON agency_setting_changes(agency_id, changed_at);
