/**
 * Valid sample values for generated tests, derived from each field's declared rules, so a test
 * builds a request or an event that passes validation without knowing the declaration.
 */
import type { FieldModel } from '../../model/types';
import { apexType, str } from './apex';

/** An Apex expression holding a valid value of the field; `seed` varies text between records. */
export function sampleValue(field: FieldModel, seed = ''): string {
  switch (apexType(field)) {
    case 'Integer':
      return '7';
    case 'Decimal':
      return (field.scale ?? 0) > 0 ? '1250.50' : '1250';
    case 'Boolean':
      return 'true';
    case 'Date':
      return 'Date.today()';
    case 'Datetime':
      return 'Datetime.now()';
    default:
      return str(sampleText(field, seed));
  }
}

/** The text a textual sample holds (picklists: the first value). */
export function sampleText(field: FieldModel, seed = ''): string {
  if (field.kind === 'Picklist') return (field.values ?? ['A'])[0];
  if (field.kind === 'Email') return `sample${seed}@example.com`;
  if (field.kind === 'Url') return 'https://example.com';
  // The seed comes first so that values stay distinct when the length cuts them; "Sample" keeps a
  // value from equalling its own JSON key, so a test can tell a redacted value from its key.
  const text = `${seed}Sample${field.name.replace(/__c$/, '').replace(/_/g, '')}`;
  return text.slice(0, Math.max(1, Math.min(field.length ?? 255, 255)));
}

/** A JSON object that meets the declared rules of a shape, as the other side would send it. */
export function sampleJson(fields: readonly FieldModel[]): Record<string, string | number | boolean> {
  const json: Record<string, string | number | boolean> = {};
  for (const field of fields) json[field.name] = sampleJsonValue(field);
  return json;
}

function sampleJsonValue(field: FieldModel): string | number | boolean {
  switch (field.kind) {
    case 'Number':
      return (field.scale ?? 0) > 0 ? 7.5 : 7;
    case 'Checkbox':
      return true;
    case 'Date':
      return '2026-01-15';
    case 'DateTime':
      return '2026-01-15T10:30:00.000Z';
    default:
      return sampleText(field);
  }
}
