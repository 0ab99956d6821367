#!/usr/bin/env bash
# Deploys every package directory in one transaction: the runtime's objects (force-app/platform),
# the hand-written runtime (ts-src/apex) and the generated app (force-app/main), since each needs
# the one before it. Refuses to deploy a force-app that is not what the declarations generate.
#
# Apex jobs: by default Salesforce refuses to deploy a class while a job that uses it is scheduled,
# queued or running (Switchyard's sweeper, monitors and batch syncs are scheduled; delivery jobs
# wait up to 10 minutes in the queue between retries):
# https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_classes.htm
# So this script first looks for Switchyard jobs in the org. If there are any it stops and says
# what to do, unless -d is given: then it unschedules the Switchyard jobs (apex/unschedule-jobs.apex),
# waits until no Switchyard job is queued or running (a delivery job's messages live in the job
# until it runs, so they are not aborted), deploys, and schedules the jobs again (schedule-jobs.sh).
# The org setting "Allow deployments of components when corresponding Apex jobs are pending or in
# progress" (Setup > Deployment Settings) would let the deploy through, but a queued job would then
# run with its state, serialized by the old classes, read into the new ones: Switchyard does not
# promise that survives a change of SwyDeliveryJob or SwyMessage, so drain instead.
#
# Usage: scripts/org/deploy.sh [-o target-org] [-d] [-w minutes] [-s schedule-org]
#   -o  org username or alias (default: $SF_TARGET_ORG, else the project's default org)
#   -d  drain: unschedule, wait for queued and running Switchyard jobs, deploy, reschedule
#   -w  minutes to wait for the jobs to finish with -d (default: 15; a delayed retry waits up to 10)
#   -s  org username or alias of the integration user, who schedules the jobs again after -d
#       (scheduled Apex runs as the user who scheduled it; default: the target org's user)
set -euo pipefail
# shellcheck source=scripts/org/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

drain=false
wait_minutes=15
schedule_org=""
while getopts "o:dw:s:h" option; do
  case "$option" in
    o) TARGET_ORG="$OPTARG" ;;
    d) drain=true ;;
    w) wait_minutes="$OPTARG" ;;
    s) schedule_org="$OPTARG" ;;
    h) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
if ! [[ "$wait_minutes" =~ ^[0-9]+$ ]] || ((wait_minutes < 1 || wait_minutes > 120)); then
  die "-w takes 1 to 120 minutes, not '$wait_minutes'"
fi
# Seconds between two looks at the job queue, and the wait in seconds instead of -w (for tests).
poll_seconds="${SWY_POLL_SECONDS:-30}"

say "Checking that force-app is what the declarations generate"
run npx --no -- tsx ts-src/generator/build.ts --check || die "run 'npm run build' (and commit the result), then deploy again"

say "Looking for Switchyard Apex jobs in the org"
jobs="$(switchyard_jobs)" || die "cannot query the org's Apex jobs: is the org authorised (npx sf org list)?"
if [[ -n "$jobs" ]]; then
  sed 's/^/    /' <<<"$jobs"
  if ! $drain; then
    die "Switchyard jobs are scheduled, queued or running, and a deploy cannot change their classes.
  Run again with -d to unschedule them, wait for the queued ones, deploy and reschedule:
    scripts/org/deploy.sh -d${TARGET_ORG:+ -o $TARGET_ORG}
  or unschedule them yourself (Setup > Scheduled Jobs), wait until Setup > Apex Jobs shows no
  queued Swy* job, deploy, then run scripts/org/schedule-jobs.sh as the integration user."
  fi

  say "Unscheduling Switchyard jobs"
  run sf apex run --file scripts/org/apex/unschedule-jobs.apex
  unscheduled=true

  jobs="$(switchyard_jobs)" || die "cannot query the org's Apex jobs"
  if grep -qE '^(scheduled|ScheduledApex) ' <<<"$jobs"; then
    sed 's/^/    /' <<<"$jobs"
    reschedule
    die "a Switchyard class is scheduled under a name that is not 'Switchyard ...': delete that job in Setup > Scheduled Jobs, then deploy again"
  fi

  say "Waiting up to $wait_minutes minutes for queued and running Switchyard jobs"
  deadline=$((SECONDS + ${SWY_WAIT_SECONDS:-$((wait_minutes * 60))}))
  while [[ -n "$jobs" ]]; do
    if ((SECONDS >= deadline)); then
      sed 's/^/    /' <<<"$jobs"
      say "Scheduling the jobs again, since nothing was deployed"
      reschedule
      die "Switchyard jobs still queued or running after $wait_minutes minutes: try again later, or with a longer -w"
    fi
    printf '    %s job(s) left\n' "$(wc -l <<<"$jobs" | tr -d ' ')"
    sleep "$poll_seconds"
    jobs="$(switchyard_jobs)" || die "cannot query the org's Apex jobs"
  done
fi

say "Deploying ts-src/apex and force-app"
deployed=true
run sf project deploy start \
  --source-dir ts-src/apex \
  --source-dir force-app \
  --wait 30 || deployed=false

if [[ "${unscheduled:-false}" == true ]]; then
  say "Scheduling the Switchyard jobs again"
  reschedule
fi
$deployed || die "the deploy failed (see above)"

say "Done. Next: scripts/org/assign-permsets.sh"
