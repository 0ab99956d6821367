/**
 * How `SwySweeper` claims due error-log rows for a job (`sweep()`, `claimDue()`): it reads them
 * without a lock, then re-reads them `FOR UPDATE` and keeps only those still due, and leases them.
 * Transactions claiming the same rows are serialised by the lock, so the second finds the first
 * one's lease. `recheck: false` is the runtime before the fix: it leased what it had read.
 */

export interface LogRow {
  readonly id: string;
  /** Due when unset or not after now (seconds). */
  readonly nextAttemptAt?: number;
}

export function isDue(row: LogRow, now: number): boolean {
  return row.nextAttemptAt === undefined || row.nextAttemptAt <= now;
}

/** The rows a transaction claims, given what it read and the rows as they are when it locks them. */
export function claimRows(
  read: readonly LogRow[],
  lockedNow: ReadonlyMap<string, LogRow>,
  now: number,
  leaseUntil: number,
  recheck = true,
): { claimed: string[]; leased: Map<string, LogRow> } {
  const claimed = read.filter((row) => !recheck || isDue(lockedNow.get(row.id) ?? row, now)).map((row) => row.id);
  const leased = new Map(lockedNow);
  for (const id of claimed) leased.set(id, { id, nextAttemptAt: leaseUntil });
  return { claimed, leased };
}
