/**
 * Discrete-event simulation of the seed's case (../shared/seeds/001): the ERP is down for 30
 * minutes while orders are confirmed. Each confirmed order publishes `Order_Confirmed__e`; its
 * trigger starts delivery jobs for each operation the event serves; a system takes a callout only
 * while it is up.
 *
 * Switchyard runs the policy of ts-src/policy (the numbers come from the model, the decisions are the
 * model's: `runDeliveryJob`, `planSweep`, `planDrainChain`, `eventsHandedOver`, the breaker with its
 * probe lease, the outbox's `writeOutbox`/`settleJob`/`claim`/`reprocess`, `claimRows`, the keys of
 * `keys.ts`); naive runs one Queueable per order that re-enqueues itself with a fixed delay and no
 * breaker. Platform limits are enforced, not assumed: 120 s of callouts per job, one enqueue per
 * Queueable, 50 per trigger batch or sweeper run, delayed enqueue 0-10 minutes, the chain depth,
 * 2,000 events per batch, the outbox's DML. The receiving systems record every request by its
 * Idempotency-Key, so "sent twice" is counted at the receiver. A run is a pure function of
 * (policy, scenario, strategy, seed).
 */
import {
  TransactionBreaker,
  CLOSED,
  claimProbe,
  flushBreaker,
  isCoolingDown,
  probeDue,
  retryAfter,
  type BreakerRecord,
  type FlushMode,
} from '../../ts-src/policy/breaker';
import { claimRows, type LogRow } from '../../ts-src/policy/claim';
import { runDeliveryJob, type DeliveryJobRun, type Message, type Send } from '../../ts-src/policy/delivery';
import { chunk, eventsHandedOver, planDrainChain, planSweep } from '../../ts-src/policy/dispatch';
import { messageKey } from '../../ts-src/policy/keys';
import { MAX_ENQUEUES_ASYNC, MAX_ENQUEUES_SYNC, PLATFORM_EVENT_TRIGGER_BATCH } from '../../ts-src/policy/limits';
import {
  OUTBOX_LEASE_MINUTES,
  claim,
  dueOutboxRows,
  eventsTheOutboxCanWrite,
  reprocess,
  settleJob,
  writeOutbox,
  type OutboxRow,
} from '../../ts-src/policy/outbox';
import type { DeliveryPolicy } from '../../ts-src/policy/policy';
import { seededRandom, type Random } from '../../ts-src/policy/random';
import { EventQueue } from './eventQueue';

/** One operation the confirmed-order event is delivered by, and the system it calls. */
export interface OperationSpec {
  name: string;
  system: string;
  /** The system is down during the outage window (else it takes every callout). */
  down: boolean;
}

export const ERP_OPERATION: OperationSpec = { name: 'SendOrderToErp', system: 'ERP_API', down: true };

export interface Scenario {
  orders: number;
  /** Orders are confirmed at random times in [0, confirmWindowSeconds). */
  confirmWindowSeconds: number;
  /** The ERP refuses every callout in [start, end), both shifted by the same random [0, outageShiftSeconds). */
  outage: { start: number; end: number };
  /**
   * Breaker cool-downs and sweeper runs are periodic: shifting the outage by a random part of a
   * period per seed keeps the medians from depending on one lucky or unlucky phase.
   */
  outageShiftSeconds: number;
  /**
   * The outage lasts (end - start) plus a random part of [-spread/2, spread/2). With 0 every run is
   * down exactly as long, and where the last failed probe falls before the recovery is then fixed by
   * the strategy's probe cycle rather than averaged over.
   */
  outageDurationSpreadSeconds: number;
  /** A callout the ERP takes. */
  okCalloutSeconds: number;
  /** A callout during the outage; worst case (host unreachable) is the whole timeout. */
  failedCalloutSeconds: number | 'timeout';
  /** From enqueue (after any delay) to the job starting. */
  jobStartLatencySeconds: readonly [number, number];
  /** From publish to the trigger receiving the event. */
  eventDeliveryLatencySeconds: readonly [number, number];
  /** Stop here even if something is unresolved (it then counts as lost). */
  horizonSeconds: number;
  /** The operations the event is delivered by (fan-out: more than one); default the ERP alone. */
  operations?: readonly OperationSpec[];
  /**
   * Seconds between a claim's read without a lock and its re-read `FOR UPDATE` (`SwySweeper.claimDue`):
   * jobs and sweeper runs claiming within this gap read the same rows. 0: claims never overlap.
   */
  claimGapSeconds?: number;
  /**
   * Jobs aborted from Setup (no finalizer): from `from` on, the next `beforeStart` job starts never
   * run, then the next `midRun` jobs that make callouts are killed after them (what reached the
   * system stays there; the transaction, its log rows and its follow-up are gone).
   */
  abort?: { from: number; beforeStart: number; midRun: number };
  /**
   * A caller-side error on the first operation: from `start` to `end` the platform refuses its callouts
   * (say, the running user lost access to the External Credential principal); at `reprocessAt` a
   * person who fixed it reprocesses the Failed rows. "Recovery" is then `reprocessAt`.
   */
  configurationError?: { start: number; end: number; reprocessAt: number; fix: string };
}

export const SEED_SCENARIO: Scenario = {
  orders: 1000,
  confirmWindowSeconds: 60 * 60,
  outage: { start: 15 * 60, end: 45 * 60 },
  outageShiftSeconds: 5 * 60,
  outageDurationSpreadSeconds: 0,
  okCalloutSeconds: 0.5,
  failedCalloutSeconds: 'timeout',
  jobStartLatencySeconds: [1, 5],
  eventDeliveryLatencySeconds: [0.5, 2],
  horizonSeconds: 24 * 60 * 60,
};

export interface SwitchyardStrategy {
  kind: 'switchyard';
  label: string;
  flush: FlushMode;
  sweeperIntervalMinutes: number;
  /** The trigger reads the breaker and parks new messages while it cools down, instead of starting jobs. */
  triggerParksWhenOpen: boolean;
  /** A job that ends on a closed circuit with nothing to retry chains the next due parked rows. */
  drainChains: boolean;
  /** `SwyDeliveryJob.enqueue` writes an outbox row per message before the first attempt. */
  outbox: boolean;
  /** One probe per system: jobs and the sweeper lease it (`SwyCircuitBreaker.claimProbes`). */
  probeLease: boolean;
  /** A claim re-reads its rows `FOR UPDATE` and keeps those still due (`claimRows`, recheck). */
  lockedClaims: boolean;
  /**
   * A caller-side `CalloutException` is CONFIGURATION (`classifyCalloutException`): Failed with its
   * fix, no retry, nothing for the breaker. False: the runtime before, every one retryable.
   */
  configurationErrors: boolean;
}

export interface NaiveStrategy {
  kind: 'naive';
  label: string;
  fixedDelayMinutes: number;
  /** Attempts before the message is given up (a System.debug, nothing a person sees). */
  maxAttempts: number;
  /** Chained jobs before the next enqueue throws (5 in scratch and Developer Edition orgs). */
  maxChainDepth: number;
}

export type Strategy = SwitchyardStrategy | NaiveStrategy;

export interface OutageResult {
  label: string;
  seed: number;
  delivered: number;
  /** Attempts used up: a Failed error-log row a person can reprocess (Switchyard only). */
  failed: number;
  /** Dropped without a trace, or unresolved at the horizon. */
  lost: number;
  callouts: number;
  failedCallouts: number;
  /** Half-open probes among the callouts. */
  probes: number;
  queueableJobs: number;
  sweeperRuns: number;
  triggerBatches: number;
  /** When the ERP was down in this run (seconds). */
  outage: { start: number; end: number };
  /** From the ERP's recovery to the first callout it takes again (the breaker may hold calls back for a cool-down). */
  resumedSeconds?: number;
  /** From the ERP's recovery to the delivery of the last order confirmed before it; undefined if none was pending. */
  drainSeconds?: number;
  maxLatencySeconds: number;
  maxChainDepth: number;
  peakParked: number;
  /** Requests the systems received, repeats included. */
  rawDeliveries: number;
  /** Keys a system received more than once (a resend it drops by its Idempotency-Key). */
  repeatedKeys: number;
  /** Messages (order and operation) a system applied twice: received under two keys. */
  appliedTwice: number;
  /** Rows a claim took while another job still held them. */
  claimedTwice: number;
  breakerOpenings: number;
  /** Messages Failed by a caller-side configuration error, each after one refused callout. */
  configurationFailures: number;
  /** Failed rows a person reprocessed (needed a person). */
  reprocessed: number;
  abortedJobs: number;
  perOperation: Record<string, OperationResult>;
}

export interface OperationResult {
  delivered: number;
  failed: number;
  lost: number;
  callouts: number;
  failedCallouts: number;
  queueableJobs: number;
  maxLatencySeconds: number;
  peakParked: number;
  drainSeconds?: number;
  rawDeliveries: number;
  repeatedKeys: number;
  appliedTwice: number;
  /** Openings of this operation's system's circuit. */
  breakerOpenings: number;
}

type SimEvent =
  | { kind: 'publish'; id: string }
  | { kind: 'trigger' }
  | { kind: 'claim'; op: number; read: Message[][]; depth: number; runsAs: RunningUser; token?: string }
  | { kind: 'jobStart'; op: number; messages: Message[]; depth: number; runsAs: RunningUser; token?: string }
  | {
      kind: 'jobEnd';
      op: number;
      run: DeliveryJobRun;
      breaker: TransactionBreaker;
      depth: number;
      runsAs: RunningUser;
      aborted: boolean;
    }
  | { kind: 'naiveEnd'; message: Message; ok: boolean; depth: number }
  | { kind: 'sweep' }
  | { kind: 'reprocess' };

/**
 * Who a job runs as: a Queueable runs as the user who enqueued it, so jobs the Platform Event
 * trigger starts (and their follow-ups) run as the Automated Process user, the sweeper's as the
 * user who scheduled it.
 */
type RunningUser = 'trigger' | 'sweeper';

/** What a system received under one key. */
interface Received {
  count: number;
  firstAt: number;
}

export function simulate(policy: DeliveryPolicy, scenario: Scenario, strategy: Strategy, seed: number): OutageResult {
  // Separate streams, so every strategy sees the same orders at the same times for a seed.
  const arrivals = seededRandom(seed);
  const jitter = seededRandom(seed ^ 0x9e3779b9);
  const latency = seededRandom((seed + 1_000_003) >>> 0);
  const between = (random: Random, [low, high]: readonly [number, number]) => low + random() * (high - low);
  const outageRandom = seededRandom((seed * 7919 + 17) >>> 0);
  const shift = outageRandom() * scenario.outageShiftSeconds;
  const stretch = (outageRandom() - 0.5) * scenario.outageDurationSpreadSeconds;
  const outage = { start: scenario.outage.start + shift, end: scenario.outage.end + shift + stretch };
  const hasOutage = scenario.outage.end > scenario.outage.start;
  const operations = scenario.operations ?? [ERP_OPERATION];
  if (strategy.kind === 'naive' && operations.length !== 1) throw new Error('naive delivers one operation');
  const configuration = scenario.configurationError;
  const recoveryAt = configuration?.reprocessAt ?? outage.end;
  const claimGap = scenario.claimGapSeconds ?? 0;

  const queue = new EventQueue<SimEvent>();
  const confirmedAt = new Map<string, number>();
  /** Key -> operation index and order, for every message of every operation. */
  const messageOf = new Map<string, { op: number; order: string }>();
  const keysOf = new Map<string, string[]>();
  const received = new Map<string, Received>();
  let rows = new Map<string, OutboxRow>();
  /** Keys some queued or running job holds (for "parked" and for claims taken twice). */
  const held = new Map<string, number>();
  const persisted = new Map<string, BreakerRecord>(operations.map((o) => [o.system, CLOSED]));
  const configurationFailed = new Set<string>();
  let pendingEvents: string[] = [];
  let triggerScheduled = false;
  let inFlightJobs = 0;
  let sweeperScheduled = false;
  let resumedAt: number | undefined;
  let abortedBeforeStart = 0;
  let abortedMidRun = 0;
  let tokens = 0;

  const perOperation = (): OperationResult => ({
    delivered: 0,
    failed: 0,
    lost: 0,
    callouts: 0,
    failedCallouts: 0,
    queueableJobs: 0,
    maxLatencySeconds: 0,
    peakParked: 0,
    rawDeliveries: 0,
    repeatedKeys: 0,
    appliedTwice: 0,
    breakerOpenings: 0,
  });
  const ops = operations.map(() => perOperation());
  const result: OutageResult = {
    label: strategy.label,
    seed,
    outage,
    delivered: 0,
    failed: 0,
    lost: 0,
    callouts: 0,
    failedCallouts: 0,
    probes: 0,
    queueableJobs: 0,
    sweeperRuns: 0,
    triggerBatches: 0,
    maxLatencySeconds: 0,
    maxChainDepth: 0,
    peakParked: 0,
    rawDeliveries: 0,
    repeatedKeys: 0,
    appliedTwice: 0,
    claimedTwice: 0,
    breakerOpenings: 0,
    configurationFailures: 0,
    reprocessed: 0,
    abortedJobs: 0,
    perOperation: {},
  };

  const failedSeconds =
    scenario.failedCalloutSeconds === 'timeout' ? policy.timeoutSeconds : scenario.failedCalloutSeconds;
  const up = (op: number, at: number) => !hasOutage || !operations[op].down || at < outage.start || at >= outage.end;
  const sendFor =
    (op: number, runsAs: RunningUser): Send =>
    (message, at) => {
      result.callouts += 1;
      ops[op].callouts += 1;
      const refused = configuration && at >= configuration.start && at < configuration.end;
      if (op === 0 && runsAs === 'trigger' && refused) {
        // Refused by the platform before anything left the org.
        result.failedCallouts += 1;
        ops[op].failedCallouts += 1;
        const classified = strategy.kind === 'switchyard' && strategy.configurationErrors;
        return classified
          ? { ok: false, seconds: 0.05, configuration: configuration.fix }
          : { ok: false, seconds: 0.05 };
      }
      const ok = up(op, at);
      if (!ok) {
        result.failedCallouts += 1;
        ops[op].failedCallouts += 1;
        return { ok, seconds: failedSeconds };
      }
      if (hasOutage && operations[op].down && at >= outage.end) resumedAt = Math.min(resumedAt ?? at, at);
      const seconds = scenario.okCalloutSeconds;
      // The system has the request once the callout returns, whatever becomes of the job afterwards.
      const got = received.get(message.id);
      if (got) got.count += 1;
      else received.set(message.id, { count: 1, firstAt: at + seconds });
      result.rawDeliveries += 1;
      return { ok, seconds };
    };

  const hold = (messages: readonly Message[], by: number) => {
    for (const { id } of messages) {
      const n = (held.get(id) ?? 0) + by;
      if (n > 0) held.set(id, n);
      else held.delete(id);
    }
  };
  const enqueue = (
    op: number,
    at: number,
    messages: Message[],
    depth: number,
    runsAs: RunningUser,
    delayMinutes = 0,
    token?: string,
  ) => {
    inFlightJobs += 1;
    hold(messages, 1);
    queue.push(at + delayMinutes * 60 + between(latency, scenario.jobStartLatencySeconds), {
      kind: 'jobStart',
      op,
      messages,
      depth,
      runsAs,
      token,
    });
  };
  /** Rows waiting for the sweeper: New or Retrying and held by no job. */
  const countParked = () => {
    const byOp = operations.map(() => 0);
    for (const row of rows.values()) {
      if ((row.status === 'Retrying' || row.status === 'New') && !held.has(row.id))
        byOp[messageOf.get(row.id)!.op] += 1;
    }
    byOp.forEach((n, op) => (ops[op].peakParked = Math.max(ops[op].peakParked, n)));
    const total = byOp.reduce((a, b) => a + b, 0);
    result.peakParked = Math.max(result.peakParked, total);
    return total;
  };
  const park = (messages: readonly Message[], nextAttemptAt: number) => {
    for (const { id, attempts } of messages) rows.set(id, { id, attempts, status: 'Retrying', nextAttemptAt });
  };
  const scheduleSweep = (after: number) => {
    if (strategy.kind !== 'switchyard' || sweeperScheduled) return;
    const interval = strategy.sweeperIntervalMinutes * 60;
    sweeperScheduled = true;
    queue.push((Math.floor(after / interval) + 1) * interval, { kind: 'sweep' });
  };
  const checkLimit = (what: string, used: number, limit: number) => {
    if (used > limit) throw new Error(`${strategy.label}: ${what} used ${used}, past the limit of ${limit}`);
  };
  const leasesProbes = strategy.kind === 'switchyard' && strategy.probeLease;
  /** Where the trigger parks an operation's new messages instead of starting a job, if it does. */
  const triggerParksUntil = (system: string, at: number): number | undefined => {
    if (strategy.kind !== 'switchyard' || !strategy.triggerParksWhenOpen) return undefined;
    const record = persisted.get(system)!;
    if (isCoolingDown(record, policy.breaker, at)) return retryAfter(record, policy.breaker)!;
    if (leasesProbes && record.probe && at < record.probe.until) return record.probe.until;
    return undefined;
  };
  /** Due rows of an operation no job holds, as a claim reads them (without a lock). */
  const dueRowsOf = (op: number, at: number) =>
    dueOutboxRows(rows.values(), at).filter((row) => messageOf.get(row.id)!.op === op && !held.has(row.id));

  /** A claim of rows for jobs (sweeper or drain): read now, re-read `FOR UPDATE` after the gap. */
  const claimFor = (op: number, at: number, read: Message[][], depth: number, runsAs: RunningUser, token?: string) => {
    if (read.length === 0) return;
    if (claimGap > 0) queue.push(at + claimGap, { kind: 'claim', op, read, depth, runsAs, token });
    else lockAndStart(op, at, read, depth, runsAs, token);
  };
  const lockAndStart = (
    op: number,
    at: number,
    read: Message[][],
    depth: number,
    runsAs: RunningUser,
    token?: string,
  ) => {
    const recheck = strategy.kind === 'switchyard' && strategy.lockedClaims;
    read.forEach((job, i) => {
      // Rows deleted meanwhile (delivered at their first attempt) are not read again.
      const asRead: LogRow[] = job.filter((m) => rows.has(m.id)).map((m) => ({ id: m.id, nextAttemptAt: -Infinity }));
      const lockedNow = new Map<string, LogRow>(
        asRead.map(({ id }) => {
          const row = rows.get(id)!;
          const due = row.status === 'New' || row.status === 'Retrying';
          return [id, { id, nextAttemptAt: due ? row.nextAttemptAt : Infinity }];
        }),
      );
      const { claimed } = claimRows(asRead, lockedNow, at, at + OUTBOX_LEASE_MINUTES * 60, recheck);
      if (claimed.length === 0) return;
      for (const id of claimed) if (held.has(id)) result.claimedTwice += 1;
      rows = claim(rows, claimed, at);
      const messages = claimed.map((id) => ({ id, attempts: rows.get(id)!.attempts }));
      enqueue(op, at, messages, depth, runsAs, 0, i === 0 ? token : undefined);
    });
  };

  const times = Array.from({ length: scenario.orders }, () => arrivals() * scenario.confirmWindowSeconds).sort(
    (a, b) => a - b,
  );
  times.forEach((at, i) => {
    const id = `O${String(i).padStart(5, '0')}`;
    confirmedAt.set(id, at);
    const payload = JSON.stringify({ External_Order_Id__c: id });
    const keys = operations.map((operation, op) => {
      const key = messageKey(operation.name, id, payload);
      messageOf.set(key, { op, order: id });
      return key;
    });
    keysOf.set(id, keys);
    queue.push(at, { kind: 'publish', id });
  });
  if (configuration) queue.push(configuration.reprocessAt, { kind: 'reprocess' });

  for (let next = queue.pop(); next && next.at <= scenario.horizonSeconds; next = queue.pop()) {
    const { at, item: event } = next;
    switch (event.kind) {
      case 'publish':
        pendingEvents.push(event.id);
        if (!triggerScheduled) {
          triggerScheduled = true;
          queue.push(at + between(latency, scenario.eventDeliveryLatencySeconds), { kind: 'trigger' });
        }
        break;

      case 'trigger': {
        result.triggerBatches += 1;
        const batch = pendingEvents.slice(0, PLATFORM_EVENT_TRIGGER_BATCH);
        let handled: number;
        if (strategy.kind === 'naive') {
          // One job per event; past 50 the rest waits for the next batch rather than hit the limit.
          handled = Math.min(batch.length, MAX_ENQUEUES_SYNC);
          for (const id of batch.slice(0, handled))
            enqueue(0, at, [{ id: keysOf.get(id)![0], attempts: 0 }], 1, 'trigger');
        } else {
          // Read once per trigger execution: which operations park, which start jobs.
          const parksUntil = operations.map((o) => triggerParksUntil(o.system, at));
          const starting = parksUntil.filter((p) => p === undefined).length;
          const outboxFits =
            strategy.outbox && starting > 0
              ? eventsTheOutboxCanWrite(batch.length, starting, policy.messagesPerJob)
              : batch.length;
          handled = eventsHandedOver(batch.length, starting, policy, outboxFits);
          let jobs = 0;
          for (const events of chunk(batch.slice(0, handled), policy.messagesPerJob)) {
            operations.forEach((_, op) => {
              const messages = events.map((id) => ({ id: keysOf.get(id)![op], attempts: 0 }));
              if (parksUntil[op] !== undefined) {
                park(messages, parksUntil[op]!);
                return;
              }
              if (strategy.outbox) for (const row of writeOutbox(messages, at)) rows.set(row.id, row);
              enqueue(op, at, messages, 1, 'trigger');
              jobs += 1;
            });
          }
          checkLimit('trigger enqueues', jobs, MAX_ENQUEUES_SYNC);
          if (parksUntil.some((p) => p !== undefined)) scheduleSweep(at);
          countParked();
        }
        pendingEvents = pendingEvents.slice(handled);
        triggerScheduled = pendingEvents.length > 0;
        if (triggerScheduled)
          queue.push(at + between(latency, scenario.eventDeliveryLatencySeconds), { kind: 'trigger' });
        break;
      }

      case 'claim':
        lockAndStart(event.op, at, event.read, event.depth, event.runsAs, event.token);
        break;

      case 'jobStart': {
        const abort = scenario.abort;
        // A probe holder is never picked: aborting it delays the next probe until its lease ends.
        const abortable = abort !== undefined && at >= abort.from && event.token === undefined;
        if (abortable && abortedBeforeStart < abort.beforeStart) {
          // Aborted from Setup: it never runs, no finalizer; its rows stay as the enqueue wrote them.
          abortedBeforeStart += 1;
          result.abortedJobs += 1;
          inFlightJobs -= 1;
          hold(event.messages, -1);
          countParked();
          if (strategy.kind === 'switchyard') scheduleSweep(at);
          break;
        }
        result.queueableJobs += 1;
        ops[event.op].queueableJobs += 1;
        result.maxChainDepth = Math.max(result.maxChainDepth, event.depth);
        if (strategy.kind === 'naive') {
          const [message] = event.messages;
          const before = received.get(message.id)?.count ?? 0;
          const { seconds } = sendFor(0, event.runsAs)(message, at);
          queue.push(at + seconds, {
            kind: 'naiveEnd',
            message: { ...message, attempts: message.attempts + 1 },
            ok: (received.get(message.id)?.count ?? 0) > before,
            depth: event.depth,
          });
          break;
        }
        const system = operations[event.op].system;
        const breaker = new TransactionBreaker(
          persisted.get(system)!,
          policy.breaker,
          leasesProbes ? { heldToken: event.token } : undefined,
        );
        const run = runDeliveryJob({
          messages: event.messages,
          depth: event.depth,
          startsAt: at,
          policy,
          breaker,
          send: sendFor(event.op, event.runsAs),
          random: jitter,
        });
        const aborted = abortable && run.callouts > 0 && abortedMidRun < abort.midRun;
        if (aborted) abortedMidRun += 1;
        queue.push(run.endsAt, {
          kind: 'jobEnd',
          op: event.op,
          run,
          breaker,
          depth: event.depth,
          runsAs: event.runsAs,
          aborted,
        });
        break;
      }

      case 'jobEnd': {
        inFlightJobs -= 1;
        const { run, breaker, op, runsAs } = event;
        if (strategy.kind !== 'switchyard') throw new Error('jobEnd is a Switchyard event');
        hold(
          run.delivered.map((d) => d.message),
          -1,
        );
        hold(run.failed, -1);
        hold(
          run.parked.map((p) => p.message),
          -1,
        );
        if (run.next) hold(run.next.messages, -1);
        if (event.aborted) {
          // Killed after its callouts: nothing of its transaction is saved, no follow-up, no finalizer.
          result.abortedJobs += 1;
          countParked();
          scheduleSweep(at);
          break;
        }
        const system = operations[op].system;
        const before = persisted.get(system)!;
        const after = flushBreaker(before, breaker, strategy.flush);
        if (after.state === 'Open' && !(before.state === 'Open' && before.openedAt === after.openedAt)) {
          result.breakerOpenings += 1;
          ops[op].breakerOpenings += 1;
        }
        persisted.set(system, after);
        result.probes += breaker.outcomes.filter((o) => o.probe).length;
        const hadRow = new Set(run.next?.messages.filter((m) => rows.has(m.id)).map((m) => m.id));
        rows = settleJob(rows, run);
        if (!strategy.outbox && run.next) {
          // Before the outbox a carried message not yet attempted had no row.
          for (const m of run.next.messages) if (m.attempts === 0 && !hadRow.has(m.id)) rows.delete(m.id);
        }
        for (const { message } of run.configurationErrors) configurationFailed.add(message.id);
        result.configurationFailures += run.configurationErrors.length;
        if (run.parked.length > 0) scheduleSweep(at);
        if (run.next?.claimsProbe) {
          // The job found the probe due and sent nothing: it claims the lease for its follow-up.
          const token = `probe-${++tokens}`;
          const claimed = claimProbe(persisted.get(system)!, policy.breaker, at, token);
          persisted.set(system, claimed.record);
          if (claimed.token) {
            enqueue(op, at, run.next.messages, run.next.depth, runsAs, 0, claimed.token);
          } else {
            park(run.next.messages, claimed.record.probe?.until ?? at);
            scheduleSweep(at);
          }
        } else if (run.next) {
          checkLimit('enqueues from a Queueable', 1, MAX_ENQUEUES_ASYNC);
          enqueue(op, at, run.next.messages, run.next.depth, runsAs, run.next.delayMinutes);
        } else if (strategy.drainChains && run.delivered.length > 0) {
          const chained = planDrainChain(dueRowsOf(op, at), at, breaker.record, policy, event.depth);
          claimFor(op, at, chained.length > 0 ? [chained] : [], event.depth + 1, runsAs);
        }
        countParked();
        break;
      }

      case 'naiveEnd': {
        inFlightJobs -= 1;
        if (strategy.kind !== 'naive') throw new Error('naiveEnd is a naive event');
        const { message, ok, depth } = event;
        if (ok) {
          hold([message], -1);
        } else if (message.attempts >= strategy.maxAttempts || depth >= strategy.maxChainDepth) {
          // Out of attempts, or System.enqueueJob throws at the chain depth: the order is gone.
        } else {
          enqueue(0, at, [message], depth + 1, 'trigger', strategy.fixedDelayMinutes);
        }
        break;
      }

      case 'sweep': {
        if (strategy.kind !== 'switchyard') throw new Error('only Switchyard has a sweeper');
        sweeperScheduled = false;
        result.sweeperRuns += 1;
        let jobsLeft = MAX_ENQUEUES_SYNC;
        operations.forEach((operation, op) => {
          const due = dueRowsOf(op, at);
          if (due.length === 0 || jobsLeft === 0) return;
          const record = persisted.get(operation.system)!;
          const jobs = planSweep(due, at, record, policy, jobsLeft);
          if (jobs.length === 0) return;
          let token: string | undefined;
          if (leasesProbes && record.state !== 'Closed' && probeDue(record, policy.breaker, at)) {
            // The sweeper makes no callouts: it leases the probe and starts the one job holding it.
            const claimed = claimProbe(record, policy.breaker, at, `probe-${++tokens}`);
            persisted.set(operation.system, claimed.record);
            token = claimed.token;
          }
          jobsLeft -= jobs.length;
          claimFor(op, at, jobs, 1, 'sweeper', token);
        });
        checkLimit('sweeper enqueues', MAX_ENQUEUES_SYNC - jobsLeft, MAX_ENQUEUES_SYNC);
        if (countParked() > 0) scheduleSweep(at);
        break;
      }

      case 'reprocess': {
        // A person fixed what the rows' message said and reprocesses them from the error console.
        const done = reprocess(rows, configurationFailed, at);
        rows = done.rows;
        result.reprocessed += done.reprocessed;
        countParked();
        scheduleSweep(at);
        break;
      }
    }
  }

  // Accounting per key at the receivers: delivered, Failed in the log, or lost.
  let lastBacklogDelivery: number | undefined;
  for (const [key, { op, order }] of messageOf) {
    const got = received.get(key);
    const confirmed = confirmedAt.get(order)!;
    if (got) {
      result.delivered += 1;
      ops[op].delivered += 1;
      ops[op].rawDeliveries += got.count;
      if (got.count > 1) {
        result.repeatedKeys += 1;
        ops[op].repeatedKeys += 1;
      }
      const latencySeconds = got.firstAt - confirmed;
      result.maxLatencySeconds = Math.max(result.maxLatencySeconds, latencySeconds);
      ops[op].maxLatencySeconds = Math.max(ops[op].maxLatencySeconds, latencySeconds);
      if (confirmed < recoveryAt && got.firstAt >= recoveryAt) {
        lastBacklogDelivery = Math.max(lastBacklogDelivery ?? got.firstAt, got.firstAt);
        ops[op].drainSeconds = Math.max(ops[op].drainSeconds ?? 0, got.firstAt - recoveryAt);
      }
    } else if (rows.get(key)?.status === 'Failed') {
      result.failed += 1;
      ops[op].failed += 1;
    } else {
      result.lost += 1;
      ops[op].lost += 1;
    }
  }
  // Each message has one key, so a message applied twice would be an order received under two keys.
  const keysPerMessage = new Map<string, number>();
  for (const key of received.keys()) {
    const { op, order } = messageOf.get(key)!;
    const message = `${op}:${order}`;
    keysPerMessage.set(message, (keysPerMessage.get(message) ?? 0) + 1);
  }
  for (const [message, n] of keysPerMessage) {
    if (n < 2) continue;
    result.appliedTwice += 1;
    ops[Number(message.split(':')[0])].appliedTwice += 1;
  }
  if (result.lost === 0 && inFlightJobs > 0) throw new Error('every message accounted for, yet jobs in flight');
  if (lastBacklogDelivery !== undefined) result.drainSeconds = lastBacklogDelivery - recoveryAt;
  if (resumedAt !== undefined) result.resumedSeconds = resumedAt - outage.end;
  operations.forEach((operation, op) => (result.perOperation[operation.name] = ops[op]));
  return result;
}
