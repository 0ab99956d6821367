/**
 * CustomField metadata for every field kind the declaration API offers, on custom objects,
 * standard-object extensions and Platform Events.
 */
import type * as md from '@salesforce/types/metadata';
import type { FieldKind, FieldModel } from '../../model/types';
import { PLATFORM_EVENT_FIELD_KINDS } from '../../validate/rules';
import type { GeneratedFile } from '../types';
import { metadataPaths } from './paths';
import { metadataFile, type Sparse } from './xml';

const FIELD_TYPES: Readonly<Record<FieldKind, md.FieldType>> = {
  Text: 'Text',
  TextArea: 'TextArea',
  LongTextArea: 'LongTextArea',
  Number: 'Number',
  Checkbox: 'Checkbox',
  Date: 'Date',
  DateTime: 'DateTime',
  Picklist: 'Picklist',
  Email: 'Email',
  Url: 'Url',
};

/** Kinds Salesforce lets you mark External ID and Unique. */
const KEY_KINDS: ReadonlySet<FieldKind> = new Set(['Text', 'Number', 'Email']);

/** Kinds a Platform Event field may have: the list the declaration rules enforce. */
const PLATFORM_EVENT_KINDS: ReadonlySet<FieldKind> = new Set(PLATFORM_EVENT_FIELD_KINDS);

/** A field of a custom object or of a standard-object extension. Elements in WSDL order. */
export function customFieldMetadata(field: FieldModel): Sparse<md.CustomField> {
  const key = KEY_KINDS.has(field.kind);
  return {
    fullName: field.name,
    // Declarations promise case-insensitive uniqueness (`ABC` and `abc` collide), as idempotency keys need.
    caseSensitive: field.kind === 'Text' && field.unique ? false : undefined,
    defaultValue: checkboxDefault(field),
    description: field.description,
    externalId: key ? field.externalId : undefined,
    inlineHelpText: field.helpText,
    label: field.label,
    length: hasLength(field) ? field.length : undefined,
    precision: field.kind === 'Number' ? field.precision : undefined,
    // A checkbox is always true or false: Salesforce rejects `required` on it.
    required: field.kind === 'Checkbox' ? undefined : field.required,
    scale: field.kind === 'Number' ? field.scale : undefined,
    type: FIELD_TYPES[field.kind],
    unique: key ? field.unique : undefined,
    valueSet: field.kind === 'Picklist' ? picklistValueSet(field) : undefined,
    visibleLines: field.kind === 'LongTextArea' ? field.visibleLines : undefined,
  };
}

/**
 * A Platform Event field. Event fields are not indexed, so External ID and Unique do not apply
 * and are not written even if a declaration set them.
 */
export function platformEventFieldMetadata(field: FieldModel): Sparse<md.CustomField> {
  if (!PLATFORM_EVENT_KINDS.has(field.kind)) {
    // Validation rejects these (rule event-field-type); reaching here is a generator bug.
    throw new Error(`Platform Event field ${field.name} has kind ${field.kind}, which Platform Events do not support`);
  }
  // The same elements as an object field, less those that need an index or a picklist.
  const { caseSensitive, externalId, unique, valueSet, ...eventField } = customFieldMetadata(field);
  return eventField;
}

export function fieldFiles(
  root: string,
  object: string,
  fields: readonly FieldModel[],
  metadata: (field: FieldModel) => Sparse<md.CustomField>,
  sources: readonly string[],
): GeneratedFile[] {
  return fields.map((field) =>
    metadataFile(metadataPaths.field(root, object, field.name), 'CustomField', metadata(field), sources),
  );
}

/** `On_Hold` -> `On Hold`: the API name stays what Apex and call-ins send, the label is for people. */
export function picklistLabel(value: string): string {
  return value.replace(/_/g, ' ');
}

function picklistValueSet(field: FieldModel): Sparse<md.ValueSet> {
  return {
    restricted: field.restricted ?? true,
    valueSetDefinition: {
      // Declared order is the order people see (New, Retrying, Failed...), not alphabetical.
      sorted: false,
      value: (field.values ?? []).map((value) => ({
        fullName: value,
        default: value === field.defaultValue,
        label: picklistLabel(value),
      })),
    },
  };
}

/** Salesforce requires a default on every checkbox. */
function checkboxDefault(field: FieldModel): string | undefined {
  return field.kind === 'Checkbox' ? String(field.defaultValue === true) : undefined;
}

function hasLength(field: FieldModel): boolean {
  return field.kind === 'Text' || field.kind === 'LongTextArea';
}
