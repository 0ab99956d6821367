/**
 * Reads a declaration's argument as data, statically. Declarations are never executed: only
 * literals, `as const`, references to `const` literals (also imported ones) and the `field.*`
 * builders are understood, and every value keeps the place it was written, so a rule broken deep
 * inside a declaration is reported at the exact property.
 */
import { Node, SyntaxKind, type Expression, type SourceFile } from 'ts-morph';
import type { DeclarationError } from '../model/errors';
import type { SourceLocation } from '../model/types';
import { FIELD_BUILDER_KINDS } from './builders';

export type Literal =
  | { type: 'string'; value: string; location: SourceLocation }
  | { type: 'number'; value: number; location: SourceLocation }
  | { type: 'boolean'; value: boolean; location: SourceLocation }
  | { type: 'array'; items: Literal[]; location: SourceLocation }
  | {
      type: 'object';
      entries: Map<string, Literal>;
      /** Where each property name is written, so a rule about a name points at the name. */
      keys?: Map<string, SourceLocation>;
      location: SourceLocation;
    };

export function locationOf(node: Node, projectRoot: string): SourceLocation {
  const sourceFile: SourceFile = node.getSourceFile();
  const { line, column } = sourceFile.getLineAndColumnAtPos(node.getStart());
  const absolute = sourceFile.getFilePath();
  const file = absolute.startsWith(projectRoot + '/') ? absolute.slice(projectRoot.length + 1) : absolute;
  return { file, line, column };
}

/** Raised while reading a literal; collected by the caller into the build's error list. */
export class LiteralError extends Error {
  constructor(readonly error: DeclarationError) {
    super(error.message);
  }
}

export function readLiteral(expression: Expression, projectRoot: string): Literal {
  const location = locationOf(expression, projectRoot);
  const unsupported = (what: string): never => {
    throw new LiteralError({
      location,
      rule: 'static-literal',
      message: `${what} cannot be read by the generator, which reads declarations without running them`,
      fix: 'write the value as a literal, or as a `const` holding a literal, in this file or an imported one',
    });
  };

  if (Node.isStringLiteral(expression) || Node.isNoSubstitutionTemplateLiteral(expression)) {
    return { type: 'string', value: expression.getLiteralValue(), location };
  }
  if (Node.isNumericLiteral(expression)) {
    return { type: 'number', value: expression.getLiteralValue(), location };
  }
  if (Node.isPrefixUnaryExpression(expression) && expression.getOperatorToken() === SyntaxKind.MinusToken) {
    const operand = readLiteral(expression.getOperand(), projectRoot);
    if (operand.type !== 'number') unsupported('A minus sign before a non-number');
    return { type: 'number', value: -(operand as { value: number }).value, location };
  }
  if (expression.getKind() === SyntaxKind.TrueKeyword || expression.getKind() === SyntaxKind.FalseKeyword) {
    return { type: 'boolean', value: expression.getKind() === SyntaxKind.TrueKeyword, location };
  }
  if (
    Node.isAsExpression(expression) ||
    Node.isSatisfiesExpression(expression) ||
    Node.isParenthesizedExpression(expression)
  ) {
    return readLiteral(expression.getExpression(), projectRoot);
  }
  if (Node.isArrayLiteralExpression(expression)) {
    const items: Literal[] = [];
    for (const element of expression.getElements()) {
      if (Node.isSpreadElement(element)) {
        const spread = readLiteral(element.getExpression(), projectRoot);
        if (spread.type !== 'array') unsupported('Spreading a non-array');
        items.push(...(spread as { items: Literal[] }).items);
      } else {
        items.push(readLiteral(element, projectRoot));
      }
    }
    return { type: 'array', items, location };
  }
  if (Node.isObjectLiteralExpression(expression)) {
    const keys = new Map<string, SourceLocation>();
    const entries = readObjectEntries(expression, projectRoot, unsupported, keys);
    return { type: 'object', entries, keys, location };
  }
  if (Node.isIdentifier(expression)) {
    return readConstReference(expression, projectRoot, unsupported);
  }
  if (Node.isCallExpression(expression)) {
    return readFieldBuilderCall(expression, projectRoot, unsupported, location);
  }
  return unsupported(`\`${expression.getText().slice(0, 60)}\``);
}

function readObjectEntries(
  expression: import('ts-morph').ObjectLiteralExpression,
  projectRoot: string,
  unsupported: (what: string) => never,
  keys: Map<string, SourceLocation>,
): Map<string, Literal> {
  const entries = new Map<string, Literal>();
  for (const property of expression.getProperties()) {
    if (Node.isPropertyAssignment(property)) {
      const nameNode = property.getNameNode();
      const name =
        Node.isStringLiteral(nameNode) || Node.isNumericLiteral(nameNode)
          ? String(nameNode.getLiteralValue())
          : Node.isIdentifier(nameNode)
            ? nameNode.getText()
            : unsupported(`The computed property name \`${nameNode.getText()}\``);
      entries.set(name, readLiteral(property.getInitializerOrThrow(), projectRoot));
      keys.set(name, locationOf(nameNode, projectRoot));
    } else if (Node.isShorthandPropertyAssignment(property)) {
      entries.set(
        property.getName(),
        readConstReference(property.getNameNode(), projectRoot, unsupported, property.getValueSymbol()),
      );
      keys.set(property.getName(), locationOf(property.getNameNode(), projectRoot));
    } else if (Node.isSpreadAssignment(property)) {
      const spread = readLiteral(property.getExpression(), projectRoot);
      if (spread.type !== 'object') unsupported('Spreading a non-object');
      const spreadObject = spread as { entries: Map<string, Literal>; keys?: Map<string, SourceLocation> };
      for (const [key, value] of spreadObject.entries) {
        entries.set(key, value);
        const at = spreadObject.keys?.get(key);
        if (at) keys.set(key, at);
      }
    } else {
      unsupported(`The member \`${property.getText().slice(0, 60)}\``);
    }
  }
  return entries;
}

/** `values: FULFILMENT_STATUSES` -> the literal the const holds, wherever it is declared. */
function readConstReference(
  identifier: Node,
  projectRoot: string,
  unsupported: (what: string) => never,
  // `{ STATUSES }` names a property; the value it holds is this symbol.
  valueSymbol?: import('ts-morph').Symbol,
): Literal {
  let symbol = valueSymbol ?? identifier.getSymbol();
  if (symbol?.isAlias()) symbol = symbol.getAliasedSymbol();
  const declaration = symbol?.getDeclarations()[0];
  if (!declaration || !Node.isVariableDeclaration(declaration)) {
    return unsupported(`The name \`${identifier.getText()}\``);
  }
  const statement = declaration.getVariableStatement();
  const initializer = declaration.getInitializer();
  if (!statement || statement.getDeclarationKind() !== 'const' || !initializer) {
    return unsupported(`\`${identifier.getText()}\` (only \`const\` values are read)`);
  }
  return readLiteral(initializer, projectRoot);
}

/** `field.text({ length: 18 })` -> `{ kind: 'Text', length: 18 }`. */
function readFieldBuilderCall(
  call: import('ts-morph').CallExpression,
  projectRoot: string,
  unsupported: (what: string) => never,
  location: SourceLocation,
): Literal {
  const callee = call.getExpression();
  const builder = Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
  const kind =
    builder !== undefined && callee.getText().startsWith('field.') ? FIELD_BUILDER_KINDS[builder] : undefined;
  if (!kind) return unsupported(`The call \`${callee.getText()}(...)\``);
  const [options] = call.getArguments();
  const entries = new Map<string, Literal>([['kind', { type: 'string', value: kind, location }]]);
  let keys: Map<string, SourceLocation> | undefined;
  if (options) {
    const read = readLiteral(options as Expression, projectRoot);
    if (read.type !== 'object') unsupported(`The argument of \`${callee.getText()}\``);
    for (const [key, value] of (read as { entries: Map<string, Literal> }).entries) entries.set(key, value);
    keys = (read as { keys?: Map<string, SourceLocation> }).keys;
  }
  return { type: 'object', entries, ...(keys && { keys }), location };
}

/** The plain value of a literal, for building the model once it is valid. */
export function toPlain(literal: Literal): unknown {
  switch (literal.type) {
    case 'array':
      return literal.items.map(toPlain);
    case 'object':
      return Object.fromEntries([...literal.entries].map(([key, value]) => [key, toPlain(value)]));
    default:
      return literal.value;
  }
}

/**
 * The property name `key` of an object literal as a string literal at the place the name is
 * written (for rules about names), or the value's place when the name's is not known.
 */
export function keyAt(literal: Literal | undefined, key: string): Literal | undefined {
  if (literal?.type !== 'object' || !literal.entries.has(key)) return undefined;
  const location = literal.keys?.get(key) ?? literal.entries.get(key)!.location;
  return { type: 'string', value: key, location };
}

/** The literal at `path` below `literal`, if there is one. */
export function childAt(literal: Literal | undefined, ...path: (string | number)[]): Literal | undefined {
  let current = literal;
  for (const step of path) {
    if (!current) return undefined;
    if (current.type === 'object' && typeof step === 'string') current = current.entries.get(step);
    else if (current.type === 'array' && typeof step === 'number') current = current.items[step];
    else return undefined;
  }
  return current;
}
