/**
 * Rules of an inbound-event operation beyond the ones every operation shares (the event and the
 * object exist, mapping targets are fields of the object, the key is a unique External ID: see
 * checkReferences in index.ts): the event side of the mapping, which event field carries the key,
 * and `orderedBy`.
 *
 * Not a rule: the event's publishBehavior. It decides when an event published inside a Salesforce
 * transaction (Apex, a flow) goes out: at commit or at once. A system outside Salesforce publishes
 * through the API (REST `sobjects/<Event>__e`, SOAP, Pub/Sub API), where the publish is the whole
 * request and is queued when the call succeeds, so either value behaves the same for it:
 * https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_publish_api.htm
 */
import { childAt, keyAt, type Literal } from '../load/literal';
import { booleanAt, numberAt, stringAt, type Report } from './fields';
import { canWrite, writableKinds } from './kinds';

/**
 * Standard fields the platform requires on a new record of a standard object an inbound event may
 * create (a custom object's are its declared required fields). An Asset needs an Account or a
 * Contact; the Account is listed.
 */
const REQUIRED_ON_CREATE: Readonly<Record<string, readonly string[]>> = {
  Order: ['AccountId', 'EffectiveDate', 'Status'],
  Asset: ['Name', 'AccountId'],
};

/** Fields of each declared event and object, as index.ts's catalog holds them. */
export interface InboundCatalog {
  eventFields: ReadonlyMap<string, Map<string, Literal>>;
  /** `undefined` for a standard field (its kind is not declared). */
  objectFields: ReadonlyMap<string, Map<string, Literal | undefined>>;
}

export function checkInboundEvent(report: Report, operation: Literal, catalog: InboundCatalog): void {
  if (stringAt(operation, 'pattern') !== 'inbound-event') return;
  const event = stringAt(operation, 'event');
  const object = stringAt(operation, 'object');
  const eventFields = event !== undefined ? catalog.eventFields.get(event) : undefined;
  const objectFields = object !== undefined ? catalog.objectFields.get(object) : undefined;
  const mapping = childAt(operation, 'mapping');
  // Unknown events and objects are reported by checkReferences.
  if (!eventFields || !objectFields || mapping?.type !== 'object') return;
  const targets = new Map<string, string>();
  for (const [eventField, target] of mapping.entries) {
    const from = eventFields.get(eventField);
    if (!from) {
      report(
        keyAt(mapping, eventField) ?? target,
        'unknown-field',
        `Mapping reads "${eventField}", which is not a field of ${event}`,
        `use one of: ${[...eventFields.keys()].join(', ')}`,
      );
      continue;
    }
    if (target.type !== 'string') continue;
    const earlier = targets.get(target.value.toLowerCase());
    if (earlier) {
      report(
        target,
        'mapping-duplicate',
        `${eventField} and ${earlier} are both written to ${object}.${target.value}: which one wins would depend on the order of the mapping`,
        `map ${object}.${target.value} from one event field`,
      );
    }
    targets.set(target.value.toLowerCase(), eventField);
    if (objectFields.has(target.value)) {
      checkKinds(report, target, eventField, from, objectFields.get(target.value), object!);
    }
  }
  checkKey(report, operation, mapping, eventFields, event!);
  checkOrderedBy(report, operation, mapping, eventFields, objectFields, event!);
  checkCreate(report, operation, mapping, objectFields, object!);
}

/** An operation that creates missing records maps every field a new record needs. */
function checkCreate(
  report: Report,
  operation: Literal,
  mapping: Literal & { type: 'object' },
  objectFields: Map<string, Literal | undefined>,
  object: string,
): void {
  if (stringAt(operation, 'onMissingRecord') === 'log') return;
  const written = new Set([...mapping.entries.values()].map((t) => (t.type === 'string' ? t.value : '')));
  const declared = [...objectFields].filter(([, field]) => field && booleanAt(field, 'required')).map(([name]) => name);
  const missing = [...(REQUIRED_ON_CREATE[object] ?? []), ...declared].filter((name) => !written.has(name));
  if (missing.length === 0) return;
  report(
    childAt(operation, 'onMissingRecord') ?? childAt(operation, 'object')!,
    'inbound-create',
    `An event whose key no ${object} has creates one, and a new ${object} needs ${missing.join(', ')}, which the mapping does not write: every such event would fail`,
    `map event fields to ${missing.join(', ')}, or add onMissingRecord: 'log' if ${object} records are created elsewhere first`,
  );
}

/** An event field is written to a field of a kind it fits, and a Text into one as long. */
function checkKinds(
  report: Report,
  target: Literal & { type: 'string' },
  eventField: string,
  from: Literal,
  to: Literal | undefined,
  object: string,
): void {
  const fromKind = stringAt(from, 'kind');
  const toKind = stringAt(to, 'kind');
  if (!fromKind || !toKind) return;
  if (!canWrite(fromKind, toKind)) {
    report(
      target,
      'mapping-type',
      `Mapping writes event field ${eventField} (${fromKind}) to ${object}.${target.value} (${toKind}), which cannot hold it`,
      `map ${eventField} to a ${writableKinds(fromKind)} field, or change the kind of one of the two fields`,
    );
    return;
  }
  const fromLength = numberAt(from, 'length');
  const toLength = numberAt(to, 'length');
  if (fromKind === 'Text' && toKind === 'Text' && fromLength !== undefined && toLength !== undefined) {
    if (fromLength > toLength) {
      report(
        target,
        'mapping-length',
        `Mapping writes event field ${eventField} (up to ${fromLength} characters) to ${object}.${target.value}, which holds ${toLength}: a longer value would fail that event's save`,
        `declare ${eventField} with length: ${toLength} or less (the platform then refuses a longer value when it is published), or lengthen ${target.value}`,
      );
    }
  }
}

/** Exactly one mapping entry writes the key, from a required event field. */
function checkKey(
  report: Report,
  operation: Literal,
  mapping: Literal & { type: 'object' },
  eventFields: Map<string, Literal>,
  event: string,
): void {
  const key = childAt(operation, 'idempotencyKey');
  if (key?.type !== 'string') return;
  const carriers = [...mapping.entries].filter(([, target]) => target.type === 'string' && target.value === key.value);
  if (carriers.length === 0) {
    report(
      key,
      'inbound-key',
      `No mapping entry writes idempotencyKey ${key.value}, so no event field says which record an event is about`,
      `add the event field that carries the key to mapping, such as Asset_Serial__c: '${key.value}'`,
    );
    return;
  }
  const [eventField, target] = carriers[0];
  const field = eventFields.get(eventField);
  if (field && !booleanAt(field, 'required')) {
    report(
      target,
      'inbound-key',
      `${event}.${eventField} carries the key but is not required: an event published without it could not be applied to any record`,
      `declare ${eventField} with required: true on ${event} (the platform then refuses such an event when it is published)`,
    );
  }
}

/** `orderedBy` names a DateTime event field written to a DateTime field of the record. */
function checkOrderedBy(
  report: Report,
  operation: Literal,
  mapping: Literal & { type: 'object' },
  eventFields: Map<string, Literal>,
  objectFields: Map<string, Literal | undefined>,
  event: string,
): void {
  const orderedBy = childAt(operation, 'orderedBy');
  if (orderedBy?.type !== 'string') return;
  const target = mapping.entries.get(orderedBy.value);
  const targetKind =
    target?.type === 'string' && objectFields.has(target.value)
      ? (stringAt(objectFields.get(target.value), 'kind') ?? 'DateTime')
      : undefined;
  if (stringAt(eventFields.get(orderedBy.value), 'kind') !== 'DateTime' || targetKind !== 'DateTime') {
    report(
      orderedBy,
      'ordered-by',
      `orderedBy "${orderedBy.value}" is not a DateTime field of ${event} mapped to a DateTime field of the record, so the stored change time could not be compared`,
      `name a field.dateTime() field of ${event} that mapping writes to a DateTime field`,
    );
  }
}
