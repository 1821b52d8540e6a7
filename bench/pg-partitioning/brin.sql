-- National-year once the plain table has a BRIN index on dates instead (block ranges, no key change;
-- it prunes only as well as rows lie in date order on disk, as a year-by-year load leaves them).
SET search_path = pgload17_part;
SET jit = off;
DROP INDEX IF EXISTS plain_date;
CREATE INDEX IF NOT EXISTS plain_date_brin ON plain USING brin (date_from);
ANALYZE plain;
\timing on
\o /dev/null
SELECT c.province, kind, count(*), count(DISTINCT session) FROM plain a JOIN councils c ON c.id = a.council WHERE date_from BETWEEN :'y' || '-01-01' AND :'y' || '-12-31' GROUP BY 1, 2;
\o
\echo national-year plain+brin
SELECT c.province, kind, count(*), count(DISTINCT session) FROM plain a JOIN councils c ON c.id = a.council WHERE date_from BETWEEN :'y' || '-01-01' AND :'y' || '-12-31' GROUP BY 1, 2 \g /dev/null
\echo national-year parted
SELECT c.province, kind, count(*), count(DISTINCT session) FROM parted a JOIN councils c ON c.id = a.council WHERE date_from BETWEEN :'y' || '-01-01' AND :'y' || '-12-31' GROUP BY 1, 2 \g /dev/null
\echo national-year plain+brin
SELECT c.province, kind, count(*), count(DISTINCT session) FROM plain a JOIN councils c ON c.id = a.council WHERE date_from BETWEEN :'y' || '-01-01' AND :'y' || '-12-31' GROUP BY 1, 2 \g /dev/null
\echo national-year parted
SELECT c.province, kind, count(*), count(DISTINCT session) FROM parted a JOIN councils c ON c.id = a.council WHERE date_from BETWEEN :'y' || '-01-01' AND :'y' || '-12-31' GROUP BY 1, 2 \g /dev/null
\echo national-year plain+brin
SELECT c.province, kind, count(*), count(DISTINCT session) FROM plain a JOIN councils c ON c.id = a.council WHERE date_from BETWEEN :'y' || '-01-01' AND :'y' || '-12-31' GROUP BY 1, 2 \g /dev/null
\echo national-year parted
SELECT c.province, kind, count(*), count(DISTINCT session) FROM parted a JOIN councils c ON c.id = a.council WHERE date_from BETWEEN :'y' || '-01-01' AND :'y' || '-12-31' GROUP BY 1, 2 \g /dev/null
