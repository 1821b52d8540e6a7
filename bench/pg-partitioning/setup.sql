-- Synthetic national data for the partitioning measurement (run.sh): psql -X -v years=N -v per=ROWS -f setup.sql
\set ON_ERROR_STOP 1
DROP SCHEMA IF EXISTS pgload17_part CASCADE;
CREATE SCHEMA pgload17_part;
SET search_path = pgload17_part;
SELECT setseed(0.17);
CREATE TABLE councils (id TEXT PRIMARY KEY, province INT NOT NULL);
INSERT INTO councils SELECT 'c' || p || '-' || k, p FROM generate_series(1, 34) p, generate_series(1, 99) k;
CREATE TABLE organs (id TEXT PRIMARY KEY, council TEXT NOT NULL REFERENCES councils(id), kind TEXT NOT NULL);
INSERT INTO organs SELECT c.id || '.' || o, c.id, CASE o WHEN 0 THEN 'plenary' WHEN 1 THEN 'standing' ELSE 'committee' END FROM councils c, generate_series(0, 3) o;
-- The activities of :years years from 2026 on, :per a year, in one plain table (the schema as it is).
CREATE TABLE plain (
  id TEXT PRIMARY KEY, council TEXT NOT NULL REFERENCES councils(id) DEFERRABLE INITIALLY DEFERRED, kind TEXT NOT NULL,
  owner TEXT NOT NULL REFERENCES organs(id) DEFERRABLE INITIALLY DEFERRED, organisers TEXT NOT NULL, date_from TEXT NOT NULL, date_to TEXT,
  session TEXT, title TEXT NOT NULL, subject TEXT, mode TEXT, origin TEXT);
INSERT INTO plain
SELECT 'a' || i, c, k, c || '.' || (i % 4), '["' || c || '.' || (i % 4) || '"]',
  to_char(date '2026-01-01' + (i / :per) * 365 + (random() * 364)::int, 'YYYY-MM-DD'), NULL,
  CASE WHEN random() < 0.6 THEN c || '.kh' || (1 + (random() * 11)::int) END, 'Hoạt động giám sát chuyên đề',
  CASE WHEN k = 'review' THEN 'report' END, CASE WHEN k = 'supervision' THEN 'thematic' END, CASE WHEN k = 'advisory' THEN 'inter-session' END
FROM (SELECT i, 'c' || (1 + (random() * 33)::int) || '-' || (1 + (random() * 98)::int) AS c,
        (ARRAY['review','review','review','supervision','survey','advisory','advisory','interpellation','voterMeeting','citizenReception'])[1 + (random() * 9)::int] AS k
      FROM generate_series(0, :years * :per - 1) i) g;
CREATE INDEX plain_council_date ON plain (council, date_from);
-- The same rows, partitioned by year: the key must hold the partition column (id, date_from).
CREATE TABLE parted (LIKE plain INCLUDING DEFAULTS) PARTITION BY RANGE (date_from);
ALTER TABLE parted ADD PRIMARY KEY (id, date_from);
DO $$ BEGIN FOR y IN 2026..2035 LOOP
  EXECUTE format('CREATE TABLE parted_%s PARTITION OF parted FOR VALUES FROM (%L) TO (%L)', y, y || '-01-01', (y + 1) || '-01-01');
END LOOP; END $$;
INSERT INTO parted SELECT * FROM plain;
CREATE INDEX parted_council_date ON parted (council, date_from);
VACUUM ANALYZE plain;
VACUUM ANALYZE parted;
SELECT count(*) AS activities, pg_size_pretty(pg_total_relation_size('plain')) AS plain_size FROM plain;
-- Materialised monthly aggregate: how many rows would it hold, keeping the dimensions indicators filter on?
SELECT count(*) AS agg_rows_all_dims FROM (SELECT DISTINCT council, substr(date_from, 1, 7), kind, owner, subject, mode, origin, session FROM plain) x;
SELECT count(*) AS agg_rows_no_session FROM (SELECT DISTINCT council, substr(date_from, 1, 7), kind, owner, subject, mode, origin FROM plain) x;
