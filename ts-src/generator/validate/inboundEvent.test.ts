/**
 * The rules of an inbound-event operation, each broken once in one throwaway project built once:
 * the rule, the message and the file:line:col of the offending property.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fs from 'node:fs';
import { assertError, buildRefused, type Expectation, type RefusedBuild } from './testProject';

const FILE = 'ts-src/integrations/readings.ts';

const inbound = (name: string, body: string) => `export const op${name} = operation({
  name: '${name}',
  description: 'Readings.',
  pattern: 'inbound-event',
  source: 'Telemetry',
  event: 'Reading__e',
  object: 'Meter__c',
  ${body}
});
`;

const TEXT = `import { customObject, field, operation, platformEvent } from '../dsl';

export const reading = platformEvent({
  apiName: 'Reading__e',
  label: 'Reading',
  eventType: 'HighVolume',
  publishBehavior: 'PublishImmediately',
  fields: {
    Serial__c: field.text({ length: 40, required: true }),
    Loose_Serial__c: field.text({ length: 40 }),
    Long_Note__c: field.text({ length: 200 }),
    Value__c: field.number({ precision: 12, scale: 3 }),
    Read_At__c: field.dateTime({ required: true }),
    Read_On__c: field.date(),
    Ok__c: field.checkbox(),
  },
});

export const meter = customObject({
  apiName: 'Meter__c',
  label: 'Meter',
  pluralLabel: 'Meters',
  nameField: { type: 'Text', label: 'Name' },
  sharingModel: 'ReadWrite',
  fields: {
    Serial__c: field.text({ length: 40, externalId: true, unique: true }),
    Plain_Serial__c: field.text({ length: 40 }),
    Note__c: field.text({ length: 50 }),
    Value__c: field.number({ precision: 12, scale: 3 }),
    Last_Read_At__c: field.dateTime(),
    Read_On__c: field.date(),
  },
});

export const gauge = customObject({
  apiName: 'Gauge__c',
  label: 'Gauge',
  pluralLabel: 'Gauges',
  nameField: { type: 'Text', label: 'Name' },
  sharingModel: 'ReadWrite',
  fields: {
    Serial__c: field.text({ length: 40, externalId: true, unique: true }),
    Site__c: field.text({ length: 40, required: true }),
  },
});

${inbound(
  'KeyNotMapped',
  `idempotencyKey: 'Serial__c',
  mapping: { Value__c: 'Value__c' },`,
)}
${inbound(
  'KeyNotRequired',
  `idempotencyKey: 'Serial__c',
  mapping: { Loose_Serial__c: 'Serial__c' },`,
)}
${inbound(
  'KeyNotUnique',
  `idempotencyKey: 'Plain_Serial__c',
  mapping: { Serial__c: 'Plain_Serial__c' },`,
)}
${inbound(
  'BadMapping',
  `idempotencyKey: 'Serial__c',
  mapping: { Serial__c: 'Serial__c', Nope__c: 'Value__c', Ok__c: 'Read_On__c', Long_Note__c: 'Note__c', Read_On__c: 'Nowhere__c' },`,
)}
${inbound(
  'TwiceMapped',
  `idempotencyKey: 'Serial__c',
  mapping: { Serial__c: 'Serial__c', Read_At__c: 'Last_Read_At__c', Read_On__c: 'Last_Read_At__c' },`,
)}
${inbound(
  'BadOrder',
  `idempotencyKey: 'Serial__c',
  mapping: { Serial__c: 'Serial__c', Value__c: 'Value__c' },
  orderedBy: 'Value__c',`,
)}
${inbound(
  'UnmappedOrder',
  `idempotencyKey: 'Serial__c',
  mapping: { Serial__c: 'Serial__c' },
  orderedBy: 'Read_At__c',`,
)}
${inbound(
  'CreatesIncomplete',
  `idempotencyKey: 'Serial__c',
  mapping: { Serial__c: 'Serial__c' },`,
).replace("'Meter__c'", "'Gauge__c'")}
${inbound(
  'Fine',
  `idempotencyKey: 'Serial__c',
  mapping: { Serial__c: 'Serial__c', Value__c: 'Value__c', Read_At__c: 'Last_Read_At__c' },
  orderedBy: 'Read_At__c',`,
)}
export const opUnknownEvent = operation({
  name: 'UnknownEvent',
  description: 'Readings.',
  pattern: 'inbound-event',
  source: 'Telemetry',
  event: 'Nope__e',
  object: 'Meter__c',
  idempotencyKey: 'Serial__c',
  mapping: { Serial__c: 'Serial__c' },
});
`;

const cases: Record<string, Expectation> = {
  'the key is written by a mapping entry': {
    rule: 'inbound-key',
    message: /No mapping entry writes idempotencyKey Serial__c/,
    at: "idempotencyKey: |'Serial__c',\n  mapping: { Value__c",
    file: FILE,
  },
  'the event field carrying the key is required': {
    rule: 'inbound-key',
    message: /Reading__e\.Loose_Serial__c carries the key but is not required/,
    at: "Loose_Serial__c: |'Serial__c'",
    file: FILE,
  },
  'the key is a unique External ID': {
    rule: 'idempotency-key',
    message: /"Plain_Serial__c" of Meter__c is not a unique External ID/,
    at: "idempotencyKey: |'Plain_Serial__c'",
    file: FILE,
  },
  'mapped event fields exist': {
    rule: 'unknown-field',
    message: /Mapping reads "Nope__c", which is not a field of Reading__e/,
    at: "Nope__c: 'Value__c'",
    file: FILE,
  },
  'mapped object fields exist': {
    rule: 'unknown-field',
    message: /"Nowhere__c" is not a field of Meter__c/,
    at: "|'Nowhere__c'",
    file: FILE,
  },
  'kinds are compatible': {
    rule: 'mapping-type',
    message: /event field Ok__c \(Checkbox\) to Meter__c\.Read_On__c \(Date\)/,
    at: "Ok__c: |'Read_On__c'",
    file: FILE,
  },
  'text fits': {
    rule: 'mapping-length',
    message: /Long_Note__c \(up to 200 characters\) to Meter__c\.Note__c, which holds 50/,
    at: "Long_Note__c: |'Note__c'",
    file: FILE,
  },
  'an object field is written once': {
    rule: 'mapping-duplicate',
    message: /Read_On__c and Read_At__c are both written to Meter__c\.Last_Read_At__c/,
    at: "Read_On__c: |'Last_Read_At__c'",
    file: FILE,
  },
  'orderedBy is a DateTime': {
    rule: 'ordered-by',
    message: /orderedBy "Value__c" is not a DateTime field of Reading__e/,
    at: "orderedBy: |'Value__c'",
    file: FILE,
  },
  'orderedBy is mapped': {
    rule: 'ordered-by',
    message: /orderedBy "Read_At__c" is not a DateTime field of Reading__e mapped/,
    at: "orderedBy: |'Read_At__c'",
    file: FILE,
  },
  'a created record gets every required field': {
    rule: 'inbound-create',
    message: /a new Gauge__c needs Site__c, which the mapping does not write/,
    at: "object: |'Gauge__c'",
    file: FILE,
  },
  'the event is declared': {
    rule: 'unknown-event',
    message: /names event "Nope__e", which is not declared/,
    at: "|'Nope__e'",
    file: FILE,
  },
};

describe('inbound-event declarations', () => {
  let result: RefusedBuild;
  before(async () => {
    result = await buildRefused({ [FILE]: TEXT });
  });
  after(() => fs.rmSync(result.root, { recursive: true, force: true }));

  test('the build is refused and force-app is left as it was', () => {
    assert.equal(result.code, 1);
    assert.ok(result.unchanged, 'force-app unchanged');
  });
  for (const [name, expected] of Object.entries(cases)) {
    test(name, () => assertError({ [FILE]: TEXT }, result, expected));
  }
  test('a well-formed operation draws no error', () => {
    const lines = TEXT.split('\n');
    const first = lines.findIndex((l) => l.includes("name: 'Fine'")) + 1;
    const last = lines.findIndex((l, i) => i >= first && l.startsWith('});')) + 1;
    const inFine = result.errors.filter((e) => {
      const line = Number(/^[^:]+:(\d+):/.exec(e)?.[1]);
      return line >= first && line <= last;
    });
    assert.deepEqual(inFine, [], 'no error points into the Fine operation');
  });
});
