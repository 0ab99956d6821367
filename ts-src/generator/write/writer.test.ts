import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { MANIFEST_PATH, readManifest } from './manifest';
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
