import type { SourceLocation } from './types';

/** One broken rule in the declarations (or in an LWC source), with where it is and how to fix it. */
export interface DeclarationError {
  location: SourceLocation;
  /** Short rule id such as `api-name` or `retry-cap`, for tests and for searching the docs. */
  rule: string;
  /** What is wrong, naming the offending value. */
  message: string;
  /** How to fix it. */
  fix: string;
}

/** Thrown by any stage that found declaration errors; the build prints them and writes nothing. */
export class BuildFailure extends Error {
  constructor(readonly errors: readonly DeclarationError[]) {
    super(`${errors.length} declaration error(s)`);
    this.name = 'BuildFailure';
  }
}

/** `file:line:col: error [rule] message\n    fix: ...`, the form editors and CI logs link to. */
export function formatDeclarationError(error: DeclarationError): string {
  const { file, line, column } = error.location;
  return `${file}:${line}:${column}: error [${error.rule}] ${error.message}\n    fix: ${error.fix}`;
}
