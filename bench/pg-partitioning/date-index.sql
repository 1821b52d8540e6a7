-- National-year again once the plain table has an index on dates (what an index buys instead of partitions).
SET search_path = pgload17_part;
SET jit = off;
CREATE INDEX IF NOT EXISTS plain_date ON plain (date_from);
ANALYZE plain;
\timing on
\o /dev/null
SELECT c.province, kind, count(*), count(DISTINCT session) FROM plain a JOIN councils c ON c.id = a.council WHERE date_from BETWEEN :'y' || '-01-01' AND :'y' || '-12-31' GROUP BY 1, 2;
\o
\echo national-year plain+date-index
SELECT c.province, kind, count(*), count(DISTINCT session) FROM plain a JOIN councils c ON c.id = a.council WHERE date_from BETWEEN :'y' || '-01-01' AND :'y' || '-12-31' GROUP BY 1, 2 \g /dev/null
\echo national-year parted
SELECT c.province, kind, count(*), count(DISTINCT session) FROM parted a JOIN councils c ON c.id = a.council WHERE date_from BETWEEN :'y' || '-01-01' AND :'y' || '-12-31' GROUP BY 1, 2 \g /dev/null
\echo national-year plain+date-index
SELECT c.province, kind, count(*), count(DISTINCT session) FROM plain a JOIN councils c ON c.id = a.council WHERE date_from BETWEEN :'y' || '-01-01' AND :'y' || '-12-31' GROUP BY 1, 2 \g /dev/null
\echo national-year parted
SELECT c.province, kind, count(*), count(DISTINCT session) FROM parted a JOIN councils c ON c.id = a.council WHERE date_from BETWEEN :'y' || '-01-01' AND :'y' || '-12-31' GROUP BY 1, 2 \g /dev/null
\echo national-year plain+date-index
SELECT c.province, kind, count(*), count(DISTINCT session) FROM plain a JOIN councils c ON c.id = a.council WHERE date_from BETWEEN :'y' || '-01-01' AND :'y' || '-12-31' GROUP BY 1, 2 \g /dev/null
\echo national-year parted
SELECT c.province, kind, count(*), count(DISTINCT session) FROM parted a JOIN councils c ON c.id = a.council WHERE date_from BETWEEN :'y' || '-01-01' AND :'y' || '-12-31' GROUP BY 1, 2 \g /dev/null
\echo plan
EXPLAIN SELECT c.province, kind, count(*), count(DISTINCT session) FROM plain a JOIN councils c ON c.id = a.council WHERE date_from BETWEEN :'y' || '-01-01' AND :'y' || '-12-31' GROUP BY 1, 2;
