#!/usr/bin/env bash
# Issue 12's scale benchmarks in one command (docs/benchmarks.md, "At scale").
#   bench/run.sh --quick   area scale on SQLite and on PostgreSQL, 15 s load runs: a few minutes; prints only
#   bench/run.sh           area scale on SQLite, national scale (245 areas) on PostgreSQL, 60 s load runs; rewrites the docs sections
#   bench/run.sh [--quick] [--write] [sqlite|postgres] [area|region|national] [--seconds N] [--think MS]
# PostgreSQL: PHATTHANA_BENCH_POSTGRES (default Host=127.0.0.1;Port=55999;Username=postgres); the bench creates its own
# database there and drops it afterwards. The web app is built in Release beside the bench and started on a loopback port.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release bench/Phatthana.Bench -v quiet -nologo
exec dotnet bench/Phatthana.Bench/bin/Release/net10.0/Phatthana.Bench.dll scale "$@"
