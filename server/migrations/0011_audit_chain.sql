-- Tamper evidence: each event of a report carries a hash of its contents and of the event
-- before it, and the report keeps the hash of its last event, so that an edited, inserted,
-- removed or reordered event breaks the chain (`aduan audit verify`, server/store/audit_chain.cpp).
ALTER TABLE report_events ADD COLUMN hash TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN audit_head TEXT NOT NULL DEFAULT '';
-- Whether the events stored before this migration have been linked (once, at a start).
ALTER TABLE tally_settings ADD COLUMN events_chained INTEGER NOT NULL DEFAULT 0;
