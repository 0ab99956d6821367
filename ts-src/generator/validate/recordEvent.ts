/**
 * Rules of a record-event operation (`pattern: 'record-event'`): saving a record of `object`
 * publishes `event` with values copied from the record. Every name is checked against the
 * declarations and, for standard objects, the platform's catalog (generator/catalog), with the
 * nearest known name where one is close.
 */
import { extensionRefusal, standardObject, type StandardFieldType } from '../catalog';
import { childAt, type Literal } from '../load/literal';
import { unknownObjectProblem } from './catalog';
import { numberAt, stringAt, type Report } from './fields';
import { COMMON_FIELDS } from './rules';
import { didYouMean } from './strict';

/**
 * Event field kind -> record field kinds whose values it can hold unchanged (Platform Event fields
 * are Text, LongTextArea, Number, Checkbox, Date or DateTime: rules.ts PLATFORM_EVENT_FIELD_KINDS).
 */
const HOLDS: Readonly<Record<string, readonly string[]>> = {
  Text: ['Text', 'Email', 'Url', 'Picklist', 'TextArea'],
  LongTextArea: ['Text', 'Email', 'Url', 'Picklist', 'TextArea', 'LongTextArea'],
  Number: ['Number'],
  Checkbox: ['Checkbox'],
  Date: ['Date'],
  DateTime: ['DateTime'],
};

/** The field kind a standard field's Apex type stands for here; undefined: no event field holds it. */
const STANDARD_KIND: Readonly<Partial<Record<StandardFieldType, string>>> = {
  String: 'Text',
  Id: 'Id',
  Boolean: 'Checkbox',
  Integer: 'Number',
  Long: 'Number',
  Decimal: 'Number',
  Date: 'Date',
  Datetime: 'DateTime',
};

/** Apex types of the fields every custom object has (rules.ts COMMON_FIELDS). */
const COMMON_FIELD_TYPES: Readonly<Record<string, StandardFieldType>> = {
  Id: 'Id',
  Name: 'String',
  CreatedDate: 'Datetime',
  LastModifiedDate: 'Datetime',
  SystemModstamp: 'Datetime',
  OwnerId: 'Id',
};

/** A record field: its declaration (a custom field) or its Apex type (a standard field, from the catalog). */
interface RecordField {
  declaration?: Literal;
  standardType?: StandardFieldType;
}
type RecordFields = Map<string, RecordField>;

interface Declared {
  events: Map<string, Literal>;
  /** Custom objects and the standard objects extended: their declared custom fields. */
  customFields: Map<string, Map<string, Literal>>;
  customObjects: string[];
}

function declared(events: Literal[], objects: Literal[], extensions: Literal[]): Declared {
  const byEvent = new Map<string, Literal>();
  for (const event of events) {
    const name = stringAt(event, 'apiName');
    if (name) byEvent.set(name, event);
  }
  const customFields = new Map<string, Map<string, Literal>>();
  const customObjects: string[] = [];
  const add = (name: string | undefined, fields: Literal | undefined) => {
    if (!name) return;
    const map = customFields.get(name) ?? new Map<string, Literal>();
    if (fields?.type === 'object') for (const [f, field] of fields.entries) map.set(f, field);
    customFields.set(name, map);
  };
  for (const object of objects) {
    const name = stringAt(object, 'apiName');
    if (name) customObjects.push(name);
    add(name, childAt(object, 'fields'));
  }
  for (const extension of extensions) add(stringAt(extension, 'object'), childAt(extension, 'fields'));
  return { events: byEvent, customFields, customObjects };
}

/**
 * The fields a record-event may read on `object`: a declared custom object's common and custom
 * fields, or a standard object's fields from the platform catalog plus the custom fields declared on
 * it. Undefined for an object that is neither (or one the catalog says holds no records).
 */
function recordFieldsOf(known: Declared, object: string): RecordFields | undefined {
  const custom = known.customFields.get(object);
  if (known.customObjects.includes(object)) {
    const fields: RecordFields = new Map(COMMON_FIELDS.map((f) => [f, { standardType: COMMON_FIELD_TYPES[f] }]));
    for (const [f, declaration] of custom ?? []) fields.set(f, { declaration });
    return fields;
  }
  const standard = standardObject(object);
  if (!standard || extensionRefusal(object)) return undefined;
  const fields: RecordFields = new Map([...standard.fields].map(([f, standardType]) => [f, { standardType }]));
  for (const [f, declaration] of custom ?? []) fields.set(f, { declaration });
  return fields;
}

/** A record field's kind: the declared one, or the one its standard Apex type stands for. */
function kindOf(field: RecordField | undefined): string | undefined {
  if (field?.declaration) return stringAt(field.declaration, 'kind');
  return field?.standardType ? STANDARD_KIND[field.standardType] : undefined;
}

const nearest = (name: string, known: Iterable<string>) => {
  const suggestion = didYouMean(name, [...known]);
  return suggestion ? `; did you mean "${suggestion}"?` : '';
};

/** Every rule of every record-event operation. */
export function checkRecordEvents(
  report: Report,
  operations: Literal[],
  events: Literal[],
  objects: Literal[],
  extensions: Literal[],
): void {
  const recordEvents = operations.filter((o) => stringAt(o, 'pattern') === 'record-event');
  if (recordEvents.length === 0) return;
  const known = declared(events, objects, extensions);
  for (const operation of recordEvents) checkRecordEvent(report, operation, known);
}

function checkRecordEvent(report: Report, operation: Literal, known: Declared): void {
  const name = stringAt(operation, 'name') ?? '?';
  const objectAt = childAt(operation, 'object');
  const object = objectAt?.type === 'string' ? objectAt.value : undefined;
  const recordFields = object !== undefined ? recordFieldsOf(known, object) : undefined;
  const problem = object !== undefined && !recordFields ? unknownObjectProblem(object, known.customObjects) : undefined;
  if (objectAt && object !== undefined && !recordFields) {
    report(
      objectAt,
      'unknown-object',
      `Record-event ${name} ${problem?.message ?? `names object "${object}", which holds no records`}`,
      problem?.fix ?? 'name an object that holds records, or declare a customObject',
    );
  }
  const eventAt = childAt(operation, 'event');
  const eventName = eventAt?.type === 'string' ? eventAt.value : undefined;
  const event = eventName !== undefined ? known.events.get(eventName) : undefined;
  if (eventAt && eventName !== undefined && !event) {
    report(
      eventAt,
      'unknown-event',
      `Record-event ${name} publishes "${eventName}", which is not a declared Platform Event${nearest(eventName, known.events.keys())}`,
      `declare it with platformEvent({ apiName: '${eventName}', publishBehavior: 'PublishAfterCommit', ... }) or use one of: ${[...known.events.keys()].join(', ') || '(none)'}`,
    );
  }
  if (event && eventAt && stringAt(event, 'publishBehavior') !== 'PublishAfterCommit') {
    report(
      eventAt,
      'record-event-publish-behavior',
      `${eventName} is published immediately (${stringAt(event, 'publishBehavior')}): a save that is rolled back afterwards (a later trigger's error, a validation rule, a failed partial save) would still have told its subscribers the fact happened`,
      `declare ${eventName} with publishBehavior: 'PublishAfterCommit', so the event leaves only when the save commits`,
    );
  }
  const eventFields = childAt(event, 'fields');
  checkOn(report, operation);
  if (recordFields) checkConditions(report, operation, object!, recordFields);
  checkMapping(
    report,
    operation,
    object ?? '?',
    recordFields,
    eventName ?? '?',
    eventFields?.type === 'object' ? eventFields.entries : undefined,
  );
}

function checkOn(report: Report, operation: Literal): void {
  const on = childAt(operation, 'on');
  if (on?.type === 'array' && on.items.length === 0) {
    report(
      on,
      'record-event-on',
      '`on: []` names no save, so the operation would never publish',
      "list 'insert', 'update' or both, or leave `on` out for both",
    );
  }
}

function checkConditions(report: Report, operation: Literal, object: string, recordFields: RecordFields): void {
  const unknownField = (at: Literal, field: string, role: string) =>
    report(
      at,
      'unknown-field',
      `${role} "${field}" is not a field of ${object}${nearest(field, recordFields.keys())}`,
      `declare it on ${object} (objectExtension or customObject) or use one of: ${[...recordFields.keys()].join(', ')}`,
    );
  const whenChanged = childAt(operation, 'whenChanged');
  if (whenChanged?.type === 'array') {
    if (whenChanged.items.length === 0) {
      report(
        whenChanged,
        'record-event-condition',
        '`whenChanged: []` names no field, so no update would ever count as a change',
        'list the fields whose change publishes, or leave whenChanged out',
      );
    }
    for (const item of whenChanged.items) {
      if (item.type === 'string' && !recordFields.has(item.value)) unknownField(item, item.value, 'whenChanged field');
    }
  }
  const when = childAt(operation, 'when');
  const fieldAt = childAt(when, 'field');
  const equals = childAt(when, 'equals');
  if (fieldAt?.type !== 'string') return;
  if (!recordFields.has(fieldAt.value)) {
    unknownField(fieldAt, fieldAt.value, 'when.field');
    return;
  }
  const field = recordFields.get(fieldAt.value);
  const declaration = field?.declaration;
  const kind = kindOf(field);
  if (!kind || !equals) return;
  const expected = kind === 'Number' ? 'number' : kind === 'Checkbox' ? 'boolean' : 'string';
  if (equals.type !== expected) {
    report(
      equals,
      'record-event-condition',
      `when.equals is a ${equals.type}, but ${object}.${fieldAt.value} is a ${kind} field, so the condition could never hold`,
      `write a ${expected} value`,
    );
    return;
  }
  const values = childAt(declaration, 'values');
  if (
    kind === 'Picklist' &&
    equals.type === 'string' &&
    values?.type === 'array' &&
    !values.items.some((v) => v.type === 'string' && v.value === equals.value)
  ) {
    report(
      equals,
      'record-event-condition',
      `"${equals.value}" is not a value of the picklist ${object}.${fieldAt.value}, so the condition could never hold${nearest(
        equals.value,
        values.items.map((v) => (v.type === 'string' ? v.value : '')),
      )}`,
      `use one of: ${values.items.map((v) => (v.type === 'string' ? v.value : '')).join(', ')}`,
    );
  }
}

function checkMapping(
  report: Report,
  operation: Literal,
  object: string,
  recordFields: RecordFields | undefined,
  eventName: string,
  eventFields: Map<string, Literal> | undefined,
): void {
  const mapping = childAt(operation, 'mapping');
  if (mapping?.type !== 'object') return;
  if (mapping.entries.size === 0) {
    report(
      mapping,
      'record-event-mapping',
      'mapping is empty: the event would carry nothing of the record',
      `map event fields of ${eventName} to fields of ${object}, such as { Record_Id__c: 'Id' }`,
    );
    return;
  }
  for (const [eventField, target] of mapping.entries) {
    const to = eventFields?.get(eventField);
    if (eventFields && !to) {
      report(
        target,
        'unknown-field',
        `Mapping names "${eventField}", which is not a field of ${eventName}${nearest(eventField, eventFields.keys())}`,
        `declare ${eventField} on ${eventName} or use one of: ${[...eventFields.keys()].join(', ')}`,
      );
      continue;
    }
    if (target.type !== 'string' || !recordFields) continue;
    if (!recordFields.has(target.value)) {
      report(
        target,
        'unknown-field',
        `Mapping copies "${target.value}", which is not a field of ${object}${nearest(target.value, recordFields.keys())}`,
        `declare it on ${object} or use one of: ${[...recordFields.keys()].join(', ')}`,
      );
      continue;
    }
    if (to) checkMappedKind(report, target, eventName, eventField, to, object, recordFields.get(target.value));
  }
  if (!eventFields) return;
  for (const [eventField, field] of eventFields) {
    if (
      childAt(field, 'required')?.type === 'boolean' &&
      stringAt(field, 'kind') &&
      (childAt(field, 'required') as { value: boolean }).value &&
      !mapping.entries.has(eventField)
    ) {
      report(
        mapping,
        'record-event-required',
        `${eventName}.${eventField} is required but the mapping does not fill it, so every publish would be refused`,
        `map ${eventField} to a field of ${object}, or make it optional on ${eventName}`,
      );
    }
  }
}

/** The event field can hold the record field's value: its kind, and a Text long enough. */
function checkMappedKind(
  report: Report,
  target: Literal & { type: 'string' },
  eventName: string,
  eventField: string,
  to: Literal,
  object: string,
  from: RecordField | undefined,
): void {
  const toKind = stringAt(to, 'kind') ?? '';
  const toLength = numberAt(to, 'length');
  const fromKind = kindOf(from);
  if (fromKind === 'Id') {
    if (!(toKind === 'Text' || toKind === 'LongTextArea') || (toLength !== undefined && toLength < 18)) {
      report(
        target,
        'record-id-field',
        `${eventName}.${eventField} (${toKind}${toLength !== undefined ? `(${toLength})` : ''}) cannot hold a record id (Text of 18 characters) from ${object}.${target.value}`,
        `map ${target.value} to a field.text({ length: 18 }) field of ${eventName}`,
      );
    }
    return;
  }
  if (!fromKind) {
    report(
      target,
      'record-event-mapping-type',
      `${object}.${target.value} is a ${from?.standardType ?? 'compound'} field, which no Platform Event field can hold`,
      `map ${eventField} to one of its parts or to a text, number, checkbox, date or date-time field of ${object}`,
    );
    return;
  }
  if (!(HOLDS[toKind] ?? []).includes(fromKind)) {
    report(
      target,
      'record-event-mapping-type',
      `Mapping copies ${object}.${target.value} (${fromKind}) into ${eventName}.${eventField} (${toKind}), which cannot hold it`,
      `map ${eventField} to a ${(HOLDS[toKind] ?? []).join(' or ')} field, or declare ${eventField} with a kind that holds a ${fromKind}`,
    );
    return;
  }
  const fromLength = fromKind === 'TextArea' ? 255 : numberAt(from?.declaration, 'length');
  if (toKind === 'Text' && toLength !== undefined && fromLength !== undefined && fromLength > toLength) {
    report(
      target,
      'record-event-mapping-length',
      `${object}.${target.value} holds up to ${fromLength} characters and ${eventName}.${eventField} ${toLength}: a longer value would make the publish fail`,
      `declare ${eventField} with length: ${fromLength} or more`,
    );
  }
}
