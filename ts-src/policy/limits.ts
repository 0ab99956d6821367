/**
 * Platform limits that bound how a fire-and-forget delivery may retry. The two numbers the
 * declaration rules already enforce are imported from them, so the policy model, the validator and
 * the generated Apex cannot disagree about them.
 */
import { MAX_CALLOUT_TIMEOUT_SECONDS, SCRATCH_ORG_MAX_CHAIN_DEPTH } from '../generator/validate/rules';

/**
 * Callouts in one transaction wait at most 120 s in total, and a transaction makes at most 100.
 * https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_callouts_timeouts.htm
 * https://developer.salesforce.com/docs/atlas.en-us.salesforce_app_limits_cheatsheet.meta/salesforce_app_limits_cheatsheet/salesforce_app_limits_platform_apexgov.htm
 */
export const MAX_TRANSACTION_CALLOUT_SECONDS = MAX_CALLOUT_TIMEOUT_SECONDS;
export const MAX_CALLOUTS_PER_TRANSACTION = 100;

/**
 * `System.enqueueJob`: 50 from a synchronous transaction (a Platform Event trigger, a Schedulable),
 * 1 from an asynchronous one (a Queueable may chain one child).
 * https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_queueing_jobs.htm
 */
export const MAX_ENQUEUES_SYNC = 50;
export const MAX_ENQUEUES_ASYNC = 1;

/**
 * Delayed enqueue takes whole minutes, 0-10 (`AsyncOptions.MinimumQueueableDelayInMinutes`).
 * https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_class_System_AsyncOptions.htm
 */
export const MAX_ENQUEUE_DELAY_MINUTES = 10;

/**
 * A Platform Event trigger receives at most 2,000 events per batch.
 * https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_subscribe_apex.htm
 */
export const PLATFORM_EVENT_TRIGGER_BATCH = 2000;

export { SCRATCH_ORG_MAX_CHAIN_DEPTH };

/**
 * A transaction finalizer may re-enqueue a failed Queueable five consecutive times
 * (`SwyDeliveryFinalizer.MAX_CONSECUTIVE_REQUEUES`); the model does not simulate crashes, the
 * number is here so the runtime's copy is checked against it.
 * https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_transaction_finalizers.htm
 */
export const MAX_FINALIZER_REQUEUES = 5;

/**
 * Messages one delivery job may carry: every callout may run to its timeout, and all of them
 * together must fit the 120 s a transaction may spend waiting (and the 100-callout cap).
 */
export function messagesPerJob(timeoutSeconds: number): number {
  if (!(timeoutSeconds >= 1 && timeoutSeconds <= MAX_TRANSACTION_CALLOUT_SECONDS)) {
    throw new RangeError(`timeoutSeconds ${timeoutSeconds} is outside 1-${MAX_TRANSACTION_CALLOUT_SECONDS}`);
  }
  return Math.min(Math.floor(MAX_TRANSACTION_CALLOUT_SECONDS / timeoutSeconds), MAX_CALLOUTS_PER_TRANSACTION);
}
