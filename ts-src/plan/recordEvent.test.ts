/** A record-event publishes one event per matching save: it counts against the publishing allocation. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Model, OperationModel } from '../generator/model/types';
import { asyncExecutions, computeBudget, publishesPerHour } from './budget';

const at = { file: 'x.ts', line: 1, column: 1 };
const recordEvent: OperationModel = {
  name: 'PublishDealWon',
  description: '',
  pattern: 'record-event',
  object: 'Deal__c',
  event: 'Deal_Won__e',
  on: ['update'],
  whenChanged: ['Stage__c'],
  mapping: { Record_Id__c: 'Id' },
  volume: { messagesPerDay: 4800, peakPerHour: 900 },
  location: at,
};
const delivery: OperationModel = {
  name: 'SendDealToBilling',
  description: '',
  pattern: 'fire-and-forget',
  event: 'Deal_Won__e',
  messageKey: 'Record_Id__c',
  system: 'Billing',
  method: 'POST',
  path: '/invoices',
  timeoutSeconds: 20,
  retry: { maxAttempts: 3, baseDelaySeconds: 60, maxDelaySeconds: 600, jitter: 'full', maxChainDepth: 5 },
  volume: { messagesPerDay: 4800, peakPerHour: 600 },
  location: at,
};
const model = (operations: OperationModel[]): Model => ({
  components: [],
  componentTypings: {},
  events: [],
  objects: [],
  extensions: [],
  systems: [],
  operations,
  monitoring: [],
});
const org = { edition: 'enterprise', eventAddOns: 0, userLicenses: 0 } as const;
const publishes = (operations: OperationModel[]) =>
  computeBudget(model(operations), org).totals.find((t) => t.limit === 'event-publishes-per-hour')!.used;

describe('record-event budget', () => {
  test('its busiest hour of saves is its busiest hour of publishes; it starts no async Apex', () => {
    assert.equal(publishesPerHour(recordEvent), 900);
    assert.equal(asyncExecutions(recordEvent, 0.2), 0);
  });
  test('the events it publishes count once, also when a fire-and-forget delivers them', () => {
    assert.equal(publishes([recordEvent]), 900);
    assert.equal(publishes([recordEvent, delivery]), 900, 'the same events, at the larger declared hour');
  });
});
