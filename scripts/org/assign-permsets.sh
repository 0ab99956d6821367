#!/usr/bin/env bash
# Assigns the generated permission sets, skipping those a user already has (safe to run again):
#   the runtime set to the integration user, the outbound credential holder (callouts, event
#   triggers, scheduled jobs);
#   the call-in set (where generated) to the user external systems log in as to call the REST
#   resources (inbound); in production make it a user of its own, so an inbound login holds no
#   callout credential;
#   the admin, callout-user and live-updates sets (where generated) to the org's own user, who in
#   a scratch org is also the person trying the console, the credit check and the Order page.
#
# Usage: scripts/org/assign-permsets.sh [-o target-org] [-u integration-user] [-c call-in-user]
#   -o  org username or alias (default: $SF_TARGET_ORG, else the project's default org)
#   -u  username of the integration user (default: the org's own user)
#   -c  username of the inbound call-in user (default: the integration user)
set -euo pipefail
# shellcheck source=scripts/org/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

integration_user=""
call_in_user=""
while getopts "o:u:c:h" option; do
  case "$option" in
    o) TARGET_ORG="$OPTARG" ;;
    u) integration_user="$OPTARG" ;;
    c) call_in_user="$OPTARG" ;;
    h) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
me="$(org_username)" || die "cannot read the org's username: is the org authorised (npx sf org list)?"
integration_user="${integration_user:-$me}"
call_in_user="${call_in_user:-$integration_user}"
runtime="Switchyard_Integration_Runtime"
call_in="Switchyard_Call_In"

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
has_call_in=false
while IFS= read -r name; do
  case "$name" in
    "$runtime") ;;
    "$call_in") has_call_in=true ;;
    *) people+=("$name") ;;
  esac
done < <(generated_names permissionsets .permissionset-meta.xml)

say "Runtime permission set to the integration user $integration_user"
assign "$integration_user" "$runtime"

if $has_call_in; then
  say "Call-in permission set to the inbound user $call_in_user"
  assign "$call_in_user" "$call_in"
fi

if ((${#people[@]} > 0)); then
  say "People's permission sets (${people[*]}) to $me"
  assign "$me" "${people[@]}"
fi

say "Done. Next: scripts/org/configure-event-subscriber.sh -u $integration_user"
