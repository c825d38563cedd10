# scripts/bench store-history and store-stream: the run store against Azurite (installed by
# scripts/azurite-install, as the tests use it), started on a free loopback port.
# Sourced by scripts/bench (which has found the JDK and built the jar).

# The bench's own folder: Azurite's data (kept, so the 1,000 runs are sent once), the source run.
STORE_BENCH_DIR="$GAMEDAY_ROOT/.tools/bench-store"
# Azurite's well-known development account key (public, documented by Microsoft).
AZURITE_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

# Starts Azurite with its data in $1; sets AZURITE_PID and STORE_URL and exports the connection
# string the store reads (GAMEDAY_STORE_CONNECTION_STRING).
azurite_start() {
  local data=$1 bin port=""
  bin=$("$GAMEDAY_ROOT/scripts/azurite-install")
  mkdir -p "$data"
  "$bin" --blobHost 127.0.0.1 --blobPort 0 --location "$data" --skipApiVersionCheck \
    --disableTelemetry --loose > "$data/azurite.log" 2>&1 &
  AZURITE_PID=$!
  for _ in $(seq 1 600); do
    port=$(sed -n 's|.*listens on http://[^:]*:\([0-9][0-9]*\).*|\1|p' "$data/azurite.log" | head -n 1)
    [ -n "$port" ] && break
    sleep 0.1
  done
  if [ -z "$port" ]; then
    echo "Azurite did not start: $(cat "$data/azurite.log")" >&2
    exit 1
  fi
  export GAMEDAY_STORE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$AZURITE_KEY;BlobEndpoint=http://127.0.0.1:$port/devstoreaccount1;"
  STORE_URL="http://127.0.0.1:$port/devstoreaccount1/gameday"
}

# Stops Azurite if it runs. Never fails: under set -e its exit status (143, killed) would end
# the EXIT trap before the clean-up after it, and the bench with it.
azurite_stop() {
  if [ -n "${AZURITE_PID:-}" ]; then
    kill "$AZURITE_PID" 2>/dev/null || true
    wait "$AZURITE_PID" 2>/dev/null || true
  fi
  AZURITE_PID=""
}

# The Azure SDK's logging as the CLI sets it (errors only).
STORE_BENCH_JAVA=(-Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.com.azure=error)

load_average() { cut -d' ' -f1-3 /proc/loadavg; }

# Prints a real finished run's directory: $1 if given, else the one this bench made before, else
# one made now by running experiments/sandbox/vm-poweroff.yaml against the sandbox (about 1 min).
source_run() {
  local given=${1:-} runs="$STORE_BENCH_DIR/source-runs" found
  if [ -n "$given" ]; then echo "$given"; return; fi
  found=$(ls -d "$runs"/*/report.json 2>/dev/null | head -n 1)
  if [ -z "$found" ]; then
    echo "making a real run: experiments/sandbox/vm-poweroff.yaml against the sandbox" >&2
    export GAMEDAY_SANDBOX_DIR="$STORE_BENCH_DIR/sandbox"
    "$GAMEDAY_ROOT/scripts/sandbox" start --port 0 --shop-port 0 --speed 10 >&2
    set -a
    # shellcheck disable=SC1091
    source "$GAMEDAY_SANDBOX_DIR/sandbox.env"
    set +a
    GAMEDAY_STORE="" GAMEDAY_LOCK_DIR="$STORE_BENCH_DIR/locks" gameday run \
      experiments/sandbox/vm-poweroff.yaml --runs-dir "$runs" >&2 || true
    "$GAMEDAY_ROOT/scripts/sandbox" stop >&2
    found=$(ls -d "$runs"/*/report.json 2>/dev/null | head -n 1)
    [ -n "$found" ] || { echo "the sandbox run left no report" >&2; exit 1; }
  fi
  dirname "$found"
}

runs_in() { # how many runs a 'history --output json' printed in file $1
  python3 -c 'import json,sys; print(sum(len(e["runs"]) for e in json.load(open(sys.argv[1]))))' "$1"
}

fetched() { if [ -d "$1" ]; then du -sk "$1" | cut -f1; else echo 0; fi; }

millis_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Starts Azurite on the bench's data for $2 runs and stores $2 copies of run $1 in it (once: a
# second call finds them there). The caller sets its EXIT trap first.
store_filled() {
  local run=$1 n=$2
  azurite_start "$STORE_BENCH_DIR/azurite-$n"
  echo "store: Azurite $("$GAMEDAY_ROOT/.tools/azurite/node_modules/.bin/azurite-blob" --version 2>/dev/null | tail -n 1) at $STORE_URL"
  echo "source run: $run ($(du -sk "$run" | cut -f1) KB, $(ls "$run" | wc -l) files)"
  "$JAVA" "${STORE_BENCH_JAVA[@]}" -cp "$GAMEDAY_JAR" dev.gameday.runner.bench.StoreBench fill --store "$STORE_URL" \
    --run "$run" --runs "$n"
}

# history over N runs in the store (default 1,000), end to end (JVM start included), three times
# from a new host (an empty runs folder); then 'runs' once, which fetches every run's files.
bench_store_history() {
  local run n=${2:-1000} t0 ms cold=()
  run=$(source_run "${1:-}")
  STORE_BENCH_TMP=$(mktemp -d)
  local tmp=$STORE_BENCH_TMP
  trap 'azurite_stop; rm -rf "$STORE_BENCH_TMP"' EXIT
  store_filled "$run" "$n"
  for i in 1 2 3; do
    rm -rf "$tmp/host"
    t0=$(date +%s%N)
    gameday history --store "$STORE_URL" --runs-dir "$tmp/host" --output json > "$tmp/history.json"
    ms=$(millis_since "$t0")
    cold+=("$ms")
    echo "history, new host (empty runs folder) #$i: $ms ms, $(runs_in "$tmp/history.json") runs, $(fetched "$tmp/host") KB fetched, load average $(load_average)"
  done
  echo "history over $n stored runs from a new host: median $(printf '%s\n' "${cold[@]}" | median) ms of 3"
  rm -rf "$tmp/host"
  t0=$(date +%s%N)
  gameday runs --store "$STORE_URL" --runs-dir "$tmp/host" > "$tmp/runs.txt"
  echo "for comparison, 'runs --store' from a new host (fetches every run's files): $(millis_since "$t0") ms, $(grep -c . "$tmp/runs.txt") runs, $(fetched "$tmp/host") KB fetched, load average $(load_average)"
  t0=$(date +%s%N)
  gameday history --store "$STORE_URL" --runs-dir "$tmp/host" --output json > "$tmp/history.json"
  echo "history on that host afterwards (every run's files here too): $(millis_since "$t0") ms, $(runs_in "$tmp/history.json") runs, load average $(load_average)"
}

# What history weighs before fetching runs without a summary: one listing of every run's files
# against one listing per run (ListingBench), over N runs (default 1,000) filled as store-history
# fills them (the same Azurite data: sent once for both).
bench_store_listing() {
  local run n=${2:-1000}
  run=$(source_run "${1:-}")
  STORE_BENCH_TMP=$(mktemp -d)
  trap 'azurite_stop; rm -rf "$STORE_BENCH_TMP"' EXIT
  store_filled "$run" "$n"
  "$JAVA" "${STORE_BENCH_JAVA[@]}" -cp "$GAMEDAY_JAR" dev.gameday.runner.bench.StoreBench listing --store "$STORE_URL"
}

# The journal streamed to the store beside a probe load, against the local journal alone; and a
# replay of a 2-hour journal through the streamer (StreamBench). Options go to StoreBench stream.
bench_store_stream() {
  STORE_BENCH_TMP=$(mktemp -d)
  trap 'azurite_stop; rm -rf "$STORE_BENCH_TMP"' EXIT
  azurite_start "$STORE_BENCH_TMP"
  echo "load average before: $(load_average)"
  "$JAVA" "${STORE_BENCH_JAVA[@]}" -cp "$GAMEDAY_JAR" dev.gameday.runner.bench.StoreBench stream --store "$STORE_URL" "$@"
  echo "load average after: $(load_average)"
}
