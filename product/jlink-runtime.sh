#!/bin/bash
# Links the Java runtime the Linux product carries (runtime/ beside motcua.sh), so a commune PC needs no Java install.
# Called by product/pom.xml after the product is materialized; $1 the build's JDK, $2 the product folder, $3 the modules.
#
# The modules are what `jdeps --print-module-deps --ignore-missing-deps --multi-release 25` finds in the product's
# plugins/*.jar, plus what bundles reach only through OSGi imports or at run time: jdk.unsupported (PDFBox imports
# sun.misc), jdk.localedata (Vietnamese number and date formats; only the vi and en locales are kept), jdk.charsets
# and jdk.zipfs. The class-data archive (--generate-cds-archive) is the base that motcua.sh's own archive of the
# product's classes builds on, so the runtime starts as fast as a full JDK; its twin for heaps over 32 GB
# (classes_nocoops.jsa, 14 MB) is dropped. The module image is left uncompressed: the product zip compresses it about
# as well, and classes load without inflating at every start.
set -euo pipefail
jdk="$1"; product="$2"; modules="$3"
[[ -d "$product" ]] || { echo "jlink-runtime: no product at $product" >&2; exit 1; }
rm -rf "$product/runtime"
"$jdk/bin/jlink" --add-modules "$modules" --include-locales=en,vi \
  --strip-debug --no-header-files --no-man-pages --generate-cds-archive \
  --output "$product/runtime"
rm -f "$product/runtime/lib/server/classes_nocoops.jsa"
echo "jlink-runtime: $(du -sh "$product/runtime" | cut -f1) in $product/runtime ($("$product/runtime/bin/java" -version 2>&1 | head -1))"
