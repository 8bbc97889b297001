#!/usr/bin/env bash
# Benchmarks of the force returns job. Not part of the test run.
#
#   bench/run.sh [rows] [out-dir]     against a DuckDB baseline (issue 6): one size (default 5,000,000 record-layout
#                                     rows), JSON in <out-dir>/bench.json
#   bench/run.sh scale [out-dir]      the same at 1M, 2M and 5M rows, one after another, then a scaling table
#   bench/run.sh workers [rows] [out-dir]
#                                     remote partitioning (issue 14, docs/scale-out.md): a local run, then remote runs
#                                     with 1 and 2 worker processes (default 1,500,000 rows); see bench/workers.sh
#
# Environment: PGURL (default jdbc:postgresql://127.0.0.1:5432/test), PGUSER (postgres), XMX (512m), LAUNCH and
# REPEAT (below),
# JFR=1 to record a flight recording of the first job run, PROFILE_OPTS for other JVM options of that run (an
# -agentpath for async-profiler, say), SKIP_DUCKDB=1, KEEP=1 to keep warehouses; for `workers`: WORKER_THREADS
# (2), RABBIT_HOST (127.0.0.1), RABBIT_PORT (5672), RABBIT_USER and RABBIT_PASSWORD (guest).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAR=$ROOT/target/force-returns-etl.jar
PGURL=${PGURL:-jdbc:postgresql://127.0.0.1:5432/test}
PGUSER=${PGUSER:-postgres}
XMX=${XMX:-512m}
# LAUNCH=launcher (default): the job runs as deployed, through bin/force-returns-etl (Parallel GC, CDS archive).
# LAUNCH=jar: plain `java -Xmx512m -jar target/force-returns-etl.jar`, for comparison.
LAUNCH=${LAUNCH:-launcher}
# REPEAT: runs of each side (job and DuckDB; default 3) or rounds of the three runs (workers; default 1); the median
# by wall time is reported, every run is kept.
SEED=${SEED:-20240331}
YEARS=${YEARS:-5}

if [[ "${1:-}" == "scale" ]]; then
  OUT=${2:-$ROOT/var/bench/scale}
  mkdir -p "$OUT"
  for n in 1000000 2000000 5000000; do
    "$0" "$n" "$OUT/$n"
  done
  printf '\n%10s %10s %10s %10s %10s %12s %10s %10s\n' rows wall_s cpu_s rows_s duck_s duck_rows_s ratio rss_mb
  for n in 1000000 2000000 5000000; do
    python3 - "$OUT/$n/bench.json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
j, d = b["job"], b.get("duckdb") or {}
print("%10d %10.1f %10s %10.0f %10s %12s %10s %10.0f" % (b["rows"], j["wall_s"], j.get("cpu_s", "-"), j["rows_per_s"],
      "%.1f" % d["wall_s"] if d else "-", "%.0f" % d["rows_per_s"] if d else "-",
      "%.1f" % b["ratio_job_to_duckdb"] if b.get("ratio_job_to_duckdb") else "-", j["peak_rss_mb"]))
PY
  done
  python3 - "$OUT" <<'PY'
import json, sys, os
out = sys.argv[1]
runs = [json.load(open(os.path.join(out, str(n), "bench.json"))) for n in (1000000, 2000000, 5000000)]
json.dump({"runs": runs}, open(os.path.join(out, "bench.json"), "w"), indent=2)
PY
  echo "wrote $OUT/bench.json"
  exit 0
fi

MODE=job
if [[ "${1:-}" == "workers" ]]; then
  MODE=workers
  shift
fi
if [[ $MODE == workers ]]; then
  ROWS=${1:-1500000}
  OUT=${2:-$ROOT/var/bench/workers-$ROWS}
  REPEAT=${REPEAT:-1}
else
  ROWS=${1:-5000000}
  OUT=${2:-$ROOT/var/bench/$ROWS}
  REPEAT=${REPEAT:-3}
fi
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
INBOX=$OUT/inbox
WAREHOUSE=$OUT/warehouse
DUCKOUT=$OUT/duckdb

[[ -x /usr/bin/time ]] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
if [[ ! -f $JAR ]]; then
  echo "bench: building the jar"
  mvn -B -q package -DskipTests
fi

# 1. The synthetic inbox, seeded: made once per (rows, seed) and reused.
if [[ ! -f $INBOX/.generated || "$(cat "$INBOX/.generated")" != "$ROWS $YEARS $SEED" ]]; then
  echo "bench: generating $ROWS rows into $INBOX"
  rm -rf "$INBOX"
  # The generator is test code (not in the jar): it runs on Maven's test class path.
  mvn -B -q test-compile exec:java@synthetic-inbox -Dexec.args="$INBOX $ROWS $YEARS $SEED"
  echo "$ROWS $YEARS $SEED" > "$INBOX/.generated"
fi
INPUT_BYTES=$(find "$INBOX" -name '*.csv' -printf '%s\n' | awk '{s+=$1} END {print s+0}')
FILES=$(find "$INBOX" -name '*.csv' | wc -l)

# 2. A fresh JobRepository schema on PostgreSQL for every measured run (dropped at the end).
export PGOPTIONS='-c client_min_messages=warning'
SCHEMAS=()
fresh_schema() {
  SCHEMA=bench_$(date +%s%N)_$$
  psql -q -h 127.0.0.1 -U "$PGUSER" -d test -c "CREATE SCHEMA $SCHEMA" >/dev/null
  SCHEMAS+=("$SCHEMA")
  DBURL="$PGURL?currentSchema=$SCHEMA"
}
if [[ $MODE == job ]]; then
  fresh_schema
  rm -rf "$WAREHOUSE" "$DUCKOUT"
fi

# Runs a command under /usr/bin/time -v; leaves wall seconds and peak RSS (MB) in WALL and RSS.
measure() {
  local name=$1; shift
  local start end
  start=$(date +%s.%N)
  set +e
  /usr/bin/time -v -o "$OUT/$name.time" "$@" > "$OUT/$name.out" 2> "$OUT/$name.err"
  STATUS=$?
  set -e
  end=$(date +%s.%N)
  WALL=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}')
  RSS=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$OUT/$name.time")
  CPU=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$OUT/$name.time")
}

# The median line (by its first field, wall time) of lines of numbers.
median() {
  printf '%s' "$1" | sed '/^$/d' | sort -n -k1,1 | awk '{ line[NR] = $0 } END { print line[int((NR + 1) / 2)] }'
}

# Peak heap from a unified GC log: the largest "used before" of any collection, or the heap at exit if larger.
peak_heap() {
  python3 - "$1" <<'PY'
import re, sys
peak = 0
units = {"K": 1 / 1024, "M": 1, "G": 1024}
for line in open(sys.argv[1], errors="replace"):
    m = re.search(r"\) (\d+)([KMG])->(\d+)([KMG])\(\d+[KMG]\)", line)
    if m:
        peak = max(peak, int(m.group(1)) * units[m.group(2)])
    m = re.search(r"garbage-first heap\s+total (\d+)K, used (\d+)K", line) or re.search(r"total (\d+)K, used (\d+)K", line)
    if m:
        peak = max(peak, int(m.group(2)) / 1024)
print("%.0f" % peak)
PY
}

job() {
  local name=$1; shift
  local jvm=(-Xmx$XMX "-Xlog:gc,gc+heap+exit:file=$OUT/$name.gc.log")
  if [[ "${JFR:-0}" == 1 && $name == job1 ]]; then
    # DebugNonSafepoints: samples name the inlined method they fell in, not the nearest safepoint's.
    jvm+=(-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -XX:StartFlightRecording=filename=$OUT/job1.jfr,settings=profile)
  fi
  if [[ -n "${PROFILE_OPTS:-}" && $name == job1 ]]; then
    jvm+=($PROFILE_OPTS)
  fi
  local args=(run --inbox "$INBOX" --warehouse "$WAREHOUSE"
    --spring.datasource.url="$DBURL" --spring.datasource.username="$PGUSER" --spring.datasource.password=)
  if [[ $LAUNCH == jar ]]; then
    measure "$name" java "${jvm[@]}" -jar "$JAR" "${args[@]}"
  else
    JAVA_OPTS="${jvm[*]}" FORCE_RETURNS_JAR=$JAR FORCE_RETURNS_CACHE=$OUT/cache measure "$name" "$ROOT/bin/force-returns-etl" "${args[@]}"
  fi
  if [[ $STATUS -ne 0 && $STATUS -ne 3 ]]; then
    echo "bench: the job ($name) failed with status $STATUS; see $OUT/$name.err" >&2
    exit 1
  fi
}

# Job time (start to end of the JobExecution, no JVM or Spring start-up) of the newest run, from `status`.
job_seconds() {
  java -Xmx256m -jar "$JAR" status --limit 1 --spring.datasource.url="$DBURL" \
    --spring.datasource.username="$PGUSER" --spring.datasource.password= 2>/dev/null \
    | awk 'NR == 2 {sub(/s$/, "", $6); print $6}'
}

# As after a deploy: the launcher's first run (here on the bundled sample, into a scratch warehouse) extracts the
# jar and records its class-data-sharing archive; the measured runs start from it.
train_launcher() {
  [[ $LAUNCH != jar ]] || return 0
  rm -rf "$OUT/cache" "$OUT/training"
  echo "bench: training run of bin/force-returns-etl on the sample inbox (extracts the jar, records the CDS archive)"
  JAVA_OPTS="-Xmx$XMX" FORCE_RETURNS_JAR=$JAR FORCE_RETURNS_CACHE=$OUT/cache "$ROOT/bin/force-returns-etl" run \
    --inbox "$ROOT/src/sample/inbox" --warehouse "$OUT/training/warehouse" --run-date 2024-12-31 \
    --spring.datasource.url="jdbc:h2:file:$OUT/training/jobrepo;USER=sa" > "$OUT/training.log" 2>&1 || true
  [[ -n $(ls "$OUT"/cache/*/app.jsa 2> /dev/null) ]] || { echo "bench: the training run made no archive; see $OUT/training.log" >&2; exit 1; }
}

# The test class path (DuckDbBaseline, CompareWarehouses and their libraries), built when missing; in CP.
test_classpath() {
  local file=$ROOT/target/bench-classpath.txt
  if [[ ! -f $ROOT/target/test-classes/org/forcereturns/bench/$1.class || ! -f $file ]]; then
    mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile="$file" -Dmdep.includeScope=test
  fi
  CP="$ROOT/target/test-classes:$(cat "$file")"
}

if [[ $MODE == workers ]]; then
  # shellcheck source=bench/workers.sh
  source "$ROOT/bench/workers.sh"
  exit 0
fi

echo "bench: $ROWS rows, $FILES files, $((INPUT_BYTES / 1000000)) MB; job with -Xmx$XMX, JobRepository $DBURL"
train_launcher
# The machine's own noise moves one run by about 10%, and a slow spell can last minutes: each side runs REPEAT
# times, job and DuckDB runs taking turns so that both meet the same spells (fresh warehouse and schema each time),
# and the median run of each by wall time is the one reported; every run is kept in bench.json.
if [[ "${SKIP_DUCKDB:-0}" != 1 ]]; then
  test_classpath DuckDbBaseline
fi
JOB_RUNS=""; DUCK_RUNS=""; PAIR_RATIOS=""
DUCK_WALL=""; DUCK_RSS=""; DUCK_CPU=""
for i in $(seq 1 "$REPEAT"); do
  [[ $i -eq 1 ]] || fresh_schema
  rm -rf "$WAREHOUSE"
  job job1
  cp "$OUT/job1.gc.log" "$OUT/job1-$i.gc.log"
  HEAP=$(peak_heap "$OUT/job1.gc.log"); SECONDS_JOB=$(job_seconds)
  echo "bench: job run $i: ${WALL}s wall (${SECONDS_JOB}s job, ${CPU}s CPU), peak RSS ${RSS} MB, peak heap ${HEAP} MB"
  JOB_RUNS+="$WALL $CPU $RSS $HEAP $SECONDS_JOB"$'\n'
  PAIR_JOB=$WALL
  if [[ "${SKIP_DUCKDB:-0}" != 1 ]]; then
    rm -rf "$DUCKOUT"
    measure duckdb java -Xmx$XMX -cp "$CP" \
      org.forcereturns.bench.DuckDbBaseline "$INBOX" "$DUCKOUT"
    if [[ $STATUS -ne 0 ]]; then
      echo "bench: the DuckDB baseline failed; see $OUT/duckdb.err" >&2
      exit 1
    fi
    PAIR=$(python3 -c "print($PAIR_JOB / $WALL)")
    echo "bench: duckdb run $i: ${WALL}s wall (${CPU}s CPU), peak RSS ${RSS} MB; this pair's ratio $(printf '%.2f' "$PAIR")x"
    DUCK_RUNS+="$WALL $CPU $RSS"$'\n'
    PAIR_RATIOS+="$PAIR"$'\n'
  fi
done
read -r JOB_WALL JOB_CPU JOB_RSS JOB_HEAP JOB_SECONDS <<< "$(median "$JOB_RUNS")"
echo "bench: job (median of $REPEAT): ${JOB_WALL}s wall (${JOB_SECONDS}s job), peak RSS ${JOB_RSS} MB, peak heap ${JOB_HEAP} MB"
if [[ -n $DUCK_RUNS ]]; then
  read -r DUCK_WALL DUCK_CPU DUCK_RSS <<< "$(median "$DUCK_RUNS")"
  echo "bench: duckdb (median of $REPEAT): ${DUCK_WALL}s wall, peak RSS ${DUCK_RSS} MB"
fi

# The last job run's warehouse, run again: nothing is new.
job job2
NOOP_WALL=$WALL; NOOP_RSS=$RSS; NOOP_CPU=$CPU; NOOP_SECONDS=$(job_seconds)
echo "bench: nothing-new run: ${NOOP_WALL}s wall (${NOOP_SECONDS}s job)"

python3 - "$OUT/bench.json" <<PY
import json, os, platform, subprocess
rows, nbytes = $ROWS, $INPUT_BYTES
job_wall, noop_wall = $JOB_WALL, $NOOP_WALL
duck_wall = float("$DUCK_WALL") if "$DUCK_WALL" else None
def rate(s):
    return {"rows_per_s": rows / s, "mb_per_s": nbytes / 1e6 / s}
def num(s):
    return float(s) if s else None
out = {
    "rows": rows, "files": $FILES, "input_bytes": nbytes, "seed": $SEED, "years": $YEARS,
    "machine": {"cpus": os.cpu_count(), "load_avg_at_end": os.getloadavg(), "kernel": platform.release(),
                "java": subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]},
    "job": dict(wall_s=job_wall, job_s=num("$JOB_SECONDS"), peak_rss_mb=int("$JOB_RSS"), peak_heap_mb=int("$JOB_HEAP"), cpu_s=$JOB_CPU,
                xmx="$XMX", launch="$LAUNCH", **rate(job_wall)),
    "nothing_new_run": {"wall_s": noop_wall, "job_s": num("$NOOP_SECONDS"), "peak_rss_mb": int("$NOOP_RSS"),
                        "cpu_s": $NOOP_CPU},
    "duckdb": dict(wall_s=duck_wall, peak_rss_mb=int("$DUCK_RSS"), cpu_s=num("$DUCK_CPU"), **rate(duck_wall)) if duck_wall else None,
    "repeat": $REPEAT,
    "job_runs": [dict(zip(("wall_s", "cpu_s", "peak_rss_mb", "peak_heap_mb", "job_s"), map(float, l.split())))
                 for l in """$JOB_RUNS""".splitlines() if l.strip()],
    "duckdb_runs": [dict(zip(("wall_s", "cpu_s", "peak_rss_mb"), map(float, l.split())))
                    for l in """${DUCK_RUNS:-}""".splitlines() if l.strip()],
    # job run i / DuckDB run i: the two ran one after the other.
    "pair_ratios": [float(l) for l in """${PAIR_RATIOS:-}""".splitlines() if l.strip()],
}
out["ratio_job_to_duckdb"] = job_wall / duck_wall if duck_wall else None
# On a shared machine wall time depends on the neighbours; CPU seconds (user + system) much less so.
out["cpu_ratio_job_to_duckdb"] = $JOB_CPU / float("$DUCK_CPU") if "$DUCK_CPU" else None
json.dump(out, open("$OUT/bench.json", "w"), indent=2)
j = out["job"]
print("\n%-16s %9s %7s %12s %8s %10s %10s" % ("", "wall s", "cpu s", "rows/s", "MB/s", "RSS MB", "heap MB"))
print("%-16s %9.1f %7.1f %12.0f %8.1f %10d %10d" % ("job", job_wall, j["cpu_s"], j["rows_per_s"], j["mb_per_s"], j["peak_rss_mb"], j["peak_heap_mb"]))
if duck_wall:
    d = out["duckdb"]
    print("%-16s %9.1f %7.1f %12.0f %8.1f %10d %10s" % ("duckdb", duck_wall, d["cpu_s"], d["rows_per_s"], d["mb_per_s"], d["peak_rss_mb"], "-"))
    print("job / duckdb: %.2fx wall time, %.2fx CPU time" % (out["ratio_job_to_duckdb"], out["cpu_ratio_job_to_duckdb"]))
    print("ratios of the runs taken in turns: " + ", ".join("%.2f" % r for r in out["pair_ratios"]))
print("nothing-new run: %.1f s wall, %s s job time" % (noop_wall, out["nothing_new_run"]["job_s"]))
print("wrote $OUT/bench.json")
PY
if [[ "${KEEP:-0}" != 1 ]]; then rm -rf "$WAREHOUSE" "$DUCKOUT"; fi
for schema in "${SCHEMAS[@]}"; do
  psql -q -h 127.0.0.1 -U "$PGUSER" -d test -c "DROP SCHEMA $schema CASCADE" >/dev/null
done
