#!/usr/bin/env bash
# Makes every generated Platform Event trigger run as the integration user.
#
# By default an event trigger runs as the Automated Process user, which cannot be given a
# permission set, so it holds no External Credential principal and its Queueable callouts fail.
# A PlatformEventSubscriberConfig per trigger sets the running user (who must hold the runtime
# permission set: run assign-permsets.sh first) and the batch size.
# https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_trigger_config.htm
# The configs name an org user, so they are written to a temporary folder at deploy time and never
# into force-app.
#
# Usage: scripts/org/configure-event-subscriber.sh [-o target-org] [-u user] [-b batch-size] [-n]
#   -o  org username or alias (default: $SF_TARGET_ORG, else the project's default org)
#   -u  username the triggers run as (default: the org's own user, a scratch org's admin)
#   -b  events per trigger run, 1-2000 (default: 200)
#   -n  print the configs without deploying them
set -euo pipefail
# shellcheck source=scripts/org/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

user=""
# 200 events hand over to the delivery jobs well inside one run's 50 Queueable jobs; the default
# 2,000 mostly ends at the job limit and is fired again from its resume checkpoint.
batch_size=200
dry_run=false
while getopts "o:u:b:nh" option; do
  case "$option" in
    o) TARGET_ORG="$OPTARG" ;;
    u) user="$OPTARG" ;;
    b) batch_size="$OPTARG" ;;
    n) dry_run=true ;;
    h) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
if ! [[ "$batch_size" =~ ^[0-9]+$ ]] || ((batch_size < 1 || batch_size > 2000)); then
  die "-b takes 1 to 2000 events, not '$batch_size'"
fi

# Generated triggers on Platform Events (`trigger OrderConfirmedTrigger on Order_Confirmed__e(...)`)
# and on change events (`ContactChangeEvent`, `Invoice__ChangeEvent`), which run as the Automated
# Process user too and take the same config:
# https://developer.salesforce.com/docs/atlas.en-us.change_data_capture.meta/change_data_capture/cdc_trigger_intro.htm
triggers=()
for file in "$GENERATED"/triggers/*.trigger; do
  [[ -e "$file" ]] || continue
  if grep -qiE '^[[:space:]]*trigger[[:space:]]+[A-Za-z0-9_]+[[:space:]]+on[[:space:]]+[A-Za-z0-9_]+(__e|ChangeEvent)[[:space:]]*\(' "$file"; then
    triggers+=("$(basename "$file" .trigger)")
  fi
done
if ((${#triggers[@]} == 0)); then
  say "No Platform Event triggers in $GENERATED/triggers: nothing to configure"
  exit 0
fi

if [[ -z "$user" ]]; then
  if $dry_run; then
    user="integration.user@example.com"
  else
    user="$(org_username)" || die "cannot read the org's username: is the org authorised (npx sf org list)?"
  fi
fi
api_version="$(node -p 'require("./sfdx-project.json").sourceApiVersion')"

xml_text() {
  sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' <<<"$1"
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/PlatformEventSubscriberConfigs"
members=""
for trigger in "${triggers[@]}"; do
  config="${trigger}Config"
  members+="        <members>${config}</members>"$'\n'
  cat >"$work/PlatformEventSubscriberConfigs/${config}.platformEventSubscriberConfig" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<PlatformEventSubscriberConfig xmlns="http://soap.sforce.com/2006/04/metadata">
    <batchSize>${batch_size}</batchSize>
    <masterLabel>${config}</masterLabel>
    <platformEventConsumer>${trigger}</platformEventConsumer>
    <user>$(xml_text "$user")</user>
</PlatformEventSubscriberConfig>
XML
done
cat >"$work/package.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<Package xmlns="http://soap.sforce.com/2006/04/metadata">
    <types>
${members}        <name>PlatformEventSubscriberConfig</name>
    </types>
    <version>${api_version}</version>
</Package>
XML

say "Triggers ${triggers[*]} will run as $user, $batch_size events at a time"
if $dry_run; then
  for file in "$work"/package.xml "$work"/PlatformEventSubscriberConfigs/*; do
    printf -- '--- %s\n' "${file#"$work"/}"
    cat "$file"
  done
  exit 0
fi

run sf project deploy start --metadata-dir "$work" --wait 10

say "Done. Next: scripts/org/set-credential-secrets.sh"
