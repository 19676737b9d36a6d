#!/bin/sh
# Starts the MotCua commune client from an unzipped product. Needs Java 21 or newer in JAVA_HOME or on PATH.
# MOTCUA_JAVA_OPTS adds Java options (for example -Dmotcua.demo=true); the arguments go to the application.
#
# The Java options are chosen for a fast start on a 2-core commune PC (see ARCHITECTURE.md, "Start-up"):
#  - C1 only (TieredStopAtLevel=1): C2's compiler threads took more CPU than the start-up itself on 2 cores;
#  - Serial GC: one collector thread and no G1 set-up for a heap this small;
#  - a class-data archive in the configuration area, written when the desk closes for the first time and
#    re-made by Java itself when it no longer matches (another Java, another product version).
cd "$(dirname "$0")" || exit 1
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=configuration/motcua.jsa -Xlog:cds=off -Xlog:cds+dynamic=off \
  -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 \
  -Dmotcua.server.url="${MOTCUA_SERVER_URL:-http://127.0.0.1:8080}" $MOTCUA_JAVA_OPTS \
  -jar plugins/org.eclipse.equinox.launcher_*.jar -nl vi_VN "$@"
