-- The public list, newest first, and its count (which stops at 10,000): both read this
-- index alone instead of every report's row. Its condition is public_report_condition()
-- (server/store/status_sql.h) word for word, so that SQLite knows the index applies.
CREATE INDEX reports_public ON reports(created_at)
WHERE confidential = 0 AND NOT (status = 'archived' AND archive_reason IN ('abusive', 'spam'));
