#!/usr/bin/env bash
# Installs package versions into an org by their 04t ids (Platform first, then Runtime), waiting
# for each; installing a newer version of an installed package upgrades it in place. Unlocked
# packages install for admins only unless -s AllUsers; Switchyard's permission sets grant the rest.
#
# Usage: scripts/org/package-install.sh -i 04t... [-i 04t...] [-o target-org] [-k key] [-s AdminsOnly|AllUsers] [-w minutes]
#   -i  a package version id (04t...) or its alias in sfdx-project.json ("Switchyard Runtime@0.1.0-1"); repeat, in dependency order
#   -o  org username or alias (default: $SF_TARGET_ORG, else the project's default org)
#   -k  installation key, when the versions were created with one
#   -s  security type (default AdminsOnly)
#   -w  minutes to wait for each install (default 30)
set -euo pipefail
# shellcheck source=scripts/org/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ids=()
key=""
security="AdminsOnly"
wait_minutes=30
while getopts "i:o:k:s:w:h" flag; do
  case "$flag" in
    i) ids+=("$OPTARG") ;;
    o) TARGET_ORG="$OPTARG" ;;
    k) key="$OPTARG" ;;
    s) security="$OPTARG" ;;
    w) wait_minutes="$OPTARG" ;;
    *) usage; exit 2 ;;
  esac
done
[[ ${#ids[@]} -gt 0 ]] || { usage; exit 2; }

for id in "${ids[@]}"; do
  say "Installing $id"
  if [[ -n "$key" ]]; then
    run sf package install --package "$id" --installation-key "$key" --security-type "$security" --wait "$wait_minutes" --publish-wait 10 --no-prompt
  else
    run sf package install --package "$id" --security-type "$security" --wait "$wait_minutes" --publish-wait 10 --no-prompt
  fi
done
say "Done: run scripts/org/deploy.sh for the app (or install its package), then npm run org:permsets"
