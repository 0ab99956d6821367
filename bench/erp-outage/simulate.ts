/**
 * Discrete-event simulation of the seed's case (../shared/seeds/001): the ERP is down for 30
 * minutes while orders are confirmed. Each confirmed order publishes `Order_Confirmed__e`; its
 * trigger starts delivery jobs; the ERP takes a callout only while it is up.
 *
 * Switchyard runs the policy of ts-src/policy (the numbers come from the model); naive runs one
 * Queueable per order that re-enqueues itself with a fixed delay and no breaker. Platform limits
 * are enforced, not assumed: 120 s of callouts per job, one enqueue per Queueable, 50 per trigger
 * batch or sweeper run, delayed enqueue 0-10 minutes, the chain depth, 2,000 events per batch.
 * A run is a pure function of (policy, scenario, strategy, seed).
 */
import {
  TransactionBreaker,
  CLOSED,
  flushBreaker,
  isCoolingDown,
  retryAfter,
  type BreakerRecord,
  type FlushMode,
} from '../../ts-src/policy/breaker';
import { runDeliveryJob, type DeliveryJobRun, type Message, type Send } from '../../ts-src/policy/delivery';
import { planDrainChain, planSweep, planTriggerBatch, type ParkedRow } from '../../ts-src/policy/dispatch';
import { MAX_ENQUEUES_ASYNC, MAX_ENQUEUES_SYNC, PLATFORM_EVENT_TRIGGER_BATCH } from '../../ts-src/policy/limits';
import type { DeliveryPolicy } from '../../ts-src/policy/policy';
import { seededRandom, type Random } from '../../ts-src/policy/random';
import { EventQueue } from './eventQueue';

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
}

type SimEvent =
  | { kind: 'publish'; id: string }
  | { kind: 'trigger' }
  | { kind: 'jobStart'; messages: Message[]; depth: number }
  | { kind: 'jobEnd'; run: DeliveryJobRun; breaker: TransactionBreaker; depth: number }
  | { kind: 'naiveEnd'; message: Message; ok: boolean; depth: number }
  | { kind: 'sweep' };

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

  const queue = new EventQueue<SimEvent>();
  const confirmedAt = new Map<string, number>();
  const resolved = new Set<string>();
  const parked = new Map<string, ParkedRow>();
  let persisted: BreakerRecord = CLOSED;
  let pendingEvents: string[] = [];
  let triggerScheduled = false;
  let inFlightJobs = 0;
  let sweeperScheduled = false;
  let lastBacklogDelivery: number | undefined;
  let resumedAt: number | undefined;

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
  };

  const failedSeconds =
    scenario.failedCalloutSeconds === 'timeout' ? policy.timeoutSeconds : scenario.failedCalloutSeconds;
  const erpUp = (at: number) => at < outage.start || at >= outage.end;
  const send: Send = (_message, at) => {
    const ok = erpUp(at);
    result.callouts += 1;
    if (!ok) result.failedCallouts += 1;
    if (ok && at >= outage.end) resumedAt = Math.min(resumedAt ?? at, at);
    return { ok, seconds: ok ? scenario.okCalloutSeconds : failedSeconds };
  };

  const deliver = (id: string, at: number) => {
    resolve(id);
    result.delivered += 1;
    result.maxLatencySeconds = Math.max(result.maxLatencySeconds, at - confirmedAt.get(id)!);
    if (confirmedAt.get(id)! < outage.end && at >= outage.end) {
      lastBacklogDelivery = Math.max(lastBacklogDelivery ?? at, at);
    }
  };
  const resolve = (id: string) => {
    if (resolved.has(id)) throw new Error(`order ${id} resolved twice`);
    resolved.add(id);
  };
  const enqueue = (at: number, messages: Message[], depth: number, delayMinutes = 0) => {
    inFlightJobs += 1;
    queue.push(at + delayMinutes * 60 + between(latency, scenario.jobStartLatencySeconds), {
      kind: 'jobStart',
      messages,
      depth,
    });
  };
  const park = (row: ParkedRow) => {
    parked.set(row.id, row);
    result.peakParked = Math.max(result.peakParked, parked.size);
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

  const times = Array.from({ length: scenario.orders }, () => arrivals() * scenario.confirmWindowSeconds).sort(
    (a, b) => a - b,
  );
  times.forEach((at, i) => {
    const id = `O${String(i).padStart(5, '0')}`;
    confirmedAt.set(id, at);
    queue.push(at, { kind: 'publish', id });
  });

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
        const batch = pendingEvents.slice(0, PLATFORM_EVENT_TRIGGER_BATCH).map((id) => ({ id, attempts: 0 }));
        let handled: number;
        if (strategy.kind === 'naive') {
          // One job per event; past 50 the rest waits for the next batch rather than hit the limit.
          handled = Math.min(batch.length, MAX_ENQUEUES_SYNC);
          for (const message of batch.slice(0, handled)) enqueue(at, [message], 1);
        } else if (strategy.triggerParksWhenOpen && isCoolingDown(persisted, policy.breaker, at)) {
          handled = batch.length;
          const probeAt = retryAfter(persisted, policy.breaker)!;
          for (const message of batch) park({ ...message, nextAttemptAt: probeAt });
          scheduleSweep(at);
        } else {
          const plan = planTriggerBatch(batch, policy);
          checkLimit('trigger enqueues', plan.jobs.length, MAX_ENQUEUES_SYNC);
          handled = plan.handled;
          for (const job of plan.jobs) enqueue(at, job, 1);
        }
        pendingEvents = pendingEvents.slice(handled);
        triggerScheduled = pendingEvents.length > 0;
        if (triggerScheduled)
          queue.push(at + between(latency, scenario.eventDeliveryLatencySeconds), { kind: 'trigger' });
        break;
      }

      case 'jobStart': {
        result.queueableJobs += 1;
        result.maxChainDepth = Math.max(result.maxChainDepth, event.depth);
        if (strategy.kind === 'naive') {
          const [message] = event.messages;
          const { ok, seconds } = send(message, at);
          queue.push(at + seconds, {
            kind: 'naiveEnd',
            message: { ...message, attempts: message.attempts + 1 },
            ok,
            depth: event.depth,
          });
          break;
        }
        const breaker = new TransactionBreaker(persisted, policy.breaker);
        const run = runDeliveryJob({
          messages: event.messages,
          depth: event.depth,
          startsAt: at,
          policy,
          breaker,
          send,
          random: jitter,
        });
        queue.push(run.endsAt, { kind: 'jobEnd', run, breaker, depth: event.depth });
        break;
      }

      case 'jobEnd': {
        inFlightJobs -= 1;
        const { run, breaker } = event;
        if (strategy.kind !== 'switchyard') throw new Error('jobEnd is a Switchyard event');
        persisted = flushBreaker(persisted, breaker, strategy.flush);
        result.probes += breaker.outcomes.filter((o) => o.probe).length;
        for (const { message, at: deliveredAt } of run.delivered) deliver(message.id, deliveredAt);
        for (const message of run.failed) {
          resolve(message.id);
          result.failed += 1;
        }
        for (const { message, nextAttemptAt } of run.parked) park({ ...message, nextAttemptAt });
        if (run.parked.length > 0) scheduleSweep(at);
        if (run.next) {
          checkLimit('enqueues from a Queueable', 1, MAX_ENQUEUES_ASYNC);
          enqueue(at, run.next.messages, run.next.depth, run.next.delayMinutes);
        } else if (strategy.drainChains && run.delivered.length > 0) {
          const chained = planDrainChain([...parked.values()], at, breaker.record, policy, event.depth);
          for (const message of chained) parked.delete(message.id);
          if (chained.length > 0) enqueue(at, chained, event.depth + 1);
        }
        break;
      }

      case 'naiveEnd': {
        inFlightJobs -= 1;
        if (strategy.kind !== 'naive') throw new Error('naiveEnd is a naive event');
        const { message, ok, depth } = event;
        if (ok) {
          deliver(message.id, at);
        } else if (message.attempts >= strategy.maxAttempts || depth >= strategy.maxChainDepth) {
          // Out of attempts, or System.enqueueJob throws at the chain depth: the order is gone.
          resolve(message.id);
          result.lost += 1;
        } else {
          enqueue(at, [message], depth + 1, strategy.fixedDelayMinutes);
        }
        break;
      }

      case 'sweep': {
        if (strategy.kind !== 'switchyard') throw new Error('only Switchyard has a sweeper');
        sweeperScheduled = false;
        result.sweeperRuns += 1;
        const jobs = planSweep([...parked.values()], at, persisted, policy);
        checkLimit('sweeper enqueues', jobs.length, MAX_ENQUEUES_SYNC);
        for (const job of jobs) {
          for (const message of job) parked.delete(message.id);
          enqueue(at, job, 1);
        }
        if (parked.size > 0) scheduleSweep(at);
        break;
      }
    }
  }

  // Anything neither delivered, Failed nor dropped by the horizon is as good as lost.
  const unresolved = scenario.orders - resolved.size;
  result.lost += unresolved;
  if (unresolved === 0 && (parked.size > 0 || inFlightJobs > 0))
    throw new Error('resolved orders still parked or in flight');
  if (lastBacklogDelivery !== undefined) result.drainSeconds = lastBacklogDelivery - outage.end;
  if (resumedAt !== undefined) result.resumedSeconds = resumedAt - outage.end;
  return result;
}
