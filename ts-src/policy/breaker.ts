/**
 * The circuit breaker of one external system as a pure state machine: the same transitions as the
 * runtime's `SwyCircuitBreaker`, with time in seconds. Closed lets calls through; after
 * `failureThreshold` consecutive failures it opens for `coolDownSeconds`; after the cool-down one
 * probe is allowed (Half_Open) and its result closes or re-opens the circuit.
 *
 * The persisted state (one `Integration_Circuit__c` row) is a `BreakerRecord`. A transaction works
 * on a copy (`TransactionBreaker`) and writes it back once after its callouts, because a callout
 * after uncommitted DML fails. How it writes back matters when jobs overlap: see `flushBreaker`.
 */

export type CircuitState = 'Closed' | 'Open' | 'Half_Open';

export interface BreakerPolicy {
  failureThreshold: number;
  coolDownSeconds: number;
}

export interface BreakerRecord {
  readonly state: CircuitState;
  readonly failureCount: number;
  /** When the circuit last opened (seconds); set while Open. */
  readonly openedAt?: number;
  /** While Half_Open: the one probe, leased to the job holding `token` until `until` (seconds). */
  readonly probe?: ProbeLease;
}

export interface ProbeLease {
  readonly until: number;
  readonly token: string;
}

/** `SwyCircuitBreaker.PROBE_LEASE_SECONDS`. */
export const PROBE_LEASE_SECONDS = 300;

/**
 * How an answer reaches the breaker (`SwyCircuitBreaker.record(SwyCalloutResult)`): `answered` is a
 * PERMANENT result with an HTTP status (the system is up), `refused` a request refused before any
 * callout, `configuration` a callout the platform refused on the caller's side.
 */
export type CalloutResultKind = 'success' | 'retryable' | 'answered' | 'refused' | 'configuration';

/** Whether a probe is due and nobody holds it: open past the cool-down, or half-open with a lease that ended. */
export function probeDue(record: BreakerRecord, policy: BreakerPolicy, now: number): boolean {
  if (record.state === 'Open') return now >= retryAfter(record, policy)!;
  return record.state === 'Half_Open' && !(record.probe && now < record.probe.until);
}

/**
 * `SwyCircuitBreaker.claimProbes` for one system, on the row as read `FOR UPDATE`: leases the probe
 * when it is still due. Of transactions claiming one after another (the lock serialises them),
 * only the first gets a token.
 */
export function claimProbe(
  locked: BreakerRecord,
  policy: BreakerPolicy,
  now: number,
  token: string,
): { record: BreakerRecord; token?: string } {
  if (!probeDue(locked, policy, now)) return { record: locked };
  return { record: { ...locked, state: 'Half_Open', probe: { until: now + PROBE_LEASE_SECONDS, token } }, token };
}

export const CLOSED: BreakerRecord = { state: 'Closed', failureCount: 0 };

/** When an open circuit may be probed; undefined unless open. */
export function retryAfter(record: BreakerRecord, policy: BreakerPolicy): number | undefined {
  return record.state === 'Open' ? (record.openedAt ?? 0) + policy.coolDownSeconds : undefined;
}

/** Open and still cooling down: calls are refused and nothing changes. */
export function isCoolingDown(record: BreakerRecord, policy: BreakerPolicy, now: number): boolean {
  return record.state === 'Open' && now < retryAfter(record, policy)!;
}

export function afterSuccess(): BreakerRecord {
  return CLOSED;
}

/**
 * A failure counts; it opens the circuit at the threshold, and at once when it was the half-open
 * probe (the cool-down starts again).
 */
export function afterFailure(record: BreakerRecord, policy: BreakerPolicy, now: number): BreakerRecord {
  const failureCount = record.failureCount + 1;
  if (record.state === 'Half_Open' || (record.state === 'Closed' && failureCount >= policy.failureThreshold)) {
    return { state: 'Open', failureCount, openedAt: now };
  }
  return { ...record, failureCount };
}

export interface CalloutOutcome {
  ok: boolean;
  at: number;
  /** The call was the half-open probe. */
  probe: boolean;
}

/** One transaction's view of the breaker, like a `SwyCircuitBreaker` instance between forSystem and flush. */
export class TransactionBreaker {
  private current: BreakerRecord;
  private probeGranted = false;
  private dirty = false;
  private readonly recorded: CalloutOutcome[] = [];

  /**
   * @param leases a caller that leases probes (`SwyCircuitBreaker.leasesProbes()`, every delivery
   *   job): past the cool-down only the transaction holding `heldToken` may probe. Without it, the
   *   first caller of each transaction probes unless another holds a live lease (a synchronous
   *   caller, and the runtime before the lease, which the outage simulation still models).
   */
  constructor(
    readonly loaded: BreakerRecord,
    readonly policy: BreakerPolicy,
    readonly leases: { heldToken?: string } | undefined = undefined,
  ) {
    this.current = loaded;
  }

  /**
   * Closed: yes. Open within the cool-down: no. While another transaction holds the probe lease: no.
   * Past the cool-down: Half_Open and exactly one probe, the lease holder's when `leases` is set.
   */
  allowsRequest(now: number): boolean {
    if (this.current.state === 'Closed') return true;
    if (this.current.state === 'Open' && isCoolingDown(this.current, this.policy, now)) return false;
    const probe = this.current.probe;
    const holds = probe !== undefined && probe.token === this.leases?.heldToken && now < probe.until;
    const heldElsewhere = probe !== undefined && now < probe.until && !holds;
    if (heldElsewhere || (this.leases && !holds) || this.probeGranted) return false;
    if (this.current.state === 'Open') this.dirty = true;
    this.current = { ...this.current, state: 'Half_Open' };
    this.probeGranted = true;
    return true;
  }

  /** The one rule (`SwyCircuitBreaker.record(SwyCalloutResult)`): configuration errors and refused requests say nothing about the system. */
  recordResult(kind: CalloutResultKind, now: number): void {
    if (kind === 'retryable') this.recordFailure(now);
    else if (kind === 'success' || kind === 'answered') this.recordSuccess(now);
    else this.probeGranted = false;
  }

  recordSuccess(now: number): void {
    this.recorded.push({ ok: true, at: now, probe: this.current.state === 'Half_Open' });
    if (this.current.state !== 'Closed' || this.current.failureCount !== 0) this.dirty = true;
    this.current = afterSuccess();
    this.probeGranted = false;
  }

  recordFailure(now: number): void {
    this.recorded.push({ ok: false, at: now, probe: this.current.state === 'Half_Open' });
    this.current = afterFailure(this.current, this.policy, now);
    this.probeGranted = false;
    this.dirty = true;
  }

  /** Whether `flush()` would write the row: a success on a closed, clean circuit changes nothing. */
  get changed(): boolean {
    return this.dirty;
  }

  get record(): BreakerRecord {
    return this.current;
  }

  get outcomes(): readonly CalloutOutcome[] {
    return this.recorded;
  }
}

/**
 * How a transaction writes its breaker back.
 * - `overwrite`: upsert the copy it loaded and changed. This is what `SwyCircuitBreaker.flush()`
 *   did before it merged; when jobs overlap, the last one to finish wins, so failures counted by others are
 *   lost and a job that loaded Closed can close a circuit another job opened meanwhile.
 * - `merge`: re-read the row (`FOR UPDATE`) after the callouts and replay this transaction's
 *   outcomes on it, so concurrent jobs add up (what `SwyCircuitBreaker.flush()` does). If the job loaded an open circuit and finds it closed,
 *   another job saw the system answer meanwhile: its own failures (a probe that timed out while the
 *   system came back) are older news and must not re-open it.
 */
export type FlushMode = 'overwrite' | 'merge';

/**
 * Whether `SwyCircuitBreaker.flush()` locks the row: only when this transaction's answers change
 * what it reads (without a lock) first. Successes on a closed, clean circuit take no lock.
 */
export function flushTakesLock(persisted: BreakerRecord, transaction: TransactionBreaker): boolean {
  if (transaction.outcomes.length === 0) return false;
  const merged = flushBreaker(persisted, transaction, 'merge');
  return (
    merged.state !== persisted.state ||
    merged.failureCount !== persisted.failureCount ||
    merged.openedAt !== persisted.openedAt ||
    merged.probe !== persisted.probe
  );
}

export function flushBreaker(
  persisted: BreakerRecord,
  transaction: TransactionBreaker,
  mode: FlushMode,
): BreakerRecord {
  if (mode === 'overwrite') return transaction.changed ? transaction.record : persisted;
  if (transaction.outcomes.length === 0) return persisted;
  if (transaction.loaded.state !== 'Closed' && persisted.state === 'Closed') return persisted;
  return transaction.outcomes.reduce((record, outcome) => replay(record, outcome, transaction.policy), persisted);
}

function replay(record: BreakerRecord, outcome: CalloutOutcome, policy: BreakerPolicy): BreakerRecord {
  if (outcome.ok) return afterSuccess();
  if (outcome.probe) {
    // A failed probe re-opens the circuit; a later opening by another job keeps its later start.
    const openedAt = record.state === 'Open' ? Math.max(record.openedAt ?? outcome.at, outcome.at) : outcome.at;
    return { state: 'Open', failureCount: record.failureCount + 1, openedAt };
  }
  return afterFailure(record, policy, outcome.at);
}
