import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { emitApex } from '../emit/apex';
import { readDeclarations } from '../load/declarations';
import { loadModel } from '../load';
import { generatedClasses } from './names';

const REPO_ROOT = path.resolve(__dirname, '../../..');

// The name rules check the classes a declaration will generate before anything is emitted; if an
// emitter adds or drops a class, the prediction must follow, or a too-long name fails late.
test('the names the rules predict are exactly the Apex classes and triggers the emitters write', () => {
  const { declarations } = readDeclarations(REPO_ROOT);
  const of = (kind: string) => declarations.filter((d) => d.kind === kind).map((d) => d.value);
  const predicted = generatedClasses(of('event'), of('operation'), of('monitoring')).map((c) => c.name);
  const emitted = emitApex(loadModel(REPO_ROOT))
    .map((file) => /\/(\w+)\.(cls|trigger)$/.exec(file.path)?.[1])
    .filter((name): name is string => name !== undefined);
  assert.deepEqual([...new Set(predicted)].sort(), emitted.sort());
});
