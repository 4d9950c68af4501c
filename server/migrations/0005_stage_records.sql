-- One row per stage a report went through, written when the stage ends: how long it took
-- in working days and whether it ended by its due date. The monitoring reads these instead
-- of replaying timelines.
CREATE TABLE stage_records (
  id           INTEGER PRIMARY KEY,
  report_id    INTEGER NOT NULL REFERENCES reports(id),
  stage        TEXT NOT NULL,     -- verification, first_response, resolution, citizen_confirmation
  agency_id    INTEGER REFERENCES agencies(id),   -- who held the report during the stage
  category_id  INTEGER NOT NULL REFERENCES categories(id),
  started      TEXT NOT NULL,     -- YYYY-MM-DD
  due          TEXT NOT NULL,
  ended        TEXT NOT NULL,
  working_days INTEGER NOT NULL,  -- from started to ended
  on_time      INTEGER NOT NULL,  -- ended <= due
  ended_at     INTEGER NOT NULL   -- Unix seconds
);
CREATE INDEX stage_records_ended ON stage_records(ended_at, stage);
CREATE INDEX stage_records_agency ON stage_records(agency_id, ended_at);
