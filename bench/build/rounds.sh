#!/bin/sh
# Build benchmark by rounds, peak memory as the sum over the build's process tree (peakTree.py):
#   sh bench/build/rounds.sh <workdir> <example rounds> <100/500 rounds> <1000 rounds>
# Per example round: tsc --noEmit of the copy (the floor), cold build (no force-app, empty cache),
# rebuild with nothing changed, rebuild after changing one declaration (SendOrderToErp's path).
# Then per synthetic size: tsc and a cold build. One line per measurement on stdout.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); REPO=$(cd "$HERE/../.." && pwd); W=$1; R=$2; S=$3; L=$4
BUILD="npx tsx $REPO/ts-src/generator/build.ts"; PEAK="python3 $HERE/peakTree.py"
mkdir -p "$W"
mk() { rm -rf "$W/$1"; npx tsx -e "const s=require('$HERE/synthetic.ts'); $2" ; }
mk example "s.writeProjectCopy('$REPO', '$W/example')"
for n in 100 500 1000; do mk s$n "s.writeSyntheticProject('$REPO', '$W/s$n', s.syntheticSize($n))"; done
m() { # name dir command...
  name=$1; dir=$2; shift 2
  out=$(cd "$dir" && $PEAK "$@" 2>&1 >/dev/null | grep peak-tree); echo "$name $out"
}
cold() { rm -rf "$1/force-app" "$1/ts-src/lwc/generated" "$W/cache-$2"; }
i=0
while [ $i -lt "$R" ]; do i=$((i+1))
  m "round$i tsc-example" "$W/example" npx tsc --noEmit -p tsconfig.json
  cold "$W/example" example
  m "round$i example-cold" "$W/example" env SWITCHYARD_CACHE_DIR="$W/cache-example" $BUILD
  m "round$i example-noop" "$W/example" env SWITCHYARD_CACHE_DIR="$W/cache-example" $BUILD
  sed -i "0,\#path: '/orders[^']*'#s##path: '/orders-$i'#" "$W/example/ts-src/integrations/erp.ts"
  m "round$i example-one-change" "$W/example" env SWITCHYARD_CACHE_DIR="$W/cache-example" $BUILD
done
for n in 100 500 1000; do
  rounds=$S; [ $n -ge 1000 ] && rounds=$L; i=0
  while [ $i -lt "$rounds" ]; do i=$((i+1))
    m "round$i tsc-$n" "$W/s$n" npx tsc --noEmit -p tsconfig.json
    cold "$W/s$n" s$n
    m "round$i cold-$n" "$W/s$n" env SWITCHYARD_CACHE_DIR="$W/cache-s$n" $BUILD
  done
done
