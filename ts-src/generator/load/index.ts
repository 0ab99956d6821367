/**
 * declarations -> validated model. Throws BuildFailure with every declaration error found, so
 * nothing downstream ever sees an invalid model.
 */
import { buildModel } from '../model/build';
import { BuildFailure, type DeclarationError } from '../model/errors';
import type { Model } from '../model/types';
import { formatDeclarationWarning, validateDeclarations } from '../validate';
import { scratchOrgWarnings } from '../catalog/scratchOrg';
import { readComponentSources } from './components';
import { readDeclarations } from './declarations';

/** `warn` gets the warnings (a volume near a limit, a scratch org setting the definition lacks). */
export function loadModel(
  projectRoot: string,
  warn: (warning: DeclarationError) => void = (warning) => console.warn(formatDeclarationWarning(warning)),
): Model {
  const { declarations, errors } = readDeclarations(projectRoot);
  // Type errors make the literal shapes unreliable: report them alone rather than cascades of rule errors.
  if (errors.length > 0) throw new BuildFailure(errors);
  const ruleErrors = validateDeclarations(declarations, warn);
  if (ruleErrors.length > 0) throw new BuildFailure(ruleErrors);
  const model = buildModel(declarations, readComponentSources(projectRoot));
  // Objects a scratch org has only with a setting (Orders, Quotes): a warning, the file is the team's.
  for (const warning of scratchOrgWarnings(projectRoot, model)) warn(warning);
  return model;
}
