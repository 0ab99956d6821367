/**
 * What one delivery job (the runtime's `SwyDeliveryJob`) does with the messages it carries, given
 * how each callout turns out: the same decisions, in the same order, with time in seconds. It never
 * drops a message: each one ends delivered, Failed (attempts used up: a person reprocesses it),
 * parked in the error log for the sweeper, or in the one job it chains.
 */
import { enqueueDelayMinutes, hasAttemptsLeft, retryWaitSeconds } from './backoff';
import { isCoolingDown, probeDue, retryAfter, type TransactionBreaker } from './breaker';
import { MAX_ENQUEUE_DELAY_MINUTES, MAX_TRANSACTION_CALLOUT_SECONDS } from './limits';
import { breakerSignal, stepAfter, type Classified } from './outcome';
import type { DeliveryPolicy } from './policy';
import type { Random } from './random';

export interface Message {
  /**
   * The idempotency key (`keys.messageKey`: operation, declared key, SHA-256 of the body), also the
   * message's one error-log row: its outbox row from the enqueue on (`outbox.ts`).
   */
  readonly id: string;
  /** Callouts made for it so far. */
  readonly attempts: number;
  /** Not to be sent before this time (its backoff); unset means due. */
  readonly notBefore?: number;
}

/** Why a message waits in the error log (`Retrying`, with `Next_Attempt_At__c`) for the sweeper. */
export type ParkReason = 'circuit-open' | 'long-wait' | 'chain-depth';

export interface ParkedMessage {
  message: Message;
  nextAttemptAt: number;
  reason: ParkReason;
}

/**
 * One callout: did the system take it, and how long did it take (at most the timeout). A failure
 * is retryable unless `permanent` (the system answered with a status no retry fixes, say a 400) or
 * `configuration` (the platform refused the callout on the caller's side, `SwyCalloutClient`
 * CONFIGURATION: the text says what to fix); `retryAfterSeconds` is a 429/503 `Retry-After`.
 */
export type Send = (
  message: Message,
  at: number,
) => { ok: boolean; seconds: number; permanent?: boolean; retryAfterSeconds?: number; configuration?: string };

/** Why a job may not chain a follow-up (`SwyDeliveryJob.depthRefusal`), or undefined when it may. */
export type ChainRefusal = 'chain-depth' | 'stack-depth';

export interface DeliveryJobInput {
  messages: readonly Message[];
  /** 1 for a job enqueued by a trigger or the sweeper; +1 for each job chained after it. */
  depth: number;
  /**
   * The org's Queueable stack depth (`AsyncInfo.getCurrentQueueableStackDepth()`) and its maximum
   * (`getMaximumQueueableStackDepth()`), when the chain has one; `SwyDeliveryJob.enqueue` sets the
   * maximum to the declared chain depth, so usually `depth` alone decides.
   */
  stack?: { current: number; max: number };
  startsAt: number;
  policy: DeliveryPolicy;
  breaker: TransactionBreaker;
  send: Send;
  random: Random;
}

export interface DeliveryJobRun {
  delivered: { message: Message; at: number }[];
  failed: Message[];
  parked: ParkedMessage[];
  /** The one job an asynchronous transaction may enqueue: due when its earliest message is. */
  next?: { messages: Message[]; delayMinutes: number; depth: number; claimsProbe?: boolean };
  callouts: number;
  calloutSeconds: number;
  endsAt: number;
  /**
   * Messages Failed by a configuration error (also in `failed`), with the fix the log row names:
   * not retried and not counted by the breaker.
   */
  configurationErrors: { message: Message; fix: string }[];
  /**
   * A job that leases probes found the probe due and sent nothing to the system: at its end it
   * claims the probe (`SwyCircuitBreaker.claimProbes`) for its follow-up (`next.claimsProbe`).
   */
  probeDue: boolean;
}

export function runDeliveryJob(input: DeliveryJobInput): DeliveryJobRun {
  const { policy, breaker } = input;
  const run: DeliveryJobRun = {
    delivered: [],
    failed: [],
    parked: [],
    callouts: 0,
    calloutSeconds: 0,
    endsAt: input.startsAt,
    configurationErrors: [],
    probeDue: false,
  };
  const carried: Message[] = [];
  const startedAt = input.startsAt;
  let now = startedAt;
  for (const message of input.messages) {
    const due = message.notBefore === undefined || message.notBefore <= startedAt;
    if (!due || run.callouts >= policy.messagesPerJob) {
      carried.push(message);
    } else if (!hasAttemptsLeft(policy.retry, message.attempts)) {
      run.failed.push(message);
    } else if (!breaker.allowsRequest(now)) {
      if (breaker.leases && probeDue(breaker.record, policy.breaker, now)) {
        // `SwyDeliveryJob`: a probe is due and this job holds no lease: send nothing, claim it at the end.
        run.probeDue = true;
        carried.push(message);
      } else {
        // Cooling down, or another job holds the probe: wait for the cool-down or the lease's end.
        run.parked.push({
          message,
          nextAttemptAt: retryAfter(breaker.record, policy.breaker) ?? breaker.record.probe?.until ?? now,
          reason: 'circuit-open',
        });
      }
    } else {
      const { ok, seconds, permanent, retryAfterSeconds, configuration } = input.send(message, now);
      if (seconds > policy.timeoutSeconds) {
        throw new RangeError(`a callout took ${seconds} s, past its ${policy.timeoutSeconds} s timeout`);
      }
      now += seconds;
      run.callouts += 1;
      run.calloutSeconds += seconds;
      const attempted = { id: message.id, attempts: message.attempts + 1 };
      if (!ok && configuration !== undefined) {
        // CONFIGURATION (`SwyCircuitBreaker.record`): nothing for the breaker, no retry, Failed.
        breaker.recordResult('configuration', now);
        run.failed.push(attempted);
        run.configurationErrors.push({ message: attempted, fix: configuration });
        continue;
      }
      // A permanent failure in the model is always an HTTP answer (the system is up).
      const answer: Classified = ok
        ? { outcome: 'success', status: 200 }
        : permanent
          ? { outcome: 'permanent', status: 400 }
          : { outcome: 'retryable', retryAfterSeconds };
      if (breakerSignal(answer) === 'success') breaker.recordSuccess(now);
      else breaker.recordFailure(now);
      const step = stepAfter(answer.outcome, policy.retry, attempted.attempts);
      if (step === 'delivered') {
        run.delivered.push({ message: attempted, at: now });
      } else if (step === 'retry') {
        carried.push({
          ...attempted,
          notBefore: now + retryWaitSeconds(policy.retry, attempted.attempts, input.random, retryAfterSeconds),
        });
      } else {
        run.failed.push(attempted);
      }
    }
  }
  if (run.calloutSeconds > MAX_TRANSACTION_CALLOUT_SECONDS) {
    throw new RangeError(
      `callouts waited ${run.calloutSeconds} s, past the ${MAX_TRANSACTION_CALLOUT_SECONDS} s a transaction allows`,
    );
  }
  run.endsAt = now;
  continueWith(run, carried, input);
  return run;
}

/** Hands what is left to one follow-up job, or parks it for the sweeper. */
function continueWith(run: DeliveryJobRun, carried: Message[], input: DeliveryJobInput): void {
  if (carried.length === 0) return;
  const { policy, breaker } = input;
  const now = run.endsAt;
  // `SwyDeliveryJob.continueWith`: whatever it carries, a leasing job ending with the probe due
  // (say its messages' backoff outlasted the cool-down) claims it rather than chaining into it.
  if (breaker.leases && probeDue(breaker.record, policy.breaker, now)) run.probeDue = true;
  if (run.probeDue) {
    // One job hop (delay 0): the follow-up holds the lease its predecessor claimed.
    if (chainRefusal(input.depth, policy.retry.maxChainDepth, input.stack) === undefined) {
      run.next = { messages: carried, delayMinutes: 0, depth: input.depth + 1, claimsProbe: true };
    } else {
      for (const message of carried) run.parked.push({ message, nextAttemptAt: now, reason: 'circuit-open' });
    }
    return;
  }
  if (isCoolingDown(breaker.record, policy.breaker, now)) {
    // No point chaining a job into an open circuit: everything waits for the probe, or for its own
    // backoff when that ends later (`SwyDeliveryJob.parkUntil`).
    const probeAt = retryAfter(breaker.record, policy.breaker)!;
    for (const message of carried) {
      run.parked.push({ message, nextAttemptAt: parkUntil(message.notBefore, probeAt), reason: 'circuit-open' });
    }
    return;
  }
  const waitMinutes = (message: Message) => enqueueDelayMinutes(Math.max(0, (message.notBefore ?? now) - now));
  const chained: Message[] = [];
  for (const message of carried) {
    if (waitMinutes(message) === undefined) {
      run.parked.push({ message, nextAttemptAt: message.notBefore!, reason: 'long-wait' });
    } else {
      chained.push(message);
    }
  }
  if (chained.length === 0) return;
  if (chainRefusal(input.depth, policy.retry.maxChainDepth, input.stack) !== undefined) {
    for (const message of chained) {
      run.parked.push({ message, nextAttemptAt: message.notBefore ?? now, reason: 'chain-depth' });
    }
    return;
  }
  // One job for all of them, due when the earliest is; later ones ride along until they are due.
  const delayMinutes = Math.min(MAX_ENQUEUE_DELAY_MINUTES, ...chained.map((m) => waitMinutes(m)!));
  run.next = { messages: chained, delayMinutes, depth: input.depth + 1 };
}

/** The declared chain depth first, then the org's Queueable stack depth. */
export function chainRefusal(
  depth: number,
  maxChainDepth: number,
  stack?: { current: number; max: number },
): ChainRefusal | undefined {
  if (depth >= maxChainDepth) return 'chain-depth';
  if (stack !== undefined && stack.current >= stack.max) return 'stack-depth';
  return undefined;
}

/** A message parked behind an open circuit waits for the probe, or for its own backoff if later. */
export function parkUntil(notBefore: number | undefined, probeAt: number): number {
  return notBefore !== undefined && notBefore > probeAt ? notBefore : probeAt;
}
