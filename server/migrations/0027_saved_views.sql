-- A staff member's saved queue views: a name and the queue's address query ("status=…&sort=…"),
-- private to the user. Leaving the user's account leaves nothing behind in other tables.
CREATE TABLE saved_views (
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  query      TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (user_id, name)
);
