import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { emitAll } from '../../ts-src/generator/emit';
import { loadModel } from '../../ts-src/generator/load';
import type { Model } from '../../ts-src/generator/model/types';
import { writeSyntheticProject, type SyntheticSize } from './synthetic';

// Small enough to be quick; every pattern appears (the pattern is chosen by index modulo 10).
const size: SyntheticSize = { systems: 5, events: 8, operations: 26, objects: 2, operationsPerFile: 7 };
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-synthetic-'));
let model: Model;

before(() => {
  writeSyntheticProject(path.resolve(__dirname, '../..'), root, size);
  model = loadModel(root);
});
after(() => fs.rmSync(root, { recursive: true, force: true }));

describe('synthetic benchmark project', () => {
  test('passes every declaration rule and holds the requested totals', () => {
    assert.deepEqual(
      [model.systems.length, model.events.length, model.operations.length],
      [size.systems, size.events, size.operations],
    );
  });

  test('uses every integration pattern', () => {
    const patterns = new Set(model.operations.map((operation) => operation.pattern));
    // The synthetic operations' six and the copied example app's record-event.
    assert.equal(patterns.size, 7);
  });

  test('goes through every emitter', () => {
    assert.ok(emitAll(model).some((file) => file.path.endsWith('SynSend0001Operation.cls')));
  });
});
