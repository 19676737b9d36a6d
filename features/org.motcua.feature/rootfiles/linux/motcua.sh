#!/bin/sh
# Starts the MotCua commune client from an unzipped product. Uses the Java runtime the product carries (runtime/),
# else Java 21 or newer from JAVA_HOME or PATH. MOTCUA_JAVA_OPTS adds Java options (for example -Dmotcua.demo=true);
# the arguments go to the application. Without -data, the desk's data lives in ~/.local/share/motcua (XDG_DATA_HOME),
# outside the product folder, so replacing or updating the product never touches it.
#
# boot/motcua-boot.jar picks the installed version to start (an update staged by the desk, or the previous version
# after two starts the desk did not confirm) and starts Equinox's launcher from it in the same JVM.
#
# The Java options are chosen for a fast start on a 2-core commune PC (see ARCHITECTURE.md, "Start-up"):
#  - C1 only (TieredStopAtLevel=1): C2's compiler threads took more CPU than the start-up itself on 2 cores;
#  - Serial GC: one collector thread and no G1 set-up for a heap this small;
#  - a class-data archive in the configuration area, written when the desk closes for the first time and
#    re-made by Java itself when it no longer matches (another Java, another product version).
cd "$(dirname "$0")" || exit 1
here="$(pwd)"
if [ -x runtime/bin/java ]; then
  JAVA=runtime/bin/java
elif [ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  JAVA="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then
  JAVA=java
else
  echo "MotCua không khởi động được: không tìm thấy Java. Hãy giải nén lại bản cài đặt đầy đủ (có thư mục runtime)" >&2
  echo "hoặc cài Java 21 trở lên (sudo apt-get install openjdk-21-jre). / No Java found: Java 21+ is required." >&2
  exit 1
fi

data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
case " $* " in
  *" -data "*) ;;
  # a desk started by an earlier product kept its data in the product folder's workspace/: it stays there
  *) if [ -d workspace ] && [ ! -d "$data_home/motcua" ]; then
       set -- -data "$here/workspace" "$@"
     else
       mkdir -p "$data_home/motcua" && set -- -data "$data_home/motcua" "$@"
     fi ;;
esac

# The application menu entry, made (or moved) on a start from a new folder: officers start the desk from the menu.
# MOTCUA_MENU_ENTRY=no leaves the menu alone (the developer launcher ./motcua sets it).
entry="$data_home/applications/motcua.desktop"
if [ "${MOTCUA_MENU_ENTRY:-yes}" != no ] && ! grep -qs "^Exec=\"$here/motcua.sh\"\$" "$entry"; then
  mkdir -p "$data_home/applications" && cat >"$entry" <<DESKTOP
[Desktop Entry]
Type=Application
Name=MotCua — Một cửa xã
Comment=Tiếp nhận và trả kết quả hồ sơ một cửa
Exec="$here/motcua.sh"
Path=$here
Terminal=false
Categories=Office;
DESKTOP
fi

exec "$JAVA" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=configuration/motcua.jsa -Xlog:cds=off -Xlog:cds+dynamic=off \
  -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 \
  -Dmotcua.server.url="${MOTCUA_SERVER_URL:-http://127.0.0.1:8080}" $MOTCUA_JAVA_OPTS \
  -jar boot/motcua-boot.jar -nl vi_VN "$@"
