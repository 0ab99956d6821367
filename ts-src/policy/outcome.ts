/**
 * What one callout's answer means, as the runtime decides it: `SwyCalloutClient.classify` sorts an
 * HTTP status into success, retryable or permanent (and reads a 429/503 `Retry-After`), and
 * `SwyDeliveryJob.stepAfter`/`breakerSignal` turn the result into the message's next step and the
 * breaker's input.
 */
import { hasAttemptsLeft, type RetrySchedule } from './backoff';

export type Classification = 'success' | 'retryable' | 'permanent';

export interface Classified {
  outcome: Classification;
  /** The HTTP status; undefined when no response arrived (timeout, connection failure). */
  status?: number;
  /** Seconds the server asked to wait (429/503 `Retry-After` in seconds), at most a day. */
  retryAfterSeconds?: number;
}

/** `SwyCalloutClient.MAX_RETRY_AFTER_SECONDS`: a day is longer than any retry chain. */
export const MAX_RETRY_AFTER_SECONDS = 86400;

/**
 * 2xx success; 408, 429 and 5xx retryable; any other status permanent; no response at all
 * (a timeout arrives as a `CalloutException`) retryable.
 */
export function classifyStatus(status: number | undefined, retryAfterHeader?: string): Classified {
  if (status === undefined) return { outcome: 'retryable' };
  if (status >= 200 && status < 300) return { outcome: 'success', status };
  if (status === 408 || status === 429 || (status >= 500 && status < 600)) {
    const retryAfterSeconds = status === 429 || status === 503 ? parseRetryAfter(retryAfterHeader) : undefined;
    return retryAfterSeconds === undefined
      ? { outcome: 'retryable', status }
      : { outcome: 'retryable', status, retryAfterSeconds };
  }
  return { outcome: 'permanent', status };
}

/** Seconds only (the HTTP-date form is not read: the backoff applies then), capped at a day. */
export function parseRetryAfter(header: string | undefined): number | undefined {
  const value = header?.trim() ?? '';
  if (!/^[0-9]+$/.test(value)) return undefined;
  return Math.min(Number(value.slice(0, 12)), MAX_RETRY_AFTER_SECONDS);
}

/** What happens to the message after an answer, `attemptsMade` counting this callout. */
export type Step = 'delivered' | 'failed-permanent' | 'failed-exhausted' | 'retry';

export function stepAfter(outcome: Classification, schedule: RetrySchedule, attemptsMade: number): Step {
  if (outcome === 'success') return 'delivered';
  if (outcome === 'permanent') return 'failed-permanent';
  return hasAttemptsLeft(schedule, attemptsMade) ? 'retry' : 'failed-exhausted';
}

/**
 * What the breaker learns from an answer: any HTTP answer that is not retryable says the system
 * is up (a 4xx is the request's fault), a retryable one counts as a failure, and a request
 * refused before it went out (no status, permanent) says nothing.
 */
export type BreakerSignal = 'success' | 'failure' | 'none';

export function breakerSignal(result: Classified): BreakerSignal {
  if (result.outcome === 'retryable') return 'failure';
  return result.status === undefined ? 'none' : 'success';
}
