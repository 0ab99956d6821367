#!/usr/bin/env bash
# Creates the circuit-breaker state row (Integration_Circuit__c, Closed) of every external system,
# one per generated Named Credential, before the first message is sent. Without it, the first
# failures of a system insert its row from several jobs at once: all but one get DUPLICATE_VALUE
# and must re-read and retry (SwyCircuitBreaker does, once). Existing rows are left as they are,
# so running it again after a deploy that adds a system only creates the new row.
#
# Usage: scripts/org/create-circuit-rows.sh [-o target-org] [-n]
#   -o  org username or alias (default: $SF_TARGET_ORG, else the project's default org)
#   -n  print the anonymous Apex without running it
set -euo pipefail
# shellcheck source=scripts/org/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

dry_run=false
while getopts "o:nh" option; do
  case "$option" in
    o) TARGET_ORG="$OPTARG" ;;
    n) dry_run=true ;;
    h) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

# The systems are the Named Credentials the build generated (SwyOperationConfig.namedCredential).
systems=()
for file in "$GENERATED"/namedCredentials/*.namedCredential-meta.xml; do
  [[ -e "$file" ]] || continue
  systems+=("'$(basename "$file" .namedCredential-meta.xml)'")
done
if [[ ${#systems[@]} -eq 0 ]]; then
  say "No Named Credential in $GENERATED: no circuit row to create"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
apex="$work/create-circuit-rows.apex"
list="$(IFS=,; printf '%s' "${systems[*]}")"
printf '%s\n' \
  "// Switchyard: one closed circuit row per external system (SwyCircuitBreaker.ensureRows)." \
  "System.debug(LoggingLevel.INFO, 'Circuit rows created: ' + SwyCircuitBreaker.ensureRows(new Set<String>{ $list }));" \
  >"$apex"

say "Creating the circuit rows of ${#systems[@]} system(s)"
if $dry_run; then
  cat "$apex"
  exit 0
fi
run sf apex run --file "$apex"

say "Done. Next: scripts/org/schedule-jobs.sh"
