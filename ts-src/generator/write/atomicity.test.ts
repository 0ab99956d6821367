/**
 * A build killed at any instant of its writes (SIGKILL in a child process) leaves the output as the
 * previous build left it or as a committed journal that the next build finishes; the next build
 * succeeds and the tree holds exactly what the declarations generate, with no orphan and no
 * leftover. The kill points are deterministic (SWITCHYARD_TEST_KILL_AFTER_WRITES: every change the
 * writer makes, one by one), plus kills during recovery and kills at random times.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { build } from '../build';
import type { GeneratedFile } from '../emit/types';
import { changeCount, KILL_AFTER_ENV } from './fsops';
import { JOURNAL_PATH, WORK_FOLDER } from './journal';
import { LOCK_PATH } from './lock';
import { MANIFEST_PATH } from './manifest';
import { acquireBuildLock, applyPlan, planWrite, recoverInterruptedWrite } from './writer';

const CHILD = path.join(__dirname, 'test-support/write-child.ts');
const HAND = 'force-app/main/default/classes/HandWritten.cls';
const C = 'force-app/main/default/classes/';
const F = 'force-app/main/default/objects/Shipment__c/fields/';

const file = (p: string, content: string): GeneratedFile => ({ path: p, content });
/** The previous build: classes, an object with fields, a component, the LWC payload types. */
const G1 = [
  file(`${C}A.cls`, 'class A v1'),
  file(`${C}A.cls-meta.xml`, '<meta/>'),
  file(`${C}B.cls`, 'class B v1'),
  file(`${F}Old__c.field-meta.xml`, '<old/>'),
  file(`${F}Kept__c.field-meta.xml`, '<kept/>'),
  file('force-app/main/default/lwc/gone/gone.js', 'gone'),
  file('ts-src/lwc/generated/types.ts', 'v1'),
];
/** This build: changes, additions, unchanged files and removals that empty folders. */
const G2 = [
  file(`${C}A.cls`, 'class A v2'),
  file(`${C}A.cls-meta.xml`, '<meta/>'),
  file(`${C}C.cls`, 'class C'),
  file(`${F}Kept__c.field-meta.xml`, '<kept/>'),
  file(`${F}New__c.field-meta.xml`, '<new/>'),
  file('force-app/main/default/objects/Parcel__c/Parcel__c.object-meta.xml', '<parcel/>'),
  file('ts-src/lwc/generated/types.ts', 'v2'),
];
/** What the declarations say by the time of the next build, when they changed after the kill. */
const G3 = [file(`${C}A.cls`, 'class A v3'), file(`${C}D.cls`, 'class D'), file('ts-src/lwc/generated/types.ts', 'v3')];

const workspaces: string[] = [];
after(() => workspaces.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** The write path of a build, in this process. */
function writeBuild(root: string, files: readonly GeneratedFile[]): void {
  const lock = acquireBuildLock(root);
  try {
    recoverInterruptedWrite(root);
    applyPlan(root, planWrite(root, files));
  } finally {
    lock.release();
  }
}

/** A project after a build of G1, with a hand-written file beside the generated ones. */
function projectAtG1(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-atomic-'));
  workspaces.push(root);
  writeBuild(root, G1);
  fs.writeFileSync(path.join(root, HAND), 'hand-written');
  fs.writeFileSync(path.join(root, 'files.json'), JSON.stringify(G2));
  return root;
}

/** Every file under force-app and ts-src (path -> content); empty folders as `path/`. */
function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    const entries = fs.readdirSync(path.join(root, dir), { withFileTypes: true });
    if (entries.length === 0) out[`${dir}/`] = '';
    for (const entry of entries) {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else out[relative] = fs.readFileSync(path.join(root, relative), 'utf8');
    }
  };
  for (const top of ['force-app', 'ts-src']) if (fs.existsSync(path.join(root, top))) walk(top);
  return out;
}

/** Exactly the generated files, the manifest listing them, the hand-written file; nothing else. */
function expectedTree(files: readonly GeneratedFile[]): Record<string, string> {
  const out: Record<string, string> = { [HAND]: 'hand-written' };
  for (const f of files) out[f.path] = f.content;
  const note = 'Written by `npm run build`: the files Switchyard generated. Do not edit.';
  out[MANIFEST_PATH] = JSON.stringify({ note, files: files.map((f) => f.path).sort() }, null, 2) + '\n';
  return out;
}

interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

function runChild(
  root: string,
  env: Record<string, string>,
  onReady?: (kill: () => void) => void,
): Promise<ChildResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, root, path.join(root, 'files.json')], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => {
      if (String(chunk).includes('ready')) onReady?.(() => child.kill('SIGKILL'));
    });
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
}

/**
 * What an observer may see after the kill: the previous tree, the new one, or a committed journal
 * (which the next build finishes) and a manifest that owns every generated file on disk.
 */
function assertSafeAfterKill(
  root: string,
  before: Record<string, string>,
  building: readonly GeneratedFile[],
  label: string,
): void {
  const now = tree(root);
  if (!fs.existsSync(path.join(root, JOURNAL_PATH))) {
    const expected = expectedTree(building);
    const complete = Object.keys({ ...now, ...expected }).every((p) => now[p] === expected[p]);
    if (!complete)
      assert.deepEqual(
        now,
        before,
        `${label}: with no journal, the output must be exactly the previous or the new one`,
      );
    return;
  }
  const owned = new Set<string>(JSON.parse(now[MANIFEST_PATH]).files);
  const strays = Object.keys(now).filter((p) => !p.endsWith('/') && p !== MANIFEST_PATH && p !== HAND && !owned.has(p));
  assert.deepEqual(strays, [], `${label}: the manifest must list every generated file on disk at every instant`);
}

function assertClean(root: string, files: readonly GeneratedFile[], label: string): void {
  assert.deepEqual(
    tree(root),
    expectedTree(files),
    `${label}: the tree must hold exactly what the declarations generate`,
  );
  const work = path.join(root, WORK_FOLDER);
  assert.deepEqual(fs.existsSync(work) ? fs.readdirSync(work) : [], [], `${label}: no staged leftovers`);
  assert.equal(fs.existsSync(path.join(root, LOCK_PATH)), false, `${label}: the lock is released`);
}

/** Runs `tasks` at most `width` at a time (the machine has 2 cores; each child mostly waits on tsx startup). */
async function inBatches<T>(tasks: (() => Promise<T>)[], width = 4): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < tasks.length; i += width)
    results.push(...(await Promise.all(tasks.slice(i, i + width).map((t) => t()))));
  return results;
}

/** The number of disk changes a build of G2 over G1 makes: the kill points to try. */
function changesOfG2(): number {
  const root = projectAtG1();
  const before = changeCount();
  writeBuild(root, G2);
  assertClean(root, G2, 'uninterrupted build');
  return changeCount() - before;
}

describe('a build killed while it writes', () => {
  const total = changesOfG2();

  test(`at each of its ${total} disk changes: the next build finishes it, or builds changed declarations, with no orphan`, async () => {
    assert.ok(total >= 20, `expected a few dozen changes, got ${total}`);
    await inBatches(
      Array.from({ length: total + 1 }, (_, k) => async () => {
        const root = projectAtG1();
        const before = tree(root);
        const result = await runChild(root, { [KILL_AFTER_ENV]: String(k) });
        if (k < total) assert.equal(result.signal, 'SIGKILL', `kill point ${k}: ${result.stderr}`);
        else assert.equal(result.code, 0, `no kill at ${k}: ${result.stderr}`);
        assertSafeAfterKill(root, before, G2, `kill point ${k}`);
        // The next build: the same declarations, or (every other point) declarations changed since.
        const next = k % 2 === 0 ? G2 : G3;
        writeBuild(root, next);
        assertClean(root, next, `kill point ${k}, next build of ${k % 2 === 0 ? 'G2' : 'G3'}`);
      }),
    );
  });

  test('killed again while it recovers: the build after that still ends clean', async () => {
    const points = [
      [Math.floor(total / 2), 0],
      [Math.floor(total / 2), 3],
      [total - 4, 1],
      [total - 2, 2],
    ];
    const killedInRecovery = await inBatches(
      points.map(([first, second]) => async () => {
        const root = projectAtG1();
        const killed = await runChild(root, { [KILL_AFTER_ENV]: String(first) });
        assert.equal(killed.signal, 'SIGKILL');
        assert.ok(fs.existsSync(path.join(root, JOURNAL_PATH)), `kill point ${first} is past the commit point`);
        const recovering = await runChild(root, { [KILL_AFTER_ENV]: String(second) });
        // A recovery with fewer changes left than `second` finishes, and the child's own build writes nothing.
        assert.ok(
          recovering.signal === 'SIGKILL' || recovering.code === 0,
          `second kill at ${second}: ${recovering.stderr}`,
        );
        writeBuild(root, G3);
        assertClean(root, G3, `kills at ${first} then ${second} (in recovery)`);
        return recovering.signal === 'SIGKILL';
      }),
    );
    assert.ok(killedInRecovery.filter(Boolean).length >= 3, 'most second kills land inside the recovery');
  });

  test('at random times during a large write: the next build ends clean', async () => {
    const big = Array.from({ length: 600 }, (_, i) => file(`${C}Big${i}.cls`, `class Big${i} ${'x'.repeat(2000)}`));
    let seed = Number(process.env.SWITCHYARD_TEST_SEED ?? Date.now() % 100_000);
    const random = () => ((seed = (seed * 16807) % 2147483647) % 1000) / 1000;
    const label = `seed ${seed}`;
    await inBatches(
      Array.from({ length: 4 }, () => async () => {
        const root = projectAtG1();
        const before = tree(root);
        fs.writeFileSync(path.join(root, 'files.json'), JSON.stringify([...G2, ...big]));
        const delay = Math.floor(random() * 300);
        const result = await runChild(root, {}, (kill) => setTimeout(kill, delay));
        assertSafeAfterKill(
          root,
          before,
          [...G2, ...big],
          `${label}, killed ${delay} ms into the writes (${result.signal ?? 'finished'})`,
        );
        writeBuild(root, G2);
        assertClean(root, G2, `${label}, killed ${delay} ms into the writes`);
      }),
      2,
    );
  });

  test('build.ts finishes an interrupted build before it plans; --check refuses until then', async () => {
    const root = projectAtG1();
    const killed = await runChild(root, { [KILL_AFTER_ENV]: String(total - 6) });
    assert.equal(killed.signal, 'SIGKILL');
    assert.ok(fs.existsSync(path.join(root, JOURNAL_PATH)), 'killed past the commit point');
    const lines: string[] = [];
    const log = { info: (line: string) => lines.push(line), error: (line: string) => lines.push(line) };
    assert.equal(await build(root, true, log), 1);
    assert.match(
      lines.join('\n'),
      /a build was interrupted while it replaced the output \(its journal is \.switchyard\/write\/journal\.json\); run `npm run build` to finish it/,
    );
    // The next build's declarations are broken: it stops at them, after finishing the interrupted one.
    fs.mkdirSync(path.join(root, 'ts-src/integrations'), { recursive: true });
    fs.writeFileSync(path.join(root, 'ts-src/integrations/app.ts'), "export const broken: number = 'x';\n");
    lines.length = 0;
    assert.equal(await build(root, false, log), 1);
    assert.match(lines.join('\n'), /finished the interrupted build found in \.switchyard\/write\/journal\.json/);
    assert.match(lines.join('\n'), /app\.ts:1:14: error \[ts2322\]/);
    fs.rmSync(path.join(root, 'ts-src/integrations'), { recursive: true });
    assertClean(root, G2, 'recovered by build.ts');
  });
});
