/**
 * Exponential backoff with jitter, as the runtime's `SwyRetryPolicy` computes it, and the step from
 * a delay in seconds to the whole-minute delayed enqueue the platform offers.
 */
import { MAX_ENQUEUE_DELAY_MINUTES } from './limits';
import type { Random } from './random';

export type Jitter = 'full' | 'equal' | 'none';

/** A retry policy with its defaults applied (the model's `RetryPolicyModel` fits it). */
export interface RetrySchedule {
  maxAttempts: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  jitter: Jitter;
  maxChainDepth: number;
}

// Past 2^30 s the cap always wins; stopping there keeps the shift exact (SwyRetryPolicy.MAX_EXPONENT).
export const MAX_EXPONENT = 30;

/** `base * 2^(attemptsMade - 1)`, capped: the delay before jitter. */
export function cappedBackoffSeconds(schedule: RetrySchedule, attemptsMade: number): number {
  const exponent = Math.max(0, attemptsMade - 1);
  if (exponent > MAX_EXPONENT) return schedule.maxDelaySeconds;
  return Math.min(schedule.baseDelaySeconds * 2 ** exponent, schedule.maxDelaySeconds);
}

/**
 * Whole seconds to wait after `attemptsMade` attempts. Full jitter draws from [0, capped], equal
 * jitter from [capped/2, capped]: the same integer formulas as `SwyRetryPolicy.delaySecondsFor`.
 */
export function delaySecondsFor(schedule: RetrySchedule, attemptsMade: number, random: Random): number {
  const capped = cappedBackoffSeconds(schedule, attemptsMade);
  if (schedule.jitter === 'full') return Math.floor(random() * (capped + 1));
  if (schedule.jitter === 'equal') {
    const half = Math.floor(capped / 2);
    return half + Math.floor(random() * (capped - half + 1));
  }
  return capped;
}

/**
 * The wait before a retry (`SwyDeliveryJob.waitSecondsFor`): the backoff, or the server's
 * `Retry-After` when that is longer.
 */
export function retryWaitSeconds(
  schedule: RetrySchedule,
  attemptsMade: number,
  random: Random,
  retryAfterSeconds?: number,
): number {
  return Math.max(delaySecondsFor(schedule, attemptsMade, random), retryAfterSeconds ?? 0);
}

export function hasAttemptsLeft(schedule: RetrySchedule, attemptsMade: number): boolean {
  return attemptsMade < schedule.maxAttempts;
}

/**
 * The delayed-enqueue minutes that honour a wait of `delaySeconds` (rounded up: the platform's
 * delay is a minimum), or undefined when the wait is longer than a delayed enqueue allows and the
 * message must be parked for the sweeper instead.
 */
export function enqueueDelayMinutes(delaySeconds: number): number | undefined {
  const minutes = Math.ceil(delaySeconds / 60);
  return minutes <= MAX_ENQUEUE_DELAY_MINUTES ? minutes : undefined;
}
