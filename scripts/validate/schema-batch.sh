#!/usr/bin/env bash
# The strict mode of ../shared/schemas/validate-metadata.sh with the same output, reordering every
# file in one python process (canon-batch.py) instead of one per file: same XSD, same cache, same
# reordering, one xmllint run. Usage: schema-batch.sh SCHEMAS_DIR DIR...
set -u
here=$(cd "$(dirname "$0")" && pwd)
schemas=$(cd "$1" && pwd); shift
command -v xmllint >/dev/null || { echo "xmllint not found: apt-get install -y libxml2-utils" >&2; exit 2; }
# The XSD is derived once into the cache validate-metadata.sh uses, under the key it uses.
cache=${METADATA_XSD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sf-metadata-xsd}
sum=$(sha256sum "$schemas/metadata.wsdl" "$schemas/wsdl2xsd.py" | sha256sum | cut -c1-16)
xsd="$cache/$sum/metadata.xsd"
if [ ! -f "$xsd" ]; then
  mkdir -p "$cache/$sum"
  python3 "$schemas/wsdl2xsd.py" "$schemas/metadata.wsdl" "$xsd" --any LightningComponentBundle.targetConfigs >/dev/null || exit 2
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
list=()
while IFS= read -r line; do
  case "$line" in
    *": not well-formed") echo "$line" ;;
    *) list+=("$line") ;;
  esac
done < <(find "$@" -name '*-meta.xml' -print0 | python3 "$here/canon-batch.py" "$schemas" "$xsd" "$tmp")
[ ${#list[@]} -gt 0 ] || { echo "no -meta.xml files under $*"; exit 0; }
xmllint --noout --schema "$xsd" "${list[@]}" 2>&1 | sed "s#$tmp/##"; exit ${PIPESTATUS[0]}
