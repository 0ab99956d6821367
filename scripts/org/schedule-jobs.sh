#!/usr/bin/env bash
# Schedules Switchyard's jobs: the sweeper (resends error-log rows waiting for a retry) and every
# generated class with a static schedule() (health monitors, batch syncs), each with its declared
# cron. Earlier Switchyard jobs are aborted first, so running it again never doubles a job.
#
# Scheduled Apex runs as the user who schedules it, and the sweeper and batch syncs call out: run
# this logged in as the integration user, who holds the runtime permission set.
# https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_scheduler.htm
#
# Usage: scripts/org/schedule-jobs.sh [-o target-org] [-m sweeper-minutes] [-n]
#   -o  org username or alias of the integration user (default: $SF_TARGET_ORG, else the default org)
#   -m  minutes between sweeper runs: 5, 10, 15, 20, 30 or 60 (default: 15)
#   -n  print the anonymous Apex without running it
set -euo pipefail
# shellcheck source=scripts/org/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

minutes=15
dry_run=false
while getopts "o:m:nh" option; do
  case "$option" in
    o) TARGET_ORG="$OPTARG" ;;
    m) minutes="$OPTARG" ;;
    n) dry_run=true ;;
    h) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
case "$minutes" in
  5 | 10 | 15 | 20 | 30 | 60) ;;
  *) die "-m takes 5, 10, 15, 20, 30 or 60 minutes, not '$minutes'" ;;
esac

# Generated schedulable classes: those with a `public static Id schedule()` (or List<Id>).
scheduled=()
for file in "$GENERATED"/classes/*.cls; do
  [[ -e "$file" ]] || continue
  if grep -qE 'public static (Id|List<Id>) schedule\(\)' "$file"; then
    scheduled+=("$(basename "$file" .cls)")
  fi
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
apex="$work/schedule-jobs.apex"
{
  printf '%s\n' \
    "// Switchyard: (re)schedules its jobs as the running user, who needs the runtime permission set." \
    "List<CronTrigger> earlier = [SELECT Id FROM CronTrigger WHERE CronJobDetail.Name LIKE 'Switchyard %'];" \
    "for (CronTrigger job : earlier) {" \
    "  System.abortJob(job.Id);" \
    "}" \
    "System.debug(LoggingLevel.INFO, 'Aborted ' + earlier.size() + ' earlier Switchyard job(s)');" \
    "System.debug(LoggingLevel.INFO, 'SwySweeper every $minutes minutes: ' + SwySweeper.scheduleEvery($minutes));"
  for class in ${scheduled[@]+"${scheduled[@]}"}; do
    printf "System.debug(LoggingLevel.INFO, '%s: ' + %s.schedule());\n" "$class" "$class"
  done
} >"$apex"

say "Scheduling SwySweeper every $minutes minutes and ${#scheduled[@]} generated job class(es)"
if $dry_run; then
  cat "$apex"
  exit 0
fi
run sf apex run --file "$apex"

say "Done. Scheduled jobs: Setup > Scheduled Jobs. Next: scripts/org/run-apex-tests.sh"
