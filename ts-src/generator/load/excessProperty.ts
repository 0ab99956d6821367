/**
 * TypeScript's excess-property errors (TS2353, TS2561) as the build's `unknown-property` rule: the
 * same place and words, plus "did you mean" from the properties the declaration API defines there
 * (TS2353 names none), and a fix listing them.
 */
import { Node, type SourceFile } from 'ts-morph';
import { didYouMean } from '../validate/strict';

export const EXCESS_PROPERTY_CODES = new Set([2353, 2561]);

/** Known property names at the object literal holding the property that starts at `start`. */
function knownProperties(file: SourceFile, start: number, typeName: string | undefined): string[] {
  const node = file.getDescendantAtPos(start);
  const literal = node?.getFirstAncestor((a) => Node.isObjectLiteralExpression(a));
  if (!literal || !Node.isObjectLiteralExpression(literal)) return [];
  const type = literal.getContextualType();
  if (!type) return [];
  const members = type.isUnion() ? type.getUnionTypes() : [type];
  const chosen =
    members.find((m) => m.getText(undefined).endsWith(typeName ?? '\0')) ??
    (members.length === 1 ? members[0] : undefined);
  return chosen ? chosen.getProperties().map((p) => p.getName()) : [];
}

export function excessPropertyFix(file: SourceFile, start: number, message: string): { message: string; fix: string } {
  const property = /'([^']+)' does not exist/.exec(message)?.[1];
  const typeName = /in type '([^']+)'/.exec(message)?.[1];
  const known = knownProperties(file, start, typeName).filter((k) => k !== 'kind');
  const suggestion = property && !/Did you mean/.test(message) ? didYouMean(property, known) : undefined;
  return {
    message: suggestion ? `${message} Did you mean '${suggestion}'?` : message,
    fix:
      known.length > 0
        ? `remove it or use a property the declaration API defines here: ${known.join(', ')}`
        : 'remove it',
  };
}
