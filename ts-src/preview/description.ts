/**
 * What the preview shows, read from the validated model: each generated record page (one per
 * object with a `ui-update` operation, as ts-src/generator/emit/lwc/pages.ts places them), the
 * components on it, the Platform Events they subscribe to with their declared payload fields, and
 * the object's declared fields for the record-data stand-in. Plain JSON: the page builds its forms
 * from it, so no form is written by hand per event or object.
 */
import type { FieldModel, Model, UiUpdateModel } from '../generator/model/types';
import { eventChannel } from '../generator/emit/lwc/componentTypes';
import { liveRecordProperties, liveRecordSettings } from '../generator/emit/lwc/liveRecord';
import { recordPageName } from '../generator/emit/lwc/pages';

export type InputKind =
  'text' | 'textarea' | 'email' | 'url' | 'number' | 'date' | 'datetime' | 'checkbox' | 'picklist';

/** A declared field as a form input. */
export interface FieldInput {
  name: string;
  label: string;
  input: InputKind;
  required: boolean;
  /** Text: maximum length. */
  maxLength?: number;
  /** Number: decimal places (the input's step). */
  scale?: number;
  /** Picklist: the declared values; `restricted: false` accepts others too. */
  values?: readonly string[];
  restricted?: boolean;
  /** Initial value in the form; datetimes left empty are published as "now". */
  defaultValue: string | boolean;
  description?: string;
}

export interface EventDescription {
  apiName: string;
  label: string;
  channel: string;
  fields: readonly FieldInput[];
}

export interface ComponentDescription {
  /** Bundle name (`orderStatusTracker`), imported as `c/<bundle>`. */
  bundle: string;
  /** Custom element name (`c-order-status-tracker`). */
  tag: string;
  /** The ui-update operation that places it. */
  operation: string;
  event: EventDescription;
  /** The payload field that carries the record id: the form fills it with the page's record id. */
  recordIdField: string;
  /** Design attributes the generated record page sets (liveRecordFeed's configuration); none for a team's own component. */
  properties: Readonly<Record<string, string>>;
}

export interface RecordPageDescription {
  /** `Order_Record_Page`, as the generated FlexiPage is named. */
  name: string;
  object: string;
  label: string;
  /** A made-up id with the object's key prefix where known. */
  recordId: string;
  /** The object's declared fields (custom object or extension). */
  fields: readonly FieldInput[];
  components: readonly ComponentDescription[];
}

export interface PreviewDescription {
  pages: readonly RecordPageDescription[];
}

/** Key prefixes of standard objects a record page often shows; a custom object gets `a00`. */
const KEY_PREFIXES: Record<string, string> = {
  Account: '001',
  Contact: '003',
  Opportunity: '006',
  Lead: '00Q',
  Case: '500',
  Order: '801',
  Contract: '800',
  Product2: '01t',
};

/** `orderStatusTracker` -> `c-order-status-tracker`. */
export function componentTag(bundle: string): string {
  return `c-${bundle.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

export function fieldInput(field: FieldModel): FieldInput {
  const input = inputKind(field);
  return {
    name: field.name,
    label: field.label,
    input,
    required: field.required,
    ...(field.length !== undefined && input !== 'number' ? { maxLength: field.length } : {}),
    ...(field.kind === 'Number' ? { scale: field.scale ?? 0 } : {}),
    ...(field.kind === 'Picklist'
      ? { values: field.values ?? [], restricted: field.restricted !== false && (field.values?.length ?? 0) > 0 }
      : {}),
    defaultValue: defaultValue(field, input),
    ...(field.description ? { description: field.description } : {}),
  };
}

function inputKind(field: FieldModel): InputKind {
  switch (field.kind) {
    case 'Number':
      return 'number';
    case 'Checkbox':
      return 'checkbox';
    case 'Date':
      return 'date';
    case 'DateTime':
      return 'datetime';
    case 'Picklist':
      return 'picklist';
    case 'Email':
      return 'email';
    case 'Url':
      return 'url';
    case 'TextArea':
    case 'LongTextArea':
      return 'textarea';
    default:
      return 'text';
  }
}

function defaultValue(field: FieldModel, input: InputKind): string | boolean {
  if (input === 'checkbox') return field.defaultValue === true;
  if (input === 'picklist')
    return typeof field.defaultValue === 'string' ? field.defaultValue : (field.values?.[0] ?? '');
  return '';
}

function fakeId(object: string): string {
  return `${KEY_PREFIXES[object] ?? 'a00'}000000000001AAA`;
}

function objectFields(model: Model, object: string): FieldInput[] {
  const custom = model.objects.find((candidate) => candidate.apiName === object);
  const extensions = model.extensions.filter((extension) => extension.object === object);
  const fields = [...(custom?.fields ?? []), ...extensions.flatMap((extension) => extension.fields)];
  const name = custom
    ? [{ name: 'Name', label: custom.nameField.label, input: 'text', required: true, defaultValue: '' } as FieldInput]
    : [];
  return [...name, ...fields.map(fieldInput)];
}

function component(model: Model, operation: UiUpdateModel): ComponentDescription {
  const event = model.events.find((candidate) => candidate.apiName === operation.event);
  // The model is validated: a ui-update operation names a declared event.
  if (!event) throw new Error(`operation ${operation.name} subscribes to undeclared event ${operation.event}`);
  return {
    bundle: operation.component,
    tag: componentTag(operation.component),
    operation: operation.name,
    event: {
      apiName: event.apiName,
      label: event.label,
      channel: eventChannel(event),
      fields: event.fields.map(fieldInput),
    },
    recordIdField: operation.recordIdField,
    properties: operation.live ? liveRecordProperties(liveRecordSettings(model, operation)) : {},
  };
}

/** The record pages the build generates, each with its components, in the build's order. */
export function describePreview(model: Model): PreviewDescription {
  const operations = model.operations
    .filter((operation): operation is UiUpdateModel => operation.pattern === 'ui-update')
    .sort((a, b) => a.name.localeCompare(b.name));
  const objects = [...new Set(operations.map((operation) => operation.object))].sort((a, b) => a.localeCompare(b));
  return {
    pages: objects.map((object) => ({
      name: recordPageName(object),
      object,
      label: `${object.replace(/__c$/, '').replace(/_/g, ' ')} Record Page`,
      recordId: fakeId(object),
      fields: objectFields(model, object),
      components: operations
        .filter((operation) => operation.object === object)
        .map((operation) => component(model, operation)),
    })),
  };
}
