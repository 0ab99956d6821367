/**
 * One build at a time per project: `.switchyard/build.lock` holds the owner (pid, host, start time).
 *
 * Taking it is one atomic `link()` of a fully written file, so the lock is never seen half-written.
 * A second build finds it and stops with a message naming the owner. A lock whose owner is dead
 * (killed, machine rebooted) is taken over: same host and the pid gone, or the pid now belongs to
 * another process (its start time differs, read from /proc on Linux), or the lock is older than
 * STALE_AFTER_MS (a build takes minutes at most; this also covers a lock from another host).
 * Takeovers are serialized through a second, short-lived lock so two builds cannot both take over.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WriteRefused } from './errors';

export const LOCK_PATH = '.switchyard/build.lock';
export const STALE_AFTER_MS = 60 * 60 * 1000;
const TAKEOVER_STALE_MS = 10_000;

interface Owner {
  pid: number;
  host: string;
  /** ISO time the lock was taken. */
  started: string;
  /** The process's start time as the kernel counts it (Linux), to tell a reused pid. */
  processStart?: string;
  command: string;
}

export interface BuildLock {
  release(): void;
}

export class BuildLocked extends WriteRefused {}

function processStart(pid: number): string | undefined {
  try {
    // Field 22 of /proc/<pid>/stat, after the parenthesised command name (which may hold spaces).
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function alive(owner: Owner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const start = processStart(owner.pid);
  return !(owner.processStart && start && start !== owner.processStart);
}

function readOwner(file: string): { owner?: Owner; ageMs: number } | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return undefined; // released meanwhile
  }
  const ageMs = Date.now() - stat.mtimeMs;
  try {
    const owner = JSON.parse(fs.readFileSync(file, 'utf8')) as Owner;
    return { owner: Number.isInteger(owner?.pid) ? owner : undefined, ageMs };
  } catch {
    return { ageMs };
  }
}

/** Why the lock's owner is gone, or undefined while it may still be running. */
function staleReason(found: { owner?: Owner; ageMs: number }): string | undefined {
  const { owner, ageMs } = found;
  if (ageMs > STALE_AFTER_MS) return `it is ${Math.round(ageMs / 60_000)} minutes old`;
  if (!owner) return ageMs > TAKEOVER_STALE_MS ? 'it is unreadable' : undefined;
  if (owner.host === os.hostname() && !alive(owner)) return `its build (pid ${owner.pid}) is no longer running`;
  return undefined;
}

const link = (from: string, to: string): boolean => {
  try {
    fs.linkSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
};

/** Takes the project's build lock or throws BuildLocked saying who holds it and what to do. */
export function acquireBuildLock(projectRoot: string, log?: (line: string) => void): BuildLock {
  const lockFile = path.join(projectRoot, LOCK_PATH);
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  const self: Owner = {
    pid: process.pid,
    host: os.hostname(),
    started: new Date().toISOString(),
    processStart: processStart(process.pid),
    command: process.argv.slice(1).join(' '),
  };
  const mine = `${lockFile}.${process.pid}.${Date.now()}`;
  fs.writeFileSync(mine, JSON.stringify(self) + '\n');
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      if (link(mine, lockFile)) return { release: () => release(lockFile, self) };
      const found = readOwner(lockFile);
      if (!found) continue;
      const stale = staleReason(found);
      if (!stale) {
        const who = found.owner
          ? `pid ${found.owner.pid} on ${found.owner.host}, started ${found.owner.started}: ${found.owner.command}`
          : 'its owner is still writing it';
        throw new BuildLocked(
          `another Switchyard build is running in this project (${who}); wait for it to finish and build again. ` +
            `If no build is running (it was killed on another machine, or the lock was copied), delete ${LOCK_PATH} and build again`,
        );
      }
      if (takeOver(lockFile, found.owner)) log?.(`switchyard: took over ${LOCK_PATH}: ${stale}`);
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50); // another build is taking over
    }
    throw new BuildLocked(`could not take ${LOCK_PATH} (other builds keep taking it); wait for them and build again`);
  } finally {
    fs.rmSync(mine, { force: true });
  }
}

/** Removes a stale lock unless someone else replaced it meanwhile; true when it removed it. */
function takeOver(lockFile: string, staleOwner: Owner | undefined): boolean {
  const guard = `${lockFile}.takeover`;
  const guardContent = `${lockFile}.takeover.${process.pid}`;
  fs.writeFileSync(guardContent, String(process.pid));
  try {
    if (!link(guardContent, guard)) {
      const age = readOwner(guard)?.ageMs ?? 0;
      if (age > TAKEOVER_STALE_MS) fs.rmSync(guard, { force: true }); // a takeover that was killed
      return false;
    }
    try {
      const now = readOwner(lockFile);
      const same =
        now && now.owner?.pid === staleOwner?.pid && now.owner?.started === staleOwner?.started && staleReason(now);
      if (!same) return false;
      fs.rmSync(lockFile, { force: true });
      return true;
    } finally {
      fs.rmSync(guard, { force: true });
    }
  } finally {
    fs.rmSync(guardContent, { force: true });
  }
}

function release(lockFile: string, self: Owner): void {
  const found = readOwner(lockFile);
  if (found?.owner?.pid === self.pid && found.owner.started === self.started) fs.rmSync(lockFile, { force: true });
}
