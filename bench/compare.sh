#!/usr/bin/env bash
# Paired benchmark: this build's jar against a release jar on the same synthetic inbox (issue 13). Not a test.
#
#   bench/compare.sh [release-jar] [rows] [out-dir]
#       release-jar  default /work/release/force-returns-etl.jar (build one from a checkout of the release with
#                    `mvn -q package -DskipTests`)
#       rows         default 1,000,000 record-layout rows (SyntheticInboxGenerator, seeded)
#       out-dir      default var/bench/compare
#
# Both jars run the same way (LAUNCH=launcher, the default: this tree's bin/force-returns-etl, each jar with its own
# class-data-sharing archive recorded by a training run on the sample first; LAUNCH=jar: `java -jar`), with
# -Xmx512m, a fresh H2 file JobRepository and a fresh warehouse each run, the same --run-date. PAIRS pairs (default
# 3), release and new taking turns and swapping who goes first, so both meet the same spells of a shared machine.
# Prints wall s, CPU s (user + system of the process and its children, /usr/bin/time) and peak RSS of every run,
# the CPU ratio new/release of each pair and of the medians, then checks that both builds published the same
# tables (CompareWarehouses, row for row, run ids aside).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RELEASE_JAR=$(realpath "${1:-/work/release/force-returns-etl.jar}")
ROWS=${2:-1000000}
OUT=${3:-$ROOT/var/bench/compare}
NEW_JAR=$ROOT/target/force-returns-etl.jar
LAUNCH=${LAUNCH:-launcher}
PAIRS=${PAIRS:-3}
XMX=${XMX:-512m}
SEED=${SEED:-20240331}
YEARS=${YEARS:-5}
RUN_DATE=2025-06-30

[[ -x /usr/bin/time ]] || { echo "compare: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
[[ -f $RELEASE_JAR ]] || { echo "compare: no release jar at $RELEASE_JAR" >&2; exit 2; }
[[ -f $NEW_JAR ]] || { echo "compare: building the jar"; mvn -B -q package -DskipTests; }
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
INBOX=$OUT/inbox

# The inbox, made once per (rows, years, seed) by the release's generator (this build's jar may not carry it).
if [[ ! -f $INBOX/.generated || "$(cat "$INBOX/.generated")" != "$ROWS $YEARS $SEED" ]]; then
  echo "compare: generating $ROWS rows into $INBOX"
  rm -rf "$INBOX"
  java -Xmx512m -cp "$RELEASE_JAR" -Dloader.main=org.forcereturns.sample.SyntheticInboxGenerator \
    org.springframework.boot.loader.launch.PropertiesLauncher "$INBOX" "$ROWS" "$YEARS" "$SEED" > /dev/null
  echo "$ROWS $YEARS $SEED" > "$INBOX/.generated"
fi

jar_of() { if [[ $1 == release ]]; then echo "$RELEASE_JAR"; else echo "$NEW_JAR"; fi; }

# Runs `force-returns-etl <args>` with the side's jar, started the LAUNCH way, under /usr/bin/time.
launch() {
  local side=$1 timing=$2; shift 2
  if [[ $LAUNCH == jar ]]; then
    /usr/bin/time -f '%e %U %S %M' -o "$timing" java "-Xmx$XMX" -jar "$(jar_of "$side")" "$@"
  else
    JAVA_OPTS="-Xmx$XMX" FORCE_RETURNS_JAR=$(jar_of "$side") FORCE_RETURNS_CACHE=$OUT/cache-$side \
      /usr/bin/time -f '%e %U %S %M' -o "$timing" "$ROOT/bin/force-returns-etl" "$@"
  fi
}

# One run into a fresh warehouse and JobRepository; appends "side wall cpu rss" to $OUT/runs.
run() {
  local side=$1 pair=$2 dir=$OUT/$1-$2
  rm -rf "$dir"
  mkdir -p "$dir"
  local status=0
  launch "$side" "$dir/time" run --inbox "$INBOX" --warehouse "$dir/warehouse" --run-date "$RUN_DATE" \
    --spring.datasource.url="jdbc:h2:file:$dir/jobrepo;USER=sa" > "$dir/out.log" 2>&1 || status=$?
  if [[ $status -ne 0 && $status -ne 3 ]]; then
    echo "compare: $side run $pair failed with status $status; see $dir/out.log" >&2
    exit 1
  fi
  read -r wall user sys rss < "$dir/time"
  local cpu rss_mb
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.1f", u + s}')
  rss_mb=$(( rss / 1024 ))
  printf '%-8s %4s %8.1f %8s %8s\n' "$side" "$pair" "$wall" "$cpu" "$rss_mb"
  echo "$side $pair $wall $cpu $rss_mb" >> "$OUT/runs"
}

if [[ $LAUNCH != jar ]]; then
  for side in release new; do
    rm -rf "$OUT/cache-$side" "$OUT/training-$side"
    launch "$side" /dev/null run --inbox "$ROOT/src/sample/inbox" --warehouse "$OUT/training-$side/warehouse" \
      --run-date 2024-12-31 --spring.datasource.url="jdbc:h2:file:$OUT/training-$side/jobrepo;USER=sa" \
      > "$OUT/training-$side.log" 2>&1 || true
  done
fi

echo "compare: $ROWS rows, LAUNCH=$LAUNCH, -Xmx$XMX, H2 JobRepository; load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %4s %8s %8s %8s\n' side pair "wall s" "CPU s" "RSS MB"
: > "$OUT/runs"
for pair in $(seq 1 "$PAIRS"); do
  if (( pair % 2 )); then run release "$pair"; run new "$pair"; else run new "$pair"; run release "$pair"; fi
done

python3 - "$OUT/runs" "$XMX" <<'PY'
import statistics, sys
runs = [l.split() for l in open(sys.argv[1]) if l.strip()]
by = {s: {int(p): (float(w), float(c), int(r)) for side, p, w, c, r in runs if side == s} for s in ("release", "new")}
print()
for p in sorted(by["new"]):
    print("pair %d: CPU new/release %.2f, wall new/release %.2f" % (p, by["new"][p][1] / by["release"][p][1],
                                                                   by["new"][p][0] / by["release"][p][0]))
med = {s: [statistics.median(v[i] for v in by[s].values()) for i in range(3)] for s in by}
for s in ("release", "new"):
    print("%-8s median: %.1f s wall, %.1f s CPU, peak RSS %d MB (max %d MB)"
          % (s, med[s][0], med[s][1], med[s][2], max(v[2] for v in by[s].values())))
ratio = med["new"][1] / med["release"][1]
print("CPU new/release (medians): %.2fx (target at most 1.15x): %s" % (ratio, "met" if ratio <= 1.15 else "NOT met"))
PY

# Sameness: the last pair's warehouses, compared by DuckDB (the test classpath).
CP_FILE=$ROOT/target/bench-classpath.txt
if [[ ! -f $ROOT/target/test-classes/org/forcereturns/bench/CompareWarehouses.class || ! -f $CP_FILE ]]; then
  mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
fi
java -Xmx1g -cp "$ROOT/target/test-classes:$(cat "$CP_FILE")" org.forcereturns.bench.CompareWarehouses \
  "$OUT/release-$PAIRS/warehouse" "$OUT/new-$PAIRS/warehouse"
