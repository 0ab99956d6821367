#!/usr/bin/env bash
# The schema check (validate step 8) over this repository's package directories: the shared
# validate-metadata.sh (canon.py once per file) against scripts/validate/schema-batch.sh (one python
# process), with their floor: the one xmllint run both make, over files already in schema order.
# Usage: bash bench/schema/run.sh [RUNS]   (needs ../shared/schemas and xmllint)
set -eu
cd "$(dirname "$0")/../.."
runs=${1:-5}; schemas=$(cd ../shared/schemas 2>/dev/null && pwd || echo ../shared/schemas); dirs=(force-app/platform ts-src/apex force-app/main)
[ -f "$schemas/validate-metadata.sh" ] || { echo "bench/schema: $schemas not found" >&2; exit 2; }
bash scripts/validate/schema-batch.sh "$schemas" "${dirs[@]}" >/dev/null # derives the cached XSD
cache=${METADATA_XSD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sf-metadata-xsd}
sum=$(sha256sum "$schemas/metadata.wsdl" "$schemas/wsdl2xsd.py" | sha256sum | cut -c1-16)
ordered=$(mktemp -d); trap 'rm -rf "$ordered"' EXIT
mapfile -t files < <(find "${dirs[@]}" -name '*-meta.xml' -print0 |
  python3 scripts/validate/canon-batch.py "$schemas" "$cache/$sum/metadata.xsd" "$ordered")
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || { echo "bench/schema: $1 failed" >&2; exit 1; }; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
floor=(); batch=(); shared=()
for _ in $(seq "$runs"); do
  floor+=("$(seconds xmllint --noout --schema "$cache/$sum/metadata.xsd" "${files[@]}")")
  batch+=("$(seconds bash scripts/validate/schema-batch.sh "$schemas" "${dirs[@]}")")
  shared+=("$(seconds bash "$schemas/validate-metadata.sh" "${dirs[@]}")")
done
f=$(median "${floor[@]}"); b=$(median "${batch[@]}"); s=$(median "${shared[@]}")
echo "files: ${#files[@]}; runs: $runs; load: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
printf 'floor (one xmllint run)   median %6.2f s\n' "$f"
printf 'schema-batch.sh           median %6.2f s  %5.1fx floor\n' "$b" "$(echo "$b / $f" | bc -l)"
printf 'validate-metadata.sh      median %6.2f s  %5.1fx floor\n' "$s" "$(echo "$s / $f" | bc -l)"
