/**
 * The policy scenario table: one JSON file, shipped with the runtime as the Static Resource
 * `SwyPolicyScenarios`, that both this model (`scenarios.test.ts`) and the Apex runtime
 * (`SwyPolicyScenariosTest.cls`) are held to. Each scenario gives inputs and the expected
 * decision; `runScenario` makes the decision with the model and returns what differs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { inboundDecision, type InboundFailure } from './inbound';
import { delaySecondsFor, retryWaitSeconds, type Jitter, type RetrySchedule } from './backoff';
import { changeCaptureAction } from './changeCapture';
import { CLOSED, flushBreaker, TransactionBreaker, type BreakerRecord, type CircuitState } from './breaker';
import { runDeliveryJob, type DeliveryJobRun } from './delivery';
import { messagesPerJob } from './limits';
import { breakerSignal, classifyStatus, stepAfter, type Classified } from './outcome';
import { pageDecision, type PageOutcome } from './pullSync';
import { seededRandom } from './random';
import { testPolicy } from './testPolicy';

export const SCENARIO_FILE = path.resolve(__dirname, '../apex/staticresources/SwyPolicyScenarios.json');

export interface Scenario {
  id: string;
  kind: string;
  why: string;
  given: Record<string, unknown>;
  expect: Record<string, unknown>;
}

export function loadScenarios(file = SCENARIO_FILE): Scenario[] {
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { scenarios: Scenario[] }).scenarios;
}

/** Compares `expect` with what the model decided; each entry names one field that differs. */
function differences(expect: Record<string, unknown>, actual: Record<string, unknown>, where = ''): string[] {
  return Object.entries(expect).flatMap(([key, wanted]) => {
    const got = actual[key];
    if (wanted !== null && typeof wanted === 'object' && got !== null && typeof got === 'object') {
      return differences(wanted as Record<string, unknown>, got as Record<string, unknown>, `${where}${key}.`);
    }
    return (got ?? null) === wanted
      ? []
      : [`${where}${key}: expected ${JSON.stringify(wanted)}, got ${JSON.stringify(got)}`];
  });
}

const NOW = 100_000;
const num = (value: unknown) => value as number;

function schedule(given: Record<string, unknown>): RetrySchedule {
  return {
    maxAttempts: (given.maxAttempts as number | undefined) ?? 8,
    baseDelaySeconds: (given.baseDelaySeconds as number | undefined) ?? 60,
    maxDelaySeconds: (given.maxDelaySeconds as number | undefined) ?? 600,
    jitter: (given.jitter as Jitter | undefined) ?? 'none',
    maxChainDepth: (given.maxChainDepth as number | undefined) ?? 5,
  };
}

function retryDelay(given: Record<string, unknown>, expect: Record<string, unknown>): string[] {
  const retry = schedule(given);
  const attempts = num(given.attemptsMade);
  if (given.random !== undefined) {
    return differences(expect, { delaySeconds: delaySecondsFor(retry, attempts, () => num(given.random)) });
  }
  const random = seededRandom(1);
  const draws = Array.from({ length: 200 }, () => delaySecondsFor(retry, attempts, random));
  const outside = draws.filter((d) => d < num(expect.minSeconds) || d > num(expect.maxSeconds));
  return outside.length === 0 ? [] : [`draws outside [${expect.minSeconds}, ${expect.maxSeconds}]: ${outside[0]}`];
}

function classified(given: Record<string, unknown>): Classified {
  if (given.refused === true) return { outcome: 'permanent' };
  return classifyStatus((given.status as number | null) ?? undefined, given.retryAfter as string | undefined);
}

/** One message, not due yet, that the job carries to its end: chained or parked. */
function carriedRun(
  waitSeconds: number,
  depth: number,
  maxChainDepth: number,
  breaker: BreakerRecord,
  stack?: unknown,
) {
  const policy = testPolicy({ retry: { ...testPolicy().retry, maxChainDepth } });
  return runDeliveryJob({
    messages: [{ id: 'M', attempts: 1, notBefore: NOW + waitSeconds }],
    depth,
    stack: stack as { current: number; max: number } | undefined,
    startsAt: NOW,
    policy,
    breaker: new TransactionBreaker(breaker, policy.breaker),
    send: () => {
      throw new Error('a message that is not due was sent');
    },
    random: () => 0,
  });
}

function chainOrPark(run: DeliveryJobRun): Record<string, unknown> {
  if (run.next) return { decision: 'chain', delayMinutes: run.next.delayMinutes };
  return { decision: 'park', reason: run.parked[0]?.reason };
}

function record(row: Record<string, unknown> | undefined): BreakerRecord {
  if (!row) return CLOSED;
  const state = row.state as CircuitState;
  const failureCount = num(row.failureCount);
  return row.openedSecondsAgo === undefined
    ? { state, failureCount }
    : { state, failureCount, openedAt: NOW - num(row.openedSecondsAgo) };
}

function view(breaker: BreakerRecord): Record<string, unknown> {
  const seen: Record<string, unknown> = { state: breaker.state, failureCount: breaker.failureCount };
  if (breaker.openedAt !== undefined) seen.openedSecondsAgo = NOW - breaker.openedAt;
  return seen;
}

function breaker(given: Record<string, unknown>, expect: Record<string, unknown>): string[] {
  const policy = { failureThreshold: num(given.failureThreshold), coolDownSeconds: num(given.coolDownSeconds) };
  const start = record(given.start as Record<string, unknown> | undefined);
  const transaction = new TransactionBreaker(start, policy);
  const problems: string[] = [];
  (given.steps as Record<string, unknown>[]).forEach((step, i) => {
    const seen: Record<string, unknown> = {};
    if (step.do === 'request') seen.allowed = transaction.allowsRequest(NOW);
    else if (step.do === 'success') transaction.recordSuccess(NOW);
    else if (step.do === 'failure') transaction.recordFailure(NOW);
    else problems.push(`step ${i + 1}: unknown step ${String(step.do)}`);
    Object.assign(seen, view(transaction.record));
    const { do: _do, ...wanted } = step;
    problems.push(...differences(wanted, seen, `step ${i + 1} (${String(step.do)}) `));
  });
  const persisted = given.meanwhile ? record(given.meanwhile as Record<string, unknown>) : start;
  problems.push(...differences(expect, { persisted: view(flushBreaker(persisted, transaction, 'merge')) }));
  return problems;
}

/** The model's decision for every kind of scenario the table holds. */
export const KINDS: Record<string, (given: Record<string, unknown>, expect: Record<string, unknown>) => string[]> = {
  retryDelay,
  retryWait: (given, expect) =>
    differences(expect, {
      waitSeconds: retryWaitSeconds(
        schedule(given),
        num(given.attemptsMade),
        () => 0,
        (given.retryAfterSeconds as number | null) ?? undefined,
      ),
    }),
  classify: (given, expect) => {
    const result = classified(given);
    return differences(expect, { outcome: result.outcome, retryAfterSeconds: result.retryAfterSeconds ?? null });
  },
  attemptOutcome: (given, expect) => {
    const result = classified(given);
    return differences(expect, {
      step: stepAfter(result.outcome, schedule(given), num(given.attemptsMade)),
      breaker: breakerSignal(result),
    });
  },
  chainOrPark: (given, expect) =>
    differences(
      expect,
      chainOrPark(
        carriedRun(num(given.waitSeconds), num(given.chainDepth), num(given.maxChainDepth), CLOSED, given.stack),
      ),
    ),
  circuitPark: (given, expect) => {
    const coolDown = testPolicy().breaker.coolDownSeconds;
    const open: BreakerRecord = {
      state: 'Open',
      failureCount: testPolicy().breaker.failureThreshold,
      openedAt: NOW - coolDown + num(given.probeInSeconds),
    };
    const run = carriedRun(num(given.waitSeconds), 1, 5, open);
    const parked = run.parked[0];
    return differences(expect, {
      parkedForSeconds: parked && parked.reason === 'circuit-open' ? parked.nextAttemptAt - NOW : undefined,
    });
  },
  breaker,
  messagesPerJob: (given, expect) => differences(expect, { messages: messagesPerJob(num(given.timeoutSeconds)) }),
  pullPage: (given, expect) =>
    differences(expect, {
      ...pageDecision(
        given.outcome as PageOutcome,
        num(given.attemptsMade),
        schedule(given),
        given.hasNextPage === true,
        given.canChain !== false,
      ),
    }),
  inboundEvent: (given, expect) =>
    differences(expect, {
      decision: inboundDecision(given.failure as InboundFailure, num(given.retries), given.firstChunk !== false),
    }),
  changeCapture: (given, expect) =>
    differences(expect, {
      action: changeCaptureAction(
        given.changeType as string,
        given.changeTypes as string[],
        num(given.recordIds),
        given.carriesDeclaredFields === true,
      ),
    }),
};

export function runScenario(scenario: Scenario): string[] {
  const kind = KINDS[scenario.kind];
  if (!kind) return [`unknown kind ${scenario.kind}`];
  return kind(scenario.given, scenario.expect);
}
