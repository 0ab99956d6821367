/**
 * What an inbound-event operation generates, from a throwaway project (not the example app): the
 * consumer's configuration as field tokens, the event trigger delegating to SwyInboundEvents, the
 * wiring test, and the publisher's permission set.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { loadModel } from '../../load';
import type { InboundEventModel, Model } from '../../model/types';
import { project } from '../../validate/testProject';
import { eventPublisherPermissionSet } from '../metadata/permissionSets';
import { emitInboundEvents } from './inboundEvent';

const DECLARATIONS = `import { customObject, field, objectExtension, operation, platformEvent } from '../dsl';

export const meter = customObject({
  apiName: 'Meter__c',
  label: 'Meter',
  pluralLabel: 'Meters',
  nameField: { type: 'Text', label: 'Name' },
  sharingModel: 'ReadWrite',
  fields: {
    Serial__c: field.text({ length: 40, externalId: true, unique: true }),
    Value__c: field.number({ precision: 12, scale: 3 }),
    Read_At__c: field.dateTime(),
  },
});

export const reading = platformEvent({
  apiName: 'Meter_Reading__e',
  label: 'Meter Reading',
  eventType: 'HighVolume',
  publishBehavior: 'PublishImmediately',
  fields: {
    Serial__c: field.text({ length: 40, required: true }),
    Value__c: field.number({ precision: 12, scale: 3, sensitive: true }),
    Read_At__c: field.dateTime({ required: true }),
  },
});

export const applyReadings = operation({
  name: 'ApplyReadings',
  description: 'Meters publish readings.',
  pattern: 'inbound-event',
  source: 'Telemetry',
  event: 'Meter_Reading__e',
  object: 'Meter__c',
  idempotencyKey: 'Serial__c',
  mapping: { Serial__c: 'Serial__c', Value__c: 'Value__c', Read_At__c: 'Read_At__c' },
  orderedBy: 'Read_At__c',
});

export const orderFields = objectExtension({
  object: 'Order',
  fields: { Shipment_Key__c: field.text({ length: 40, externalId: true, unique: true }) },
});

export const applyToOrders = operation({
  name: 'ApplyToOrders',
  description: 'Readings of orders.',
  pattern: 'inbound-event',
  source: 'WMS',
  event: 'Meter_Reading__e',
  object: 'Order',
  idempotencyKey: 'Shipment_Key__c',
  mapping: { Serial__c: 'Shipment_Key__c' },
  onMissingRecord: 'log',
});
`;

const root = project({ 'ts-src/integrations/readings.ts': DECLARATIONS });
after(() => fs.rmSync(root, { recursive: true, force: true }));
const model: Model = loadModel(root);
const files = emitInboundEvents(model);
const contentOf = (name: string) => files.find((file) => path.basename(file.path) === name)!.content;
const byName = (name: string) => model.operations.find((o): o is InboundEventModel => o.name === name)!;

test('each operation gets its consumer, its trigger on the event and a test, nothing else', () => {
  assert.deepEqual(
    files.filter((f) => !f.path.endsWith('-meta.xml')).map((f) => path.basename(f.path)),
    [
      'ApplyReadingsConsumer.cls',
      'ApplyReadingsTrigger.trigger',
      'ApplyReadingsConsumerTest.cls',
      'ApplyToOrdersConsumer.cls',
      'ApplyToOrdersTrigger.trigger',
      'ApplyToOrdersConsumerTest.cls',
    ],
  );
  assert.equal(byName('ApplyReadings').onMissingRecord, 'create', 'records are created by default');
});

test('the consumer is the declaration as field tokens', () => {
  const consumer = contentOf('ApplyReadingsConsumer.cls');
  assert.match(
    consumer,
    /new SwyInboundEvents\.Config\(OPERATION_NAME, SOURCE, Meter_Reading__e\.SObjectType, Meter__c\.SObjectType\)/,
  );
  assert.match(consumer, /\.key\(Meter_Reading__e\.Serial__c, Meter__c\.Serial__c\)/);
  assert.match(consumer, /\.field\(Meter_Reading__e\.Value__c, Meter__c\.Value__c\)/);
  assert.doesNotMatch(consumer, /\.field\(Meter_Reading__e\.Serial__c/, 'the key is mapped once, by key()');
  assert.match(consumer, /\.orderedBy\(Meter_Reading__e\.Read_At__c\)/);
  assert.match(consumer, /\.sensitive\(new Set<String>\{ 'Value__c' \}\)/);
  assert.doesNotMatch(consumer, /logsMissing/);
  assert.match(contentOf('ApplyToOrdersConsumer.cls'), /\.logsMissing\(\)/);
  assert.doesNotMatch(contentOf('ApplyToOrdersConsumer.cls'), /\.orderedBy\(/);
});

test('the trigger delegates each batch in one line', () => {
  assert.match(
    contentOf('ApplyReadingsTrigger.trigger'),
    /trigger ApplyReadingsTrigger on Meter_Reading__e\(after insert\) \{\n\s+SwyInboundEvents\.handle\(Trigger\.new, ApplyReadingsConsumer\.config\(\)\);\n\}/,
  );
});

test('the wiring test publishes through the bus and has one failure path per onMissingRecord', () => {
  const creating = contentOf('ApplyReadingsConsumerTest.cls');
  assert.match(creating, /EventBus\.publish\(events\);\n\s+Test\.getEventBus\(\)\.deliver\(\);/);
  assert.match(creating, /static void appliesAPublishedEventToItsRecord\(\)/);
  assert.match(creating, /static void refusesAnEventWithoutItsKey\(\)/);
  assert.match(creating, /Assert\.areEqual\(true, config\.createsMissing/);
  const logging = contentOf('ApplyToOrdersConsumerTest.cls');
  assert.match(logging, /static void logsAnEventWhoseKeyNoRecordHas\(\)/);
  assert.match(logging, /insert as system new Order\(AccountId = account\.Id/, 'an Order gets what the platform needs');
});

test('the publisher may create the events and nothing else', () => {
  const set = eventPublisherPermissionSet(model)!;
  assert.deepEqual(
    set.objectPermissions?.map((p) => [p.object, p.allowCreate, p.allowRead, p.allowEdit]),
    [['Meter_Reading__e', true, true, false]],
    'one entry per event, however many operations read it',
  );
  assert.equal(set.fieldPermissions, undefined);
  assert.equal(eventPublisherPermissionSet({ ...model, operations: [] }), undefined);
});
