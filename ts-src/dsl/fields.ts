/**
 * Field builders. Every field of a Platform Event, a custom object, a standard-object extension or
 * an operation's request/response shape is declared with one of these.
 *
 * The generator reads these calls statically (it never runs them), so arguments must be literals:
 * that is what lets a declaration error point at the exact property that is wrong.
 */

export interface CommonFieldOptions {
  /** Label shown in Setup and on layouts. Defaults to the API name without its suffix. */
  label?: string;
  /** Setup description: why the field exists. */
  description?: string;
  /** Inline help shown to users. */
  helpText?: string;
  /** Required on every record (platform-enforced). */
  required?: boolean;
  /**
   * Redacted (replaced by `***`) wherever a payload holding this field is logged, for example in
   * `Integration_Error_Log__c.Payload__c`.
   */
  sensitive?: boolean;
}

export interface KeyFieldOptions {
  /** Marks the field as an External ID (indexed; usable as an upsert key). */
  externalId?: boolean;
  /** Enforces uniqueness (case-insensitive). An idempotency key must be externalId + unique. */
  unique?: boolean;
}

export interface TextField extends CommonFieldOptions, KeyFieldOptions {
  readonly kind: 'Text';
  /** 1-255 characters. */
  length: number;
}
export interface TextAreaField extends CommonFieldOptions {
  readonly kind: 'TextArea';
}
export interface LongTextAreaField extends CommonFieldOptions {
  readonly kind: 'LongTextArea';
  /** 256-131072 characters. */
  length: number;
  /** Lines shown in the edit box (default 5). */
  visibleLines?: number;
}
export interface NumberField extends CommonFieldOptions, KeyFieldOptions {
  readonly kind: 'Number';
  /** Total digits, at most 18. */
  precision: number;
  /** Digits right of the decimal point, at most `precision`. */
  scale: number;
}
export interface CheckboxField extends Omit<CommonFieldOptions, 'required'> {
  readonly kind: 'Checkbox';
  defaultValue?: boolean;
}
export interface DateField extends CommonFieldOptions {
  readonly kind: 'Date';
}
export interface DateTimeField extends CommonFieldOptions {
  readonly kind: 'DateTime';
}
export interface PicklistField extends CommonFieldOptions {
  readonly kind: 'Picklist';
  /** API names of the values, in display order. The first one is not a default unless `defaultValue` says so. */
  values: readonly string[];
  defaultValue?: string;
  /** Restricted picklists reject values not in the list (default true). */
  restricted?: boolean;
}
export interface EmailField extends CommonFieldOptions, KeyFieldOptions {
  readonly kind: 'Email';
}
export interface UrlField extends CommonFieldOptions {
  readonly kind: 'Url';
}

export type FieldDeclaration =
  | TextField
  | TextAreaField
  | LongTextAreaField
  | NumberField
  | CheckboxField
  | DateField
  | DateTimeField
  | PicklistField
  | EmailField
  | UrlField;

type Options<F extends FieldDeclaration> = Omit<F, 'kind'>;

export const field = {
  text: (options: Options<TextField>): TextField => ({ kind: 'Text', ...options }),
  textArea: (options: Options<TextAreaField> = {}): TextAreaField => ({ kind: 'TextArea', ...options }),
  longTextArea: (options: Options<LongTextAreaField>): LongTextAreaField => ({
    kind: 'LongTextArea',
    ...options,
  }),
  number: (options: Options<NumberField>): NumberField => ({ kind: 'Number', ...options }),
  checkbox: (options: Options<CheckboxField> = {}): CheckboxField => ({ kind: 'Checkbox', ...options }),
  date: (options: Options<DateField> = {}): DateField => ({ kind: 'Date', ...options }),
  dateTime: (options: Options<DateTimeField> = {}): DateTimeField => ({ kind: 'DateTime', ...options }),
  picklist: (options: Options<PicklistField>): PicklistField => ({ kind: 'Picklist', ...options }),
  email: (options: Options<EmailField> = {}): EmailField => ({ kind: 'Email', ...options }),
  url: (options: Options<UrlField> = {}): UrlField => ({ kind: 'Url', ...options }),
} as const;

/** Field API names end in `__c`. */
export type CustomFieldName = `${string}__c`;
export type FieldMap = Readonly<Record<CustomFieldName, FieldDeclaration>>;
/** Request/response shapes use JSON property names (camelCase), not API names. */
export type ShapeMap = Readonly<Record<string, FieldDeclaration>>;
