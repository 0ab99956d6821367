/**
 * Who starts delivery jobs and how many: the Platform Event trigger for new messages, the scheduled
 * sweeper for parked ones. Both run in synchronous transactions (50 enqueues each) and never start
 * one job per message.
 */
import { isCoolingDown, probeDue, type BreakerRecord } from './breaker';
import type { Message } from './delivery';
import { MAX_ENQUEUES_SYNC, PLATFORM_EVENT_TRIGGER_BATCH } from './limits';
import type { DeliveryPolicy } from './policy';

/**
 * How often the sweeper (`SwySweeper`) runs: the default of `scripts/org/schedule-jobs.sh -m`,
 * which schedules it (no TypeScript constant held it before; keep the two equal). Apex cron
 * expressions take a single minute value, so every 15 minutes is 4 scheduled jobs of the 100 an
 * org may hold. https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_scheduler.htm
 */
export const SWEEPER_INTERVAL_MINUTES = 15;

/** Splits messages into jobs of at most `size`, keeping their order. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export interface TriggerPlan {
  jobs: Message[][];
  /**
   * Events handled in this batch; when fewer than delivered, the trigger sets the resume
   * checkpoint after the last handled one and the platform delivers the rest again.
   */
  handled: number;
}

/** One job per chunk of `messagesPerJob`, at most 50 jobs per trigger batch. */
export function planTriggerBatch(messages: readonly Message[], policy: DeliveryPolicy): TriggerPlan {
  if (messages.length > PLATFORM_EVENT_TRIGGER_BATCH) {
    throw new RangeError(
      `a trigger batch holds at most ${PLATFORM_EVENT_TRIGGER_BATCH} events, got ${messages.length}`,
    );
  }
  const handled = Math.min(messages.length, MAX_ENQUEUES_SYNC * policy.messagesPerJob);
  return { jobs: chunk(messages.slice(0, handled), policy.messagesPerJob), handled };
}

/**
 * A trigger batch of an event several operations serve (`SwyEventDelivery.deliver`): chunks of
 * `messagesPerJob` events (the slowest operation's), one job per chunk for each operation whose
 * circuit lets it start one (`starting`; the others park their messages without a job), handed over
 * while the transaction has a job for every starting operation and the outbox rows fit its DML
 * (`eventsTheOutboxCanWrite`, passed as `outboxFits`). Returns the events handed over; the resume
 * checkpoint follows the last chunk. With one operation it is `planTriggerBatch`.
 */
export function eventsHandedOver(
  events: number,
  starting: number,
  policy: DeliveryPolicy,
  outboxFits: number = events,
): number {
  if (events > PLATFORM_EVENT_TRIGGER_BATCH) {
    throw new RangeError(`a trigger batch holds at most ${PLATFORM_EVENT_TRIGGER_BATCH} events, got ${events}`);
  }
  const byJobs = starting === 0 ? events : Math.floor(MAX_ENQUEUES_SYNC / starting) * policy.messagesPerJob;
  return Math.min(events, byJobs, outboxFits);
}

export interface ParkedRow extends Message {
  nextAttemptAt: number;
}

/**
 * The jobs one sweeper run (`SwySweeper.sweep()`) starts for one operation: due rows, oldest first,
 * one job per chunk, at most `maxJobs` (the 50 enqueues of the run, shared by its operations).
 * While the circuit cools down, or while another job holds its probe lease, it starts none; once it
 * may be probed, one (its first call is the probe; the sweeper leases it first); closed, up to 50.
 */
export function planSweep(
  rows: readonly ParkedRow[],
  now: number,
  breaker: BreakerRecord,
  policy: DeliveryPolicy,
  maxJobs = MAX_ENQUEUES_SYNC,
): Message[][] {
  if (isCoolingDown(breaker, policy.breaker, now)) return [];
  if (breaker.state !== 'Closed' && !probeDue(breaker, policy.breaker, now)) return [];
  const jobs = Math.min(maxJobs, breaker.state === 'Closed' ? MAX_ENQUEUES_SYNC : 1);
  if (jobs <= 0) return [];
  return chunk(dueRows(rows, now, jobs * policy.messagesPerJob), policy.messagesPerJob);
}

/**
 * A job that ends with the circuit closed and nothing of its own to retry may spend its one enqueue
 * on the next due rows, so a backlog drains through chains (up to the chain depth) instead of
 * waiting for the next sweeper run. Returns the rows to chain, or none.
 */
export function planDrainChain(
  rows: readonly ParkedRow[],
  now: number,
  breaker: BreakerRecord,
  policy: DeliveryPolicy,
  depth: number,
): Message[] {
  if (breaker.state !== 'Closed' || depth >= policy.retry.maxChainDepth) return [];
  return dueRows(rows, now, policy.messagesPerJob);
}

/** The `limit` rows due first (`ORDER BY Next_Attempt_At__c`), ties by key so runs repeat. */
function dueRows(rows: readonly ParkedRow[], now: number, limit: number): Message[] {
  return rows
    .filter((row) => row.nextAttemptAt <= now)
    .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map(({ id, attempts }) => ({ id, attempts }));
}
