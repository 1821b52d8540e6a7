-- The queries timed by run.sh on the last year (:y): province 7 and the whole country, plain and partitioned, in turns.
SET search_path = pgload17_part;
SET jit = off;
\timing on
-- last year of the data; province 7; each query twice per table in turns (first run warms).
\o /dev/null
SELECT council, kind, substr(date_from, 1, 7) m, count(*), count(DISTINCT session) FROM plain WHERE council IN (SELECT id FROM councils WHERE province = 7) AND date_from BETWEEN :'y' || '-01-01' AND :'y' || '-12-31' GROUP BY 1, 2, 3;
SELECT council, kind, substr(date_from, 1, 7) m, count(*), count(DISTINCT session) FROM parted WHERE council IN (SELECT id FROM councils WHERE province = 7) AND date_from BETWEEN :'y' || '-01-01' AND :'y' || '-12-31' GROUP BY 1, 2, 3;
\o
\echo province-year plain
SELECT council, kind, substr(date_from, 1, 7) m, count(*), count(DISTINCT session) FROM plain WHERE council IN (SELECT id FROM councils WHERE province = 7) AND date_from BETWEEN :'y' || '-01-01' AND :'y' || '-12-31' GROUP BY 1, 2, 3 \g /dev/null
\echo province-year parted
SELECT council, kind, substr(date_from, 1, 7) m, count(*), count(DISTINCT session) FROM parted WHERE council IN (SELECT id FROM councils WHERE province = 7) AND date_from BETWEEN :'y' || '-01-01' AND :'y' || '-12-31' GROUP BY 1, 2, 3 \g /dev/null
\echo province-year plain
SELECT council, kind, substr(date_from, 1, 7) m, count(*), count(DISTINCT session) FROM plain WHERE council IN (SELECT id FROM councils WHERE province = 7) AND date_from BETWEEN :'y' || '-01-01' AND :'y' || '-12-31' GROUP BY 1, 2, 3 \g /dev/null
\echo province-year parted
SELECT council, kind, substr(date_from, 1, 7) m, count(*), count(DISTINCT session) FROM parted WHERE council IN (SELECT id FROM councils WHERE province = 7) AND date_from BETWEEN :'y' || '-01-01' AND :'y' || '-12-31' GROUP BY 1, 2, 3 \g /dev/null
\echo national-year plain
SELECT c.province, kind, count(*), count(DISTINCT session) FROM plain a JOIN councils c ON c.id = a.council WHERE date_from BETWEEN :'y' || '-01-01' AND :'y' || '-12-31' GROUP BY 1, 2 \g /dev/null
\echo national-year parted
SELECT c.province, kind, count(*), count(DISTINCT session) FROM parted a JOIN councils c ON c.id = a.council WHERE date_from BETWEEN :'y' || '-01-01' AND :'y' || '-12-31' GROUP BY 1, 2 \g /dev/null
\echo national-year plain
SELECT c.province, kind, count(*), count(DISTINCT session) FROM plain a JOIN councils c ON c.id = a.council WHERE date_from BETWEEN :'y' || '-01-01' AND :'y' || '-12-31' GROUP BY 1, 2 \g /dev/null
\echo national-year parted
SELECT c.province, kind, count(*), count(DISTINCT session) FROM parted a JOIN councils c ON c.id = a.council WHERE date_from BETWEEN :'y' || '-01-01' AND :'y' || '-12-31' GROUP BY 1, 2 \g /dev/null
\echo national-year plain
SELECT c.province, kind, count(*), count(DISTINCT session) FROM plain a JOIN councils c ON c.id = a.council WHERE date_from BETWEEN :'y' || '-01-01' AND :'y' || '-12-31' GROUP BY 1, 2 \g /dev/null
\echo national-year parted
SELECT c.province, kind, count(*), count(DISTINCT session) FROM parted a JOIN councils c ON c.id = a.council WHERE date_from BETWEEN :'y' || '-01-01' AND :'y' || '-12-31' GROUP BY 1, 2 \g /dev/null
\echo province-year plain
SELECT council, kind, substr(date_from, 1, 7) m, count(*), count(DISTINCT session) FROM plain WHERE council IN (SELECT id FROM councils WHERE province = 7) AND date_from BETWEEN :'y' || '-01-01' AND :'y' || '-12-31' GROUP BY 1, 2, 3 \g /dev/null
\echo province-year parted
SELECT council, kind, substr(date_from, 1, 7) m, count(*), count(DISTINCT session) FROM parted WHERE council IN (SELECT id FROM councils WHERE province = 7) AND date_from BETWEEN :'y' || '-01-01' AND :'y' || '-12-31' GROUP BY 1, 2, 3 \g /dev/null
