/**
 * The build lock: two builds never interleave, the second one is told who holds the lock and what
 * to do, and a lock left by a killed build (dead pid, reused pid, too old) does not block forever.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { build } from '../build';
import { BuildLocked, LOCK_PATH, STALE_AFTER_MS, acquireBuildLock } from './lock';

const CHILD = path.join(__dirname, 'test-support/write-child.ts');

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-lock-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const lockFile = () => path.join(root, LOCK_PATH);
function writeLock(owner: Record<string, unknown>, ageMs = 0): void {
  fs.mkdirSync(path.dirname(lockFile()), { recursive: true });
  fs.writeFileSync(
    lockFile(),
    JSON.stringify({ host: os.hostname(), started: new Date().toISOString(), command: 'build', ...owner }),
  );
  const time = new Date(Date.now() - ageMs);
  fs.utimesSync(lockFile(), time, time);
}
/** A pid that is certainly not running: a child that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('build lock', () => {
  test('a second build is refused with the owner, and may build once the first released it', () => {
    const first = acquireBuildLock(root);
    assert.throws(
      () => acquireBuildLock(root),
      (error: Error) =>
        error instanceof BuildLocked &&
        error.message.includes(
          `another Switchyard build is running in this project (pid ${process.pid} on ${os.hostname()}`,
        ) &&
        error.message.includes(`wait for it to finish`) &&
        error.message.includes(`delete ${LOCK_PATH}`),
    );
    first.release();
    assert.equal(fs.existsSync(lockFile()), false);
    acquireBuildLock(root).release();
  });

  test('build() prints the refusal as a message, exit 1, not an internal error', async () => {
    const held = acquireBuildLock(root);
    const errors: string[] = [];
    const code = await build(root, false, { info: () => undefined, error: (line) => errors.push(line) });
    held.release();
    assert.equal(code, 1);
    assert.match(errors.join('\n'), /^switchyard: another Switchyard build is running in this project \(pid \d+/);
    assert.doesNotMatch(errors.join('\n'), /internal error/);
  });

  test('a lock whose build was killed (its pid is gone) is taken over, and says so', () => {
    writeLock({ pid: deadPid() });
    const said: string[] = [];
    acquireBuildLock(root, (line) => said.push(line)).release();
    assert.match(said.join('\n'), /took over \.switchyard\/build\.lock: its build \(pid \d+\) is no longer running/);
  });

  test(
    'a lock whose pid now belongs to another process (pid reuse) is taken over',
    { skip: process.platform !== 'linux' },
    () => {
      writeLock({ pid: process.pid, processStart: '1' });
      acquireBuildLock(root).release();
    },
  );

  test('a lock older than an hour is taken over even if its pid runs (another host, or pid reuse off Linux)', () => {
    writeLock({ pid: process.pid, host: 'elsewhere' }, STALE_AFTER_MS + 60_000);
    acquireBuildLock(root).release();
  });

  test('a recent lock from another host is respected', () => {
    writeLock({ pid: 1, host: 'elsewhere' });
    assert.throws(() => acquireBuildLock(root), /pid 1 on elsewhere/);
  });

  test('a lock held by a live process is respected until that process ends', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    await new Promise((resolve) => holder.on('spawn', resolve));
    writeLock({ pid: holder.pid });
    assert.throws(() => acquireBuildLock(root), BuildLocked);
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.on('exit', resolve));
    acquireBuildLock(root).release();
  });

  test('four builds started at once never interleave', async () => {
    const files = path.join(root, 'files.json');
    fs.writeFileSync(files, JSON.stringify([{ path: 'force-app/main/default/classes/A.cls', content: 'a' }]));
    const log = path.join(root, 'log.txt');
    const children = Array.from({ length: 4 }, () =>
      spawn(process.execPath, ['--import', 'tsx', CHILD, root, files, '--hold-ms', '150', '--log', log], {
        stdio: 'ignore',
      }),
    );
    const codes = await Promise.all(children.map((child) => new Promise((resolve) => child.on('exit', resolve))));
    assert.deepEqual(codes, [0, 0, 0, 0]);
    const lines = fs.readFileSync(log, 'utf8').trim().split('\n');
    assert.equal(lines.length, 8);
    for (let i = 0; i < lines.length; i += 2) {
      const [start, end] = [lines[i].split(' '), lines[i + 1].split(' ')];
      assert.deepEqual(
        [start[0], end[0], start[1]],
        ['start', 'end', end[1]],
        `builds interleaved:\n${lines.join('\n')}`,
      );
    }
    assert.equal(fs.existsSync(lockFile()), false);
  });
});
