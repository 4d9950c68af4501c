-- A number that changes whenever agencies, categories or holidays change, so that the
-- server can keep the catalogue in memory and ask this one row instead of reading the
-- catalogue again for every request (server/store/catalog_repository.cpp).
CREATE TABLE catalog_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);
INSERT INTO catalog_version (id, version) VALUES (1, 0);

CREATE TRIGGER agencies_version_insert AFTER INSERT ON agencies
BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER agencies_version_update AFTER UPDATE ON agencies
BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER agencies_version_delete AFTER DELETE ON agencies
BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER categories_version_insert AFTER INSERT ON categories
BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER categories_version_update AFTER UPDATE ON categories
BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER categories_version_delete AFTER DELETE ON categories
BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER holidays_version_insert AFTER INSERT ON holidays
BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER holidays_version_update AFTER UPDATE ON holidays
BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER holidays_version_delete AFTER DELETE ON holidays
BEGIN UPDATE catalog_version SET version = version + 1; END;
