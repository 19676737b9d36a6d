#!/bin/bash
# Links the Java runtime a product carries (runtime/ beside its launcher), so a commune PC needs no Java install.
# Called by product/pom.xml after the products are materialized: $1 the build's JDK, $2 the product folder, $3 the
# modules, and for another platform's product (Windows) $4: the jmods folder of that platform's JDK.
#
# The modules are what `jdeps --print-module-deps --ignore-missing-deps --multi-release 25` finds in the product's
# plugins/*.jar, plus what bundles reach only through OSGi imports or at run time: jdk.unsupported (PDFBox imports
# sun.misc), jdk.localedata (Vietnamese number and date formats; only the vi and en locales are kept), jdk.charsets
# and jdk.zipfs. The class-data archive (--generate-cds-archive) is the base that motcua.sh's own archive of the
# product's classes builds on, so the runtime starts as fast as a full JDK; its twin for heaps over 32 GB
# (classes_nocoops.jsa, 14 MB) is dropped. The module image is left uncompressed: the product zip compresses it about
# as well, and classes load without inflating at every start.
#
# Another platform's runtime: jlink links from that platform's jmods (the build's JDK has none of its own, and a JDK
# can only link its own platform from itself), and only a jlink of the same Java version may read them. The archive
# cannot be generated here (that runs the linked java), so that runtime starts without one.
set -euo pipefail
jdk="$1"; product="$2"; modules="$3"; jmods="${4:-}"
[[ -d "$product" ]] || { echo "jlink-runtime: no product at $product" >&2; exit 1; }
rm -rf "$product/runtime"
if [[ -z "$jmods" ]]; then
  "$jdk/bin/jlink" --add-modules "$modules" --include-locales=en,vi \
    --strip-debug --no-header-files --no-man-pages --generate-cds-archive \
    --output "$product/runtime"
  rm -f "$product/runtime/lib/server/classes_nocoops.jsa"
  java="$product/runtime/bin/java"
else
  if [[ ! -f "$jmods/java.base.jmod" ]]; then
    echo "jlink-runtime: $jmods holds no java.base.jmod. Give -Dmotcua.windows.jmods the jmods folder of a Windows x64" \
         "JDK of the build's own version ($("$jdk/bin/java" -version 2>&1 | head -1)); README says where to find one." >&2
    exit 1
  fi
  "$jdk/bin/jlink" --module-path "$jmods" --add-modules "$modules" --include-locales=en,vi \
    --strip-debug --no-header-files --no-man-pages --output "$product/runtime"
  java="$product/runtime/bin/java.exe"
  [[ -f "$java" ]] || java="$product/runtime/bin/java"   # jmods of the build's own platform: a plain test of this path
fi
echo "jlink-runtime: $(du -sh "$product/runtime" | cut -f1) in $product/runtime (${java##*/})"
