#!/usr/bin/env bash
# The case store's scale check (issue 4): import N synthetic triaged findings (default 1,000,000) into a fresh store,
# report the import rate, then time `cases list` / `cases show` on it, in-process and through the CLI.
# Usage: bench/store-scale.sh [N] [DB]     (DB: a SQLite path, default bench/work/store-scale.db, a jdbc:postgresql URL,
#                                           or "postgres" for a throw-away embedded PostgreSQL)
#        bench/store-scale.sh cli [DB]     only the CLI timings, on a store an earlier run built (the import of
#                                           1,000,000 findings takes minutes; keep the file and time against it)
# The CLI is timed as a user runs it: the launcher ./vigil, JVM start included; each command RUNS times (default 7),
# reporting the median wall, user and sys seconds. On a shared machine, compare user + sys rather than wall.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mkdir -p bench/work
runs="${RUNS:-7}"

# time_cli ARGS...: runs `./vigil ARGS` $runs times and prints the median of each of wall, user and sys seconds.
time_cli() {
  local samples
  samples="$(mktemp)"
  for _ in $(seq "$runs"); do
    { TIMEFORMAT='%R %U %S'; time ./vigil "$@" >/dev/null 2>&1; } 2>>"$samples"
  done
  local wall user sys
  wall="$(cut -d' ' -f1 "$samples" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}')"
  user="$(cut -d' ' -f2 "$samples" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}')"
  sys="$(cut -d' ' -f3 "$samples" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}')"
  local label="$*"
  printf 'CLI vigil %-40s median of %s: %5.2f s wall, %5.2f s user, %5.2f s sys (walls: %s)\n' "${label% --db *}" "$runs" \
      "$wall" "$user" "$sys" "$(cut -d' ' -f1 "$samples" | sort -n | tr '\n' ' ')"
  rm -f "$samples"
}

cli_timings() {
  local db="$1"
  ./vigil --version >/dev/null   # builds the jar and records the launcher's class-data archive if needed
  # the case with the most findings among the first 500 open ones (the hot endpoint's incident)
  local hottest
  hottest="$(./vigil cases list --limit 500 --db "$db" | awk 'NR > 1 && $4 > max {max = $4; id = $1} END {print id}')"
  echo "CLI timings on $db (${hottest} is the case with the most findings; load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'))"
  time_cli --version
  time_cli cases list --db "$db"
  time_cli cases list --severity medium --db "$db"
  time_cli cases show C-000001 --db "$db"
  time_cli cases show "$hottest" --db "$db"
}

if [[ "${1:-}" == cli ]]; then
  db="${2:-$here/bench/work/store-scale.db}"
  [[ -f "$db" ]] || { echo "store-scale.sh: no store at $db; build one with bench/store-scale.sh [N]" >&2; exit 2; }
  cli_timings "$db"
  exit
fi

n="${1:-1000000}"
db="${2:-$here/bench/work/store-scale.db}"
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
  cli_timings "$db"
fi
