#!/usr/bin/env bash
# Creates a scratch org from config/project-scratch-def.json (Orders enabled) and makes it the
# default org of this project. Needs a Dev Hub: `npx sf org login web --set-default-dev-hub`.
#
# Usage: scripts/org/create-scratch-org.sh [-a alias] [-d days] [-v dev-hub]
#   -a  alias of the new org (default: switchyard)
#   -d  days before it expires, 1-30 (default: 7)
#   -v  Dev Hub username or alias (default: the project's target-dev-hub setting)
set -euo pipefail
# shellcheck source=scripts/org/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

alias_name="switchyard"
days=7
dev_hub=""
while getopts "a:d:v:h" option; do
  case "$option" in
    a) alias_name="$OPTARG" ;;
    d) days="$OPTARG" ;;
    v) dev_hub="$OPTARG" ;;
    h) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
if ! [[ "$days" =~ ^[0-9]+$ ]] || ((days < 1 || days > 30)); then
  die "-d takes 1 to 30 days, not '$days'"
fi

create=(org create scratch --definition-file config/project-scratch-def.json --alias "$alias_name"
  --duration-days "$days" --set-default --wait 15)
if [[ -n "$dev_hub" ]]; then
  create+=(--target-dev-hub "$dev_hub")
fi

say "Creating scratch org '$alias_name' for $days days from config/project-scratch-def.json"
# A new org has no --target-org (sf rejects the flag here), whatever SF_TARGET_ORG says.
TARGET_ORG=""
run sf "${create[@]}"

say "Done. Next: scripts/org/deploy.sh"
