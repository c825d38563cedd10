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
  fi
}

# Runs the CLI from the jar, with class-data sharing to cut start-up time.
# Short commands (validate, plan, ...) start faster with the client compiler and the serial
# collector; 'run' and 'sandbox' keep the defaults, which suit long, busy processes.
gameday() {
  local tuning=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
  case "${1:-}" in run|sandbox|rollback) tuning=() ;; esac
  "$JAVA" "${tuning[@]}" -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$GAMEDAY_ROOT/runner/target/gameday.jsa" \
    -Xlog:cds=off -Xlog:cds+dynamic=off ${GAMEDAY_JAVA_OPTS:-} -jar "$GAMEDAY_JAR" "$@"
}
