#!/usr/bin/env bash
# Creates the two unlocked packages of the Switchyard runtime in a Dev Hub, once per Dev Hub:
# "Switchyard Platform" (force-app/platform: the objects and events the runtime needs) and
# "Switchyard Runtime" (ts-src/apex, which depends on it), and, with -a, the example app
# (force-app/main, which depends on both). `sf package create` writes each package's 0Ho id into
# packageAliases of sfdx-project.json: commit that change. A package that already has an alias
# there is left alone, so the script can run again.
#
# Usage: scripts/org/package-create.sh [-v dev-hub] [-a]
#   -v  Dev Hub username or alias (default: $SF_DEV_HUB, else the CLI's default Dev Hub)
#   -a  also create the example app's package ("Switchyard Example App")
set -euo pipefail
# shellcheck source=scripts/org/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=scripts/org/package-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/package-lib.sh"

with_app=false
while getopts "v:ah" flag; do
  case "$flag" in
    v) DEV_HUB="$OPTARG" ;;
    a) with_app=true ;;
    *) usage; exit 2 ;;
  esac
done

packages=("Switchyard Platform" "Switchyard Runtime")
if [[ "$with_app" == true ]]; then packages+=("Switchyard Example App"); fi

for name in "${packages[@]}"; do
  if [[ -n "$(package_alias "$name")" ]]; then
    say "$name already has an id in sfdx-project.json ($(package_alias "$name")); not created again"
    continue
  fi
  path="$(package_path "$name")"
  say "Creating the unlocked package $name ($path)"
  run hub package create --name "$name" --package-type Unlocked --path "$path" --no-namespace
done
say "Done: commit sfdx-project.json (packageAliases), then run scripts/org/package-version.sh"
