#!/usr/bin/env bash
# The one test command (README): installs what the suites need, starts a throw-away PostgreSQL on loopback,
# runs every test project (each test runs on SQLite and PostgreSQL), and ends with "N passed, N failed".
# A suite that cannot run (no server, no browser, a build error) counts as failed — never as skipped.
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
PROJECTS=(tests/Phatthana.Tests tests/Phatthana.BrowserTests)
say() { printf '\n== %s\n' "$*"; }

# 1. What the machine must have: PostgreSQL server binaries, Debian's Chromium, poppler's PDF tools and aiosmtpd.
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
missing=()
[ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# poppler-utils: the reporting tests read generated PDFs back with pdftotext / pdfinfo / pdftoppm.
command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null || missing+=(poppler-utils)
# python3-aiosmtpd: the notification tests send mail through a real SMTP server on loopback (Debian's python3, not a pyenv one).
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "missing: ${missing[*]} — install them (apt-get install -y ${missing[*]}) or run as root" >&2
  fi
fi

# 2. A throw-away PostgreSQL cluster in a temp folder, loopback only, stopped on exit.
PGBIN=$(pg_bin)
PGDIR=$(mktemp -d /tmp/phatthana-pg.XXXXXX)
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi; }
cleanup() {
  [ -n "$PGBIN" ] && [ -f "$PGDIR/data/postmaster.pid" ] && as_pg "'$PGBIN/pg_ctl' -D '$PGDIR/data' -m fast stop" >/dev/null 2>&1
  rm -rf "$PGDIR"
}
trap cleanup EXIT
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pg_ok=0
if [ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ]; then
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PGDIR"
  if as_pg "'$PGBIN/initdb' -D '$PGDIR/data' -U postgres -A trust -E UTF8 --locale=C.UTF-8" >"$PGDIR/initdb.log" 2>&1; then
    # A loopback port nobody uses: try a few, in case another cluster or service holds one.
    for attempt in 1 2 3 4 5; do
      PGPORT=${PHATTHANA_PG_PORT:-$(( 55432 + RANDOM % 5000 ))}
      port_free "$PGPORT" || continue
      if as_pg "'$PGBIN/pg_ctl' -D '$PGDIR/data' -l '$PGDIR/pg.log' -w -o \"-p $PGPORT -c listen_addresses=127.0.0.1 -k $PGDIR -c fsync=off -c max_connections=300\" start" >/dev/null 2>&1; then
        pg_ok=1
        break
      fi
    done
  fi
  if [ $pg_ok -eq 1 ]; then
    export PHATTHANA_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Pooling=true"
    say "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT"
  else
    cat "$PGDIR/initdb.log" "$PGDIR/pg.log" 2>/dev/null | tail -n 20
  fi
fi
[ $pg_ok -eq 1 ] || echo "PostgreSQL could not start: the PostgreSQL half of every suite will fail" >&2
[ -x /usr/bin/chromium ] && say "$(/usr/bin/chromium --version 2>/dev/null)"

# 3. Build once, then run each test project and add up its summary.
passed=0; failed=0; status=0
say "building"
if ! dotnet build Phatthana.slnx -nologo -v quiet; then
  echo "build failed"
  echo "0 passed, ${#PROJECTS[@]} failed"
  exit 1
fi
for project in "${PROJECTS[@]}"; do
  say "running $project"
  log=$(mktemp)
  dotnet test --project "$project" --no-build 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  total=$(grep -Eo '^\s*total: [0-9]+' "$log" | tail -n 1 | grep -Eo '[0-9]+')
  ok=$(grep -Eo '^\s*succeeded: [0-9]+' "$log" | tail -n 1 | grep -Eo '[0-9]+')
  bad=$(grep -Eo '^\s*failed: [0-9]+' "$log" | tail -n 1 | grep -Eo '[0-9]+')
  skipped=$(grep -Eo '^\s*skipped: [0-9]+' "$log" | tail -n 1 | grep -Eo '[0-9]+')
  rm -f "$log"
  if [ -z "$total" ]; then
    echo "$project did not report results: counted as 1 failed"
    failed=$((failed + 1)); status=1; continue
  fi
  if [ "${skipped:-0}" -gt 0 ]; then
    echo "$project skipped ${skipped} test(s): skipped tests count as failed"
    bad=$(( ${bad:-0} + skipped ))
  fi
  if [ "$rc" -ne 0 ] && [ "${bad:-0}" -eq 0 ]; then
    echo "$project exited with $rc without a failed test (aborted host?): counted as 1 failed"
    bad=1
  fi
  passed=$((passed + ${ok:-0})); failed=$((failed + ${bad:-0}))
  [ "$rc" -eq 0 ] || status=1
done
[ $failed -eq 0 ] || status=1
echo
echo "$passed passed, $failed failed"
exit $status
