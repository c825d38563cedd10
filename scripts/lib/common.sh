# Shared by the scripts: finds a JDK 21+ and knows where the runnable jar lives.
# Sourced, not run.

GAMEDAY_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
GAMEDAY_JAR="$GAMEDAY_ROOT/runner/target/gameday.jar"

java_major() { # prints the major version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1 | cut -d. -f1
}

# Sets JAVA_HOME and JAVA to a JDK 21 or newer: JAVA_HOME first, then `java` on PATH, then
# /usr/lib/jvm/*. Exits with a clear message when there is none.
find_jdk() {
  local candidates=() c v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for c in /usr/lib/jvm/*; do [ -d "$c" ] && candidates+=("$c"); done
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    v=$(java_major "$c/bin/java")
    if [ -n "$v" ] && [ "$v" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$c"
      JAVA="$c/bin/java"
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
