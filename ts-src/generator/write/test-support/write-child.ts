/**
 * A build's write path in a child process, for the atomicity tests (a SIGKILL must really end a
 * process): takes the lock, recovers an interrupted build, plans and applies the files in a JSON
 * file, exactly as build.ts does around its planning.
 *
 *   node --import tsx write-child.ts <project root> <files.json> [--hold-ms N] [--log FILE]
 *
 * Prints `ready` just before applying (for kills at a random time during the writes). With
 * --hold-ms it keeps the lock that long after applying and appends `start`/`end` lines to --log
 * (for the exclusivity test); a refused lock is retried.
 */
import fs from 'node:fs';
import { acquireBuildLock, applyPlan, planWrite, recoverInterruptedWrite, WriteRefused } from '../writer';

const [root, filesJson] = process.argv.slice(2);
const option = (name: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const holdMs = Number(option('--hold-ms') ?? 0);
const logFile = option('--log');
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

let lock;
for (;;) {
  try {
    lock = acquireBuildLock(root);
    break;
  } catch (error) {
    if (!holdMs || !(error instanceof WriteRefused)) throw error;
    sleep(20);
  }
}
if (logFile) fs.appendFileSync(logFile, `start ${process.pid}\n`);
recoverInterruptedWrite(root);
const plan = planWrite(root, JSON.parse(fs.readFileSync(filesJson, 'utf8')));
process.stdout.write('ready\n');
applyPlan(root, plan);
if (holdMs) sleep(holdMs);
if (logFile) fs.appendFileSync(logFile, `end ${process.pid}\n`);
lock.release();
