/**
 * Platform limits that shape the generated Apex, each with the page that states it. Generated code
 * cites the same pages in its comments.
 */

/** Callouts: 120 s per callout and per transaction in total, 100 per transaction, none after uncommitted DML. */
export const CALLOUT_TIME_DOC =
  'https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_callouts_timeouts.htm';
export const MAX_TRANSACTION_CALLOUT_SECONDS = 120;
export const MAX_CALLOUTS_PER_TRANSACTION = 100;

/** Queueable jobs: 50 enqueues per synchronous transaction. */
export const GOVERNOR_LIMITS_DOC =
  'https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_gov_limits.htm';

/** Platform-event triggers: batches of up to 2,000 events, resume checkpoints. */
export const EVENT_BATCH_DOC =
  'https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_subscribe_batch_resume.htm';
/** EventBus.RetryableException: the platform retries a trigger batch up to nine times. */
export const EVENT_RETRY_DOC =
  'https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_subscribe_apex_refire.htm';
export const PLATFORM_EVENT_MAX_RETRIES = 9;

/** Apex cron expressions: seconds and minutes take a single value. */
export const APEX_SCHEDULER_DOC =
  'https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_scheduler.htm';

/** Batch Apex: a QueryLocator may return up to 50 million records. */
export const BATCH_APEX_DOC =
  'https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_batch_interface.htm';

/** Messages one transaction can send when each callout may take its whole timeout (floor(120 / timeout), at most 100). */
export function callsPerTransaction(timeoutSeconds: number): number {
  return Math.min(Math.floor(MAX_TRANSACTION_CALLOUT_SECONDS / timeoutSeconds), MAX_CALLOUTS_PER_TRANSACTION);
}
