#!/usr/bin/env bash
# Deploys every package directory in one transaction: the runtime's objects (force-app/platform),
# the hand-written runtime (ts-src/apex) and the generated app (force-app/main), since each needs
# the one before it. Refuses to deploy a force-app that is not what the declarations generate.
#
# Usage: scripts/org/deploy.sh [-o target-org]
#   -o  org username or alias (default: $SF_TARGET_ORG, else the project's default org)
set -euo pipefail
# shellcheck source=scripts/org/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

while getopts "o:h" option; do
  case "$option" in
    o) TARGET_ORG="$OPTARG" ;;
    h) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

say "Checking that force-app is what the declarations generate"
run npx --no -- tsx ts-src/generator/build.ts --check || die "run 'npm run build' (and commit the result), then deploy again"

say "Deploying ts-src/apex and force-app"
run sf project deploy start \
  --source-dir ts-src/apex \
  --source-dir force-app \
  --wait 30

say "Done. Next: scripts/org/assign-permsets.sh"
