-- Which years' holidays a system admin has confirmed (docs/operations.md, "Holidays"). aduan
-- ships national holidays for the years ahead (server/data/holidays-id-YEAR.csv) and loads
-- each shipped year that has no row here as provisional (confirmed 0) when it opens the
-- store (load_shipped_holidays in server/store/catalog_repository.cpp); deadlines count those days,
-- but a deadline in a year that is not confirmed is shown as one that may still move.
-- Confirming a year (`aduan holidays confirm YEAR`, the holiday page) or importing its list
-- sets confirmed 1.
CREATE TABLE holiday_years (
  year         INTEGER PRIMARY KEY,
  confirmed    INTEGER NOT NULL DEFAULT 0,
  confirmed_by TEXT NOT NULL DEFAULT '',   -- the admin's username, or how it was confirmed
  confirmed_at INTEGER                     -- unix seconds
);
-- The national holidays already in a store were imported or entered by an admin: those
-- years are confirmed. (A year with local holidays only still gets the shipped national ones.)
INSERT INTO holiday_years (year, confirmed, confirmed_by)
  SELECT DISTINCT CAST(substr(date, 1, 4) AS INTEGER), 1, 'before migration 0019'
  FROM holidays WHERE kind = 'national';

CREATE TRIGGER holiday_years_version_insert AFTER INSERT ON holiday_years
BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER holiday_years_version_update AFTER UPDATE ON holiday_years
BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER holiday_years_version_delete AFTER DELETE ON holiday_years
BEGIN UPDATE catalog_version SET version = version + 1; END;
