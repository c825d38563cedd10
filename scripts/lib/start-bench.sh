# scripts/bench start: how fast a real 'gameday run' gets its probes going, with and without
# JDK 25's AOT cache, interleaved in one round. Sourced by scripts/bench (which has found the
# JDK and built the jar).
#
# Each run is 'gameday run' of a generated experiment: TARGETS probes at 10/s against one
# NioBenchServer, a 15 s baseline and one 1 s pause step, against a sandbox of its own (for the
# ARM endpoint the run needs). From each run's journal: the time from process start to the
# WARMUP phase, to the end of the warm-up ('probes.warmup') and to the first recorded sample; the
# ticks the warm-up missed; the ticks missed in the baseline (its first 15 s); the baseline's lag
# p99; and the process's CPU seconds.
#
# With BENCH_OTHER_JAR set to another build's gameday.jar (its lib/ beside it), the arms are this
# build (aot) and that one (other), each with an AOT cache of its own: one change measured
# against the build before it, in the same round of runs (each build on its default client). With
# BENCH_PROBE_CLIENT set (to okhttp or loop) the arms are this build with the event-loop client
# (loop, --probe-client loop) and with OkHttp (okhttp, --probe-client okhttp), one AOT cache.

# Milliseconds between the process start $1 (ns since the epoch) and the journal instant $2.
since_start_ms() {
  echo $(( ($(date -u -d "$2" +%s%N) - $1) / 1000000 ))
}

# Prints the figures of the run whose journal is $1 and which started at $2 (ns since the epoch).
start_figures() {
  local journal=$1 t0=$2 warm_at ended_at first_at warm_missed
  warm_at=$(grep -m1 '"phase":"WARMUP"' "$journal" | sed 's/.*"utc":"\([^"]*\)".*/\1/')
  ended_at=$(grep -m1 '"type":"probes.warmup"' "$journal" | sed 's/.*"utc":"\([^"]*\)".*/\1/')
  first_at=$(grep -m1 '"type":"probe.sample"' "$journal" | sed 's/.*"utc":"\([^"]*\)".*/\1/')
  warm_missed=$(grep -m1 '"type":"probes.warmup"' "$journal" | sed 's/.*"missed":\([0-9]*\).*/\1/')
  # Samples between BASELINE and the next phase: missed ticks, and lag (started - scheduled).
  awk -v lags="$journal.lags" '
    /"phase":"BASELINE"/ { on = 1; next }
    on && /"type":"phase.started"/ { on = 0 }
    on && /"type":"probe.sample"/ {
      n++
      if ($0 ~ /"outcome":"MISSED"/) { missed++; next }
      match($0, /"scheduled":[0-9]+/); s = substr($0, RSTART + 12, RLENGTH - 12)
      match($0, /"started":[0-9]+/); t = substr($0, RSTART + 10, RLENGTH - 10)
      printf "%.3f\n", (t - s) / 1e6 > lags
    }
    END { printf "%d %d\n", n, missed + 0 }' "$journal" > "$journal.baseline"
  local samples missed p99 count
  read -r samples missed < "$journal.baseline"
  count=$(wc -l < "$journal.lags")
  p99=$(sort -n "$journal.lags" | sed -n "$(( count * 99 / 100 > 0 ? count * 99 / 100 : 1 ))p")
  printf '%8s %10s %9s %11s %13s %15s %9s' \
    "$(since_start_ms "$t0" "$warm_at")" "$(since_start_ms "$t0" "$ended_at")" \
    "$(since_start_ms "$t0" "$first_at")" "${warm_missed:-?}" "$missed/$samples" "$p99"
}

# One 'gameday run' of experiment $2 with the JVM options of arm $1 (cds|aot|aot-train); prints
# its row.
start_run() {
  local arm=$1 experiment=$2 tmp=$3 runs t0 cpu journal opts=() jar=$GAMEDAY_JAR client=()
  case "$arm" in
    loop|okhttp) opts=(-XX:AOTCache="$tmp/run.aot" -Xlog:aot=off -Xlog:cds=off); client=(--probe-client "$arm") ;;
    cds) opts=(-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$tmp/gameday.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off) ;;
    aot) opts=(-XX:AOTCache="$tmp/run.aot" -Xlog:aot=off -Xlog:cds=off) ;;
    other) opts=(-XX:AOTCache="$tmp/other.aot" -Xlog:aot=off -Xlog:cds=off); jar=$BENCH_OTHER_JAR ;;
    # As scripts/gameday does it: the first run records, then the cache is created from that.
    aot-train) opts=(-XX:AOTMode=record -XX:AOTConfiguration="$tmp/run.aot.conf" -Xlog:aot=off -Xlog:cds=off) ;;
    other-train) opts=(-XX:AOTMode=record -XX:AOTConfiguration="$tmp/other.aot.conf" -Xlog:aot=off -Xlog:cds=off); jar=$BENCH_OTHER_JAR ;;
  esac
  runs=$(mktemp -d "$tmp/runs.XXXX")
  t0=$(date +%s%N)
  cpu=$(timed "$runs/out.txt" "$JAVA" "${opts[@]}" -jar "$jar" run "$experiment" --runs-dir "$runs" \
    "${client[@]}")
  [ "$arm" = aot-train ] && aot_create "$tmp/run.aot" "$tmp/run.aot.conf" 0
  [ "$arm" = other-train ] && GAMEDAY_JAR=$jar aot_create "$tmp/other.aot" "$tmp/other.aot.conf" 0
  journal=$(ls "$runs"/*/journal.jsonl)
  printf '%-5s %6s ' "$arm" "$(grep -c '^    - {name: p' "$experiment")"
  start_figures "$journal" "$t0"
  printf ' %8s  %s\n' "$cpu" "$(cut -d' ' -f1 /proc/loadavg)"
}

# Writes an experiment with $1 probes at 10/s against 127.0.0.1:$2 to stdout.
start_experiment() {
  local targets=$1 port=$2 i
  cat <<EOF
apiVersion: gameday/v1
kind: Experiment
metadata: {name: start-bench-$targets, title: "start bench: $targets probes at 10/s"}
window: {timezone: UTC, schedule: "* * * * *", duration: PT1H, margin: PT1M}
azure:
  subscription: "\${env:GAMEDAY_SANDBOX_SUBSCRIPTION}"
  endpoint: "\${env:GAMEDAY_SANDBOX_ARM}"
  caFile: "\${env:GAMEDAY_SANDBOX_CA}"
safety: {checkPermissions: false}
steadyState:
  baseline: PT15S
  probes:
EOF
  for i in $(seq 1 "$targets"); do
    printf '    - {name: p%d, http: {url: "http://127.0.0.1:%s/t%d", timeout: PT2S}, every: PT0.1S, expect: {status: ["2xx"]}}\n' "$i" "$port" "$i"
  done
  cat <<EOF
faults:
  - {name: settle, pause: {}, hold: PT1S, recoveryTimeout: PT30S}
report: {formats: [json]}
EOF
}

bench_start() {
  local rounds=${1:-3}; shift || true
  local loads=("$@"); [ ${#loads[@]} -gt 0 ] || loads=(10 1000)
  if [ "$(java_major "$JAVA_HOME")" -lt 25 ] 2>/dev/null; then
    echo "start: needs a JDK 25 or newer for the AOT cache (found $(java_major "$JAVA_HOME"))"; return 1
  fi
  local tmp; tmp=$(mktemp -d)
  GAMEDAY_SANDBOX_DIR="$tmp/sandbox" "$GAMEDAY_ROOT/scripts/sandbox" start --port 0 > "$tmp/sandbox.txt" || return 1
  set -a; source "$tmp/sandbox/sandbox.env"; set +a
  mkfifo "$tmp/server-in"
  "$JAVA" -cp "$GAMEDAY_JAR" dev.gameday.probes.bench.NioBenchServer < "$tmp/server-in" > "$tmp/server-out" &
  local server=$! port="" i
  exec {keep}> "$tmp/server-in"   # the server serves until this closes
  # Whatever happens, the server and the sandbox stop with the bench.
  trap 'exec {keep}>&-; GAMEDAY_SANDBOX_DIR="$tmp/sandbox" "$GAMEDAY_ROOT/scripts/sandbox" stop > /dev/null' EXIT
  for i in $(seq 1 100); do
    port=$(sed -n 's/^PORT //p' "$tmp/server-out"); [ -n "$port" ] && break; sleep 0.1
  done
  local t
  for t in "${loads[@]}"; do start_experiment "$t" "$port" > "$tmp/e$t.yaml"; done
  local a_arm=cds b_arm=aot
  if [ -n "${BENCH_PROBE_CLIENT:-}" ]; then
    a_arm=okhttp b_arm=loop
    echo "start: 'gameday run' of this build with the event-loop client (loop) and with OkHttp (okhttp), one AOT cache, $rounds rounds, loads ${loads[*]} probes x 10/s"
    echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "first run (not measured): the AOT cache is created, on the ${loads[0]}-probe experiment"
    start_run aot-train "$tmp/e${loads[0]}.yaml" "$tmp" > /dev/null
    echo "  AOT cache $(du -h "$tmp/run.aot" | cut -f1)"
  elif [ -n "${BENCH_OTHER_JAR:-}" ]; then
    [ -f "$BENCH_OTHER_JAR" ] || { echo "start: BENCH_OTHER_JAR $BENCH_OTHER_JAR is not a file"; return 1; }
    a_arm=other
    echo "start: 'gameday run' of this build (aot) and of $BENCH_OTHER_JAR (other), each with its own AOT cache, $rounds rounds, loads ${loads[*]} probes x 10/s"
    echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "first runs (not measured): each build's AOT cache is created, on the ${loads[0]}-probe experiment"
    start_run other-train "$tmp/e${loads[0]}.yaml" "$tmp" > /dev/null
    start_run aot-train "$tmp/e${loads[0]}.yaml" "$tmp" > /dev/null
    echo "  AOT caches: this build $(du -h "$tmp/run.aot" | cut -f1), other $(du -h "$tmp/other.aot" | cut -f1)"
  else
    echo "start: 'gameday run' with today's CDS archive (cds) and with JDK 25's AOT cache (aot), $rounds rounds, loads ${loads[*]} probes x 10/s"
    echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "first runs (not measured): the CDS archive and the AOT cache are created, on the ${loads[0]}-probe experiment"
    start_run cds "$tmp/e${loads[0]}.yaml" "$tmp" > /dev/null
    start_run aot-train "$tmp/e${loads[0]}.yaml" "$tmp" > /dev/null
    echo "  CDS archive $(du -h "$tmp/gameday.jsa" | cut -f1), AOT cache $(du -h "$tmp/run.aot" | cut -f1)"
  fi
  echo "times in ms from process start; missed: ticks; lag p99 in ms; cpu: process CPU-s (user + system)"
  printf '%-5s %6s %8s %10s %9s %11s %13s %15s %9s  %s\n' arm probes WARMUP warmed-up 1st-sample warm-missed base-missed "base lag p99" cpu load1
  local r arms
  for r in $(seq 1 "$rounds"); do
    if [ $((r % 2)) = 1 ]; then arms=($a_arm $b_arm); else arms=($b_arm $a_arm); fi
    for t in "${loads[@]}"; do
      for a in "${arms[@]}"; do start_run "$a" "$tmp/e$t.yaml" "$tmp"; done
    done
  done
  exec {keep}>&-
  wait "$server" 2>/dev/null || true
  GAMEDAY_SANDBOX_DIR="$tmp/sandbox" "$GAMEDAY_ROOT/scripts/sandbox" stop > /dev/null
  trap - EXIT
  echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "(raw outputs: $tmp)"
}
