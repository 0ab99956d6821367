/**
 * The outbox (`SwyDeliveryJob.enqueue`): before a delivery job exists, each of its messages is a New
 * row of `Integration_Error_Log__c`, leased for `OUTBOX_LEASE_MINUTES`, written in the transaction
 * that enqueues the job, so rows and job commit or roll back together. What a job does to its rows:
 *
 * - delivered at the first attempt: the row is deleted (delivered rows do not pile up);
 * - delivered after a failure: Reprocessed (kept, not due);
 * - Failed: kept for a person, not due;
 * - parked: Retrying, due at its next attempt;
 * - carried into the follow-up job: still leased, until `delay + OUTBOX_LEASE_MINUTES` after the job
 *   (a retried one until its next attempt plus the lease).
 *
 * A job that is lost without a finalizer (aborted from Setup) changes nothing: its rows become due
 * when the lease ends and the sweeper resends them under the same keys. So a message is never only
 * in a job's memory; the price is one row written per message (and deleted on delivery), and a
 * duplicate send if a job is merely late past the lease (harmless: the receiver has the key).
 */
import type { DeliveryJobRun, Message } from './delivery';
import type { ParkedRow } from './dispatch';

/** `SwyDeliveryJob.LEASE_MINUTES`: how long a row a job holds is left alone by the sweeper. */
export const OUTBOX_LEASE_MINUTES = 30;

/**
 * DML a transaction may make: 10,000 rows and 150 statements. Each outbox row is one row; each
 * `enqueue` one upsert (two when it also logs a refused message).
 * https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_gov_limits.htm
 */
export const MAX_DML_ROWS = 10_000;
export const MAX_DML_STATEMENTS = 150;

export type RowStatus = 'New' | 'Retrying' | 'Failed' | 'Reprocessed';

/** One error-log row: due for the sweeper when New or Retrying and `nextAttemptAt` has passed. */
export interface OutboxRow extends ParkedRow {
  status: RowStatus;
}

/** The rows the enqueuing transaction writes: New, due when the lease ends (`at` in seconds). */
export function writeOutbox(messages: readonly Message[], at: number): OutboxRow[] {
  return messages.map(({ id, attempts }) => ({
    id,
    attempts,
    status: 'New',
    nextAttemptAt: at + OUTBOX_LEASE_MINUTES * 60,
  }));
}

/**
 * The rows after a job ran (`run`, ended at `run.endsAt`): delivered ones deleted or Reprocessed,
 * Failed ones kept, parked ones due at their time, carried ones leased past the follow-up's delay.
 * Rows of other messages are left as they are. Returns a new map by key.
 */
export function settleJob(rows: ReadonlyMap<string, OutboxRow>, run: DeliveryJobRun): Map<string, OutboxRow> {
  const after = new Map(rows);
  for (const { message } of run.delivered) {
    if (message.attempts <= 1 && rows.get(message.id)?.status === 'New') after.delete(message.id);
    else after.set(message.id, { ...message, status: 'Reprocessed', nextAttemptAt: Infinity });
  }
  for (const message of run.failed) after.set(message.id, { ...message, status: 'Failed', nextAttemptAt: Infinity });
  for (const { message, nextAttemptAt } of run.parked)
    after.set(message.id, { ...message, status: 'Retrying', nextAttemptAt });
  if (run.next) {
    const startsAt = run.endsAt + run.next.delayMinutes * 60;
    for (const message of run.next.messages) {
      // A retried message's row is leased from its next attempt (`SwyDeliveryJob.handle`); one not
      // attempted yet from the follow-up's start (`continueWith`).
      const retried = message.attempts > 0;
      after.set(message.id, {
        ...message,
        status: retried ? 'Retrying' : (rows.get(message.id)?.status ?? 'New'),
        nextAttemptAt: (retried ? (message.notBefore ?? startsAt) : startsAt) + OUTBOX_LEASE_MINUTES * 60,
      });
    }
  }
  return after;
}

/**
 * The rows a sweeper run or a draining job hands to a job: Retrying, leased (`SwySweeper.lease`).
 * Delivered at the next attempt, such a row is Reprocessed, not deleted, since it came from the log.
 */
export function claim(
  rows: ReadonlyMap<string, OutboxRow>,
  ids: Iterable<string>,
  now: number,
): Map<string, OutboxRow> {
  const after = new Map(rows);
  for (const id of ids) {
    const row = rows.get(id);
    if (row) after.set(id, { ...row, status: 'Retrying', nextAttemptAt: now + OUTBOX_LEASE_MINUTES * 60 });
  }
  return after;
}

/** The rows the sweeper may take at `now`: New or Retrying, due. */
export function dueOutboxRows(rows: Iterable<OutboxRow>, now: number): OutboxRow[] {
  return [...rows].filter((row) => (row.status === 'New' || row.status === 'Retrying') && row.nextAttemptAt <= now);
}

/**
 * How many events of a trigger batch fit the DML the outbox needs, for `operations` operations
 * served by the event (`SwyEventDelivery.dmlRefusal`): one row per event and operation, up to two
 * statements per operation and chunk, one statement kept for the final flush. With every circuit
 * closed the 50 Queueable jobs of the trigger transaction bind first (at most 5,000 rows and 100
 * statements); the DML check matters when rows parked behind open circuits add up.
 */
export function eventsTheOutboxCanWrite(events: number, operations: number, eventsPerChunk: number): number {
  const byRows = Math.floor(MAX_DML_ROWS / operations);
  const chunksByStatements = Math.floor((MAX_DML_STATEMENTS - 1) / (2 * operations));
  return Math.min(events, byRows, chunksByStatements * eventsPerChunk);
}

/**
 * A person's reprocess from the error console (`SwyErrorConsoleController.reprocess`) after fixing
 * what a Failed row's message names: Retrying, 0 attempts, due now; the sweeper resends it under
 * its key. Rows that are not Failed are left alone. Returns the rows and how many were reprocessed.
 */
export function reprocess(
  rows: ReadonlyMap<string, OutboxRow>,
  ids: Iterable<string>,
  now: number,
): { rows: Map<string, OutboxRow>; reprocessed: number } {
  const after = new Map(rows);
  let reprocessed = 0;
  for (const id of ids) {
    const row = rows.get(id);
    if (row?.status !== 'Failed') continue;
    after.set(id, { id, attempts: 0, status: 'Retrying', nextAttemptAt: now });
    reprocessed += 1;
  }
  return { rows: after, reprocessed };
}
