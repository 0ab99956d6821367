#!/usr/bin/env bash
# Assigns the generated permission sets, skipping those a user already has (safe to run again):
#   the runtime set to the integration user (callouts, event triggers, scheduled jobs, call-ins);
#   the admin, callout-user and live-updates sets (where generated) to the org's own user, who in
#   a scratch org is also the person trying the console, the credit check and the Order page.
#
# Usage: scripts/org/assign-permsets.sh [-o target-org] [-u integration-user]
#   -o  org username or alias (default: $SF_TARGET_ORG, else the project's default org)
#   -u  username of the integration user (default: the org's own user)
set -euo pipefail
# shellcheck source=scripts/org/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

integration_user=""
while getopts "o:u:h" option; do
  case "$option" in
    o) TARGET_ORG="$OPTARG" ;;
    u) integration_user="$OPTARG" ;;
    h) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
me="$(org_username)" || die "cannot read the org's username: is the org authorised (npx sf org list)?"
integration_user="${integration_user:-$me}"
runtime="Switchyard_Integration_Runtime"

# assign <user> <permission set>...: assigns those the user does not hold yet.
assign() {
  local user="$1" name held
  shift
  local -a missing=()
  held="$(assigned_permission_sets "$user")"
  for name in "$@"; do
    if grep -qxF "$name" <<<"$held"; then
      printf '    %s already has %s\n' "$user" "$name"
    else
      missing+=(--name "$name")
    fi
  done
  if ((${#missing[@]} > 0)); then
    run sf org assign permset "${missing[@]}" --on-behalf-of "$user"
  fi
}

people=()
while IFS= read -r name; do
  [[ "$name" == "$runtime" ]] || people+=("$name")
done < <(generated_names permissionsets .permissionset-meta.xml)

say "Runtime permission set to the integration user $integration_user"
assign "$integration_user" "$runtime"

if ((${#people[@]} > 0)); then
  say "People's permission sets (${people[*]}) to $me"
  assign "$me" "${people[@]}"
fi

say "Done. Next: scripts/org/configure-event-subscriber.sh -u $integration_user"
