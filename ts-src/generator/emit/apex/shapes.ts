/**
 * Typed request/response classes: one property per declared shape key, so `JSON.serialize` and
 * `JSON.deserialize` round-trip the exact JSON the other side speaks, plus a `validate()` that
 * enforces the declared rules (required, length, digits, picklist values) and reports every broken
 * rule as a field error.
 */
import type { FieldModel } from '../../model/types';
import {
  apexType,
  constantName,
  doc,
  fieldSummary,
  indent,
  isTextual,
  literalFor,
  members,
  str,
  stringList,
  stringSet,
} from './apex';

export interface ShapeClassSpec {
  className: string;
  /** First sentence of the class ApexDoc. */
  summary: string;
  fields: readonly FieldModel[];
  /** Adds `@InvocableVariable` so a flow can pass or read the shape (request-reply only). */
  invocable?: 'input' | 'output';
  /** Emits `SENSITIVE_FIELDS`, which the caller hands to the error log for redaction. */
  sensitiveFields?: boolean;
  /** Response only: the declared fallback, returned by `fallback()` with `isFallback = true`. */
  fallback?: Readonly<Record<string, string | number | boolean>>;
}

export function shapeClass(spec: ShapeClassSpec): string {
  const { className, fields } = spec;
  const body = members(
    spec.sensitiveFields &&
      [
        doc('JSON keys of the properties that are redacted wherever a payload holding them is logged.'),
        `public static final Set<String> SENSITIVE_FIELDS = ${stringSet(fields.filter((f) => f.sensitive).map((f) => f.name))};`,
      ].join('\n'),
    ruleConstants(fields),
    ...fields.map((field) => property(field, spec.invocable)),
    spec.fallback && fallbackMembers(spec),
    validateMethod(fields),
    fieldErrorClass(),
  );
  return [
    doc(
      `${spec.summary} Properties carry the JSON keys the other side uses, so JSON.serialize and JSON.deserialize round-trip it; validate() checks the declared rules.`,
    ),
    `public with sharing class ${className} {`,
    indent(body),
    '}',
    '',
  ].join('\n');
}

/** Named limits the validation compares against, one per rule that needs a number or a value list. */
function ruleConstants(fields: readonly FieldModel[]): string {
  const lines: string[] = [];
  for (const field of fields) {
    const name = constantName(field.name);
    const max = maxLength(field);
    if (max !== undefined) lines.push(`private static final Integer ${name}_MAX_LENGTH = ${max};`);
    if (field.kind === 'Picklist')
      lines.push(`private static final List<String> ${name}_VALUES = ${stringList(field.values ?? [])};`);
    if (field.kind === 'Number') {
      const precision = field.precision ?? 18;
      const scale = field.scale ?? 0;
      if (apexType(field) === 'Integer') {
        lines.push(`private static final Integer ${name}_MAX_ABSOLUTE = ${'9'.repeat(precision)};`);
      } else {
        lines.push(`private static final Integer ${name}_MAX_SCALE = ${scale};`);
        lines.push(`private static final Integer ${name}_MAX_INTEGER_DIGITS = ${precision - scale};`);
      }
    }
    if (field.kind === 'Email')
      lines.push(`private static final String ${name}_PATTERN = '[^@\\\\s]+@[^@\\\\s]+\\\\.[^@\\\\s]+';`);
  }
  return lines.join('\n');
}

/** Text fields and text areas have a length; a picklist value is bounded by its list. */
function maxLength(field: FieldModel): number | undefined {
  if (field.kind === 'Text' || field.kind === 'LongTextArea') return field.length;
  if (field.kind === 'TextArea') return 255;
  if (field.kind === 'Email' || field.kind === 'Url') return 255;
  return undefined;
}

function property(field: FieldModel, invocable: ShapeClassSpec['invocable']): string {
  const rules: string[] = [];
  if (field.required) rules.push('Required.');
  const max = maxLength(field);
  if (max !== undefined) rules.push(`At most ${max} characters.`);
  if (field.kind === 'Picklist') rules.push(`One of ${(field.values ?? []).join(', ')}.`);
  if (field.kind === 'Number') rules.push(`Up to ${field.precision} digits, ${field.scale} after the decimal point.`);
  if (field.sensitive) rules.push('Sensitive: redacted in logs.');
  const lines = [doc([fieldSummary(field), ...rules].join(' '))];
  if (invocable) {
    const required = invocable === 'input' && field.required ? ' required=true' : '';
    lines.push(`@InvocableVariable(label=${str(field.label)} description=${str(fieldSummary(field))}${required})`);
  }
  lines.push(`public ${apexType(field)} ${field.name};`);
  return lines.join('\n');
}

function fallbackMembers(spec: ShapeClassSpec): string {
  const fallback = spec.fallback ?? {};
  const assignments = spec.fields
    .filter((field) => field.name in fallback)
    .map((field) => `response.${field.name} = ${literalFor(field, fallback[field.name])};`);
  const invocable = spec.invocable
    ? "@InvocableVariable(label='Is Fallback' description='True when the answer is the declared fallback, not the system\\'s.')\n"
    : '';
  const reasonInvocable = spec.invocable
    ? "@InvocableVariable(label='Fallback Reason' description='Why the fallback was given.')\n"
    : '';
  return members(
    [
      doc(
        'True when this is the declared fallback rather than an answer from the system (it was down, its answer was unusable, or its circuit is open).',
      ),
      `${invocable}public Boolean isFallback = false;`,
    ].join('\n'),
    [
      doc('Why the fallback was given; null for an answer from the system.'),
      `${reasonInvocable}public String fallbackReason;`,
    ].join('\n'),
    [
      doc('The declared fallback answer, used whenever the system cannot give one.', [
        ['return', 'a new fallback response with isFallback = true'],
      ]),
      `public static ${spec.className} fallback() {`,
      indent(
        [
          `${spec.className} response = new ${spec.className}();`,
          ...assignments,
          'response.isFallback = true;',
          'return response;',
        ].join('\n'),
      ),
      '}',
    ].join('\n'),
  );
}

function validateMethod(fields: readonly FieldModel[]): string {
  const checks = fields.map(fieldChecks).filter((c) => c.length > 0);
  return [
    doc('Checks every declared rule: required properties, lengths, digits and picklist values.', [
      ['return', 'one FieldError per broken rule; empty when the values are valid'],
    ]),
    'public List<FieldError> validate() {',
    indent(['List<FieldError> errors = new List<FieldError>();', ...checks, 'return errors;'].join('\n')),
    '}',
  ].join('\n');
}

/** An if / else-if chain: a missing value is reported once, not also as too short or unknown. */
function fieldChecks(field: FieldModel): string {
  const key = field.name;
  // `this.`: a property may share its name with the method's local list (`errors`).
  const name = `this.${key}`;
  const constant = constantName(key);
  const error = (message: string) => `errors.add(new FieldError(${str(key)}, ${message}));`;
  const branches: [string, string][] = [];
  const present = isTextual(field) ? `String.isNotBlank(${name})` : `${name} != null`;
  if (field.required)
    branches.push([isTextual(field) ? `String.isBlank(${name})` : `${name} == null`, error(str(`${key} is required`))]);
  const guard = (condition: string) => (field.required ? condition : `${present} && ${condition}`);
  if (maxLength(field) !== undefined) {
    branches.push([
      guard(`${name}.length() > ${constant}_MAX_LENGTH`),
      error(`${str(`${key} must be at most `)} + ${constant}_MAX_LENGTH + ' characters'`),
    ]);
  }
  if (field.kind === 'Picklist') {
    branches.push([
      guard(`!${constant}_VALUES.contains(${name})`),
      error(`${str(`${key} must be one of `)} + String.join(${constant}_VALUES, ', ')`),
    ]);
  }
  if (field.kind === 'Email') {
    branches.push([
      guard(`!Pattern.matches(${constant}_PATTERN, ${name})`),
      error(str(`${key} is not an email address`)),
    ]);
  }
  if (field.kind === 'Number' && apexType(field) === 'Integer') {
    branches.push([
      guard(`Math.abs(${name}) > ${constant}_MAX_ABSOLUTE`),
      error(`${str(`${key} must have at most `)} + String.valueOf(${constant}_MAX_ABSOLUTE).length() + ' digits'`),
    ]);
  } else if (field.kind === 'Number') {
    branches.push([
      guard(`${name}.precision() - ${name}.scale() > ${constant}_MAX_INTEGER_DIGITS`),
      error(
        `${str(`${key} must have at most `)} + ${constant}_MAX_INTEGER_DIGITS + ' digits before the decimal point'`,
      ),
    ]);
    branches.push([
      guard(`${name}.scale() > ${constant}_MAX_SCALE`),
      error(`${str(`${key} must have at most `)} + ${constant}_MAX_SCALE + ' decimal places'`),
    ]);
  }
  return branches
    .map(([condition, action], i) => `${i === 0 ? 'if' : '} else if'} (${condition}) {\n${indent(action)}`)
    .concat(branches.length > 0 ? ['}'] : [])
    .join('\n');
}

function fieldErrorClass(): string {
  return [
    doc('One broken rule: the JSON property it concerns and a message a caller can act on.'),
    'public class FieldError {',
    indent(
      members(
        [doc('JSON property name, or null when the rule concerns the whole body.'), 'public String field;'].join('\n'),
        [doc('What is wrong, naming the property.'), 'public String message;'].join('\n'),
        [
          doc('Creates a field error.', [
            ['param', 'field JSON property name, or null for the whole body'],
            ['param', 'message what is wrong'],
          ]),
          'public FieldError(String field, String message) {',
          indent('this.field = field;\nthis.message = message;'),
          '}',
        ].join('\n'),
      ),
    ),
    '}',
  ].join('\n');
}
