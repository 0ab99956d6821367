import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Node, Project } from 'ts-morph';
import { LiteralError, readLiteral, toPlain } from './literal';

/** Reads the initializer of `const subject = ...` in `main.ts` of an in-memory project. */
function read(files: Record<string, string>): unknown {
  const project = new Project({ useInMemoryFileSystem: true });
  for (const [name, text] of Object.entries(files)) project.createSourceFile(`/p/${name}`, text);
  const initializer = project
    .getSourceFileOrThrow('/p/main.ts')
    .getVariableDeclarationOrThrow('subject')
    .getInitializerOrThrow();
  assert.ok(Node.isExpression(initializer));
  return toPlain(readLiteral(initializer, '/p'));
}

describe('readLiteral', () => {
  test('reads nested literals, negative numbers and `as const`', () => {
    assert.deepEqual(read({ 'main.ts': "const subject = { a: 'x', b: [1, -2], c: { d: true } } as const;" }), {
      a: 'x',
      b: [1, -2],
      c: { d: true },
    });
  });

  test('follows a const through an import and spreads it', () => {
    const values = "export const STATUSES = ['Open', 'Closed'] as const;";
    const main = "import { STATUSES } from './values';\nconst subject = { values: [...STATUSES, 'Other'], STATUSES };";
    assert.deepEqual(read({ 'values.ts': values, 'main.ts': main }), {
      values: ['Open', 'Closed', 'Other'],
      STATUSES: ['Open', 'Closed'],
    });
  });

  test('turns field builders into field declarations', () => {
    assert.deepEqual(read({ 'main.ts': 'const subject = field.text({ length: 18, required: true });' }), {
      kind: 'Text',
      length: 18,
      required: true,
    });
  });

  test('refuses a value that would need running code, at its place', () => {
    assert.throws(
      () => read({ 'main.ts': 'const subject = {\n  size: Math.max(1, 2),\n};' }),
      (error: unknown) =>
        error instanceof LiteralError &&
        error.error.rule === 'static-literal' &&
        error.error.location.line === 2 &&
        error.error.location.column === 9,
    );
  });

  test('refuses a `let` even when it holds a literal', () => {
    assert.throws(() => read({ 'main.ts': 'let size = 3;\nconst subject = { size };' }), LiteralError);
  });
});
