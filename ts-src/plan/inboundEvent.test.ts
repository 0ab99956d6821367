/**
 * What an inbound-event operation spends: the external system's publishes count against the org's
 * hourly publishing allocation and, through the REST API, its API requests; the trigger's receipt
 * is no delivery (Apex triggers are not API subscribers); a trigger batch's DML rows stay below
 * the transaction's 10,000 by design.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { InboundEventModel, Model } from '../generator/model/types';
import { apiRequests, computeBudget, deliveriesPerDay, publishesPerHour, transactionLines } from './budget';
import { architectureGraph } from './diagram';
import type { OrgShape } from './limits';

const org: OrgShape = { edition: 'enterprise', eventAddOns: 0, userLicenses: 0 };
const location = { file: 'ts-src/integrations/readings.ts', line: 1, column: 1 };
const inbound: InboundEventModel = {
  name: 'ApplyReadings',
  description: 'Readings.',
  pattern: 'inbound-event',
  source: 'Telemetry',
  event: 'Meter_Reading__e',
  object: 'Meter__c',
  idempotencyKey: 'Serial__c',
  mapping: { Serial__c: 'Serial__c' },
  onMissingRecord: 'create',
  volume: { messagesPerDay: 48000, peakPerHour: 6000, payloadBytes: 400 },
  location,
};
const model: Model = {
  components: [],
  componentTypings: {},
  events: [],
  objects: [],
  extensions: [],
  systems: [],
  operations: [inbound],
  monitoring: [],
};

test('publishes and API requests count, deliveries do not', () => {
  assert.equal(publishesPerHour(inbound), 6000);
  assert.equal(apiRequests(inbound), 48000);
  assert.equal(deliveriesPerDay(inbound), 0);
  const totals = computeBudget(model, org).totals;
  assert.equal(totals.find((l) => l.limit === 'event-publishes-per-hour')?.used, 6000);
  assert.equal(totals.find((l) => l.limit === 'event-deliveries-per-day')?.used, 0);
});

test('a trigger batch writes at most two rows per event, 2,000 events at most', () => {
  const rows = transactionLines(inbound, org).find((l) => l.limit === 'dml-rows-per-transaction')!;
  assert.equal(rows.used, 4000, 'a busy hour fills batches of 2,000: an upsert row and a log row each');
  assert.equal(rows.allowed, 10000);
  assert.equal(rows.fromVolume, false, 'bounded by design: the runtime checkpoints before a chunk that would not fit');
  const quiet = transactionLines({ ...inbound, volume: { messagesPerDay: 240, peakPerHour: 10 } }, org);
  assert.equal(quiet.find((l) => l.limit === 'dml-rows-per-transaction')?.used, 20);
});

test('the diagram shows the publisher, the event and the record', () => {
  const { edges } = architectureGraph(model);
  assert.deepEqual(
    edges.map((e) => e.label ?? ''),
    ['publish', '', 'upsert'],
  );
});
