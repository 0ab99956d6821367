/**
 * Declared volumes: a figure that makes no sense is refused at its place (`volume`), and a volume
 * past an org limit fails the build at the `volume` of the operation that spends most of it
 * (`volume-limit`), with the limit, the need, the allocation and the excess; one at 80 % or more is
 * a warning that does not fail. Sized for the build's org: Enterprise Edition, no add-ons.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { readDeclarations } from '../load/declarations';
import type { DeclarationError } from '../model/errors';
import { validateDeclarations } from './index';
import { assertError, buildRefused, project, type RefusedBuild } from './testProject';

const FILE = 'ts-src/integrations/volume.ts';
const head = `import { customObject, externalSystem, field, operation, platformEvent } from '../dsl';

export const erp = externalSystem({
  name: 'ERP_API',
  label: 'ERP',
  baseUrl: 'https://erp.example.com',
  auth: { type: 'none' },
  timeoutSeconds: 20,
  circuitBreaker: { failureThreshold: 5, coolDownSeconds: 300 },
});
export const shipped = platformEvent({
  apiName: 'Shipped__e',
  label: 'Shipped',
  eventType: 'HighVolume',
  publishBehavior: 'PublishAfterCommit',
  fields: { Shipment_Id__c: field.text({ length: 18 }) },
});
export const shipment = customObject({
  apiName: 'Shipment__c',
  label: 'Shipment',
  pluralLabel: 'Shipments',
  nameField: { type: 'Text', label: 'Name' },
  sharingModel: 'ReadWrite',
  fields: { Tracking__c: field.text({ length: 40, externalId: true, unique: true }) },
});
`;
const feed = (name: string, volume: string, subscribers = "['Billing', 'Analytics']") => `
export const op${name} = operation({
  name: '${name}',
  description: 'Feed.',
  pattern: 'publish-subscribe',
  event: 'Shipped__e',
  subscribers: ${subscribers},
  volume: ${volume},
});
`;
const callIn = (name: string, volume: string) => `
export const op${name} = operation({
  name: '${name}',
  description: 'Call-in.',
  pattern: 'remote-call-in',
  source: 'WMS',
  object: 'Shipment__c',
  urlMapping: '/ship/${name.toLowerCase()}',
  idempotencyKey: 'Tracking__c',
  request: { t: field.text({ length: 40 }) },
  mapping: { t: 'Tracking__c' },
  volume: ${volume},
});
`;

describe('volume-limit: a declared volume past an org limit fails the build with the numbers', () => {
  const files = {
    [FILE]:
      head +
      feed('Feed', '{ messagesPerDay: 20000, peakPerHour: 2000 }') +
      callIn('Inbound', '{ messagesPerDay: 130000, peakPerHour: 9000 }') +
      callIn('Small', '{ messagesPerDay: 1000 }'),
  };
  let result: RefusedBuild;
  before(async () => {
    result = await buildRefused(files);
  });
  after(() => fs.rmSync(result.root, { recursive: true, force: true }));

  test('the build fails and leaves force-app exactly as it was', () => {
    assert.equal(result.code, 1, result.errors.join('\n'));
    assert.ok(result.unchanged, 'force-app must be left exactly as it was');
  });

  test('deliveries: two subscribers x 20,000 a day is 40,000 against 25,000, 15,000 over, at the feed', () => {
    assertError(files, result, {
      file: FILE,
      rule: 'volume-limit',
      at: 'volume: |{ messagesPerDay: 20000',
      message:
        /Platform Event deliveries \/ 24 h: the declared volumes need 40,000 deliveries against 25,000 deliveries \(Enterprise Edition, 0 event add-on\(s\)\): 15,000 deliveries over \(160 %\); largest: Feed 40,000 deliveries; limit: https:\/\/developer\.salesforce\.com\/.*platform_event_limits/,
    });
    assert.match(
      result.errors.find((e) => e.includes('deliveries over'))!,
      /fix: .*add-on/,
    );
  });

  test('API requests: 131,000 call-ins against 100,000, at the call-in that spends most', () => {
    assertError(files, result, {
      file: FILE,
      rule: 'volume-limit',
      at: 'volume: |{ messagesPerDay: 130000',
      message:
        /API requests \(call-ins\) \/ 24 h: .*need 131,000 requests against 100,000 requests .*: 31,000 requests over \(131 %\); largest: Inbound 130,000 requests, Small 1,000 requests/,
    });
  });
});

describe('volume: each figure is checked on its own', () => {
  const files = {
    [FILE]:
      head +
      feed('Zero', '{ messagesPerDay: 0 }') +
      feed('Half', '{ messagesPerDay: 10.5 }') +
      feed('Peaky', '{ messagesPerDay: 100, peakPerHour: 200 }') +
      feed('Flat', '{ messagesPerDay: 2400, peakPerHour: 50 }'),
  };
  let result: RefusedBuild;
  before(async () => {
    result = await buildRefused(files);
  });
  after(() => fs.rmSync(result.root, { recursive: true, force: true }));

  test('not a positive whole number', () => {
    assertError(files, result, {
      file: FILE,
      rule: 'volume',
      at: 'messagesPerDay: |0',
      message: /positive whole number/,
    });
    assertError(files, result, {
      file: FILE,
      rule: 'volume',
      at: 'messagesPerDay: |10.5',
      message: /positive whole number/,
    });
  });

  test('a busiest hour above the day, or too small to carry it', () => {
    assertError(files, result, {
      file: FILE,
      rule: 'volume',
      at: 'peakPerHour: |200',
      message: /peakPerHour 200 is more than messagesPerDay 100/,
    });
    assertError(files, result, {
      file: FILE,
      rule: 'volume',
      at: 'peakPerHour: |50',
      message: /peakPerHour 50 cannot carry messagesPerDay 2400: 24 such hours make 1200/,
    });
    assert.ok(!result.errors.some((e) => e.includes('[volume-limit]')), 'limits are measured only on valid figures');
  });
});

describe('volume-limit at 80 % or more warns and does not fail', () => {
  test('21,000 deliveries of 25,000 is a warning at the feed, no error', () => {
    const files = { [FILE]: head + feed('Feed', '{ messagesPerDay: 21000, peakPerHour: 2000 }', "['Billing']") };
    const root = project(files);
    try {
      const { declarations, errors } = readDeclarations(root);
      assert.deepEqual(errors, []);
      const warnings: DeclarationError[] = [];
      assert.deepEqual(
        validateDeclarations(declarations, (w) => warnings.push(w)),
        [],
      );
      assert.equal(warnings.length, 1, JSON.stringify(warnings));
      assert.equal(warnings[0].rule, 'volume-limit');
      assert.match(
        warnings[0].message,
        /21,000 deliveries against 25,000 deliveries .*: 84 %, over the 80 % warning line/,
      );
      assert.equal(warnings[0].location.file, FILE);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
