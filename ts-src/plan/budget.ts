/**
 * What the declared volumes spend against each limit, per operation (per-transaction limits) and
 * for the org (24-hour and hourly allocations, storage). Pure: a model and an org shape in, rows
 * out; the renderer, the JSON output and the build's `volume-limit` rule all read these rows.
 *
 * Estimates are deliberately on the high side, and each states its assumption:
 * - a fire-and-forget message is its own delivery job (events arriving one by one, the usual case
 *   below a few per second; bursts share jobs, so real use is lower);
 * - messages fail at the monitoring threshold (the highest failure rate that raises no alert; 20 %
 *   with no monitoring declared), and a failed message takes every retry and leaves one error-log row;
 * - a busiest hour not declared is a twelfth of the day (an 8-hour working day with a peak of 1.5x).
 */
import type { Model, OperationModel } from '../generator/model/types';
import { messagesPerJob } from '../policy/limits';
import {
  apiRequestsPerDay,
  asyncApexExecutionsPerDay,
  BYTES_PER_RECORD,
  calloutSecondsPerTransaction,
  calloutsPerTransaction,
  dataStorageBytes,
  dmlRowsPerTransaction,
  eventDeliveriesPerDay,
  eventPublishesPerHour,
  heapBytes,
  MAX_EVENT_TRIGGER_BATCH,
  queueableChainDepth,
  type Allocation,
  type OrgShape,
} from './limits';

export const WARN_SHARE = 0.8;
export const DEFAULT_FAILURE_RATE = 0.2;
/** Days of error-log growth measured against data storage (the console is for recent failures). */
export const STORAGE_HORIZON_DAYS = 30;

export type Status = 'ok' | 'warn' | 'over';

export interface BudgetLine {
  /** Stable id: `callouts-per-transaction`, `async-apex-per-day`, ... */
  limit: string;
  label: string;
  used: number;
  /** `undefined` when the edition sets no cap. */
  allowed: number | undefined;
  unit: string;
  /** used / allowed, 0-1+ (0 with no cap). */
  share: number;
  status: Status;
  source: string;
  /** True when the declared volume moves it (a per-transaction line set by design does not warn the build). */
  fromVolume: boolean;
  /** Operations that contribute to an org line, with their part (largest first). */
  contributors?: { operation: string; used: number }[];
}

export interface OperationBudget {
  name: string;
  pattern: OperationModel['pattern'];
  volume?: OperationModel['volume'];
  /** Per-transaction limits of this operation's own transactions. */
  lines: BudgetLine[];
  /** This operation's part of each org-wide allocation. */
  spends: {
    asyncApexPerDay: number;
    eventPublishesPerHour: number;
    eventDeliveriesPerDay: number;
    apiRequestsPerDay: number;
    errorLogRowsPerDay: number;
  };
}

export interface Budget {
  org: OrgShape;
  failureRate: number;
  operations: OperationBudget[];
  totals: BudgetLine[];
}

function line(
  limit: string,
  label: string,
  used: number,
  allocation: Allocation,
  unit: string,
  fromVolume = true,
): BudgetLine {
  const allowed = allocation.value;
  const share = allowed === undefined || allowed === 0 ? 0 : used / allowed;
  const status: Status = share > 1 ? 'over' : share >= WARN_SHARE ? 'warn' : 'ok';
  return { limit, label, used, allowed, unit, share, status, source: allocation.source, fromVolume };
}

const perDay = (op: OperationModel) => op.volume?.messagesPerDay ?? 0;
/** The busiest hour: declared, or a twelfth of the day. */
export const peakPerHour = (op: OperationModel) =>
  op.volume?.peakPerHour ?? Math.ceil((op.volume?.messagesPerDay ?? 0) / 12);

/** Runs a day of a Salesforce cron (seconds minutes hours ...): minute values x hour values. */
export function runsPerDay(cron: string): number {
  const [, minutes = '0', hours = '*'] = cron.trim().split(/\s+/);
  return countValues(minutes, 60) * countValues(hours, 24);
}

function countValues(field: string, size: number): number {
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText ? Number(stepText) : 1;
    const [low, high] =
      range === '*'
        ? [0, size - 1]
        : range.includes('-')
          ? range.split('-').map(Number)
          : [Number(range), stepText ? size - 1 : Number(range)];
    for (let v = low; v <= high; v += step) values.add(v);
  }
  return Math.max(values.size, 1);
}

/** Async Apex executions one operation starts in 24 hours. */
export function asyncExecutions(op: OperationModel, failureRate: number): number {
  const messages = perDay(op);
  switch (op.pattern) {
    case 'fire-and-forget':
    // A changed record is a message like an event: its own delivery job, retried the same way.
    case 'change-capture':
      return messages + Math.ceil(messages * failureRate) * (op.retry.maxAttempts - 1);
    case 'batch-sync': {
      const runs = runsPerDay(op.schedule);
      const chunks = Math.ceil(messages / runs / op.batchSize);
      // One scheduled execution, then start, one execute per chunk and finish for each run.
      return (
        runs * (3 + chunks) + Math.ceil(Math.ceil(messages * failureRate) / op.batchSize) * (op.retry.maxAttempts - 1)
      );
    }
    case 'pull-sync': {
      const runs = runsPerDay(op.schedule);
      const pages = Math.max(1, Math.ceil(messages / runs / op.pageSize));
      // One scheduled execution and one Queueable per page for each run; a failed page is fetched again.
      return runs * (1 + pages) + Math.ceil(runs * pages * failureRate) * (op.retry.maxAttempts - 1);
    }
    default:
      return 0;
  }
}

/** Per-transaction lines of one operation: callouts, callout seconds, chain depth, heap. */
export function transactionLines(op: OperationModel, org: OrgShape): BudgetLine[] {
  const payload = op.volume?.payloadBytes;
  const heap = (messages: number, async: boolean) =>
    payload === undefined
      ? []
      : [
          line(
            'heap-per-transaction',
            'Heap for payloads per transaction',
            payload * messages,
            heapBytes(async),
            'bytes',
          ),
        ];
  // A transaction that makes `calls` callouts of `timeoutSeconds` at most; `where` ends each label.
  const callouts = (where: string, calls: number, timeoutSeconds: number) => [
    line('callouts-per-transaction', `Callouts ${where}`, calls, calloutsPerTransaction(), 'callouts', false),
    line(
      'callout-seconds-per-transaction',
      `Callout seconds ${where}`,
      calls * timeoutSeconds,
      calloutSecondsPerTransaction(),
      's',
      false,
    ),
  ];
  const chainDepth = (label: string, depth: number) =>
    line('queueable-chain-depth', label, depth, queueableChainDepth(org), 'jobs', false);
  switch (op.pattern) {
    case 'fire-and-forget':
    case 'change-capture': {
      const perJob = messagesPerJob(op.timeoutSeconds);
      return [
        ...callouts('per delivery job', perJob, op.timeoutSeconds),
        chainDepth('Queueable chain depth', op.retry.maxChainDepth),
        ...heap(perJob, true),
      ];
    }
    case 'request-reply':
      return [...callouts('per transaction', 1, op.timeoutSeconds), ...heap(1, false)];
    case 'batch-sync':
      return [
        ...callouts('per batch chunk', 1, op.timeoutSeconds),
        chainDepth('Queueable chain depth (retries)', op.retry.maxChainDepth),
        ...heap(op.batchSize, true),
      ];
    case 'pull-sync':
      return [
        ...callouts('per page job', 1, op.timeoutSeconds),
        // Each record upserted and, when it fails, its error-log row; the state and circuit rows.
        line(
          'dml-rows-per-transaction',
          'DML rows per page job',
          2 * op.pageSize + 2,
          dmlRowsPerTransaction(),
          'rows',
          false,
        ),
        chainDepth('Queueable chain depth (pages and retries per run)', op.retry.maxChainDepth),
        // The answer as text, its parsed form and the records built from it: about three copies.
        ...heap(3 * op.pageSize, true),
      ];
    case 'remote-call-in':
      return heap(1, false);
    case 'inbound-event': {
      // A trigger run of up to 2,000 events writes each at most once and logs each at most once;
      // SwyInboundEvents stops after a checkpoint before a chunk that would not fit.
      const batch = Math.min(MAX_EVENT_TRIGGER_BATCH, Math.max(peakPerHour(op), 1));
      return [
        line(
          'dml-rows-per-transaction',
          'DML rows per trigger batch',
          2 * batch,
          dmlRowsPerTransaction(),
          'rows',
          false,
        ),
        ...heap(batch, true),
      ];
    }
    default:
      return [];
  }
}

/** Events published in the busiest hour: events the org publishes for outbound patterns, call-ins' and record events' publishes. */
export function publishesPerHour(op: OperationModel): number {
  if (op.pattern === 'fire-and-forget' || op.pattern === 'publish-subscribe') return peakPerHour(op);
  if (op.pattern === 'remote-call-in' && op.publishes) return peakPerHour(op);
  // A record-event publishes one event per matching save (its volume counts those).
  if (op.pattern === 'record-event') return peakPerHour(op);
  // The external system publishes into this org's allocation; the trigger's receipt is no delivery
  // (Apex triggers do not count against the delivery allocation, which meters API subscribers).
  if (op.pattern === 'inbound-event') return peakPerHour(op);
  return 0;
}

/**
 * Deliveries to Pub/Sub API, CometD and empApi clients in 24 hours. A change-capture operation adds
 * none: its change events reach an Apex trigger, a non-API subscriber the delivery allocation does
 * not count (and change events are not Platform Event publishes either).
 * https://developer.salesforce.com/docs/atlas.en-us.change_data_capture.meta/change_data_capture/cdc_allocations.htm
 */
export function deliveriesPerDay(op: OperationModel): number {
  if (op.pattern === 'publish-subscribe') return perDay(op) * Math.max(op.subscribers.length, 1);
  if (op.pattern === 'ui-update') return perDay(op);
  return 0;
}

/** API requests in 24 hours: each Apex REST call-in is one, and so is each inbound event published through the REST API (a Pub/Sub API publish is counted the same: high side). */
export const apiRequests = (op: OperationModel) =>
  op.pattern === 'remote-call-in' || op.pattern === 'inbound-event' ? perDay(op) : 0;

/** Error-log rows a day: failed messages of operations that log them (not UI updates, not publishes). */
export function errorLogRowsPerDay(op: OperationModel, failureRate: number): number {
  if (op.pattern === 'ui-update' || op.pattern === 'publish-subscribe') return 0;
  return Math.ceil(perDay(op) * failureRate);
}

/**
 * Publishes of each event in the busiest hour. The operations naming an event (the fire-and-forget
 * it starts, a publish-subscribe feed of it, a call-in that publishes it) describe the same
 * publishes, so an event counts once, at its largest declared hour.
 */
function eventPublishes(model: Model): { total: number; contributors: { operation: string; used: number }[] } {
  const byEvent = new Map<string, { operation: string; used: number }>();
  for (const op of model.operations) {
    const used = publishesPerHour(op);
    if (used === 0) continue;
    const event = op.pattern === 'remote-call-in' ? op.publishes! : (op as { event: string }).event;
    const seen = byEvent.get(event);
    if (!seen || used > seen.used) byEvent.set(event, { operation: op.name, used });
  }
  const contributors = [...byEvent.values()];
  return { total: contributors.reduce((sum, c) => sum + c.used, 0), contributors };
}

export function failureRateOf(model: Model): number {
  const rates = model.monitoring.map((m) => m.failureRateThreshold);
  return rates.length > 0 ? Math.min(...rates) : DEFAULT_FAILURE_RATE;
}

function orgLine(
  limit: string,
  label: string,
  model: Model,
  allocation: Allocation,
  unit: string,
  measure: (op: OperationModel) => number,
  extra: { operation: string; used: number }[] = [],
): BudgetLine {
  const contributors = [...model.operations.map((op) => ({ operation: op.name, used: measure(op) })), ...extra]
    .filter((c) => c.used > 0)
    .sort((a, b) => b.used - a.used || a.operation.localeCompare(b.operation));
  const used = contributors.reduce((sum, c) => sum + c.used, 0);
  return { ...line(limit, label, used, allocation, unit), contributors };
}

export function computeBudget(model: Model, org: OrgShape): Budget {
  const failureRate = failureRateOf(model);
  const publishes = eventPublishes(model);
  const monitorRuns = model.monitoring.map((m) => ({
    operation: `monitoring ${m.name}`,
    used: runsPerDay(m.schedule),
  }));
  const storageAllocation = dataStorageBytes(org);
  const totals: BudgetLine[] = [
    orgLine(
      'async-apex-per-day',
      'Async Apex executions / 24 h',
      model,
      asyncApexExecutionsPerDay(org),
      'executions',
      (op) => asyncExecutions(op, failureRate),
      monitorRuns,
    ),
    {
      ...line(
        'event-publishes-per-hour',
        'Platform Event publishes / busiest hour',
        publishes.total,
        eventPublishesPerHour(org),
        'events',
      ),
      contributors: publishes.contributors.sort((a, b) => b.used - a.used || a.operation.localeCompare(b.operation)),
    },
    orgLine(
      'event-deliveries-per-day',
      'Platform Event deliveries / 24 h',
      model,
      eventDeliveriesPerDay(org),
      'deliveries',
      deliveriesPerDay,
    ),
    orgLine(
      'api-requests-per-day',
      'API requests (call-ins) / 24 h',
      model,
      apiRequestsPerDay(org),
      'requests',
      apiRequests,
    ),
    orgLine(
      'error-log-storage',
      `Error-log storage growth / ${STORAGE_HORIZON_DAYS} days`,
      model,
      storageAllocation,
      'bytes',
      (op) => errorLogRowsPerDay(op, failureRate) * BYTES_PER_RECORD * STORAGE_HORIZON_DAYS,
    ),
  ];
  const operations = model.operations.map((op): OperationBudget => ({
    name: op.name,
    pattern: op.pattern,
    ...(op.volume && { volume: op.volume }),
    lines: transactionLines(op, org),
    spends: {
      asyncApexPerDay: asyncExecutions(op, failureRate),
      eventPublishesPerHour: publishesPerHour(op),
      eventDeliveriesPerDay: deliveriesPerDay(op),
      apiRequestsPerDay: apiRequests(op),
      errorLogRowsPerDay: errorLogRowsPerDay(op, failureRate),
    },
  }));
  return { org, failureRate, operations, totals };
}

/**
 * Every line the declared volumes put over (errors) or at 80 % or more (warnings), with its
 * operation if it is one's own. Lines set by design alone (a delivery job packs callouts up to the
 * 120 s, a chain depth the retry rules already bound) are shown by `plan` but not reported here.
 */
export function findings(budget: Budget): { status: 'over' | 'warn'; operation?: string; line: BudgetLine }[] {
  const found: { status: 'over' | 'warn'; operation?: string; line: BudgetLine }[] = [];
  for (const op of budget.operations)
    for (const l of op.lines)
      if (l.status !== 'ok' && l.fromVolume) found.push({ status: l.status, operation: op.name, line: l });
  for (const l of budget.totals) if (l.status !== 'ok') found.push({ status: l.status, line: l });
  return found;
}
