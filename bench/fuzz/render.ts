/**
 * A fuzz case's declarations as plain values, rendered two ways that agree on every location:
 * TypeScript source (for the real loader, ts-morph) and the loader's own output (RawDeclaration
 * literals), so most cases can skip the type checker and still carry real file:line:col places.
 */
import type { RawDeclaration } from '../../ts-src/generator/load/declarations';
import { DECLARATION_BUILDERS, FIELD_BUILDER_KINDS, type DeclarationKind } from '../../ts-src/generator/load/builders';
import type { Literal } from '../../ts-src/generator/load/literal';
import type { SourceLocation } from '../../ts-src/generator/model/types';

/** `field.text({...})`: a value with `$field` naming the builder. */
export type Value = string | number | boolean | Value[] | { [key: string]: Value };

export interface Declaration {
  kind: DeclarationKind;
  variable: string;
  value: { [key: string]: Value };
}

export const FUZZ_FILE = 'ts-src/integrations/fuzz.ts';

/** Declaration kind -> the DSL builder that declares it: the loader's table, inverted. */
const BUILDER = Object.fromEntries(
  Object.entries(DECLARATION_BUILDERS).map(([builder, kind]) => [kind, builder]),
) as Record<DeclarationKind, string>;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function render(declarations: readonly Declaration[]): { text: string; raw: RawDeclaration[] } {
  const lines: string[] = [
    `import { customObject, externalSystem, field, monitoring, objectExtension, operation, platformEvent } from '../dsl';`,
    '',
  ];
  const raw: RawDeclaration[] = [];
  // Each value starts a line of its own: `<indent><key>: <value>` or `<indent><value>`.
  const at = (column: number): SourceLocation => ({ file: FUZZ_FILE, line: lines.length + 1, column });
  const write = (indent: string, prefix: string, value: Value, suffix: string): Literal => {
    const location = at(indent.length + prefix.length + 1);
    if (typeof value === 'string') {
      lines.push(`${indent}${prefix}${JSON.stringify(value)}${suffix}`);
      return { type: 'string', value, location };
    }
    if (typeof value === 'number') {
      lines.push(`${indent}${prefix}${value < 0 ? `-${-value}` : String(value)}${suffix}`);
      return { type: 'number', value, location };
    }
    if (typeof value === 'boolean') {
      lines.push(`${indent}${prefix}${value}${suffix}`);
      return { type: 'boolean', value, location };
    }
    if (Array.isArray(value)) {
      lines.push(`${indent}${prefix}[`);
      const items = value.map((item) => write(indent + '  ', '', item, ','));
      lines.push(`${indent}]${suffix}`);
      return { type: 'array', items, location };
    }
    const builder = typeof value.$field === 'string' ? value.$field : undefined;
    lines.push(`${indent}${prefix}${builder ? `field.${builder}(` : ''}{`);
    const entries = new Map<string, Literal>();
    if (builder) entries.set('kind', { type: 'string', value: FIELD_BUILDER_KINDS[builder], location });
    for (const [key, item] of Object.entries(value)) {
      if (key === '$field') continue;
      const name = IDENTIFIER.test(key) ? key : JSON.stringify(key);
      entries.set(key, write(indent + '  ', `${name}: `, item, ','));
    }
    lines.push(`${indent}}${builder ? ')' : ''}${suffix}`);
    return { type: 'object', entries, location };
  };
  for (const declaration of declarations) {
    const prefix = `export const ${declaration.variable} = ${BUILDER[declaration.kind]}(`;
    // The loader places a declaration's literal at its `{`, which follows the call's parenthesis.
    const literal = write('', prefix, declaration.value, ');');
    raw.push({ kind: declaration.kind, variable: declaration.variable, value: literal });
    lines.push('');
  }
  return { text: lines.join('\n'), raw };
}
