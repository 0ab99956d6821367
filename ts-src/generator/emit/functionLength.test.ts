import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { Node, Project } from 'ts-morph';

const EMIT = path.resolve(__dirname);
/** "No emitter function longer than about 60 lines": a little slack for a closing template line. */
const MAX_LINES = 65;
/** Test fixtures build models, they write no output. */
const FIXTURES = new Set(['metadata/testModel.ts', 'apex/exampleModel.ts']);

// An emitter shows the shape of what it writes; a long one hides it. Each function is measured
// whole (a callback inside it counts toward it).
test(`no emitter function is longer than ${MAX_LINES} lines`, () => {
  const project = new Project({ skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true });
  project.addSourceFilesAtPaths([`${EMIT}/**/*.ts`, `!${EMIT}/**/*.test.ts`]);
  const long: string[] = [];
  for (const file of project.getSourceFiles()) {
    const relative = path.relative(EMIT, file.getFilePath()).split(path.sep).join('/');
    if (FIXTURES.has(relative)) continue;
    file.forEachDescendant((node) => {
      if (!Node.isFunctionDeclaration(node) && !Node.isMethodDeclaration(node) && !Node.isArrowFunction(node)) return;
      const lines = node.getEndLineNumber() - node.getStartLineNumber() + 1;
      if (lines > MAX_LINES) long.push(`${relative}:${node.getStartLineNumber()} (${lines} lines)`);
    });
  }
  assert.deepEqual(long, []);
});
