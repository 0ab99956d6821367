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
 * (batch-sync), a record imported (pull-sync), a request received (remote-call-in), an event published (publish-subscribe; each
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

/**
 * How a pull sync walks the system's pages. `cursor`: each page names the next one (a property of
 * the page), sent back as a query parameter; an absent or null cursor ends the run, and the next run
 * starts from the first page again. `since`: each page is asked for the records changed at or after
 * a time (a query parameter); the greatest change time seen (a DateTime property of each record)
 * becomes the next `since`, kept across runs, so each run imports only what changed.
 */
export type PullPaging = { cursor: CursorPaging } | { since: SincePaging };

export interface CursorPaging {
  /** Query parameter the cursor is sent in, such as `cursor`. */
  param: string;
  /** Property of a page holding the next page's cursor, such as `nextCursor`. */
  next: string;
}

export interface SincePaging {
  /** Query parameter the time is sent in (ISO-8601, UTC), such as `updatedSince`. */
  param: string;
  /** DateTime property of `record` holding its change time, such as `updatedAt`. */
  field: string;
}

/**
 * Scheduled import from the system: each run GETs `path` page by page (one Queueable per page), and
 * upserts each page's records into `object` by `idempotencyKey`. Records that fail are logged one by
 * one; the paging position moves only with a page that was applied, so a failed run resumes where it
 * stopped. The method is always GET.
 */
export interface PullSyncOperation extends OperationBase {
  pattern: 'pull-sync';
  /** `name` of an external system declaration. */
  system: string;
  /** Path appended to the Named Credential URL, starting with `/`; paging parameters are added to it. */
  path: string;
  /** Overrides the system's default timeout (1-120 s). */
  timeoutSeconds?: number;
  /** Object the records are upserted into. */
  object: string;
  /** Unique External ID field of `object` the records are matched on; `mapping` must write it. */
  idempotencyKey: string;
  /** One record of a page: its properties and their kinds (sensitive ones are redacted in the log). */
  record: ShapeMap;
  /** Record property -> field of `object` it is written to. */
  mapping: Readonly<Record<string, string>>;
  /** Property of a page (a JSON object) that holds the array of records, such as `items`. */
  records: string;
  paging: PullPaging;
  /** Records asked for per page (1-4999, see validate/pullSync.ts): one callout and one upsert each. */
  pageSize: number;
  /** Query parameter carrying `pageSize`, such as `limit`. */
  pageSizeParam: string;
  /** Cron expression of the schedule (Salesforce syntax: seconds first). */
  schedule: string;
  /** Retries of a failed page (the page is fetched again; the paging position holds). */
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

/**
 * A system outside Salesforce publishes a Platform Event (Pub/Sub API, or REST API
 * `POST /sobjects/<Event>__e`); a generated trigger applies each event to the record its key names,
 * creating it when none has the key. Redelivered and out-of-date events change nothing. One message
 * of its `volume` is one event received.
 */
export interface InboundEventOperation extends OperationBase {
  pattern: 'inbound-event';
  /** Who publishes (for logs, the README and the publisher's permission set). */
  source: string;
  /** API name of the Platform Event the system publishes. */
  event: string;
  object: string;
  /**
   * Unique external-ID field of `object` the event's key is matched against. The `mapping` entry
   * that writes this field names the event field carrying the key.
   */
  idempotencyKey: string;
  /** Event field -> field of `object` it is written to (an empty event field writes an empty value). */
  mapping: Readonly<Record<string, string>>;
  /**
   * Event field (a DateTime, mapped to a field) saying when the change happened. Events of one key
   * may arrive out of order (a publisher's retries, several publishers): a change older than the one
   * the record holds is stale and changes nothing. Without it, the later event (by ReplayId) wins.
   */
  orderedBy?: string;
  /**
   * An event whose key no record has: `create` the record (the default; the mapping must then fill
   * every field a new record needs), or `log` it Failed for a person, for records another flow
   * creates first (an Order that comes from the ERP).
   */
  onMissingRecord?: 'create' | 'log';
}

/** A Lightning component shows an event live on a record page. */
interface UiUpdateBase extends OperationBase {
  pattern: 'ui-update';
  event: string;
  /** Object whose generated record page shows the component. */
  object: string;
  /** Event field holding the id of the record the page shows. */
  recordIdField: string;
}

/** The team's own LWC bundle shows the events (it reads what it likes from the payload). */
export interface OwnComponentUiUpdate extends UiUpdateBase {
  /** LWC bundle name under ts-src/lwc. */
  component: string;
  show?: never;
  statusField?: never;
  title?: never;
}

/**
 * No component of the team's own: the shipped `liveRecordFeed` shows the events of the record on
 * the page, configured from these properties (see ts-src/lwc/liveRecordFeed).
 */
export interface LiveRecordUiUpdate extends UiUpdateBase {
  component?: never;
  /** Event fields shown for each event, in this order, labelled as the event declares them. */
  show: readonly string[];
  /** Event field whose newest value is shown as the record's current status (a text field). */
  statusField?: string;
  /** Card title; the event's label when absent. */
  title?: string;
}

export type UiUpdateOperation = OwnComponentUiUpdate | LiveRecordUiUpdate;
/** When a record-event publishes: a field of the saved record equals a value (compared as the record holds it). */
export interface RecordEventCondition {
  /** API name of a field of `object`. */
  field: string;
  /** The value it must hold after the save (a picklist value, a number, a checkbox state). */
  equals: string | number | boolean;
}

/**
 * Saving a record publishes a Platform Event whose fields are copied from the record: a business
 * fact (an order activated, an opportunity won) becomes an event other operations deliver. One
 * generated trigger per object serves all of its record-event operations; the runtime
 * (SwyRecordEvents) publishes once per record and change, after the save commits. Its `volume`
 * counts the events published (saves that match).
 */
export interface RecordEventOperation extends OperationBase {
  pattern: 'record-event';
  /** API name of the object whose saves publish (a standard object or a declared custom one). */
  object: string;
  /** API name of a declared Platform Event with `publishBehavior: 'PublishAfterCommit'`. */
  event: string;
  /** Saves that publish; both when absent. */
  on?: readonly ('insert' | 'update')[];
  /**
   * Publish only when one of these fields changed in the save (an insert counts as a change of
   * every field that has a value). Absent: every save that matches `when` publishes.
   */
  whenChanged?: readonly string[];
  /** Publish only when the saved record matches this, such as `{ field: 'Status', equals: 'Activated' }`. */
  when?: RecordEventCondition;
  /** Event field -> field of `object` whose value it carries (`Id` for the record's id). */
  mapping: Readonly<Record<string, string>>;
}

export type OperationDeclaration =
  | RequestReplyOperation
  | FireAndForgetOperation
  | ChangeCaptureOperation
  | PublishSubscribeOperation
  | BatchSyncOperation
  | PullSyncOperation
  | RemoteCallInOperation
  | UiUpdateOperation
  | RecordEventOperation
  | InboundEventOperation;

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
