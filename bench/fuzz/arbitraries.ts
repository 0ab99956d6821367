/**
 * fast-check arbitraries: random *valid* declarations, kept conservatively inside today's rules
 * (another engineer is adding rules: labels stay short, names plain), and random mutations of them.
 * Names are made unique by an index, so a valid case never collides with itself or the platform.
 */
import fc from 'fast-check';
import type { Declaration, Value } from './render';

type Obj = { [key: string]: Value };

const word = fc.stringMatching(/^[A-Z][a-z]{1,8}$/);
/** A PascalCase word of at most `max` characters, often at or near that limit (boundaries find bugs). */
const name = (max: number) =>
  fc.oneof(word, fc.stringMatching(/^[A-Z][a-z]{20,40}$/)).map((w) => w.slice(0, Math.max(2, max)));
/** Labels and descriptions: XML and Apex special characters, quotes, Unicode letters, emoji. */
const TEXT_CHARS = [
  ...'abcXYZ019 ',
  '&',
  '<',
  '>',
  '"',
  "'",
  '\\',
  '$',
  '{',
  '}',
  'é',
  'ß',
  'Ж',
  '中',
  '😀',
  '*/',
  '/*',
];
const text = (max: number) =>
  fc
    .array(fc.constantFrom(...TEXT_CHARS), { minLength: 1, maxLength: max })
    .map((parts) => parts.join('').slice(0, max).trim() || 'x');
const label = text(30);

function commonOptions(): fc.Arbitrary<Obj> {
  return fc.record(
    { label, description: text(120), helpText: text(120), required: fc.boolean(), sensitive: fc.boolean() },
    { requiredKeys: [] },
  ) as fc.Arbitrary<Obj>;
}

/** A field for an object (`forEvent`: only the kinds a Platform Event may hold). */
function fieldArb(forEvent: boolean): fc.Arbitrary<Obj> {
  const common = commonOptions();
  const key = fc.record({ externalId: fc.boolean(), unique: fc.boolean() }, { requiredKeys: [] });
  const kinds: fc.Arbitrary<Obj>[] = [
    fc
      .tuple(common, key, fc.integer({ min: 1, max: 255 }))
      .map(([c, k, length]) => ({ $field: 'text', ...c, ...k, length })),
    fc
      .tuple(common, fc.integer({ min: 256, max: 131072 }))
      .map(([c, length]) => ({ $field: 'longTextArea', ...c, length })),
    fc
      .tuple(common, key, fc.integer({ min: 1, max: 18 }), fc.nat())
      .map(([c, k, precision, s]) => ({ $field: 'number', ...c, ...k, precision, scale: s % (precision + 1) })),
    fc.tuple(common, fc.boolean()).map(([c, defaultValue]) => {
      const { required: _required, ...rest } = c;
      return { $field: 'checkbox', ...rest, defaultValue };
    }),
    common.map((c) => ({ $field: 'date', ...c })),
    common.map((c) => ({ $field: 'dateTime', ...c })),
  ];
  if (!forEvent) {
    kinds.push(
      common.map((c) => ({ $field: 'textArea', ...c })),
      common.map((c) => ({ $field: 'email', ...c })),
      common.map((c) => ({ $field: 'url', ...c })),
      fc
        .tuple(
          common,
          fc.uniqueArray(word, {
            minLength: 1,
            maxLength: 6,
            comparator: (a, b) => a.toLowerCase() === b.toLowerCase(),
          }),
        )
        .map(([c, values]) => ({ $field: 'picklist', ...c, values })),
    );
  }
  return fc.oneof(...kinds);
}

/** `{ Name0__c: field..., Name1__c: ... }` with API names unique by index. */
const fieldMap = (forEvent: boolean, min = 1) =>
  fc.array(fc.tuple(name(38), fieldArb(forEvent)), { minLength: min, maxLength: 5 }).map((pairs) => {
    const map: Obj = {};
    pairs.forEach(([name, field], i) => (map[`${name}${i}__c`] = field));
    return map;
  });

/** A request/response shape: camelCase properties, shape-compatible kinds. */
const shape = fc
  .array(fc.tuple(fc.stringMatching(/^[a-z][a-zA-Z]{0,10}$/), fieldArb(true)), { minLength: 1, maxLength: 4 })
  .map((pairs) => {
    const map: Obj = {};
    pairs.forEach(([name, field], i) => {
      const { externalId: _e, unique: _u, ...rest } = field as Obj;
      map[`${name}${i}`] = rest;
    });
    return map;
  });

const retry = fc
  .record({
    maxAttempts: fc.integer({ min: 1, max: 10 }),
    baseDelaySeconds: fc.integer({ min: 0, max: 300 }),
    extra: fc.integer({ min: 0, max: 3000 }),
    jitter: fc.constantFrom('full', 'equal', 'none'),
    maxChainDepth: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  })
  .map(({ extra, maxChainDepth, ...r }) => ({
    ...r,
    maxDelaySeconds: r.baseDelaySeconds + extra,
    ...(maxChainDepth === undefined ? {} : { maxChainDepth }),
  }));

const auth = fc.oneof(
  fc.constant({ type: 'none' }),
  fc.constant({ type: 'oauthClientCredentials', tokenUrl: 'https://auth.example.com/oauth/token' }),
  fc.constant({ type: 'apiKeyHeader', headerName: 'X-Api-Key' }),
);
const schedule = fc.constantFrom('0 0 2 * * ?', '0 30 1 ? * MON-FRI', '0 0 * * * ?', '0 15 3 1 * ?');
const httpPath = fc
  .array(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), { minLength: 1, maxLength: 3 })
  .map((p) => '/' + p.join('/'));

export interface Shape {
  systems: number;
  events: number;
  objects: number;
}

/** A valid set of declarations: systems, events, objects and up to `maxOperations` operations that refer to them. */
export const validDeclarations = (maxOperations = 4): fc.Arbitrary<Declaration[]> =>
  fc
    .record({
      systems: fc.array(
        fc.record({
          word: name(30),
          label,
          auth,
          timeoutSeconds: fc.integer({ min: 1, max: 120 }),
          failureThreshold: fc.integer({ min: 1, max: 10 }),
          coolDownSeconds: fc.integer({ min: 1, max: 600 }),
        }),
        { minLength: 1, maxLength: 2 },
      ),
      events: fc.array(
        fc.record({
          // Fz<word><i>TriggerHandlerTest must fit in an Apex name (40).
          word: name(19),
          label,
          fields: fieldMap(true),
          publishBehavior: fc.constantFrom('PublishAfterCommit', 'PublishImmediately'),
        }),
        { minLength: 1, maxLength: 2 },
      ),
      objects: fc.array(
        fc.record({
          word: name(36),
          label,
          plural: label,
          fields: fieldMap(false, 0),
          sharingModel: fc.constantFrom('Private', 'Read', 'ReadWrite'),
        }),
        { maxLength: 2 },
      ),
      operations: fc.array(
        fc.record({
          word: name(22),
          description: text(120),
          pattern: fc.constantFrom(
            'fire-and-forget',
            'request-reply',
            'publish-subscribe',
            'batch-sync',
            'remote-call-in',
            'inbound-event',
          ),
          pick: fc.nat(),
          method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
          path: httpPath,
          timeout: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
          retry,
          request: shape,
          response: shape,
          schedule,
          batchSize: fc.integer({ min: 1, max: 2000 }),
        }),
        { minLength: 1, maxLength: maxOperations },
      ),
      extension: fc.option(fieldMap(false), { nil: undefined }),
      monitor: fc.option(
        fc.record({
          word: name(12),
          failureRateThreshold: fc.integer({ min: 1, max: 100 }).map((n) => n / 100),
          windowMinutes: fc.integer({ min: 1, max: 1440 }),
          minimumVolume: fc.integer({ min: 1, max: 1000 }),
          schedule: fc.constantFrom('0 0 * * * ?', '0 0,15,30,45 * * * ?', '0 */10 * * * ?'),
        }),
        { nil: undefined },
      ),
    })
    .map(({ systems, events, objects, operations, extension, monitor }) => {
      const out: Declaration[] = [];
      if (extension)
        out.push({ kind: 'extension', variable: 'orderFields', value: { object: 'Order', fields: extension } });
      if (monitor) {
        const { word: w, ...rest } = monitor;
        out.push({
          kind: 'monitoring',
          variable: 'health',
          value: { name: `Fz${w}`, ...rest, alertEmail: 'ops@example.com' },
        });
      }
      const systemNames = systems.map((s, i) => `Fz${s.word}${i}_API`);
      systems.forEach((s, i) =>
        out.push({
          kind: 'system',
          variable: `system${i}`,
          value: {
            name: systemNames[i],
            label: s.label,
            baseUrl: `https://${s.word.toLowerCase()}${i}.example.com/api`,
            auth: s.auth,
            timeoutSeconds: s.timeoutSeconds,
            circuitBreaker: { failureThreshold: s.failureThreshold, coolDownSeconds: s.coolDownSeconds },
          },
        }),
      );
      const eventNames = events.map((e, i) => `Fz${e.word}${i}__e`);
      events.forEach((e, i) => {
        // Every event has a text key the fire-and-forget operations can use.
        const fields = { Key__c: { $field: 'text', length: 40, required: true }, ...e.fields };
        out.push({
          kind: 'event',
          variable: `event${i}`,
          value: {
            apiName: eventNames[i],
            label: e.label,
            eventType: 'HighVolume',
            publishBehavior: e.publishBehavior,
            fields,
          },
        });
      });
      const objectNames = objects.map((o, i) => `Fz${o.word}${i}__c`);
      objects.forEach((o, i) => {
        const fields = { Ext_Key__c: { $field: 'text', length: 64, externalId: true, unique: true }, ...o.fields };
        out.push({
          kind: 'object',
          variable: `object${i}`,
          value: {
            apiName: objectNames[i],
            label: o.label,
            pluralLabel: o.plural,
            nameField: { type: 'Text', label: 'Name' },
            sharingModel: o.sharingModel,
            fields,
          },
        });
      });
      operations.forEach((o, i) => {
        const name = `Fz${o.word}${i}`;
        const system = systemNames[o.pick % systemNames.length];
        const event = eventNames[o.pick % eventNames.length];
        const object = objectNames.length > 0 ? objectNames[o.pick % objectNames.length] : undefined;
        const call = {
          system,
          method: o.method,
          path: o.path,
          ...(o.timeout === undefined ? {} : { timeoutSeconds: o.timeout }),
        };
        const base = { name, description: o.description, pattern: o.pattern };
        let value: Obj;
        if (o.pattern === 'fire-and-forget') value = { ...base, event, messageKey: 'Key__c', ...call, retry: o.retry };
        else if (o.pattern === 'request-reply') {
          const [first, firstField] = Object.entries(o.response)[0] as [string, Obj];
          const sample: Value =
            firstField.$field === 'number' ? 0 : firstField.$field === 'checkbox' ? false : 'REVIEW';
          value = { ...base, ...call, request: o.request, response: o.response, fallback: { [first]: sample } };
        } else if (o.pattern === 'publish-subscribe') value = { ...base, event, subscribers: ['A subscriber'] };
        else if (o.pattern === 'batch-sync' && object) {
          value = {
            ...base,
            object,
            fields: ['Ext_Key__c'],
            idempotencyKey: 'Ext_Key__c',
            ...call,
            schedule: o.schedule,
            batchSize: o.batchSize,
            retry: o.retry,
          };
        } else if (o.pattern === 'remote-call-in' && object) {
          value = {
            ...base,
            source: 'Fuzz',
            object,
            urlMapping: `/fuzz/v1/${name.toLowerCase()}`,
            idempotencyKey: 'Ext_Key__c',
            request: { key: { $field: 'text', length: 64, required: true }, ...o.request },
            mapping: { key: 'Ext_Key__c' },
          };
        } else if (o.pattern === 'inbound-event' && object) {
          // Records with required fields cannot be created from the key alone: log unknown keys.
          const mapping = { Key__c: 'Ext_Key__c' };
          value = {
            ...base,
            source: 'Fuzz',
            event,
            object,
            idempotencyKey: 'Ext_Key__c',
            mapping,
            onMissingRecord: 'log',
          };
        } else value = { ...base, pattern: 'publish-subscribe', event, subscribers: ['A subscriber'] }; // no object declared
        out.push({ kind: 'operation', variable: `operation${i}`, value });
      });
      return out;
    });

/** Strings a careless or curious user might type anywhere a string goes. */
const nastyString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'a'.repeat(300),
    'Ünïcödé',
    'has space',
    'double__underscore',
    'trailing_',
    '1digit',
    'class',
    'Order',
    'Id',
    'x"y',
    "it's",
    'a\\b',
    'line\nbreak',
    '<tag>&amp;',
    '*/ /*',
    '${x}',
    '/',
    '/a?b=c#d',
    'https://',
    'callout:X',
    '😀',
  ),
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const nastyNumber = fc.oneof(
  fc.constantFrom(0, -1, 0.5, 1e9, 2 ** 31, 41, 256, 2001, 131073),
  fc.integer({ min: -1000, max: 100000 }),
);

/** Keys whose TypeScript type is a union of string literals: a mutation picks another member. */
const ENUMS: Record<string, string[]> = {
  method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  jitter: ['full', 'equal', 'none'],
  sharingModel: ['Private', 'Read', 'ReadWrite'],
  publishBehavior: ['PublishAfterCommit', 'PublishImmediately'],
};
/** Keys the types fix, so that a change would only be a TypeScript error (covered by tsc, not the rules). */
const FIXED = new Set(['$field', 'eventType', 'type', 'kind', 'chainDepthOverride', 'pattern']);
/** Objects whose keys are names the user chooses (field API names, shape properties), not DSL properties. */
const MAPS = new Set(['fields', 'request', 'response', 'mapping', 'fallback']);
/**
 * Keys the types let a declaration lose, by where they are (ts-src/dsl): `label` is optional on a
 * field but required on a system, an event and an object; `timeoutSeconds` on an operation only.
 */
const FIELD_OPTIONAL = new Set([
  'label',
  'description',
  'helpText',
  'required',
  'sensitive',
  'externalId',
  'unique',
  'defaultValue',
  'visibleLines',
  'restricted',
]);
const DECLARATION_OPTIONAL: Record<string, Set<string>> = {
  event: new Set(['pluralLabel', 'description']),
  object: new Set(['description']),
  operation: new Set(['timeoutSeconds', 'relatedRecordField', 'publishes', 'orderedBy']),
};
const NESTED_OPTIONAL: Record<string, Set<string>> = { retry: new Set(['maxChainDepth']), auth: new Set(['scope']) };

function removable(declaration: Declaration, path: Path): boolean {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return false;
  if (path.length === 1) return DECLARATION_OPTIONAL[declaration.kind]?.has(key) ?? false;
  let parent: Value = declaration.value;
  for (const step of path.slice(0, -1)) parent = (parent as Obj)[step as string];
  if (typeof parent === 'object' && !Array.isArray(parent) && typeof parent.$field === 'string')
    return FIELD_OPTIONAL.has(key);
  return NESTED_OPTIONAL[String(path[path.length - 2])]?.has(key) ?? false;
}

type Path = (string | number)[];
interface Slot {
  path: Path;
  value: Value;
  key: string | number;
}

function slots(value: Value, path: Path = [], key: string | number = ''): Slot[] {
  const here: Slot[] = path.length > 0 ? [{ path, value, key }] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => slots(item, [...path, i], key))];
  if (typeof value === 'object')
    return [...here, ...Object.entries(value).flatMap(([k, v]) => slots(v, [...path, k], k))];
  return here;
}

export interface Mutation {
  describe: string;
  apply(declarations: Declaration[]): Declaration[];
}

const clone = <T>(value: T): T => structuredClone(value);
function setAt(root: Obj, path: Path, next: Value | undefined): void {
  let parent: Value = root;
  for (const step of path.slice(0, -1)) parent = (parent as Obj)[step as string];
  const last = path[path.length - 1];
  if (next === undefined) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete (parent as Obj)[last as string];
  } else (parent as Obj)[last as string] = next;
}

/** A random change that keeps the declaration well-typed (so it reaches the rules, not tsc). */
export const mutation: fc.Arbitrary<Mutation> = fc
  .record({
    which: fc.nat(),
    slot: fc.nat(),
    string: nastyString,
    number: nastyNumber,
    flavour: fc.nat({ max: 9 }),
    word,
  })
  .map(({ which, slot, string, number, flavour, word: w }) => ({
    describe: '',
    apply(declarations: Declaration[]): Declaration[] {
      const out = clone(declarations);
      const target = out[which % out.length];
      if (flavour === 9) {
        // The same declaration twice, or a second one of the same name.
        out.push({ ...clone(target), variable: `${target.variable}Copy` });
        this.describe = `duplicate ${target.variable}`;
        return out;
      }
      const candidates = slots(target.value).filter(
        (s) =>
          !FIXED.has(String(s.key)) &&
          (typeof s.value !== 'object' || Array.isArray(s.value) || MAPS.has(String(s.key))),
      );
      if (candidates.length === 0) return out;
      const chosen = candidates[slot % candidates.length];
      const where = `${target.variable}.${chosen.path.join('.')}`;
      const v = chosen.value;
      if (flavour <= 1 && removable(target, chosen.path)) {
        setAt(target.value, chosen.path, undefined);
        this.describe = `remove ${where}`;
      } else if (typeof chosen.key === 'string' && chosen.key in ENUMS && typeof v === 'string') {
        const options = ENUMS[chosen.key];
        setAt(target.value, chosen.path, options[(options.indexOf(v) + 1 + flavour) % options.length]);
        this.describe = `${where} = another member of its union`;
      } else if (typeof v === 'string') {
        const keepSuffix = /__(c|e)$/.exec(v)?.[0] ?? '';
        const next = flavour % 2 === 0 ? string + keepSuffix : `${w}${string}${keepSuffix}`;
        setAt(target.value, chosen.path, next);
        this.describe = `${where} = ${JSON.stringify(next)}`;
      } else if (typeof v === 'number') {
        setAt(target.value, chosen.path, number);
        this.describe = `${where} = ${number}`;
      } else if (typeof v === 'boolean') {
        setAt(target.value, chosen.path, !v);
        this.describe = `${where} = ${!v}`;
      } else if (Array.isArray(v)) {
        if (v.length > 0 && flavour % 2 === 0) v.push(clone(v[0]));
        else if (v.length > 1) v.pop();
        else v.push(string);
        this.describe = `${where} changed length`;
      } else if (MAPS.has(String(chosen.key))) {
        // A map: rename one of its keys (a field API name, a shape property, a mapping key).
        const keys = Object.keys(v).filter((k) => !FIXED.has(k));
        if (keys.length === 0) return out;
        const old = keys[flavour % keys.length];
        const suffix = /__(c|e)$/.exec(old)?.[0] ?? '';
        const renamed = `${string}${suffix}` || 'x';
        const entries = Object.entries(v).map(([k, item]) => [k === old ? renamed : k, item] as const);
        setAt(target.value, chosen.path, Object.fromEntries(entries));
        this.describe = `${where}: key ${JSON.stringify(old)} -> ${JSON.stringify(renamed)}`;
      } else {
        this.describe = `nothing changed at ${where}`;
      }
      return out;
    },
  }));
