/**
 * deploy.sh against a fake org: `npx` on PATH answers the Salesforce CLI calls (queries from
 * fixtures, one answer per call in order) and logs every call, so the test sees what the script
 * would do to an org with Switchyard jobs scheduled or queued.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(__dirname, '../..');

const FAKE_NPX = `#!/usr/bin/env bash
# Fake npx: logs the call; answers sf data query from $FAKE/<cron|async>.<n>.json (the last repeats).
printf '%s\\n' "$*" >>"$FAKE/log"
args="$*"
answer() {
  local kind="$1" n
  n=$(($(cat "$FAKE/$kind.count" 2>/dev/null || echo 0) + 1))
  echo "$n" >"$FAKE/$kind.count"
  while ((n > 1)) && [[ ! -f "$FAKE/$kind.$n.json" ]]; do n=$((n - 1)); done
  cat "$FAKE/$kind.$n.json"
}
case "$args" in
  *" tsx "*) exit 0 ;;
  *"data query"*"FROM CronTrigger"*) answer cron ;;
  *"data query"*"FROM AsyncApexJob"*) answer async ;;
  *"apex run"*) exit 0 ;;
  *"project deploy start"*) exit "\${FAKE_DEPLOY_RC:-0}" ;;
  *) echo "fake npx: unexpected $args" >&2; exit 3 ;;
esac
`;

const records = (rows: object[]) => JSON.stringify({ status: 0, result: { records: rows } });
const SWEEPER = { Id: '08e000000000001', CronJobDetail: { Name: 'Switchyard Sweeper :00' }, State: 'WAITING' };
const DELIVERY = {
  Id: '707000000000001',
  ApexClass: { Name: 'SwyDeliveryJob' },
  JobType: 'Queueable',
  Status: 'Queued',
};
const SCHEDULED_SWEEPER = {
  ...DELIVERY,
  JobType: 'ScheduledApex',
  ApexClass: { Name: 'SwySweeper' },
  CronTriggerId: SWEEPER.Id,
};

interface Org {
  cron: object[][];
  async: object[][];
}

function deploy(org: Org, args: string[], env: Record<string, string> = {}) {
  const fake = mkdtempSync(path.join(tmpdir(), 'swy-deploy-'));
  try {
    writeFileSync(path.join(fake, 'npx'), FAKE_NPX);
    chmodSync(path.join(fake, 'npx'), 0o755);
    org.cron.forEach((rows, i) => writeFileSync(path.join(fake, `cron.${i + 1}.json`), records(rows)));
    org.async.forEach((rows, i) => writeFileSync(path.join(fake, `async.${i + 1}.json`), records(rows)));
    const result = spawnSync('bash', [path.join(ROOT, 'scripts/org/deploy.sh'), ...args], {
      encoding: 'utf8',
      env: {
        ...process.env,
        PATH: `${fake}:${process.env.PATH}`,
        FAKE: fake,
        SWY_POLL_SECONDS: '0',
        SF_TARGET_ORG: '',
        ...env,
      },
    });
    const log = readFileSync(path.join(fake, 'log'), 'utf8').trim().split('\n');
    return { status: result.status, stderr: result.stderr, stdout: result.stdout, log };
  } finally {
    rmSync(fake, { recursive: true, force: true });
  }
}

const deploys = (log: string[]) => log.filter((line) => line.includes('project deploy start'));
const apexRuns = (log: string[]) => log.filter((line) => line.includes('apex run'));

test('no Switchyard job in the org: deploys, unschedules nothing', () => {
  const run = deploy({ cron: [[]], async: [[]] }, []);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(deploys(run.log).length, 1);
  assert.deepEqual(apexRuns(run.log), []);
});

test('scheduled and queued Switchyard jobs: refuses without -d, lists them and says what to do', () => {
  const run = deploy({ cron: [[SWEEPER]], async: [[SCHEDULED_SWEEPER, DELIVERY]] }, []);
  assert.notEqual(run.status, 0);
  assert.deepEqual(deploys(run.log), [], 'nothing deployed');
  assert.deepEqual(apexRuns(run.log), [], 'nothing unscheduled');
  assert.match(run.stdout, /scheduled Switchyard Sweeper :00 \(WAITING\)/);
  assert.match(run.stdout, /Queueable SwyDeliveryJob \(Queued\)/);
  assert.doesNotMatch(run.stdout, /ScheduledApex SwySweeper/, 'a named schedule is listed once');
  assert.match(run.stderr, /deploy\.sh -d/);
});

test('the job query names every deployed runtime and generated class, tests excluded', () => {
  const run = deploy({ cron: [[]], async: [[]] }, []);
  const query = run.log.find((line) => line.includes('FROM AsyncApexJob'))!;
  assert.match(query, /'SwyDeliveryJob'/);
  assert.match(query, /'SwySweeper'/);
  assert.match(query, /'NightlyOrderSyncBatch'/);
  assert.doesNotMatch(query, /Test'/);
});

test('-d: unschedules, waits for the queued delivery job, deploys, then schedules the jobs again', () => {
  const run = deploy({ cron: [[SWEEPER], []], async: [[SCHEDULED_SWEEPER, DELIVERY], [DELIVERY], []] }, ['-d']);
  assert.equal(run.status, 0, run.stderr);
  const steps = run.log
    .map((line) =>
      line.includes('unschedule-jobs.apex')
        ? 'unschedule'
        : line.includes('project deploy start')
          ? 'deploy'
          : line.includes('apex run')
            ? 'schedule'
            : line.includes('FROM AsyncApexJob')
              ? 'look'
              : '',
    )
    .filter(Boolean);
  assert.deepEqual(steps, ['look', 'unschedule', 'look', 'look', 'deploy', 'schedule']);
  assert.match(run.stdout, /1 job\(s\) left/);
});

test('-d: jobs still queued when the wait ends: no deploy, and the jobs are scheduled again', () => {
  const run = deploy({ cron: [[SWEEPER], []], async: [[DELIVERY]] }, ['-d'], { SWY_WAIT_SECONDS: '0' });
  assert.notEqual(run.status, 0);
  assert.deepEqual(deploys(run.log), []);
  assert.equal(apexRuns(run.log).length, 2, 'unscheduled, then scheduled again');
  assert.match(run.stderr, /still queued or running/);
});

test('-d: a Switchyard class scheduled under another name is not waited for: refused, rescheduled', () => {
  const other = { ...SCHEDULED_SWEEPER, CronTriggerId: '08e000000000009' };
  const run = deploy({ cron: [[]], async: [[other]] }, ['-d']);
  assert.notEqual(run.status, 0);
  assert.deepEqual(deploys(run.log), []);
  assert.match(run.stderr, /Setup > Scheduled Jobs/);
});

test('a failed deploy still schedules the jobs it unscheduled', () => {
  const run = deploy({ cron: [[SWEEPER], []], async: [[], []] }, ['-d'], { FAKE_DEPLOY_RC: '1' });
  assert.notEqual(run.status, 0);
  assert.equal(deploys(run.log).length, 1);
  assert.equal(apexRuns(run.log).length, 2, 'unscheduled, then scheduled again');
});
