/** Rules for names and for the fields of objects, events and request/response shapes. */
import { childAt, keyAt, type Literal } from '../load/literal';
import type { DeclarationError } from '../model/errors';
import {
  APEX_RESERVED_WORDS,
  ASCII_NAME,
  LONG_TEXT_AREA_LENGTH,
  LONG_TEXT_AREA_VISIBLE_LINES,
  MAX_API_NAME_STEM,
  MAX_CUSTOM_FIELDS_PER_OBJECT,
  MAX_DESCRIPTION,
  MAX_HELP_TEXT,
  MAX_LABEL,
  MAX_NUMBER_PRECISION,
  MAX_PICKLIST_VALUE_LENGTH,
  MAX_PICKLIST_VALUES,
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
  if (!/^[A-Za-z]/.test(stem) && ASCII_NAME.test(stem[0] ?? '')) {
    report(at, rule, `${what} "${name}" must start with a letter`, 'start the name with a letter (A-Z, a-z)');
  } else if (!ASCII_NAME.test(stem)) {
    reportNonAscii(report, at, name, what);
  } else if (!ASCII_NAME.test(stem)) {
    reportNonAscii(report, at, name, what);
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

/**
 * Salesforce names are ASCII: `Catégorie__c` is refused by the platform even though é is a letter.
 * The fix names the characters and offers the name with accents stripped (NFD), when that is ASCII.
 */
function reportNonAscii(report: Report, at: Literal, name: string, what: string): void {
  const offending = [...new Set([...name].filter((c) => !/[A-Za-z0-9_]/.test(c)))];
  const stripped = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const letters = offending.filter((c) => /\p{L}/u.test(c));
  const suggestion =
    ASCII_NAME.test(stripped.replace(/^[^A-Za-z]+/, '')) && stripped !== name
      ? `rename it to "${stripped}"`
      : `replace ${offending.map((c) => `"${c}"`).join(', ')} with A-Z, a-z, 0-9 or _`;
  report(
    at,
    'ascii-name',
    `${what} "${name}" holds ${offending.map((c) => `"${c}"`).join(', ')}: Salesforce API names and Apex identifiers take only ASCII letters, digits and underscores${letters.length > 0 ? ' (a letter such as é is not one of them)' : ''}`,
    `${suggestion}; the label may keep any characters`,
  );
}

/** A name that becomes an Apex identifier: operation names (PascalCase) and shape properties. */
export function checkIdentifier(report: Report, at: Literal, name: string, what: string, maxLength: number): void {
  if (!/^[A-Za-z0-9_]*$/.test(name)) {
    reportNonAscii(report, at, name, what);
  } else if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
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
      `${what} "${name}" is ${name.length} characters long; Apex identifiers stop at ${maxLength}`,
      `shorten it to ${maxLength} characters or fewer`,
    );
  }
}

export type FieldContainer = 'object' | 'event' | 'shape';

/** Checks every field of a `fields` map (or a request/response shape). */
export function checkFields(report: Report, fields: Literal | undefined, container: FieldContainer): void {
  if (fields?.type !== 'object') return;
  const seen = new Map<string, string>();
  for (const [name, field] of fields.entries) {
    // Rules about the name point at the name as written (`Car__rier__c:`), the others at the value.
    const nameAt = keyAt(fields, name) ?? field;
    if (container === 'shape') checkIdentifier(report, nameAt, name, 'Property', 40);
    else checkApiName(report, nameAt, name, '__c', 'Field');
    // API names and Apex identifiers are case-insensitive: Status__c and status__c are one field.
    const earlier = seen.get(name.toLowerCase());
    if (earlier !== undefined) {
      report(
        nameAt,
        container === 'shape' ? 'duplicate-property' : 'duplicate-name',
        `${container === 'shape' ? 'Property' : 'Field'} "${name}" is the same name as "${earlier}" (${container === 'shape' ? 'Apex' : 'Salesforce'} names ignore case)`,
        'rename one of them or remove the repeated one',
      );
    }
    seen.set(name.toLowerCase(), name);
    checkField(report, name, field, container);
  }
  if (container !== 'shape' && fields.entries.size > MAX_CUSTOM_FIELDS_PER_OBJECT) {
    report(
      [...fields.entries.values()][MAX_CUSTOM_FIELDS_PER_OBJECT],
      'field-count',
      `${fields.entries.size} custom fields are declared here; Developer and Enterprise Edition orgs (scratch orgs included) allow ${MAX_CUSTOM_FIELDS_PER_OBJECT} per ${container === 'event' ? 'event' : 'object'}`,
      `keep at most ${MAX_CUSTOM_FIELDS_PER_OBJECT} fields (this is the first one past it), or split the data over a second ${container === 'event' ? 'event' : 'object'}`,
    );
  }
}

/** Labels, descriptions and help text, each against its platform length. */
function checkTexts(report: Report, name: string, field: Literal, container: FieldContainer): void {
  const limits = [
    ['label', MAX_LABEL, 'label-length', 'Label'],
    ['description', MAX_DESCRIPTION, 'description-length', 'Description'],
    ['helpText', MAX_HELP_TEXT, 'help-text-length', 'Help text'],
  ] as const;
  for (const [key, max, rule, what] of limits) {
    const text = childAt(field, key);
    if (text?.type !== 'string' || text.value.length <= max) continue;
    report(
      text,
      rule,
      `${what} of ${container === 'shape' ? 'property' : 'field'} "${name}" is ${text.value.length} characters long; Salesforce allows ${max}`,
      key === 'label'
        ? `shorten the label to ${max} characters (put the rest in description)`
        : key === 'helpText'
          ? `shorten the help text to ${max} characters (the description can hold up to ${MAX_DESCRIPTION})`
          : `shorten the description to ${max} characters`,
    );
  }
}

function checkField(report: Report, name: string, field: Literal, container: FieldContainer): void {
  const kind = stringAt(field, 'kind');
  if (!kind) return;
  checkTexts(report, name, field, container);
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
  const lines = childAt(field, 'visibleLines');
  const { min, max } = LONG_TEXT_AREA_VISIBLE_LINES;
  if (lines?.type === 'number' && (lines.value < min || lines.value > max || !Number.isInteger(lines.value))) {
    report(
      lines,
      'visible-lines',
      `LongTextArea field "${name}" shows ${lines.value} visible lines; Salesforce allows ${min}-${max}`,
      `set visibleLines to a whole number from ${min} to ${max}, or leave it out for 5`,
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
  if (values.items.length > MAX_PICKLIST_VALUES) {
    report(
      values.items[MAX_PICKLIST_VALUES],
      'picklist-count',
      `Picklist field "${name}" lists ${values.items.length} values; a custom picklist holds at most ${MAX_PICKLIST_VALUES}`,
      `keep at most ${MAX_PICKLIST_VALUES} values (this is the first one past it), or use a Text field for open-ended values`,
    );
  }
  const seen = new Set<string>();
  for (const item of values.items) {
    if (item.type !== 'string') continue;
    if (item.value.trim().length === 0 || item.value.length > MAX_PICKLIST_VALUE_LENGTH) {
      report(
        item,
        'picklist-value-length',
        item.value.trim().length === 0
          ? `Picklist field "${name}" has an empty value`
          : `Picklist value "${item.value.slice(0, 30)}..." of field "${name}" is ${item.value.length} characters long; a value holds at most ${MAX_PICKLIST_VALUE_LENGTH}`,
        `write a value of 1 to ${MAX_PICKLIST_VALUE_LENGTH} characters`,
      );
    }
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
