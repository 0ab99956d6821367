/**
 * A declared payload shape as the runtime's `SwyPayloadSchema`: one chained builder call per field
 * (its kind, length, digits, picklist values, required) and `.sensitive(key)` after each field
 * that is redacted in logs. The generated shape class returns it from `schema()`; the runtime
 * validates untyped JSON with it, so no shape carries validation code of its own.
 */
import type { FieldModel } from '../../model/types';
import { str, stringList } from './apex';

/** Characters a textual field may hold; undefined for kinds without a length. */
export function maxLength(field: FieldModel): number | undefined {
  if (field.kind === 'Text' || field.kind === 'LongTextArea') return field.length;
  if (field.kind === 'TextArea' || field.kind === 'Email' || field.kind === 'Url') return 255;
  return undefined;
}

/** The Apex expression building the schema of a shape, one builder call per line. */
export function payloadSchemaExpression(fields: readonly FieldModel[]): string {
  const calls = fields.flatMap((field) => [
    `.${ruleCall(field)}`,
    ...(field.sensitive ? [`.sensitive(${str(field.name)})`] : []),
  ]);
  return ['new SwyPayloadSchema()', ...calls.map((call) => `    ${call}`)].join('\n');
}

/** `text('accountId', 18, true)`: the builder method of a field's kind with its rules. */
function ruleCall(field: FieldModel): string {
  const key = str(field.name);
  const required = String(field.required);
  const length = maxLength(field) ?? 'null';
  switch (field.kind) {
    case 'Text':
    case 'TextArea':
    case 'LongTextArea':
    case 'Url':
      return `text(${key}, ${length}, ${required})`;
    case 'Email':
      return `email(${key}, ${length}, ${required})`;
    case 'Picklist':
      return `picklist(${key}, ${stringList(field.values ?? [])}, ${required})`;
    case 'Number':
      return `numeric(${key}, ${field.precision ?? 18}, ${field.scale ?? 0}, ${required})`;
    case 'Checkbox':
      return `checkbox(${key}, ${required})`;
    case 'Date':
      return `dateValue(${key}, ${required})`;
    case 'DateTime':
      return `datetimeValue(${key}, ${required})`;
  }
}
