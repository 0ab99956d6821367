import type { ShapeMap } from './fields';

export interface RetryPolicy {
  /** Attempts in all, the first one included (>= 1). */
  maxAttempts: number;
  /** Delay before the first retry; doubled for each further retry. */
  baseDelaySeconds: number;
  /** Upper bound of a single delay (>= baseDelaySeconds). */
  maxDelaySeconds: number;
  /** `full`: a random delay in [0, backoff]; `equal`: half fixed, half random; `none`. */
  jitter: 'full' | 'equal' | 'none';
  /**
   * Longest chain of Queueable retries before the rest is parked for the sweeper. Developer
   * Edition and scratch orgs stop chains at depth 5, so more needs `chainDepthOverride`.
   */
  maxChainDepth?: number;
  /** States that a chain deeper than 5 is meant for production orgs only. */
  chainDepthOverride?: 'production-only';
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Expected traffic of an operation, a sizing input: `npm run plan` shows what it spends against each
 * org limit and the build refuses a volume that cannot fit. What one message is depends on the
 * pattern: an event delivered (fire-and-forget), a call made (request-reply), a record synced
 * (batch-sync), a request received (remote-call-in), an event published (publish-subscribe; each
 * subscriber receives it), an event received by an open record page (ui-update: events on the
 * channel x pages subscribed, since every empApi client receives every event of its channel), a
 * changed record delivered (change-capture).
 */
export interface VolumeDeclaration {
  /** Messages in 24 hours (a positive integer). */
  messagesPerDay: number;
  /** Messages in the busiest hour; at least messagesPerDay / 24, at most messagesPerDay. */
  peakPerHour?: number;
  /** Typical size of one message's body in bytes (JSON as sent or received). */
  payloadBytes?: number;
}

interface OperationBase {
  /** PascalCase name; generated Apex classes are named after it. */
  name: string;
  description: string;
  /** Expected traffic, for `npm run plan` and the build's limit checks. */
  volume?: VolumeDeclaration;
}

interface OutboundCall {
  /** `name` of an external system declaration. */
  system: string;
  method: HttpMethod;
  /** Path appended to the Named Credential URL, starting with `/`. */
  path: string;
  /** Overrides the system's default timeout (1-120 s). */
  timeoutSeconds?: number;
}

/** Synchronous call whose answer the user waits for. */
export interface RequestReplyOperation extends OperationBase, OutboundCall {
  pattern: 'request-reply';
  request: ShapeMap;
  response: ShapeMap;
  /** Response returned when the system is down or its circuit is open. */
  fallback: Readonly<Record<string, string | number | boolean>>;
}

/** An event published in Salesforce is delivered to the system asynchronously, with retries. */
export interface FireAndForgetOperation extends OperationBase, OutboundCall {
  pattern: 'fire-and-forget';
  /** API name of the Platform Event whose trigger starts the delivery. */
  event: string;
  /** Event field that identifies one message: the idempotency key sent to the system. */
  messageKey: string;
  /** Event field holding the Salesforce record id, stored on error-log rows. */
  relatedRecordField?: string;
  retry: RetryPolicy;
}

/** A record change Change Data Capture reports: what the object's change events say happened. */
export type ChangeType = 'CREATE' | 'UPDATE' | 'DELETE' | 'UNDELETE';

/**
 * Changes of an object, captured by Change Data Capture (the object is selected on the standard
 * `ChangeEvents` channel) and delivered to the system asynchronously, with the retries, breaker,
 * idempotency and error log of fire-and-forget. One message per changed record: the declared
 * fields (an update's unchanged fields re-read), or for a delete the id and the change type; gap
 * events are re-read, overflow events logged for reconciliation. Enrichment is not offered: it
 * reaches Pub/Sub API, CometD and event relay subscribers, not the Apex trigger that delivers here.
 */
export interface ChangeCaptureOperation extends OperationBase, OutboundCall {
  pattern: 'change-capture';
  /** Object whose changes are captured: a declared custom object or a supported standard one. */
  object: string;
  /** Fields sent for each record (`Id` is always sent). */
  fields: readonly string[];
  /** Changes sent (gap events follow their type); all four when absent. */
  changeTypes?: readonly ChangeType[];
  retry: RetryPolicy;
}

/** An event published for subscribers outside Salesforce (Pub/Sub API, CometD). */
export interface PublishSubscribeOperation extends OperationBase {
  pattern: 'publish-subscribe';
  event: string;
  /** Who subscribes, for the documentation and the README. */
  subscribers: readonly string[];
}

/** Scheduled delta sync of records to the system, one callout per batch chunk. */
export interface BatchSyncOperation extends OperationBase, OutboundCall {
  pattern: 'batch-sync';
  object: string;
  /** Fields sent for each record. */
  fields: readonly string[];
  /** Unique external-ID field that identifies a record on both sides. */
  idempotencyKey: string;
  /** Cron expression of the schedule (Salesforce syntax: seconds first). */
  schedule: string;
  /** Records per execute() (1-2000); one callout each. */
  batchSize: number;
  retry: RetryPolicy;
}

/** The system calls into Salesforce through an Apex REST resource. */
export interface RemoteCallInOperation extends OperationBase {
  pattern: 'remote-call-in';
  /** Who calls (for logs and the README). */
  source: string;
  object: string;
  /** URL mapping of the REST resource, such as `/switchyard/v1/order-status`. */
  urlMapping: string;
  /** Unique external-ID field the body's key is matched against. */
  idempotencyKey: string;
  request: ShapeMap;
  /** Request property -> field of `object` it is written to. */
  mapping: Readonly<Record<string, string>>;
  /** Platform Event published after each applied change. */
  publishes?: string;
  /**
   * Request property (a DateTime, mapped to a field) saying when the change happened. Retries and
   * parallel senders deliver out of order: a change older than the one the record holds is stale,
   * changes nothing and is answered with the record as it stands.
   */
  orderedBy?: string;
}

/** A Lightning component shows an event live on a record page. */
export interface UiUpdateOperation extends OperationBase {
  pattern: 'ui-update';
  event: string;
  object: string;
  /** Event field holding the id of the record the page shows. */
  recordIdField: string;
  /** LWC bundle name under ts-src/lwc. */
  component: string;
}

export type OperationDeclaration =
  | RequestReplyOperation
  | FireAndForgetOperation
  | ChangeCaptureOperation
  | PublishSubscribeOperation
  | BatchSyncOperation
  | RemoteCallInOperation
  | UiUpdateOperation;

export type IntegrationPattern = OperationDeclaration['pattern'];

/**
 * Declares an operation. The parameter is the discriminated union itself (not a generic), so
 * TypeScript checks the object literal against the member its `pattern` selects: a property that
 * pattern does not define (`onPermanentFailure`, `retry` on a request-reply) is an error at that
 * property, with "did you mean" for a misspelling.
 */
export const operation = (declaration: OperationDeclaration): OperationDeclaration => declaration;

/** Failure-rate alerting over the error log. */
export interface MonitoringDeclaration {
  name: string;
  /** Failed share of messages in the window that raises an alert, 0-1. */
  failureRateThreshold: number;
  windowMinutes: number;
  /** Fewer messages than this in the window never alert (avoids 1-of-1 = 100%). */
  minimumVolume: number;
  alertEmail: string;
  /** Cron expression of the health check. */
  schedule: string;
}

export const monitoring = (declaration: MonitoringDeclaration) => declaration;
