/**
 * The strategies the simulation compares: Switchyard as built, the runtime as it was before the
 * three changes this simulation argued for (and each change on its own on top of it), and the
 * naive per-message retry of the seed.
 */
import { SWEEPER_INTERVAL_MINUTES } from '../../ts-src/policy/dispatch';
import type { DeliveryPolicy } from '../../ts-src/policy/policy';
import type { NaiveStrategy, Strategy, SwitchyardStrategy } from './simulate';

/**
 * As the runtime stands (`SwyCircuitBreaker`, `SwyDeliveryJob`, `SwySweeper`, the generated trigger
 * handler): the breaker flush re-reads the row `FOR UPDATE` and replays the job's answers, the
 * trigger handler parks new messages while the circuit cools down, and a job that delivered on a
 * closed circuit with nothing of its own to chain picks up the next due rows; and since issue 10
 * (items 3, 5, 9): an outbox row per message before the first attempt, one leased probe per system,
 * claims that re-read their rows `FOR UPDATE`.
 */
export const SWITCHYARD_AS_BUILT: SwitchyardStrategy = {
  kind: 'switchyard',
  label: `Switchyard as built (sweeper every ${SWEEPER_INTERVAL_MINUTES} min)`,
  flush: 'merge',
  sweeperIntervalMinutes: SWEEPER_INTERVAL_MINUTES,
  triggerParksWhenOpen: true,
  drainChains: true,
  outbox: true,
  probeLease: true,
  lockedClaims: true,
  configurationErrors: true,
};

/**
 * The runtime before those three changes: each job wrote back its own copy of the breaker row, the
 * trigger always started jobs, a job chained only its own retries (and no outbox, no probe lease,
 * claims that leased what they had read).
 */
export const SWITCHYARD_PREVIOUS: SwitchyardStrategy = {
  ...SWITCHYARD_AS_BUILT,
  label: 'previous Switchyard (before the three changes)',
  flush: 'overwrite',
  triggerParksWhenOpen: false,
  drainChains: false,
  outbox: false,
  probeLease: false,
  lockedClaims: false,
  configurationErrors: false,
};

/** Naive: one Queueable per order, re-enqueued with a fixed 1-minute delay, no breaker, no log. */
export function naive(
  policy: DeliveryPolicy,
  org: 'scratch' | 'production',
  maxAttempts = policy.retry.maxAttempts,
): NaiveStrategy {
  const attempts = Number.isFinite(maxAttempts) ? `${maxAttempts} attempts` : 'until delivered';
  return {
    kind: 'naive',
    label: `naive, ${org} org, 1-min fixed delay, ${attempts}`,
    fixedDelayMinutes: 1,
    maxAttempts,
    maxChainDepth: org === 'scratch' ? policy.retry.maxChainDepth : Number.POSITIVE_INFINITY,
  };
}

export function strategies(policy: DeliveryPolicy): Strategy[] {
  const previous = SWITCHYARD_PREVIOUS;
  return [
    SWITCHYARD_AS_BUILT,
    previous,
    { ...previous, label: 'previous + breaker flush merges (FOR UPDATE)', flush: 'merge' },
    { ...previous, label: 'previous + trigger parks while open', triggerParksWhenOpen: true },
    { ...previous, label: 'previous + jobs chain due rows', drainChains: true },
    { ...SWITCHYARD_AS_BUILT, label: 'as built, sweeper every 5 min', sweeperIntervalMinutes: 5 },
    { ...previous, label: 'previous, sweeper every 5 min', sweeperIntervalMinutes: 5 },
    naive(policy, 'scratch'),
    naive(policy, 'production'),
    naive(policy, 'production', Number.POSITIVE_INFINITY),
  ];
}
