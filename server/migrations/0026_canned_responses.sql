-- Canned responses: the texts an agency writes every day (a question to the reporter, a
-- typical resolution), kept by the agency's admin and inserted by its staff into a note,
-- where they stay editable before sending (docs/architecture.md, "Canned responses").
-- agency_id NULL is the coordinators' own list (their questions when they postpone a
-- report). Who changed a text last (a username, or "demo" for the demo's texts) and when
-- are kept with it. Sizes are limited by the server (server/services/canned_response_service.h).
CREATE TABLE canned_responses (
  id         INTEGER PRIMARY KEY,
  agency_id  INTEGER REFERENCES agencies(id),
  title      TEXT NOT NULL,
  text       TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL,
  version    INTEGER NOT NULL DEFAULT 1  -- grows with each change: a change made on an older one is refused
);
-- One title once per list (letters in either case are the same title); the list is read in
-- title order.
CREATE UNIQUE INDEX canned_responses_by_title ON canned_responses (ifnull(agency_id, 0), lower(title));
