#!/bin/bash
# Yearly partitioning of activities, measured (issue #17 item 4; results in docs/postgres-scale.md).
# Builds synthetic national data (3,366 councils in 34 provinces) in a scratch schema, pgload17_part,
# the same rows in a plain table and in one partitioned by year, then times a province-year and a
# national-year tabulation on each, in turns, and national-year again with a B-tree, then a BRIN,
# index on dates.
#   bench/pg-partitioning/run.sh [database URL]     (drops the scratch schema at the end)
set -euo pipefail
cd "$(dirname "$0")"
db="${1:-${HDND_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}}"
# years of data, activities a year, the year queried (the last)
for spec in "1 1000000 2026" "3 1000000 2028" "10 200000 2035"; do
  set -- $spec
  echo "=== years=$1 per=$2 query year=$3"
  psql -X -q -d "$db" -v years="$1" -v per="$2" -f setup.sql 2>&1 | grep -v NOTICE
  psql -X -q -d "$db" -v y="$3" -f queries.sql 2>&1 | paste - -
  psql -X -q -d "$db" -v y="$3" -f date-index.sql 2>&1
  psql -X -q -d "$db" -v y="$3" -f brin.sql 2>&1 | paste - -
  psql -X -q -d "$db" -c "SELECT pg_size_pretty(pg_total_relation_size('pgload17_part.plain')) plain, (SELECT pg_size_pretty(sum(pg_total_relation_size(inhrelid))) FROM pg_inherits WHERE inhparent = 'pgload17_part.parted'::regclass) parted"
done
psql -X -q -d "$db" -c "DROP SCHEMA pgload17_part CASCADE"
