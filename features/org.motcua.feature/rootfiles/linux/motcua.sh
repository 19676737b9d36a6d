#!/bin/sh
# Starts the MotCua commune client from an unzipped product. Needs Java 21 or newer on PATH or in JAVA_HOME.
cd "$(dirname "$0")" || exit 1
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 \
  -Dmotcua.server.url="${MOTCUA_SERVER_URL:-http://127.0.0.1:8080}" \
  -jar plugins/org.eclipse.equinox.launcher_*.jar -nl vi_VN "$@"
