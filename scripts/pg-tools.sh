# Shared by pg-backup.sh and pg-restore.sh: finds the PostgreSQL client tools (PATH, else Debian's newest
# /usr/lib/postgresql/*/bin). Sourced, not run.
pg_tool() {
  if command -v "$1" >/dev/null 2>&1; then command -v "$1"; return; fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$dir" ] && [ -x "$dir/$1" ]; then echo "$dir/$1"; return; fi
  echo "$1 not found: install the PostgreSQL client (apt-get install postgresql-client)" >&2
  exit 2
}
