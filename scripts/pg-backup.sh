#!/usr/bin/env bash
# Backs up Phatthana's PostgreSQL database: scripts/pg-backup.sh <database> <file.dump>
#   <database>  a libpq connection string or URL, e.g. "host=db1 user=phatthana dbname=phatthana" or postgres://…/phatthana
# A custom-format dump (pg_dump -Fc): one consistent snapshot taken while the app runs, compressed, restorable with
# scripts/pg-restore.sh. Written to <file>.part first, so a failed dump never leaves a file that looks whole.
set -euo pipefail
. "$(dirname "$0")/pg-tools.sh"
if [ $# -ne 2 ]; then echo "usage: $0 <database> <file.dump>" >&2; exit 2; fi
db=$1; file=$2
[ -e "$file" ] && { echo "$file exists already: choose a new name" >&2; exit 1; }
"$(pg_tool pg_dump)" --format=custom --no-owner --no-privileges --dbname="$db" --file="$file.part"
mv "$file.part" "$file"
echo "backed up to $file ($(stat -c %s "$file") bytes)"
