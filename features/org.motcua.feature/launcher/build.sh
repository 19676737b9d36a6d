#!/bin/bash
# Cross-compiles MotCua.exe (motcua-launcher.c) with Debian's mingw-w64 into $1, which the feature's win32 root files
# take from (features/org.motcua.feature/build.properties). Without the compiler (Debian: gcc-mingw-w64-x86-64-win32)
# the Windows product is built without MotCua.exe and starts with motcua.cmd; ./motcua test installs the compiler, and
# the smoke tests require the .exe and run it under wine.
set -euo pipefail
out="$1"
src="$(cd "$(dirname "$0")" && pwd)/motcua-launcher.c"
mkdir -p "$out"
cc=x86_64-w64-mingw32-gcc
if ! command -v "$cc" >/dev/null 2>&1; then
  echo "launcher: $cc not found (sudo apt-get install gcc-mingw-w64-x86-64-win32): no MotCua.exe in the Windows product" >&2
  exit 0
fi
# -mwindows: the GUI subsystem, so no console window opens; -municode: wWinMain; static libgcc: one file to carry.
"$cc" -std=c11 -O2 -s -Wall -Wextra -Werror -municode -mwindows -static-libgcc -o "$out/MotCua.exe" "$src" \
  -lole32 -luuid -lshell32
echo "launcher: $out/MotCua.exe ($(stat -c %s "$out/MotCua.exe") bytes)"
