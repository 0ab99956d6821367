/**
 * The example app's model, loaded from the repository's own declarations, for the Apex emitter
 * tests: what they assert is what `npm run build` generates. Loaded once per test process.
 */
import path from 'node:path';
import { loadModel } from '../../load';
import type { Model, OperationModel } from '../../model/types';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
let cached: Model | undefined;

export function exampleModel(): Model {
  cached ??= loadModel(REPO_ROOT);
  return cached;
}

/** The example model with one operation replaced or added (by name). */
export function withOperation(operation: OperationModel): Model {
  const model = exampleModel();
  return { ...model, operations: [...model.operations.filter((o) => o.name !== operation.name), operation] };
}

export function operationNamed<P extends OperationModel['pattern']>(
  pattern: P,
  name: string,
): Extract<OperationModel, { pattern: P }> {
  const found = exampleModel().operations.find((o) => o.name === name && o.pattern === pattern);
  if (!found) throw new Error(`the example app has no ${pattern} operation ${name}`);
  return found as Extract<OperationModel, { pattern: P }>;
}

/**
 * The example model with the named fire-and-forget operation alone on its event, so what a test
 * asserts about that event's trigger holds however many operations the example app adds to it.
 */
export function aloneOnItsEvent(name: string): Model {
  const model = exampleModel();
  const event = operationNamed('fire-and-forget', name).event;
  return {
    ...model,
    operations: model.operations.filter(
      (o) => o.name === name || !(o.pattern === 'fire-and-forget' && o.event === event),
    ),
  };
}
