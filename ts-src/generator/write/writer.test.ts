import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { MANIFEST_PATH, ManifestError, readManifest } from './manifest';
import { applyPlan, isUpToDate, planWrite, WriteRefused } from './writer';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-writer-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const exists = (file: string) => fs.existsSync(path.join(root, file));
const A = 'force-app/main/default/classes/A.cls';
const B = 'force-app/main/default/classes/B.cls';

describe('writer', () => {
  test('writes files and records them in the manifest', () => {
    applyPlan(root, planWrite(root, [{ path: A, content: 'a' }]));
    assert.equal(read(A), 'a');
    assert.deepEqual(readManifest(root).files, [A]);
  });

  test('a second identical build changes nothing', () => {
    applyPlan(root, planWrite(root, [{ path: A, content: 'a' }]));
    const plan = planWrite(root, [{ path: A, content: 'a' }]);
    assert.deepEqual(plan.unchanged, [A]);
    assert.equal(isUpToDate(root, plan), true);
  });

  test('removes a stale generated file and the folder it emptied', () => {
    applyPlan(
      root,
      planWrite(root, [
        { path: A, content: 'a' },
        { path: 'force-app/main/default/lwc/x/x.js', content: 'x' },
      ]),
    );
    applyPlan(root, planWrite(root, [{ path: A, content: 'a' }]));
    assert.equal(exists('force-app/main/default/lwc/x/x.js'), false);
    assert.equal(exists('force-app/main/default/lwc'), false);
    assert.equal(exists(A), true);
  });

  test('never removes a file it did not write', () => {
    fs.mkdirSync(path.dirname(path.join(root, B)), { recursive: true });
    fs.writeFileSync(path.join(root, B), 'hand-written');
    applyPlan(root, planWrite(root, [{ path: A, content: 'a' }]));
    applyPlan(root, planWrite(root, []));
    assert.equal(read(B), 'hand-written');
    assert.equal(exists(A), false);
  });

  test('refuses to overwrite a file it did not write, and plans nothing', () => {
    fs.mkdirSync(path.dirname(path.join(root, B)), { recursive: true });
    fs.writeFileSync(path.join(root, B), 'hand-written');
    assert.throws(() => planWrite(root, [{ path: B, content: 'generated' }]), WriteRefused);
    assert.equal(read(B), 'hand-written');
    assert.equal(exists(MANIFEST_PATH), false);
  });

  test('refuses paths outside the generated folders, such as the runtime library', () => {
    assert.throws(() => planWrite(root, [{ path: 'ts-src/apex/classes/SwyX.cls', content: 'x' }]), WriteRefused);
    assert.throws(() => planWrite(root, [{ path: 'force-app/../package.json', content: 'x' }]), WriteRefused);
  });

  test('refuses two emitters writing the same path', () => {
    assert.throws(
      () =>
        planWrite(root, [
          { path: A, content: 'a' },
          { path: A, content: 'b' },
        ]),
      /two emitters produced/,
    );
  });
});

describe('a missing or damaged manifest is reported with its path and how to recover', () => {
  const writeManifest = (text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, MANIFEST_PATH)), { recursive: true });
    fs.writeFileSync(path.join(root, MANIFEST_PATH), text);
  };
  const refusedWith = (pattern: RegExp) => (error: Error) =>
    error instanceof ManifestError &&
    error.message.startsWith(MANIFEST_PATH) &&
    pattern.test(error.message) &&
    error.message.includes(`git checkout -- ${MANIFEST_PATH}`);

  test('not JSON (a build killed while writing it, by a version before the journal)', () => {
    writeManifest('{"files": ["force-app/main/def');
    assert.throws(() => planWrite(root, [{ path: A, content: 'a' }]), refusedWith(/is not valid JSON \(/));
  });

  test('JSON without a list of paths', () => {
    writeManifest('{"files": 3}');
    assert.throws(() => planWrite(root, [{ path: A, content: 'a' }]), refusedWith(/has no "files" list of paths/));
  });

  test('a path outside the generated folders: refused, and nothing is removed on its word', () => {
    fs.writeFileSync(path.join(root, 'package.json'), '{}');
    writeManifest(JSON.stringify({ files: ['force-app/../package.json'] }));
    assert.throws(
      () => planWrite(root, []),
      refusedWith(/lists "force-app\/\.\.\/package\.json", which is not a path Switchyard generates/),
    );
    assert.equal(exists('package.json'), true);
  });

  test('missing while files the build would write exist: says the manifest is missing, not that they are foreign', () => {
    applyPlan(
      root,
      planWrite(root, [
        { path: A, content: 'a' },
        { path: B, content: 'b' },
      ]),
    );
    fs.rmSync(path.join(root, MANIFEST_PATH));
    assert.throws(
      () =>
        planWrite(root, [
          { path: A, content: 'a2' },
          { path: B, content: 'b' },
        ]),
      (error: Error) =>
        error instanceof WriteRefused &&
        error.message.startsWith(
          `${MANIFEST_PATH} is missing, so Switchyard cannot tell the files it generated from yours, and 2 file(s) it would write already exist (${A}, ${B})`,
        ) &&
        error.message.includes(`git checkout -- ${MANIFEST_PATH}`),
    );
    assert.equal(read(A), 'a');
  });

  test('missing in a fresh project: the first build just writes', () => {
    applyPlan(root, planWrite(root, [{ path: A, content: 'a' }]));
    assert.deepEqual(readManifest(root).files, [A]);
  });
});
