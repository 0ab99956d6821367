#!/usr/bin/env bash
# Creates a new version of each runtime package (Platform first: Runtime depends on it) with code
# coverage computed, and, with -p, promotes it to released so production orgs can install it.
# Versions are numbered by sfdx-project.json (versionNumber 0.1.0.NEXT: the build number counts
# up); `sf package version create` adds each version's 04t id to packageAliases as
# "<package>@<version>": commit that change. Needs a Dev Hub and an installation key policy:
# -k KEY protects the versions with a key, else they install without one (--installation-key-bypass).
#
# Usage: scripts/org/package-version.sh [-v dev-hub] [-k key] [-p] [-a] [-w minutes]
#   -v  Dev Hub username or alias (default: $SF_DEV_HUB, else the CLI's default Dev Hub)
#   -k  installation key for the new versions
#   -p  promote each new version (released versions cannot be deleted; beta ones cannot go to production)
#   -a  also version the example app ("Switchyard Example App")
#   -w  minutes to wait for each version (default 60)
set -euo pipefail
# shellcheck source=scripts/org/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=scripts/org/package-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/package-lib.sh"

key=""
promote=false
with_app=false
wait_minutes=60
while getopts "v:k:paw:h" flag; do
  case "$flag" in
    v) DEV_HUB="$OPTARG" ;;
    k) key="$OPTARG" ;;
    p) promote=true ;;
    a) with_app=true ;;
    w) wait_minutes="$OPTARG" ;;
    *) usage; exit 2 ;;
  esac
done

packages=("Switchyard Platform" "Switchyard Runtime")
if [[ "$with_app" == true ]]; then packages+=("Switchyard Example App"); fi

for name in "${packages[@]}"; do
  [[ -n "$(package_alias "$name")" ]] || die "$name has no id in sfdx-project.json packageAliases: run scripts/org/package-create.sh first"
  say "Creating a version of $name"
  if [[ -n "$key" ]]; then key_flags=(--installation-key "$key"); else key_flags=(--installation-key-bypass); fi
  json="$(hub package version create --package "$name" "${key_flags[@]}" --code-coverage --wait "$wait_minutes" --json)"
  version_id="$(printf '%s' "$json" | json_field result.SubscriberPackageVersionId)"
  [[ -n "$version_id" ]] || { printf '%s\n' "$json" >&2; die "no version of $name was created"; }
  say "$name: version $version_id"
  if [[ "$promote" == true ]]; then
    run hub package version promote --package "$version_id" --no-prompt
  fi
done
say "Done: commit sfdx-project.json (packageAliases); install with scripts/org/package-install.sh -i <04t id>"
