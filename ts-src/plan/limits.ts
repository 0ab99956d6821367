/**
 * The org-wide allocations `plan` and the build measure declared volumes against, by edition. Each
 * function returns the documented figure and the page it comes from, so a reader checks the number
 * against the platform instead of trusting this file. Per-transaction limits are shared with the
 * validator and the policy model (ts-src/policy/limits.ts).
 */
import { MAX_CALLOUTS_PER_TRANSACTION, MAX_TRANSACTION_CALLOUT_SECONDS } from '../policy/limits';
import { SCRATCH_ORG_MAX_CHAIN_DEPTH } from '../generator/validate/rules';

export const EDITIONS = ['developer', 'enterprise', 'unlimited', 'performance'] as const;
export type Edition = (typeof EDITIONS)[number];
/**
 * Production orgs are what declared volumes describe, and Enterprise is the smallest edition the
 * patterns here are sold on; `--edition developer` sizes for a Developer Edition or scratch org.
 */
export const DEFAULT_EDITION: Edition = 'enterprise';

export interface Allocation {
  /** The figure for the edition and add-ons asked for; `undefined` when the edition sets no cap. */
  value: number | undefined;
  source: string;
}

export interface OrgShape {
  edition: Edition;
  /** High-volume Platform Event add-on licenses. */
  eventAddOns: number;
  /** Full Salesforce user licenses, for the allocations that grow with them (0: the floor). */
  userLicenses: number;
}

const ASYNC_SOURCE =
  'https://developer.salesforce.com/docs/atlas.en-us.salesforce_app_limits_cheatsheet.meta/salesforce_app_limits_cheatsheet/salesforce_app_limits_platform_apexgov.htm';
/**
 * Asynchronous Apex executions (Batch Apex start/execute/finish, Queueable, future, scheduled) in
 * a rolling 24 hours: 250,000 or 200 per user license, whichever is greater, in every edition.
 * https://developer.salesforce.com/docs/platform/apex-dev/references/apex-dev/apex-limits-elastic-limits.html
 */
export function asyncApexExecutionsPerDay(org: OrgShape): Allocation {
  return { value: Math.max(250_000, 200 * org.userLicenses), source: ASYNC_SOURCE };
}

const EVENTS_SOURCE =
  'https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_event_limits.htm';
/**
 * High-volume Platform Event publishing per hour (Apex, APIs, flows; every method counts):
 * Performance, Unlimited and Enterprise 250,000, Developer 50,000; each add-on license adds 25,000.
 */
export function eventPublishesPerHour(org: OrgShape): Allocation {
  const base = org.edition === 'developer' ? 50_000 : 250_000;
  return { value: base + 25_000 * org.eventAddOns, source: EVENTS_SOURCE };
}

/**
 * High-volume Platform Event deliveries in 24 hours to Pub/Sub API, CometD and empApi clients and
 * event relays (each subscriber counts each event; Apex triggers and flows do not count):
 * Performance and Unlimited 50,000, Enterprise 25,000, Developer 10,000; each add-on adds 100,000
 * a day (3 million a month).
 */
export function eventDeliveriesPerDay(org: OrgShape): Allocation {
  const base = { developer: 10_000, enterprise: 25_000, unlimited: 50_000, performance: 50_000 }[org.edition];
  return { value: base + 100_000 * org.eventAddOns, source: EVENTS_SOURCE };
}

/**
 * API requests in 24 hours (Apex REST call-ins count): Developer 15,000; Enterprise 100,000 plus
 * 1,000 per user license; Unlimited and Performance 100,000 plus 5,000 per license.
 * https://developer.salesforce.com/docs/platform/salesforce-app-limits-cheatsheet/guide/salesforce-app-limits-platform-api.html
 */
export function apiRequestsPerDay(org: OrgShape): Allocation {
  const perLicense = { developer: 0, enterprise: 1_000, unlimited: 5_000, performance: 5_000 }[org.edition];
  const value = org.edition === 'developer' ? 15_000 : 100_000 + perLicense * org.userLicenses;
  return {
    value,
    source:
      'https://developer.salesforce.com/docs/platform/salesforce-app-limits-cheatsheet/guide/salesforce-app-limits-platform-api.html',
  };
}

/**
 * Data storage: most records count 2 KB whatever their size. Developer Edition has 5 MB;
 * Enterprise, Unlimited and Performance 10 GB plus 20 MB per user license.
 * https://help.salesforce.com/s/articleView?id=sf.overview_storage.htm
 */
export const BYTES_PER_RECORD = 2 * 1024;
export function dataStorageBytes(org: OrgShape): Allocation {
  const mb = 1024 * 1024;
  const value = org.edition === 'developer' ? 5 * mb : 10 * 1024 * mb + 20 * mb * org.userLicenses;
  return { value, source: 'https://help.salesforce.com/s/articleView?id=sf.overview_storage.htm' };
}

/** Callouts in one transaction: 100. */
export function calloutsPerTransaction(): Allocation {
  return { value: MAX_CALLOUTS_PER_TRANSACTION, source: ASYNC_SOURCE };
}

/**
 * Seconds all callouts of one transaction may wait: 120.
 * https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_callouts_timeouts.htm
 */
export function calloutSecondsPerTransaction(): Allocation {
  return {
    value: MAX_TRANSACTION_CALLOUT_SECONDS,
    source: 'https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_callouts_timeouts.htm',
  };
}

/**
 * Queueable chain depth: Developer Edition and trial orgs (scratch orgs included) stop at 5; other
 * editions set no depth (the 24-hour async allocation bounds a chain instead).
 * https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_queueing_jobs.htm
 */
export function queueableChainDepth(org: OrgShape): Allocation {
  return {
    value: org.edition === 'developer' ? SCRATCH_ORG_MAX_CHAIN_DEPTH : undefined,
    source: 'https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_queueing_jobs.htm',
  };
}

/** DML rows in one transaction: 10,000 (a pull-sync page or an inbound-event chunk: its records, their log rows, the state). */
export function dmlRowsPerTransaction(): Allocation {
  return { value: 10_000, source: ASYNC_SOURCE };
}

/**
 * Apex heap: 6 MB in a synchronous transaction (a call-in, a request-reply), 12 MB in an
 * asynchronous one (a delivery job, a batch chunk).
 */
export function heapBytes(async: boolean): Allocation {
  return { value: (async ? 12 : 6) * 1024 * 1024, source: ASYNC_SOURCE };
}

/** Events one Platform Event trigger run receives at most: 2,000. */
export const MAX_EVENT_TRIGGER_BATCH = 2000;
