#!/usr/bin/env bash
# The case store's scale check (issue 4): import N synthetic triaged findings (default 1,000,000) into a fresh store,
# report the import rate, then time `cases list` / `cases show` on it, in-process and through the CLI.
# Usage: bench/store-scale.sh [N] [DB]     (DB: a SQLite path, default bench/work/store-scale.db, a jdbc:postgresql URL,
#                                           or "postgres" for a throw-away embedded PostgreSQL)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-1000000}"
db="${2:-$here/bench/work/store-scale.db}"
cd "$here"
mkdir -p bench/work
./mvnw -q -B -o -DskipTests package test-compile >&2
./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=bench/work/test-classpath.txt >&2
cp="target/test-classes:target/classes:$(cat bench/work/test-classpath.txt)"
if [[ "$db" == postgres ]]; then
  exec java -Xmx1g -cp "$cp" dev.vigil.cases.PostgresScaleBenchmark "$n"
fi
case "$db" in jdbc:*) ;; *) rm -f "$db" "$db-wal" "$db-shm" ;; esac
java -Xmx1g -cp "$cp" dev.vigil.cases.StoreScaleBenchmark "$db" "$n" both
if [[ "$db" != jdbc:* ]]; then
  echo "store file: $(du -h "$db" | cut -f1)"
  for command in "cases list" "cases list --severity medium" "cases show C-000001"; do
    start=$(date +%s%N)
    java -jar target/vigil.jar $command --db "$db" >/dev/null
    echo "CLI vigil $command (JVM start included): $(( ($(date +%s%N) - start) / 1000000 )) ms"
  done
fi
