# Shared by the scripts: finds a JDK 21+ and knows where the runnable jar lives.
# Sourced, not run.

GAMEDAY_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
GAMEDAY_JAR="$GAMEDAY_ROOT/runner/target/gameday.jar"

GAMEDAY_JDK_CACHE="$GAMEDAY_ROOT/.gameday-jdk"

java_major() { # prints the major version of the JDK at $1, or nothing
  local release="$1/release" v
  # A JDK's 'release' file names its version: reading it costs nothing, starting a JVM ~0.5 s.
  if [ -f "$release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release" | head -n 1)
    [ "$v" = 1 ] && v=$(sed -n 's/^JAVA_VERSION="1\.\([0-9]*\).*/\1/p' "$release" | head -n 1)
    if [ -n "$v" ]; then echo "$v"; return; fi
  fi
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1 | cut -d. -f1
}

usable_jdk() { # true when $1 is a JDK 21 or newer
  local v
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  v=$(java_major "$1")
  [ -n "$v" ] && [ "$v" -ge 21 ] 2>/dev/null
}

use_jdk() { # exports JAVA_HOME and JAVA for the JDK at $1
  export JAVA_HOME="$1"
  JAVA="$1/bin/java"
  # Maven 3.9's own libraries use sun.misc.Unsafe; JDK 24+ warns about it on every build.
  if [ "$(java_major "$1")" -ge 24 ] 2>/dev/null; then
    export MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow ${MAVEN_OPTS:-}"
  fi
}

# Sets JAVA_HOME and JAVA to a JDK 21 or newer: JAVA_HOME first, then the JDK chosen last time
# (remembered in .gameday-jdk while it is still there), then `java` on PATH, then /usr/lib/jvm/*.
# Exits with a clear message when there is none.
find_jdk() {
  local candidates=() c cached="" given="${JAVA_HOME:-}"
  [ -n "$given" ] && candidates+=("$given")
  [ -f "$GAMEDAY_JDK_CACHE" ] && cached=$(head -n 1 "$GAMEDAY_JDK_CACHE")
  [ -n "$cached" ] && candidates+=("$cached")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for c in /usr/lib/jvm/*; do [ -d "$c" ] && candidates+=("$c"); done
  for c in "${candidates[@]}"; do
    if usable_jdk "$c"; then
      use_jdk "$c"
      # Remembered only when found by searching: a JAVA_HOME given is the user's own choice.
      if [ "$c" != "$given" ] && [ "$c" != "$cached" ]; then
        echo "$c" > "$GAMEDAY_JDK_CACHE" 2>/dev/null || true
      fi
      return 0
    fi
  done
  echo "gameday: no JDK 21 or newer found." >&2
  echo "  Looked at JAVA_HOME (${JAVA_HOME:-unset}), 'java' on PATH and /usr/lib/jvm/*." >&2
  echo "  Install one (for example Temurin 21 or 25) and set JAVA_HOME to it." >&2
  exit 1
}

# Runs the Maven wrapper from the repository root with the JDK found above.
mvnw() {
  (cd "$GAMEDAY_ROOT" && ./mvnw -B -q "$@")
}

# Builds the runnable jar when it is missing or older than any source or build file.
ensure_jar() {
  local stale=""
  if [ ! -f "$GAMEDAY_JAR" ]; then
    stale=yes
  elif [ -n "$(find "$GAMEDAY_ROOT"/pom.xml "$GAMEDAY_ROOT"/*/pom.xml "$GAMEDAY_ROOT"/*/src/main \
        "$GAMEDAY_ROOT"/experiments/schema -newer "$GAMEDAY_JAR" -type f -print -quit 2>/dev/null)" ]; then
    stale=yes
  fi
  if [ -n "$stale" ]; then
    echo "gameday: building the runnable jar (first run or sources changed)..." >&2
    (cd "$GAMEDAY_ROOT" && ./mvnw -B -q -ntp -Dmaven.test.skip=true package) >&2 || {
      echo "gameday: the build failed; run scripts/test for details." >&2
      exit 1
    }
    rm -f "$GAMEDAY_ROOT/runner/target/gameday.jsa"
    rm -rf "$GAMEDAY_ROOT/runner/target/aot"
  fi
}

# Where 'run' keeps its AOT cache (JDK 25+): one file per JDK and jar set, so a rebuilt jar, a
# changed library or another JDK simply gets a cache of its own (the old ones are removed when
# the new one is created). Prints nothing when the chosen JDK is older than 25.
aot_cache_for_run() {
  [ "$(java_major "$JAVA_HOME")" -ge 25 ] 2>/dev/null || return 0
  local fingerprint
  fingerprint=$( { echo "$JAVA_HOME"; cat "$JAVA_HOME/release" 2>/dev/null
    stat -c '%n %s %Y' "$GAMEDAY_JAR" "$(dirname "$GAMEDAY_JAR")"/lib/*.jar 2>/dev/null; } | cksum | cut -d' ' -f1)
  echo "$(dirname "$GAMEDAY_JAR")/aot/run-$fingerprint.aot"
}

# Runs the CLI from the jar, with class-data sharing to cut start-up time.
# Short commands (validate, plan, ...) start faster with the client compiler and the serial
# collector and share classes through an automatically created archive; 'run' and 'sandbox'
# keep the JVM's defaults, which suit long, busy processes. On JDK 25+ 'run' uses an AOT cache
# instead (classes loaded and linked, method profiles): the first run that gets through its
# baseline (exit 0 or 1) records it, later runs start with it. GAMEDAY_AOT=off turns it off.
gameday() {
  local tuning=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC) aot="" config=""
  local sharing=(-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$GAMEDAY_ROOT/runner/target/gameday.jsa"
    -Xlog:cds=off -Xlog:cds+dynamic=off)
  case "${1:-}" in
    run)
      tuning=()
      [ "${GAMEDAY_AOT:-on}" = off ] || aot=$(aot_cache_for_run)
      if [ -n "$aot" ] && [ -f "$aot" ]; then
        sharing=(-XX:AOTCache="$aot" -Xlog:aot=off -Xlog:cds=off)
      elif [ -n "$aot" ]; then
        mkdir -p "$(dirname "$aot")"
        config="$aot.$$.conf"
        echo "gameday: recording this run's classes for the AOT cache of 'run' (once per build; GAMEDAY_AOT=off skips it)" >&2
        sharing=(-XX:AOTMode=record -XX:AOTConfiguration="$config" -XX:+DisplayVMOutputToStderr
          -Xlog:aot=off -Xlog:cds=off)
      fi
      ;;
    sandbox|rollback) tuning=() ;;
  esac
  local rc=0
  "$JAVA" "${tuning[@]}" "${sharing[@]}" ${GAMEDAY_JAVA_OPTS:-} -jar "$GAMEDAY_JAR" "$@" || rc=$?
  if [ -n "$config" ]; then
    aot_create "$aot" "$config" "$rc"
  fi
  return "$rc"
}

# Creates the AOT cache $1 from the configuration $2 that a run recorded, when that run (exit
# code $3) went through its baseline; a run refused at validation or preflight, or aborted,
# saw too little of the probe path to be worth caching.
aot_create() {
  local cache=$1 config=$2 rc=$3
  if [ -f "$config" ] && { [ "$rc" = 0 ] || [ "$rc" = 1 ]; }; then
    echo "gameday: creating the AOT cache for 'run' ($cache)" >&2
    if "$JAVA" -XX:AOTMode=create -XX:AOTConfiguration="$config" -XX:AOTCache="$cache.$$.tmp" \
        -Xlog:aot=off -Xlog:cds=off -cp "$GAMEDAY_JAR" > /dev/null 2>&1; then
      find "$(dirname "$cache")" -name 'run-*.aot' ! -name "$(basename "$cache")" -delete 2>/dev/null || true
      mv -f "$cache.$$.tmp" "$cache"
    fi
  fi
  rm -f "$config" "$cache.$$.tmp"
}
