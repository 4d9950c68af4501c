-- The inbox asks each of up to 400 reports for its newest event of a few actions
-- (InboxRepository::candidates): with the action in the report's index of events, that is read
-- from the index alone, not from the row of every newer event of another action.
DROP INDEX report_events_report;
CREATE INDEX report_events_report ON report_events(report_id, id, action);
