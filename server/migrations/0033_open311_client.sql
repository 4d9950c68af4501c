-- aduan as an Open311 client (server/store/external_agency_repository.h): an agency whose reports
-- are handled in another system. A report forwarded to it is posted there through the
-- outbox, and the remote request's status and notes are polled back into the timeline.
CREATE TABLE external_agencies (
  agency_id            INTEGER PRIMARY KEY REFERENCES agencies(id),
  endpoint             TEXT NOT NULL,             -- the remote base URL, ".../open311/v2"
  jurisdiction_id      TEXT NOT NULL DEFAULT '',
  -- The remote API key, sealed with a secret derived from the deployment's key, which is
  -- not in the database: a copy of the file does not give the key away.
  sealed_key           TEXT NOT NULL,
  share_identity       INTEGER NOT NULL DEFAULT 0,  -- the reporter's contact may go along
  -- The remote keeps a request private when asked (attribute[confidential]); without it, a
  -- confidential report is not sent there, since most Open311 servers publish every request.
  keeps_private        INTEGER NOT NULL DEFAULT 0,
  default_service_code TEXT NOT NULL DEFAULT '',
  polled_at            INTEGER,
  poll_error           TEXT NOT NULL DEFAULT '',
  updated_at           INTEGER NOT NULL
);
-- Which remote service a category's reports become; without a row, the default code.
CREATE TABLE external_service_codes (
  agency_id    INTEGER NOT NULL REFERENCES external_agencies(agency_id) ON DELETE CASCADE,
  category_id  INTEGER NOT NULL REFERENCES categories(id),
  service_code TEXT NOT NULL,
  PRIMARY KEY (agency_id, category_id)
) WITHOUT ROWID;
-- A report posted (or to be posted) to an external system, and what aduan last saw of it.
-- `open` turns 0 when the remote closed it or the report left that agency: no more polls.
CREATE TABLE external_requests (
  report_id          INTEGER PRIMARY KEY REFERENCES reports(id),
  agency_id          INTEGER NOT NULL REFERENCES agencies(id),
  -- The outbox message that posts it: a new post (the report forwarded there again, or
  -- reopened) is a new generation, and what an older one learns is not written over it.
  message_id         TEXT NOT NULL,
  service_request_id TEXT NOT NULL DEFAULT '',
  token              TEXT NOT NULL DEFAULT '',
  remote_status      TEXT NOT NULL DEFAULT '',
  remote_notes       TEXT NOT NULL DEFAULT '',
  posted_at          INTEGER,
  open               INTEGER NOT NULL DEFAULT 1,
  created_at         INTEGER NOT NULL
);
CREATE INDEX external_requests_open ON external_requests(agency_id, open);
-- On the receiving side: the API key a report came in with over Open311, so that the
-- system that sent it may follow it with that key even while it is not public.
CREATE TABLE open311_origins (
  report_id  INTEGER PRIMARY KEY REFERENCES reports(id),
  api_key_id INTEGER NOT NULL REFERENCES api_keys(id)
);
