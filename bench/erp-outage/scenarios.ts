/**
 * The outage simulation's fault scenarios (issue 10), each the seed's case with one thing added,
 * and the strategies each is compared under: Switchyard as built, and the runtime without the fix
 * the scenario is about (so the table shows what the fix prevents).
 */
import type { DeliveryPolicy } from '../../ts-src/policy/policy';
import { ERP_OPERATION, SEED_SCENARIO, type Scenario, type SwitchyardStrategy } from './simulate';
import { SWITCHYARD_AS_BUILT } from './strategies';

export interface FaultScenario {
  id: string;
  title: string;
  scenario: Scenario;
  strategies: SwitchyardStrategy[];
  /** Report one row per operation (fan-out). */
  perOperation?: boolean;
}

const MINUTE = 60;

/** Jobs and sweeper runs claiming within 3 s of each other read the same due rows. */
export const PARALLEL_SCENARIO: Scenario = { ...SEED_SCENARIO, claimGapSeconds: 3 };

/**
 * From minute 47 (the ERP is back at 45-50, the backlog draining): the next 5 queued jobs are
 * aborted before they run and the next 5 that call out are killed after their callouts. The job
 * holding a probe lease is never picked (aborting it only delays the next probe to its lease's end).
 */
export const ABORT_SCENARIO: Scenario = { ...SEED_SCENARIO, abort: { from: 47 * MINUTE, beforeStart: 5, midRun: 5 } };

export const CREDENTIAL_FIX =
  'Give the running user (Automated Process, the Platform Event trigger) access to the principal of the ERP_API External Credential, then reprocess';

/**
 * No outage; from minute 20 to 30 the trigger's user (Automated Process) has no access to the
 * credential principal, so the jobs the trigger starts (and their follow-ups) are refused while the
 * sweeper's (the scheduling user's) call out; a person fixes it and reprocesses at minute 35.
 */
export const CALLER_ERROR_SCENARIO: Scenario = {
  ...SEED_SCENARIO,
  outage: { start: 0, end: 0 },
  outageShiftSeconds: 0,
  configurationError: { start: 20 * MINUTE, end: 30 * MINUTE, reprocessAt: 35 * MINUTE, fix: CREDENTIAL_FIX },
};

/** Each confirmed order goes to the ERP (down 30 minutes) and to a warehouse system (up). */
export const FAN_OUT_SCENARIO: Scenario = {
  ...SEED_SCENARIO,
  operations: [ERP_OPERATION, { name: 'SendOrderToWms', system: 'WMS_API', down: false }],
};

export function faultScenarios(_policy: DeliveryPolicy): FaultScenario[] {
  const asBuilt = SWITCHYARD_AS_BUILT;
  return [
    {
      id: 'parallel',
      title: 'Parallel jobs: jobs and the sweeper claim the same backlog (3 s from read to lock)',
      scenario: PARALLEL_SCENARIO,
      strategies: [
        asBuilt,
        { ...asBuilt, label: 'as built, sweeper every 5 min', sweeperIntervalMinutes: 5 },
        { ...asBuilt, label: 'as built, claims without the FOR UPDATE re-read (before item 3)', lockedClaims: false },
      ],
    },
    {
      id: 'aborted',
      title: 'Aborted jobs: from minute 47, 5 jobs aborted before they run and 5 killed after their callouts',
      scenario: ABORT_SCENARIO,
      strategies: [asBuilt, { ...asBuilt, label: 'as built without the outbox (before item 9)', outbox: false }],
    },
    {
      id: 'caller-error',
      title: 'Caller-side error: no credential principal for the trigger user, minutes 20-30; reprocessed at 35',
      scenario: CALLER_ERROR_SCENARIO,
      strategies: [
        asBuilt,
        { ...asBuilt, label: 'as built, caller-side errors retryable (before item 1)', configurationErrors: false },
      ],
    },
    {
      id: 'fan-out',
      title: 'Fan-out: one event to two systems, the ERP down 30 minutes, the warehouse system up',
      scenario: FAN_OUT_SCENARIO,
      strategies: [asBuilt],
      perOperation: true,
    },
  ];
}
