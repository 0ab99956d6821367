/**
 * A pull sync's decision after one page, as `SwyPullSync.decide` makes it: whether the stored
 * paging position moves, and what comes next (the next page, the same page again after the backoff,
 * the end of the run, or a stop from which the next scheduled run resumes). The position moves only
 * with a page that was applied, so a failed page is never skipped.
 */
import { delaySecondsFor, enqueueDelayMinutes, hasAttemptsLeft, type RetrySchedule } from './backoff';

/** What one page job found: see SwyPullSync.fetch/read. */
export type PageOutcome = 'success' | 'retryable' | 'malformed' | 'permanent' | 'stuck' | 'circuit-open';

export type PageNext = 'next-page' | 'retry-page' | 'end-run' | 'resume-next-run';

export interface PageDecision {
  advance: boolean;
  next: PageNext;
  /** Delay of the follow-up job in minutes (0 unless the page is retried). */
  delayMinutes: number;
}

/**
 * `attemptsMade` counts this page's attempts, this one included; `canChain` says whether the job
 * may enqueue another (declared chain depth, the org's stack depth, one enqueue per async job).
 */
export function pageDecision(
  outcome: PageOutcome,
  attemptsMade: number,
  schedule: RetrySchedule,
  hasNextPage: boolean,
  canChain: boolean,
  random: () => number = () => 0,
): PageDecision {
  if (outcome === 'success') {
    return {
      advance: true,
      next: !hasNextPage ? 'end-run' : canChain ? 'next-page' : 'resume-next-run',
      delayMinutes: 0,
    };
  }
  const retryable = outcome === 'retryable' || outcome === 'malformed';
  if (retryable && canChain && hasAttemptsLeft(schedule, attemptsMade)) {
    const minutes = enqueueDelayMinutes(delaySecondsFor(schedule, attemptsMade, random));
    if (minutes !== undefined) return { advance: false, next: 'retry-page', delayMinutes: minutes };
  }
  return { advance: false, next: 'resume-next-run', delayMinutes: 0 };
}
