/**
 * Every change the writer makes to the disk goes through here, so that:
 * - a test can kill the build at a chosen change: with `SWITCHYARD_TEST_KILL_AFTER_WRITES=N` the
 *   process SIGKILLs itself just before its change number N + 1 (0 kills before the first one), the
 *   way a power loss or `kill -9` would stop it (no `finally`, no exit handler runs);
 * - the few writes that recovery depends on are flushed to the disk (fsync) before the next step.
 */
import fs from 'node:fs';

export const KILL_AFTER_ENV = 'SWITCHYARD_TEST_KILL_AFTER_WRITES';

let changes = 0;

/** How many disk changes this process made through the writer (for tests that pick kill points). */
export function changeCount(): number {
  return changes;
}

function step(): void {
  const limit = process.env[KILL_AFTER_ENV];
  if (limit !== undefined && limit !== '' && changes >= Number(limit)) process.kill(process.pid, 'SIGKILL');
  changes++;
}

export function mkdirp(folder: string): void {
  if (fs.existsSync(folder)) return;
  step();
  fs.mkdirSync(folder, { recursive: true });
}

/** Writes a file; with `durable`, its data is on the disk before this returns. */
export function writeFile(file: string, content: string, durable = false): void {
  step();
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, content);
    if (durable) fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Atomic on one file system: the target is the old file or the new one, never a mix. */
export function rename(from: string, to: string): void {
  step();
  fs.renameSync(from, to);
}

export function removeFile(file: string): void {
  step();
  fs.rmSync(file, { force: true });
}

export function removeFolder(folder: string, recursive = false): void {
  step();
  if (recursive) fs.rmSync(folder, { recursive: true, force: true });
  else fs.rmdirSync(folder);
}

/** Makes the entries of a folder (a rename, a new or removed file) durable. Not a change. */
export function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some platforms cannot open or fsync a folder (Windows); the rename is still atomic there.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
