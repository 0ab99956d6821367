/**
 * declarations -> validated model. Throws BuildFailure with every declaration error found, so
 * nothing downstream ever sees an invalid model.
 */
import { buildModel } from '../model/build';
import { BuildFailure } from '../model/errors';
import type { Model } from '../model/types';
import { validateDeclarations } from '../validate';
import { readComponentSources } from './components';
import { readDeclarations } from './declarations';

export function loadModel(projectRoot: string): Model {
  const { declarations, errors } = readDeclarations(projectRoot);
  // Type errors make the literal shapes unreliable: report them alone rather than cascades of rule errors.
  if (errors.length > 0) throw new BuildFailure(errors);
  const ruleErrors = validateDeclarations(declarations);
  if (ruleErrors.length > 0) throw new BuildFailure(ruleErrors);
  return buildModel(declarations, readComponentSources(projectRoot));
}
