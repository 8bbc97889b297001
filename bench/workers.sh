# Sourced by bench/run.sh: `bench/run.sh workers [rows] [out-dir]` (issue 14, docs/scale-out.md). Not run alone.
#
# The job with remote partitioning against a local run, on run.sh's seeded synthetic inbox. Three runs, in turn:
#   local    run (--threads WORKER_THREADS, default 2)
#   remote1  run --partitioning remote, one worker process (worker --threads WORKER_THREADS)
#   remote2  the same with two worker processes
# Each run has a fresh PostgreSQL database as its JobRepository (created here, dropped at the end), a fresh RabbitMQ
# queue (--partition-queue; deleted at the end when rabbitmqctl can) and a fresh warehouse. Inbox and warehouses are
# on the local file system, which all processes share on one machine. Workers are started through
# bin/force-returns-etl before their run and waited for until ready (as long-lived workers are), and stopped with
# SIGTERM after it. REPEAT rounds (default 1); the median run of each mode by wall time is reported.
#
# Printed per mode: wall s (the manager process), CPU s (user + system of the manager and of the workers, whole
# processes, /usr/bin/time; the manager's alone, and the workers' start-up up to "worker ready"), rows/s (rows per
# wall second), from BATCH_STEP_EXECUTION the ingest and publish steps' times, the planning in the ingest step
# before the first delivery starts, and the chunk commits, and from pg_stat_database the transactions and rows
# written in the run's database (the JobRepository's load). Then CompareWarehouses checks that the three runs
# published identical tables. Runs are kept in <out-dir>/workers.json.

WORKER_THREADS=${WORKER_THREADS:-2}
RUN_DATE=2025-06-30
RABBIT=(--spring.rabbitmq.host="${RABBIT_HOST:-127.0.0.1}" --spring.rabbitmq.port="${RABBIT_PORT:-5672}"
  --spring.rabbitmq.username="${RABBIT_USER:-guest}" --spring.rabbitmq.password="${RABBIT_PASSWORD:-guest}")
if [[ $LAUNCH == jar ]]; then
  LAUNCHER=(java "-Xmx$XMX" -jar "$JAR")
else
  LAUNCHER=(env "JAVA_OPTS=-Xmx$XMX" "FORCE_RETURNS_JAR=$JAR" "FORCE_RETURNS_CACHE=$OUT/cache" "$ROOT/bin/force-returns-etl")
fi
TICKS=$(getconf CLK_TCK)
DATABASES=()
QUEUES=()
WORKERS=() # "<pid of /usr/bin/time> <pid of the worker> <name>"
TIMERS=()  # every worker's /usr/bin/time, from its start

admin() {
  psql -q -At -h 127.0.0.1 -U "$PGUSER" -d test "$@"
}

# On any exit: workers stopped (also one not ready yet), queues and databases gone.
cleanup() {
  local t q d
  for t in "${TIMERS[@]}"; do pkill -TERM -P "$t" 2> /dev/null || true; done
  wait 2> /dev/null || true
  for q in "${QUEUES[@]}"; do rabbitmqctl -q delete_queue "$q" > /dev/null 2>&1 || true; done
  for d in "${DATABASES[@]}"; do admin -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" || true; done
}
trap cleanup EXIT

# CPU seconds (user + system) a live process has used so far.
cpu_so_far() {
  awk -v t="$TICKS" '{printf "%.2f", ($14 + $15) / t}' "/proc/$1/stat"
}

# Starts a worker under /usr/bin/time and waits until it takes requests; adds its start-up CPU to START_CPU.
start_worker() {
  local name=$1 log=$OUT/$1.log timer pid
  rm -f "$log" # a previous run's log would say "worker ready" before this worker's replaced it
  /usr/bin/time -f '%U %S' -o "$OUT/$name.time" "${LAUNCHER[@]}" worker --threads "$WORKER_THREADS" \
    --partition-queue "$QUEUE" "${REPO[@]}" "${RABBIT[@]}" > "$log" 2>&1 &
  timer=$!
  TIMERS+=("$timer")
  local started=$SECONDS
  until grep -q "worker ready" "$log"; do
    kill -0 "$timer" 2> /dev/null || { echo "bench: worker $name ended before it was ready; see $log" >&2; exit 1; }
    if ((SECONDS - started > 120)); then
      echo "bench: worker $name not ready within 120 s; see $log" >&2
      exit 1
    fi
    sleep 0.1
  done
  # The launcher execs java (the CDS archive exists after the training run): the child of time is the JVM.
  pid=$(pgrep -P "$timer")
  WORKERS+=("$timer $pid $name")
  START_CPU=$(awk -v a="$START_CPU" -v b="$(cpu_so_far "$pid")" 'BEGIN {printf "%.2f", a + b}')
}

# SIGTERM to every worker, then their CPU seconds (whole process) in WORKER_CPU.
stop_workers() {
  local timer pid name
  WORKER_CPU=0
  for w in "${WORKERS[@]}"; do kill -TERM "$(cut -d' ' -f2 <<< "$w")"; done
  for w in "${WORKERS[@]}"; do
    read -r timer pid name <<< "$w"
    wait "$timer" || true
    # time writes a line of its own first when the status was not 0: the figures are on the last line.
    WORKER_CPU=$(tail -1 "$OUT/$name.time" | awk -v a="$WORKER_CPU" '{printf "%.2f", a + $1 + $2}')
  done
  WORKERS=()
}

# One run: mode label, number of workers (0: local). Appends its figures to $OUT/workers.runs.
bench_run() {
  local label=$1 workers=$2 db status=0 wall user sys w
  db=bench_workers_$(date +%s%N)
  admin -c "CREATE DATABASE $db"
  DATABASES+=("$db")
  REPO=(--spring.datasource.url="${PGURL%/*}/$db" --spring.datasource.username="$PGUSER" --spring.datasource.password=)
  QUEUE=force-returns.$db
  QUEUES+=("$QUEUE")
  rm -rf "$OUT/wh-$label"
  local args=(run --inbox "$INBOX" --warehouse "$OUT/wh-$label" --run-date "$RUN_DATE" --threads "$WORKER_THREADS"
    "${REPO[@]}")
  START_CPU=0
  WORKER_CPU=0
  if ((workers > 0)); then
    for w in $(seq 1 "$workers"); do start_worker "$label-worker$w"; done
    args+=(--partitioning remote --partition-queue "$QUEUE" --worker-timeout 60m "${RABBIT[@]}")
  fi
  /usr/bin/time -f '%e %U %S' -o "$OUT/$label.time" "${LAUNCHER[@]}" "${args[@]}" > "$OUT/$label.log" 2>&1 || status=$?
  if ((workers > 0)); then stop_workers; fi
  if [[ $status -ne 0 && $status -ne 3 ]]; then
    echo "bench: the $label run failed with status $status; see $OUT/$label.log" >&2
    exit 1
  fi
  read -r wall user sys < <(tail -1 "$OUT/$label.time")
  sleep 1 # the processes' statistics reach pg_stat_database as their connections close
  local load steps
  load=$(admin -F ' ' -c "SELECT xact_commit, tup_inserted + tup_updated + tup_deleted FROM pg_stat_database
    WHERE datname = '$db'")
  steps=$(psql -q -At -F ' ' -h 127.0.0.1 -U "$PGUSER" -d "$db" -c "SELECT
      (SELECT extract(epoch FROM end_time - start_time) FROM batch_step_execution WHERE step_name = 'ingest'),
      (SELECT extract(epoch FROM min(p.start_time) - min(i.start_time)) FROM batch_step_execution i,
        batch_step_execution p WHERE i.step_name = 'ingest' AND p.step_name LIKE 'ingestDelivery:%'),
      (SELECT extract(epoch FROM end_time - start_time) FROM batch_step_execution WHERE step_name = 'publish'),
      (SELECT extract(epoch FROM end_time - start_time) FROM batch_job_execution),
      (SELECT count(*) FROM batch_step_execution WHERE step_name LIKE 'ingestDelivery:%'),
      (SELECT sum(commit_count) FROM batch_step_execution WHERE step_name LIKE 'ingestDelivery:%')")
  local cpu manager
  manager=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.1f", u + s}')
  cpu=$(awk -v m="$manager" -v w="$WORKER_CPU" 'BEGIN {printf "%.1f", m + w}')
  echo "bench: $label ($workers workers): ${wall}s wall, ${cpu}s CPU (manager ${manager}s, workers' start-up" \
    "${START_CPU}s); ingest, plan, publish, job s, partitions, commits: $steps; JobRepository transactions, rows written: $load"
  echo "$label $workers $wall $cpu $manager $START_CPU $steps $load" >> "$OUT/workers.runs"
}

echo "bench: remote partitioning, $ROWS rows, $FILES files, $((INPUT_BYTES / 1000000)) MB; -Xmx$XMX each process," \
  "$WORKER_THREADS threads a process; load average $(cut -d' ' -f1-3 /proc/loadavg)"
train_launcher
test_classpath CompareWarehouses
: > "$OUT/workers.runs"
for round in $(seq 1 "$REPEAT"); do
  bench_run local 0
  bench_run remote1 1
  bench_run remote2 2
done
echo "bench: load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$OUT" "$ROWS" "$FILES" "$INPUT_BYTES" "$WORKER_THREADS" "$XMX" <<'PY'
import json, os, sys
out, rows, files, nbytes, threads, xmx = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6]
keys = ("mode", "workers", "wall_s", "cpu_s", "manager_cpu_s", "worker_startup_cpu_s", "ingest_s", "plan_s", "publish_s", "job_s",
        "partitions", "chunk_commits", "jobrepo_transactions", "jobrepo_rows_written")
runs = [dict(zip(keys, [l.split()[0]] + [float(v) for v in l.split()[1:]])) for l in open(os.path.join(out, "workers.runs"))]
median = {}
for mode in ("local", "remote1", "remote2"):
    mine = sorted((r for r in runs if r["mode"] == mode), key=lambda r: r["wall_s"])
    median[mode] = mine[(len(mine) - 1) // 2]
json.dump({"rows": rows, "files": files, "input_bytes": nbytes, "threads_per_process": int(threads), "xmx": xmx,
           "cpus": os.cpu_count(), "load_avg_at_end": os.getloadavg(), "runs": runs, "median": median},
          open(os.path.join(out, "workers.json"), "w"), indent=2)
print("\n%-8s %7s %7s %7s %8s %9s %9s %9s %7s %9s %9s %8s %9s %9s" % ("mode", "workers", "wall s", "CPU s",
      "manager", "w. start", "rows/s", "ingest s", "plan s", "publish s", "publish %", "commits", "repo txns", "repo rows"))
for mode, r in median.items():
    print("%-8s %7d %7.1f %7.1f %8.1f %9.1f %9.0f %9.1f %7.1f %9.1f %8.0f%% %8d %9d %9d" % (mode, r["workers"],
          r["wall_s"], r["cpu_s"], r["manager_cpu_s"], r["worker_startup_cpu_s"], rows / r["wall_s"], r["ingest_s"],
          r["plan_s"], r["publish_s"],
          100 * r["publish_s"] / r["wall_s"], r["chunk_commits"], r["jobrepo_transactions"], r["jobrepo_rows_written"]))
print("%d rows in %d files (%d MB), %d deliveries; %s threads a process, -Xmx%s; %d CPUs shared by every process; "
      "median of %d" % (rows, files, nbytes / 1e6, median["local"]["partitions"], threads, xmx, os.cpu_count(),
                        len(runs) // 3))
print("CPU s: manager and workers, whole processes; of it the manager's, and the workers' start-up (w. start). "
      "plan s: the part of the ingest step before the first delivery starts (listing, hashing, archiving, sending). "
      "commits: chunk commits of the deliveries; repo txns, repo rows: transactions and rows written in the "
      "JobRepository's database")
PY

for mode in remote1 remote2; do
  java -Xmx1g -cp "$CP" org.forcereturns.bench.CompareWarehouses "$OUT/wh-local" "$OUT/wh-$mode"
done
echo "wrote $OUT/workers.json"
if [[ ${KEEP:-0} != 1 ]]; then rm -rf "$OUT"/wh-local "$OUT"/wh-remote1 "$OUT"/wh-remote2; fi
