#!/usr/bin/env bash
# tailguard launcher.
#   ./run.sh                 build if needed, then run the daemon on config/tailguard.yaml
#                            (embedded simulated gateway + H2 under data/)
#   ./run.sh <command> ...   any CLI command, e.g. ./run.sh status, ./run.sh config check, ./run.sh --help
# JVM options can be added with TAILGUARD_JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v java >/dev/null 2>&1; then
  echo "tailguard needs Java 17 or newer, and no 'java' is on the PATH." >&2
  echo "Install a JDK 17+ (Debian/Ubuntu: sudo apt-get install openjdk-17-jdk; macOS: brew install openjdk@17)." >&2
  exit 1
fi
spec=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | tr -d '[:space:]')
major=${spec#1.}; major=${major%%.*}
if [ -z "$major" ] || [ "$major" -lt 17 ] 2>/dev/null; then
  echo "tailguard needs Java 17 or newer; the java on the PATH is version ${spec:-unknown} ($(command -v java))." >&2
  echo "Install a JDK 17+ and put it first on the PATH, or set JAVA_HOME." >&2
  exit 1
fi

jar=target/tailguard.jar
if [ ! -f "$jar" ] || [ ! -d target/lib ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "building tailguard (tests skipped; ./mvnw -B verify runs them)..." >&2
  ./mvnw -B -q package -Dmaven.test.skip=true -Dinterop.skip=true >&2
fi

# Class-data sharing: an archive of the classes a start loads, made once per build, roughly halves
# the JVM's share of start-up. A stale or unusable archive is ignored by the JVM (-Xshare:auto).
cds=target/tailguard.jsa
if [ ! -f "$cds" ] || [ "$jar" -nt "$cds" ]; then
  rm -f "$cds"
  java -XX:ArchiveClassesAtExit="$cds" -Dlogback.configurationFile=config/logback.xml -Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener \
    -jar "$jar" run --warm-up >/dev/null 2>&1 || rm -f "$cds"
fi
cds_opts=()
if [ -f "$cds" ]; then
  cds_opts=(-XX:SharedArchiveFile="$cds" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)
fi

if [ $# -eq 0 ]; then
  set -- run
fi
# shellcheck disable=SC2086
exec java "${cds_opts[@]}" ${TAILGUARD_JAVA_OPTS:-} -Dlogback.configurationFile=config/logback.xml -jar "$jar" "$@"
