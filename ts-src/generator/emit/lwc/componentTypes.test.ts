import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { loadModel } from '../../load';
import { emitEventTypes } from './componentTypes';

const REPO_ROOT = path.resolve(__dirname, '../../../..');

// Found by the fuzzer: declared text went into `/** */` unescaped, so a `*/` in a label ended the
// comment and the generated payload types did not parse.
test('a label or description holding */ or a line break stays inside its doc comment', () => {
  const model = loadModel(REPO_ROOT);
  const [first, ...rest] = model.events;
  const hostile = { ...first, label: 'Note */ x', description: 'two\nlines */ here' };
  const file = emitEventTypes({ ...model, events: [hostile, ...rest] });
  const parsed = ts.createSourceFile('types.ts', file.content, ts.ScriptTarget.ESNext, true);
  const diagnostics = (parsed as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  assert.deepEqual(
    diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    [],
    'the generated types parse',
  );
  assert.match(file.content, /\/\*\* Note \*\\\/ x /);
});
