/**
 * The DSL functions the loader recognises. Kept beside the loader rather than read from
 * `ts-src/dsl` at run time because the loader never executes declarations.
 */
import type { FieldKind } from '../model/types';

/** `field.<builder>(...)` -> the field kind it produces (mirrors `field` in ts-src/dsl/fields.ts). */
export const FIELD_BUILDER_KINDS: Readonly<Record<string, FieldKind>> = {
  text: 'Text',
  textArea: 'TextArea',
  longTextArea: 'LongTextArea',
  number: 'Number',
  checkbox: 'Checkbox',
  date: 'Date',
  dateTime: 'DateTime',
  picklist: 'Picklist',
  email: 'Email',
  url: 'Url',
};

/** Top-level declaration builders (ts-src/dsl) and what each declares. */
export const DECLARATION_BUILDERS = {
  platformEvent: 'event',
  customObject: 'object',
  objectExtension: 'extension',
  externalSystem: 'system',
  operation: 'operation',
  monitoring: 'monitoring',
} as const;

export type DeclarationKind = (typeof DECLARATION_BUILDERS)[keyof typeof DECLARATION_BUILDERS];
