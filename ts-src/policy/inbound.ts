/**
 * The retry policy of an inbound event (SwyInboundEvents.decide): what the trigger does with one
 * event of a batch, given what went wrong and how often the platform has retried the batch.
 *
 * - a new change is applied; a duplicate (the record holds its values), a stale change (the record
 *   holds a newer one) and an event superseded by a later one of its key are skipped: no DML;
 * - a save refused for good (validation, a restricted picklist, a required field) is logged Failed
 *   and the batch goes on;
 * - a lock that could not be had is transient: on the first chunk of a run the whole batch is
 *   retried (EventBus.RetryableException) while retries are left, then the event is parked (logged
 *   Failed, Retryable); on a later chunk the run stops after its last checkpoint, because a retry
 *   would roll back the chunks already checkpointed, and the platform fires the rest again.
 */

/** Trigger retries before a locked event is parked: below the platform's 9, so the runtime decides. */
export const MAX_INBOUND_RETRIES = 4;

export type InboundFailure = 'none' | 'duplicate' | 'stale' | 'superseded' | 'permanent' | 'transient';
export type InboundDecision = 'apply' | 'skip' | 'log' | 'retry' | 'park' | 'resume';

export function inboundDecision(failure: InboundFailure, retries: number, firstChunk: boolean): InboundDecision {
  switch (failure) {
    case 'none':
      return 'apply';
    case 'duplicate':
    case 'stale':
    case 'superseded':
      return 'skip';
    case 'permanent':
      return 'log';
    case 'transient':
      if (!firstChunk) return 'resume';
      return retries < MAX_INBOUND_RETRIES ? 'retry' : 'park';
  }
}
