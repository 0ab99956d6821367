/** Rules for names and for the fields of objects, events and request/response shapes. */
import { childAt, type Literal } from '../load/literal';
import type { DeclarationError } from '../model/errors';
import {
  APEX_RESERVED_WORDS,
  LONG_TEXT_AREA_LENGTH,
  MAX_API_NAME_STEM,
  MAX_NUMBER_PRECISION,
  PLATFORM_EVENT_FIELD_KINDS,
  TEXT_LENGTH,
} from './rules';

export type Report = (at: Literal, rule: string, message: string, fix: string) => void;

export function reporter(errors: DeclarationError[]): Report {
  return (at, rule, message, fix) => errors.push({ location: at.location, rule, message, fix });
}

export const stringAt = (literal: Literal | undefined, ...path: (string | number)[]): string | undefined => {
  const found = childAt(literal, ...path);
  return found?.type === 'string' ? found.value : undefined;
};

export const numberAt = (literal: Literal | undefined, ...path: (string | number)[]): number | undefined => {
  const found = childAt(literal, ...path);
  return found?.type === 'number' ? found.value : undefined;
};

export const booleanAt = (literal: Literal | undefined, ...path: (string | number)[]): boolean => {
  const found = childAt(literal, ...path);
  return found?.type === 'boolean' && found.value;
};

/**
 * `Order_Confirmed__e`, `External_Order_Id__c`: letters first, letters/digits/single underscores,
 * no trailing underscore, at most 40 characters before the suffix, the expected suffix.
 */
export function checkApiName(report: Report, at: Literal, name: string, suffix: '__c' | '__e', what: string): void {
  const rule = 'api-name';
  if (!name.endsWith(suffix)) {
    report(
      at,
      rule,
      `${what} "${name}" must end in ${suffix}`,
      `rename it to "${name.replace(/__\w*$/, '')}${suffix}"`,
    );
    return;
  }
  const stem = name.slice(0, -suffix.length);
  if (!/^[A-Za-z]/.test(stem)) {
    report(at, rule, `${what} "${name}" must start with a letter`, 'start the name with a letter (A-Z, a-z)');
  } else if (!/^[A-Za-z0-9_]+$/.test(stem)) {
    report(at, rule, `${what} "${name}" may hold only letters, digits and underscores`, 'remove the other characters');
  } else if (stem.includes('__')) {
    report(
      at,
      rule,
      `${what} "${name}" has a double underscore before its suffix`,
      'use single underscores between words',
    );
  } else if (stem.endsWith('_')) {
    report(
      at,
      rule,
      `${what} "${name}" has a trailing underscore before ${suffix}`,
      'remove the underscore before the suffix',
    );
  } else if (stem.length > MAX_API_NAME_STEM) {
    report(
      at,
      rule,
      `${what} "${name}" is ${stem.length} characters long before ${suffix}; Salesforce allows ${MAX_API_NAME_STEM}`,
      `shorten it to ${MAX_API_NAME_STEM} characters or fewer`,
    );
  }
}

/** A name that becomes an Apex identifier: operation names (PascalCase) and shape properties. */
export function checkIdentifier(report: Report, at: Literal, name: string, what: string, maxLength: number): void {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
    report(
      at,
      'identifier',
      `${what} "${name}" is not a valid Apex identifier`,
      'use letters and digits only, starting with a letter',
    );
  } else if (APEX_RESERVED_WORDS.has(name.toLowerCase())) {
    report(
      at,
      'reserved-word',
      `${what} "${name}" is an Apex reserved word`,
      `choose another name, such as "${name}Value"`,
    );
  } else if (name.length > maxLength) {
    report(
      at,
      'identifier',
      `${what} "${name}" is longer than ${maxLength} characters`,
      `shorten it to ${maxLength} characters`,
    );
  }
}

export type FieldContainer = 'object' | 'event' | 'shape';

/** Checks every field of a `fields` map (or a request/response shape). */
export function checkFields(report: Report, fields: Literal | undefined, container: FieldContainer): void {
  if (fields?.type !== 'object') return;
  for (const [name, field] of fields.entries) {
    if (container === 'shape') checkIdentifier(report, field, name, 'Property', 40);
    else checkApiName(report, field, name, '__c', 'Field');
    checkField(report, name, field, container);
  }
}

function checkField(report: Report, name: string, field: Literal, container: FieldContainer): void {
  const kind = stringAt(field, 'kind');
  if (!kind) return;
  if (container === 'event' && !(PLATFORM_EVENT_FIELD_KINDS as readonly string[]).includes(kind)) {
    report(
      field,
      'event-field-type',
      `Platform Event field "${name}" is of type ${kind}, which Platform Events do not support`,
      `use one of ${PLATFORM_EVENT_FIELD_KINDS.join(', ')} (for example field.text for an e-mail address)`,
    );
  }
  const length = numberAt(field, 'length');
  const lengthAt = childAt(field, 'length') ?? field;
  if (
    kind === 'Text' &&
    length !== undefined &&
    (length < TEXT_LENGTH.min || length > TEXT_LENGTH.max || !Number.isInteger(length))
  ) {
    report(
      lengthAt,
      'text-length',
      `Text field "${name}" has length ${length}; Text allows ${TEXT_LENGTH.min}-${TEXT_LENGTH.max}`,
      `set a whole length from ${TEXT_LENGTH.min} to ${TEXT_LENGTH.max}, or use field.longTextArea for longer values`,
    );
  }
  if (
    kind === 'LongTextArea' &&
    length !== undefined &&
    (length < LONG_TEXT_AREA_LENGTH.min || length > LONG_TEXT_AREA_LENGTH.max || !Number.isInteger(length))
  ) {
    report(
      lengthAt,
      'long-text-length',
      `LongTextArea field "${name}" has length ${length}; Long Text Area allows ${LONG_TEXT_AREA_LENGTH.min}-${LONG_TEXT_AREA_LENGTH.max}`,
      `set a length from ${LONG_TEXT_AREA_LENGTH.min} to ${LONG_TEXT_AREA_LENGTH.max}, or use field.text for up to 255`,
    );
  }
  if (kind === 'Number') checkNumber(report, name, field);
  if (kind === 'Picklist') checkPicklist(report, name, field);
}

function checkNumber(report: Report, name: string, field: Literal): void {
  const precision = numberAt(field, 'precision');
  const scale = numberAt(field, 'scale');
  if (precision !== undefined && (precision < 1 || precision > MAX_NUMBER_PRECISION || !Number.isInteger(precision))) {
    report(
      childAt(field, 'precision') ?? field,
      'number-precision',
      `Number field "${name}" has precision ${precision}; Salesforce allows 1-${MAX_NUMBER_PRECISION} digits`,
      `set precision to a whole number from 1 to ${MAX_NUMBER_PRECISION}`,
    );
  }
  if (scale !== undefined && precision !== undefined && (scale < 0 || scale > precision || !Number.isInteger(scale))) {
    report(
      childAt(field, 'scale') ?? field,
      'number-scale',
      `Number field "${name}" has scale ${scale} with precision ${precision}; scale must be 0-${precision}`,
      'set scale (digits after the point) to at most the precision',
    );
  }
}

function checkPicklist(report: Report, name: string, field: Literal): void {
  const values = childAt(field, 'values');
  if (values?.type !== 'array') return;
  if (values.items.length === 0) {
    report(values, 'picklist-empty', `Picklist field "${name}" has no values`, 'list at least one value in `values`');
    return;
  }
  const seen = new Set<string>();
  for (const item of values.items) {
    if (item.type !== 'string') continue;
    if (seen.has(item.value.toLowerCase())) {
      report(
        item,
        'picklist-duplicate',
        `Picklist field "${name}" lists "${item.value}" twice`,
        'remove the repeated value',
      );
    }
    seen.add(item.value.toLowerCase());
  }
  const defaultValue = childAt(field, 'defaultValue');
  if (defaultValue?.type === 'string' && !seen.has(defaultValue.value.toLowerCase())) {
    report(
      defaultValue,
      'picklist-default',
      `Picklist field "${name}" defaults to "${defaultValue.value}", which is not one of its values`,
      'set defaultValue to one of `values`',
    );
  }
}
