/**
 * Platform limits that shape the generated Apex, each with the page that states it. Generated code
 * cites the same pages in its comments. The callout numbers and the messages-per-job formula are the
 * policy model's (ts-src/policy/limits.ts), so the simulation and the generated Apex cannot disagree.
 */
import { MAX_CALLOUTS_PER_TRANSACTION, MAX_TRANSACTION_CALLOUT_SECONDS, messagesPerJob } from '../../../policy/limits';

export { MAX_CALLOUTS_PER_TRANSACTION, MAX_TRANSACTION_CALLOUT_SECONDS, messagesPerJob };

/** Callouts: 120 s per callout and per transaction in total, 100 per transaction, none after uncommitted DML. */
export const CALLOUT_TIME_DOC =
  'https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_callouts_timeouts.htm';

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
