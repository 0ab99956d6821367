# shellcheck shell=bash
# Shared by the org scripts (sourced, not run): project root, the Salesforce CLI pinned in
# devDependencies, and how each script prints what it does. Written for bash 3.2 too (macOS):
# no mapfile, and no expansion of an array that may be empty.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GENERATED="force-app/main/default"
cd "$ROOT" || exit 1

# `--target-org` of every sf call after -o; when unset, sf uses the project's default org
# (which create-scratch-org.sh sets).
TARGET_ORG="${SF_TARGET_ORG:-}"

# The CLI from node_modules (npm ci), never whatever global `sf` happens to be installed.
sf() {
  if [[ -n "$TARGET_ORG" ]]; then
    npx --no -- sf "$@" --target-org "$TARGET_ORG"
  else
    npx --no -- sf "$@"
  fi
}

say() {
  printf '\n==> %s\n' "$*"
}

# Prints a command (with the org it goes to), then runs it.
run() {
  printf '    $'
  printf ' %q' "$@"
  if [[ "$1" == sf && -n "$TARGET_ORG" ]]; then
    printf ' --target-org %q' "$TARGET_ORG"
  fi
  printf '\n'
  "$@"
}

# The comment block at the top of the running script, which each script keeps as its usage.
usage() {
  sed -n '2,/^[^#]/{/^#/s/^# \{0,1\}//p;}' "$0"
}

die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# Username of the org's own user (for a scratch org: its admin), from `sf org display --json`.
org_username() {
  sf org display --json | node -e '
    let text = "";
    process.stdin.on("data", (chunk) => (text += chunk));
    process.stdin.on("end", () => {
      const username = JSON.parse(text).result?.username;
      if (!username) process.exit(1);
      process.stdout.write(username);
    });'
}

# Names (file name without suffix) of the generated files of one metadata folder, such as permissionsets.
generated_names() {
  local folder="$1" suffix="$2" file
  for file in "$GENERATED/$folder"/*"$suffix"; do
    [[ -e "$file" ]] || continue
    basename "$file" "$suffix"
  done
}

# Permission sets already assigned to a user, one name a line.
assigned_permission_sets() {
  local user="$1"
  sf data query --json \
    --query "SELECT PermissionSet.Name FROM PermissionSetAssignment WHERE Assignee.Username = '${user//\'/\\\'}'" |
    node -e '
      let text = "";
      process.stdin.on("data", (chunk) => (text += chunk));
      process.stdin.on("end", () => {
        for (const row of JSON.parse(text).result?.records ?? []) console.log(row.PermissionSet.Name);
      });'
}

# Apex classes this project deploys: the runtime's and the generated ones (tests excluded).
deployed_classes() {
  local file name
  for file in ts-src/apex/classes/*.cls "$GENERATED"/classes/*.cls; do
    [[ -e "$file" ]] || continue
    name="$(basename "$file" .cls)"
    [[ "$name" == *Test ]] || printf '%s\n' "$name"
  done
}

# Switchyard jobs a deploy would collide with, one a line: scheduled jobs named 'Switchyard ...'
# (schedule-jobs.sh names them so: "scheduled <name> (<state>)"), and jobs of a deployed class
# that are queued, holding or running ("<JobType> <class> (<status>)", ScheduledApex for one
# scheduled under another name).
switchyard_jobs() {
  local names
  names="$(deployed_classes | sed "s/.*/'&'/" | paste -sd, -)"
  [[ -n "$names" ]] || return 0
  {
    sf data query --json --query "SELECT Id, CronJobDetail.Name, State FROM CronTrigger WHERE CronJobDetail.Name LIKE 'Switchyard %' AND State NOT IN ('COMPLETE', 'DELETED')"
    printf '\n\x1e\n'
    sf data query --json --query "SELECT Id, ApexClass.Name, JobType, Status, CronTriggerId FROM AsyncApexJob WHERE Status IN ('Holding', 'Queued', 'Preparing', 'Processing') AND ApexClass.Name IN ($names)"
  } | node -e '
    let text = "";
    process.stdin.on("data", (chunk) => (text += chunk));
    process.stdin.on("end", () => {
      const [scheduled, queued] = text.split("\x1e").map((part) => JSON.parse(part));
      if (scheduled.status !== 0 || queued.status !== 0) process.exit(1);
      const named = new Set(scheduled.result.records.map((row) => row.Id));
      for (const row of scheduled.result.records) console.log(`scheduled ${row.CronJobDetail.Name} (${row.State})`);
      for (const row of queued.result.records) {
        if (!named.has(row.CronTriggerId)) console.log(`${row.JobType} ${row.ApexClass.Name} (${row.Status})`);
      }
    });'
}

# Schedules the Switchyard jobs as the integration user's org (deploy.sh -s), else the target org.
reschedule() {
  bash scripts/org/schedule-jobs.sh -o "${schedule_org:-${TARGET_ORG:-}}" || printf 'warning: %s\n' \
    "the jobs were not scheduled again: run scripts/org/schedule-jobs.sh as the integration user" >&2
}
