# scripts/bench peers: Gameday's probe load (with the event-loop client, the runs' default, then
# with OkHttp), hey at the same fixed rate and wrk closed-loop, one after the other against the
# same NioBenchServer, with the CPU each spent per 10,000 requests.
# Sourced by scripts/bench (which has found the JDK and built the jar).

# Makes sure $1 (hey or wrk) is on PATH: installs Debian's package when missing and root.
# Returns 1, after saying why, when it cannot.
peer_tool() {
  local tool=$1
  command -v "$tool" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing $tool from Debian's packages (apt-get install $tool)"
    apt-get install -y -q "$tool" >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q "$tool" >/dev/null 2>&1; }
  fi
  command -v "$tool" >/dev/null 2>&1 && return 0
  echo "$tool is not installed and could not be installed here (needs root and apt-get): skipped"
  return 1
}

# CPU seconds (user + system) process $1 has used so far.
proc_cpu() {
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / hz }' "/proc/$1/stat"
}

# Runs "$@" with its output in file $1; prints the CPU seconds (user + system) it used.
timed() {
  local out=$1 TIMEFORMAT='%3U %3S' t
  shift
  t=$( { time "$@" > "$out" 2>&1 ; } 2>&1 )
  awk '{ printf "%.3f", $1 + $2 }' <<< "$t"
}

bench_peers() {
  local seconds=${1:-60} targets=${2:-1000} rate=${3:-10}
  local tmp; tmp=$(mktemp -d)
  local have_hey=0 have_wrk=0
  peer_tool hey && have_hey=1
  peer_tool wrk && have_wrk=1
  mkfifo "$tmp/server-in"
  "$JAVA" -cp "$GAMEDAY_JAR" dev.gameday.probes.bench.NioBenchServer < "$tmp/server-in" > "$tmp/server-out" &
  local server=$!
  exec {keep}> "$tmp/server-in"   # the server serves until this closes
  local port="" i
  for i in $(seq 1 100); do
    port=$(sed -n 's/^PORT //p' "$tmp/server-out")
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { echo "the bench server did not start"; exec {keep}>&-; return 1; }
  local url="http://127.0.0.1:$port/" expected=$(( targets * rate * seconds ))
  echo "peers: $targets targets x $rate/s for $seconds s (hey, Gameday) and wrk closed-loop, one after the other, against NioBenchServer on 127.0.0.1:$port"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  local rows=() s0 s1 cpu requests out

  # Gameday: the probe bench against this server (its own warm-up first, as a run's), once with
  # each client: the event loop (the runs' default) and OkHttp on virtual threads.
  local client label g_cpu g_req g_missed g_warm_req g_lines=""
  for client in loop okhttp; do
    label=gameday; [ "$client" = okhttp ] && label=gameday-okhttp
    s0=$(proc_cpu "$server")
    cpu=$(timed "$tmp/$label.txt" "$JAVA" -cp "$GAMEDAY_JAR" dev.gameday.probes.bench.ProbeBench \
      --targets "$targets" --rate "$rate" --seconds "$seconds" --port "$port" --client "$client")
    s1=$(proc_cpu "$server")
    g_cpu=$(sed -n 's/.*cpu s *client \([0-9.]*\) .*/\1/p' "$tmp/$label.txt")
    g_req=$(sed -n 's/.*samples.*(requests \([0-9]*\), missed \([0-9]*\)).*/\1/p' "$tmp/$label.txt")
    g_missed=$(sed -n 's/.*samples.*(requests \([0-9]*\), missed \([0-9]*\)).*/\2/p' "$tmp/$label.txt")
    g_warm_req=$(sed -n 's/.*warm-up .*recorded: \([0-9]*\) requests.*/\1/p' "$tmp/$label.txt")
    rows+=("$label ($client), measured after its warm-up|$g_req|$g_cpu|$g_missed missed ticks|-")
    rows+=("$label, whole JVM (start, warm-up)|$(( ${g_req:-0} + ${g_warm_req:-0} ))|$cpu|-|$(awk -v a="$s0" -v b="$s1" 'BEGIN{printf "%.3f", b - a}')")
    g_lines+="  $label ($client):"$'\n'"$(grep -E "lag ms|first 15 s|warm-up " "$tmp/$label.txt" | sed 's/^ */    /')"$'\n'
  done

  if [ $have_hey = 1 ]; then
    s0=$(proc_cpu "$server")
    cpu=$(timed "$tmp/hey.txt" hey -z "${seconds}s" -c "$targets" -q "$rate" "$url")
    s1=$(proc_cpu "$server")
    requests=$(sed -n 's/.*\[200\][[:space:]]*\([0-9]*\) responses.*/\1/p' "$tmp/hey.txt")
    requests=${requests:-0}
    rows+=("hey -z ${seconds}s -c $targets -q $rate|$requests|$cpu|$(( expected - requests )) not sent|$(awk -v a="$s0" -v b="$s1" 'BEGIN{printf "%.3f", b - a}')")
  fi
  if [ $have_wrk = 1 ]; then
    s0=$(proc_cpu "$server")
    cpu=$(timed "$tmp/wrk.txt" wrk -t2 -c200 -d"${seconds}s" "$url")
    s1=$(proc_cpu "$server")
    requests=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$tmp/wrk.txt")
    rows+=("wrk -t2 -c200 -d${seconds}s (closed loop)|${requests:-0}|$cpu|-|$(awk -v a="$s0" -v b="$s1" 'BEGIN{printf "%.3f", b - a}')")
  fi
  exec {keep}>&-
  wait "$server" 2>/dev/null || true
  echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"

  printf '%-40s %12s %9s %15s %22s  %s\n' prober requests CPU-s "CPU-s per 10k" "server CPU-s per 10k" "not sent / missed"
  local row name req c note srv per10k gameday_per10k="" okhttp_per10k="" hey_per10k="" wrk_per10k=""
  for row in "${rows[@]}"; do
    IFS='|' read -r name req c note srv <<< "$row"
    per10k=$(awk -v c="$c" -v r="$req" 'BEGIN{ if (r > 0) printf "%.3f", c / r * 10000; else print "n/a" }')
    local srv10k="-"
    [ "$srv" != "-" ] && srv10k=$(awk -v c="$srv" -v r="$req" 'BEGIN{ if (r > 0) printf "%.3f", c / r * 10000; else print "n/a" }')
    printf '%-40s %12s %9s %15s %22s  %s\n' "$name" "$req" "$c" "$per10k" "$srv10k" "$note"
    case "$name" in
      "gameday (loop), measured"*) gameday_per10k=$per10k ;;
      "gameday-okhttp (okhttp), measured"*) okhttp_per10k=$per10k ;;
      hey*) hey_per10k=$per10k ;;
      wrk*) wrk_per10k=$per10k ;;
    esac
  done
  echo "gameday's own figures:"
  printf '%s' "$g_lines"
  # ratio NAME A B [TARGET]: A / B when both were measured.
  ratio() {
    [ -n "$2" ] && [ -n "$3" ] || return 0
    awk -v n="$1" -v a="$2" -v b="$3" -v t="${4:-}" \
      'BEGIN{ printf "ratio %s: %.2f%s\n", n, a / b, (t == "" ? "" : " (target: " t ")") }'
  }
  ratio "gameday / wrk" "$gameday_per10k" "$wrk_per10k" "at most 3"
  ratio "gameday / hey" "$gameday_per10k" "$hey_per10k" "below 1"
  ratio "gameday / gameday-okhttp" "$gameday_per10k" "$okhttp_per10k"
  ratio "gameday-okhttp / wrk" "$okhttp_per10k" "$wrk_per10k"
  ratio "gameday-okhttp / hey" "$okhttp_per10k" "$hey_per10k"
  echo "(raw outputs: $tmp)"
}
