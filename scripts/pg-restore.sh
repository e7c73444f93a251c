#!/usr/bin/env bash
# Restores a dump of scripts/pg-backup.sh: scripts/pg-restore.sh <file.dump> <database> [--force]
# Into a new, empty database (createdb first) by default. A database that already has tables is refused, because a
# restore over a live system mixes two states; stop the app and pass --force to drop and recreate every object the
# dump holds (pg_restore --clean). The restore runs in one transaction: it applies whole or not at all.
set -euo pipefail
. "$(dirname "$0")/pg-tools.sh"
if [ $# -lt 2 ] || [ $# -gt 3 ] || { [ $# -eq 3 ] && [ "$3" != "--force" ]; }; then
  echo "usage: $0 <file.dump> <database> [--force]" >&2; exit 2
fi
file=$1; db=$2; force=${3:-}
[ -f "$file" ] || { echo "$file not found" >&2; exit 1; }
tables=$("$(pg_tool psql)" --dbname="$db" -Atqc "select count(*) from pg_tables where schemaname = 'public'")
clean=()
if [ "$tables" -gt 0 ]; then
  if [ "$force" != "--force" ]; then
    echo "the database already has $tables tables: restore into a new database, or stop the app and add --force to replace it" >&2
    exit 1
  fi
  clean=(--clean --if-exists)
fi
"$(pg_tool pg_restore)" --no-owner --no-privileges --single-transaction --exit-on-error "${clean[@]}" --dbname="$db" "$file"
echo "restored $file"
