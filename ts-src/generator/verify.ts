/**
 * Cross-checks that no single emitter can make: the names inside SOQL and `callout:` endpoints of
 * all Apex that will be deployed (generated, and the hand-written runtime in ts-src/apex) must
 * exist in the model. apex-ls reads neither, so without this a wrong name fails only in an org.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkReferences, type ApexSource } from './emit/apex/references';
import type { GeneratedFile } from './emit/types';
import { BuildFailure } from './model/errors';
import { RUNTIME_ROOT } from './model/naming';
import type { Model } from './model/types';

const isApex = (file: string) => file.endsWith('.cls') || file.endsWith('.trigger');

/** The hand-written runtime's Apex, read as input (the build never writes there). */
export function readRuntimeApex(projectRoot: string): ApexSource[] {
  const root = path.join(projectRoot, RUNTIME_ROOT);
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter(isApex)
    .sort()
    .map((file) => ({
      path: `${RUNTIME_ROOT}/${file.split(path.sep).join('/')}`,
      content: fs.readFileSync(path.join(root, file), 'utf8'),
    }));
}

export function checkApexReferences(
  model: Model,
  emitted: readonly GeneratedFile[],
  runtime: readonly ApexSource[],
): void {
  const generated = emitted.filter((file) => isApex(file.path)).map(({ path: p, content }) => ({ path: p, content }));
  const problems = checkReferences(model, [...generated, ...runtime]);
  if (problems.length === 0) return;
  throw new BuildFailure(
    problems.map((problem) => ({
      location: { file: problem.path, line: problem.line, column: 1 },
      rule: problem.kind,
      message: problem.message,
      fix: problem.path.startsWith(RUNTIME_ROOT)
        ? 'correct the name in the runtime class, or declare the field/system it needs'
        : 'declare the field or system the operation uses, or correct the declaration that names it',
    })),
  );
}
