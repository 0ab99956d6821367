/**
 * Small pieces of Apex text every emitter needs: literals, types from field kinds, constant names
 * and ApexDoc blocks. Emitters write readable (not yet formatted) Apex; prettier-plugin-apex
 * formats it afterwards.
 */
import type { FieldModel } from '../../model/types';

/** `it's` -> `'it\'s'`: an Apex string literal. */
export function str(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t');
  return `'${escaped}'`;
}

/** `new Set<String>{ 'a', 'b' }`. */
export function stringSet(values: readonly string[]): string {
  return values.length === 0 ? 'new Set<String>()' : `new Set<String>{ ${values.map(str).join(', ')} }`;
}

/** `new List<String>{ 'a', 'b' }`. */
export function stringList(values: readonly string[]): string {
  return values.length === 0 ? 'new List<String>()' : `new List<String>{ ${values.map(str).join(', ')} }`;
}

/** Apex type of a field: what JSON.deserialize fills and what a typed class declares. */
export function apexType(field: FieldModel): string {
  switch (field.kind) {
    case 'Number':
      // An Integer holds 9 digits safely (2^31 - 1 has 10).
      return field.scale === 0 && (field.precision ?? 18) <= 9 ? 'Integer' : 'Decimal';
    case 'Checkbox':
      return 'Boolean';
    case 'Date':
      return 'Date';
    case 'DateTime':
      return 'Datetime';
    case 'Text':
    case 'TextArea':
    case 'LongTextArea':
    case 'Picklist':
    case 'Email':
    case 'Url':
      return 'String';
  }
}

/** True for the kinds whose Apex value is a String. */
export function isTextual(field: FieldModel): boolean {
  return apexType(field) === 'String';
}

/** An Apex literal of a declared value for a field (fallback responses). */
export function literalFor(field: FieldModel, value: string | number | boolean): string {
  switch (apexType(field)) {
    case 'String':
      return str(String(value));
    case 'Integer':
      return String(Math.trunc(Number(value)));
    case 'Decimal':
      // A decimal point makes the literal a Decimal rather than an Integer or Long.
      return Number.isInteger(Number(value)) ? `${Number(value)}.0` : String(Number(value));
    case 'Boolean':
      return value === true || value === 'true' ? 'true' : 'false';
    case 'Date':
      return `Date.valueOf(${str(String(value))})`;
    case 'Datetime':
      return `(Datetime) JSON.deserialize(${str(JSON.stringify(String(value)))}, Datetime.class)`;
    default:
      throw new Error(`no literal for field ${field.name}`);
  }
}

/** `requestedAmount` -> `REQUESTED_AMOUNT`; `Order_Id__c` -> `ORDER_ID`. */
export function constantName(name: string): string {
  return name
    .replace(/__(c|e)$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

/** `Order_Status_Update__e` -> `orderStatusUpdate`: a variable name. */
export function camel(name: string): string {
  const pascal = name
    .replace(/__(c|e)$/, '')
    .split('_')
    .filter((part) => part.length > 0)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
  return pascal[0].toLowerCase() + pascal.slice(1);
}

/** Width ApexDoc text is wrapped to, matching the formatter's line length for code. */
const DOC_WIDTH = 100;

/**
 * An ApexDoc block, wrapped at DOC_WIDTH. `description` may hold several sentences; tags follow in
 * the order given. `*\/` inside text would end the comment early, so it is broken up.
 */
export function doc(description: string, tags: readonly [string, string][] = [], indent = ''): string {
  const safe = (text: string) => text.replace(/\*\//g, '* /');
  const lines = [`${indent}/**`, ...wrap(`@description ${safe(description)}`, `${indent} * `)];
  for (const [tag, text] of tags) lines.push(...wrap(`@${tag} ${safe(text)}`.trimEnd(), `${indent} * `));
  lines.push(`${indent} */`);
  return lines.join('\n');
}

/** Greedy word wrap; a word longer than the width (a URL) stays whole on its own line. */
export function wrap(text: string, prefix: string, width = DOC_WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    if (line.length > 0 && prefix.length + line.length + 1 + word.length > width) {
      lines.push(prefix + line);
      line = word;
    } else {
      line = line.length > 0 ? `${line} ${word}` : word;
    }
  }
  if (line.length > 0) lines.push(prefix + line);
  return lines;
}

/** Indents every non-empty line of a block. */
export function indent(block: string, by = '    '): string {
  return block
    .split('\n')
    .map((line) => (line.length > 0 ? by + line : line))
    .join('\n');
}

/** Joins class members with one blank line between them. */
export function members(...parts: readonly (string | false | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n\n');
}

/** A field's description for ApexDoc: its description, else its label. */
export function fieldSummary(field: FieldModel): string {
  const text = field.description ?? field.label;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
