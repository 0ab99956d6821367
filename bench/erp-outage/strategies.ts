/**
 * The strategies the simulation compares: Switchyard as the runtime contract specifies it today,
 * each change this simulation argues for, all of them together, and the naive per-message retry of
 * the seed.
 */
import { SWEEPER_INTERVAL_MINUTES } from '../../ts-src/policy/dispatch';
import type { DeliveryPolicy } from '../../ts-src/policy/policy';
import type { NaiveStrategy, Strategy, SwitchyardStrategy } from './simulate';

/**
 * As the runtime stands (`SwyDeliveryJob`, `SwySweeper`, `SwyCircuitBreaker`, the generated trigger
 * handler): each job writes back its own copy of the breaker row, the sweeper probes first, the
 * trigger always starts jobs, a job chains only its own retries.
 */
export const SWITCHYARD_AS_SPECIFIED: SwitchyardStrategy = {
  kind: 'switchyard',
  label: `Switchyard as built (sweeper every ${SWEEPER_INTERVAL_MINUTES} min)`,
  flush: 'overwrite',
  sweeperIntervalMinutes: SWEEPER_INTERVAL_MINUTES,
  triggerParksWhenOpen: false,
  drainChains: false,
};

/** With every change the simulation argues for. */
export const SWITCHYARD_RECOMMENDED: SwitchyardStrategy = {
  ...SWITCHYARD_AS_SPECIFIED,
  label: 'Switchyard recommended (all three changes)',
  flush: 'merge',
  triggerParksWhenOpen: true,
  drainChains: true,
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
  const base = SWITCHYARD_AS_SPECIFIED;
  return [
    base,
    { ...base, label: '+ breaker flush merges (FOR UPDATE)', flush: 'merge' },
    { ...base, label: '+ trigger parks while open', triggerParksWhenOpen: true },
    { ...base, label: '+ jobs chain due rows', drainChains: true },
    SWITCHYARD_RECOMMENDED,
    { ...base, label: 'as built, sweeper every 5 min', sweeperIntervalMinutes: 5 },
    { ...SWITCHYARD_RECOMMENDED, label: 'recommended, sweeper every 5 min', sweeperIntervalMinutes: 5 },
    naive(policy, 'scratch'),
    naive(policy, 'production'),
    naive(policy, 'production', Number.POSITIVE_INFINITY),
  ];
}
