/**
 * Each declaration error the build must refuse: the message, the file:line:col it points at, and
 * that force-app is left exactly as it was. Each test breaks one rule in an otherwise valid project.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, describe, test } from 'node:test';
import { assertError, buildRefused, type Expectation } from './testProject';

const VALID = `import { customObject, externalSystem, field, objectExtension, operation, platformEvent } from '../dsl';

export const erp = externalSystem({
  name: 'ERP_API',
  label: 'ERP',
  baseUrl: 'https://erp.example.com',
  auth: { type: 'none' },
  timeoutSeconds: 20,
  circuitBreaker: { failureThreshold: 5, coolDownSeconds: 300 },
});

export const confirmed = platformEvent({
  apiName: 'Order_Confirmed__e',
  label: 'Order Confirmed',
  eventType: 'HighVolume',
  publishBehavior: 'PublishAfterCommit',
  fields: {
    Order_Id__c: field.text({ length: 18, required: true }),
    Amount__c: field.number({ precision: 16, scale: 2 }),
  },
});

export const shipment = customObject({
  apiName: 'Shipment__c',
  label: 'Shipment',
  pluralLabel: 'Shipments',
  nameField: { type: 'Text', label: 'Shipment' },
  sharingModel: 'ReadWrite',
  fields: {
    Tracking__c: field.text({ length: 40, externalId: true, unique: true }),
    Notes__c: field.longTextArea({ length: 4000 }),
    Stage__c: field.picklist({ values: ['New', 'Sent'] }),
    Carrier__c: field.text({ length: 40 }),
  },
});

export const orderFields = objectExtension({
  object: 'Order',
  fields: { External_Order_Id__c: field.text({ length: 64, externalId: true, unique: true }) },
});

export const send = operation({
  name: 'SendOrder',
  description: 'Sends a confirmed order.',
  pattern: 'fire-and-forget',
  event: 'Order_Confirmed__e',
  messageKey: 'Order_Id__c',
  system: 'ERP_API',
  method: 'POST',
  path: '/orders',
  timeoutSeconds: 20,
  retry: { maxAttempts: 5, baseDelaySeconds: 60, maxDelaySeconds: 600, jitter: 'full', maxChainDepth: 5 },
});

export const sync = operation({
  name: 'SyncShipments',
  description: 'Nightly shipment sync.',
  pattern: 'batch-sync',
  object: 'Shipment__c',
  fields: ['Tracking__c', 'Stage__c'],
  idempotencyKey: 'Tracking__c',
  system: 'ERP_API',
  method: 'POST',
  path: '/shipments',
  schedule: '0 0 2 * * ?',
  batchSize: 200,
  retry: { maxAttempts: 3, baseDelaySeconds: 60, maxDelaySeconds: 600, jitter: 'none' },
});
`;

const workspaces: string[] = [];
after(() => workspaces.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

async function expectRefused(
  files: Record<string, string>,
  expected: Omit<Expectation, 'file'> & { file?: string },
): Promise<void> {
  const result = await buildRefused(files);
  workspaces.push(result.root);
  assert.equal(result.code, 1, `build should fail; it printed:\n${result.errors.join('\n')}`);
  assertError(files, result, { ...expected, file: expected.file ?? 'ts-src/integrations/app.ts' });
  assert.ok(result.unchanged, 'force-app must be left exactly as it was');
}

const app = (from: string, to: string, occurrence = 1): Record<string, string> => {
  let index = -1;
  for (let i = 0; i < occurrence; i++) index = VALID.indexOf(from, index + 1);
  assert.ok(index >= 0, `test setup: "${from}" not in the valid declarations`);
  return { 'ts-src/integrations/app.ts': VALID.slice(0, index) + to + VALID.slice(index + from.length) };
};

describe('declaration errors stop the build with file:line:col and write nothing', () => {
  test('API name must start with a letter', () =>
    expectRefused(app("'Order_Confirmed__e',", "'1Order_Confirmed__e',"), {
      rule: 'api-name',
      message: /"1Order_Confirmed__e" must start with a letter/,
      at: "'1Order_Confirmed__e'",
    }));

  test('API name must not have a double underscore', () =>
    expectRefused(app('Carrier__c: field', 'Car__rier__c: field'), {
      rule: 'api-name',
      message: /"Car__rier__c" has a double underscore/,
      at: 'Car__rier__c',
    }));

  test('API name must not end in an underscore before the suffix', () =>
    expectRefused(app('Carrier__c: field', 'Carrier___c: field'), {
      rule: 'api-name',
      message: /"Carrier___c" has (a double|a trailing) underscore/,
      at: 'Carrier___c',
    }));

  test('API name longer than 40 characters before the suffix', () =>
    expectRefused(app("'Shipment__c',", `'${'S'.repeat(41)}__c',`), {
      rule: 'api-name',
      message: /is 41 characters long before __c; Salesforce allows 40/,
      at: `'${'S'.repeat(41)}__c'`,
    }));

  test('custom object API name must end in __c', () =>
    expectRefused(app("apiName: 'Shipment__c',", "apiName: 'Shipment__x' as `${string}__c`,"), {
      rule: 'api-name',
      message: /"Shipment__x" must end in __c/,
      at: "'Shipment__x'",
    }));

  test('platform event API name must end in __e', () =>
    expectRefused(app("apiName: 'Order_Confirmed__e',", "apiName: 'Order_Confirmed__c' as `${string}__e`,"), {
      rule: 'api-name',
      message: /must end in __e/,
      at: "'Order_Confirmed__c'",
    }));

  test('a reserved word as an operation name', () =>
    expectRefused(app("name: 'SendOrder',", "name: 'Trigger',"), {
      rule: 'reserved-word',
      message: /"Trigger" is an Apex reserved word/,
      at: "'Trigger'",
    }));

  test('the same name declared in two files', () => {
    const second = `import { operation } from '../dsl';

export const again = operation({
  name: 'SendOrder',
  description: 'Same name again.',
  pattern: 'publish-subscribe',
  event: 'Order_Confirmed__e',
  subscribers: ['someone'],
});
`;
    return expectRefused(
      { 'ts-src/integrations/app.ts': VALID, 'ts-src/integrations/zz-second.ts': second },
      {
        rule: 'duplicate-name',
        message: /operation "SendOrder" is declared twice \(first at ts-src\/integrations\/app\.ts:\d+\)/,
        at: "'SendOrder'",
        file: 'ts-src/integrations/zz-second.ts',
      },
    );
  });

  test('Text length 0', () =>
    expectRefused(app('field.text({ length: 40 })', 'field.text({ length: 0 })'), {
      rule: 'text-length',
      message: /has length 0; Text allows 1-255/,
      at: 'length: |0 })',
    }));

  test('Text length 256', () =>
    expectRefused(app('field.text({ length: 40 })', 'field.text({ length: 256 })'), {
      rule: 'text-length',
      message: /has length 256; Text allows 1-255/,
      at: 'length: |256 })',
    }));

  test('LongTextArea below 256', () =>
    expectRefused(app('length: 4000', 'length: 255'), {
      rule: 'long-text-length',
      message: /has length 255; Long Text Area allows 256-131072/,
      at: 'length: |255 })',
    }));

  test('LongTextArea above 131072', () =>
    expectRefused(app('length: 4000', 'length: 131073'), {
      rule: 'long-text-length',
      message: /has length 131073/,
      at: '131073',
    }));

  test('Number precision above 18', () =>
    expectRefused(app('precision: 16, scale: 2', 'precision: 19, scale: 2'), {
      rule: 'number-precision',
      message: /precision 19; Salesforce allows 1-18 digits/,
      at: '19, scale',
    }));

  test('Number scale above precision', () =>
    expectRefused(app('precision: 16, scale: 2', 'precision: 4, scale: 5'), {
      rule: 'number-scale',
      message: /scale 5 with precision 4/,
      at: 'scale: |5 })',
    }));

  test('empty picklist', () =>
    expectRefused(app("values: ['New', 'Sent']", 'values: []'), {
      rule: 'picklist-empty',
      message: /Picklist field "Stage__c" has no values/,
      at: 'values: |[]',
    }));

  test('callout timeout of 0', () =>
    expectRefused(app('timeoutSeconds: 20,', 'timeoutSeconds: 0,', 2), {
      rule: 'callout-timeout',
      message: /timeout 0 s is outside 1-120 s/,
      at: 'timeoutSeconds: |0,',
    }));

  test('callout timeout above 120 s', () =>
    expectRefused(app('timeoutSeconds: 20,', 'timeoutSeconds: 121,'), {
      rule: 'callout-timeout',
      message: /timeout 121 s is outside 1-120 s/,
      at: '121,',
    }));

  test('callout timeout of half a second (Apex takes whole seconds)', () =>
    expectRefused(app('timeoutSeconds: 20,', 'timeoutSeconds: 0.5,'), {
      rule: 'callout-timeout',
      message: /timeout 0\.5 s is outside 1-120 s or not a whole number of seconds/,
      at: '0.5,',
    }));

  test('retry with max attempts below 1', () =>
    expectRefused(app('maxAttempts: 5', 'maxAttempts: 0'), {
      rule: 'retry-attempts',
      message: /maxAttempts 0 means the message is never sent/,
      at: 'maxAttempts: |0',
    }));

  test('retry with a negative delay', () =>
    expectRefused(
      app(
        "baseDelaySeconds: 60, maxDelaySeconds: 600, jitter: 'full'",
        "baseDelaySeconds: -1, maxDelaySeconds: 600, jitter: 'full'",
      ),
      {
        rule: 'retry-delay',
        message: /baseDelaySeconds -1 is negative/,
        at: '-1',
      },
    ));

  test('retry cap below its base delay', () =>
    expectRefused(app("maxDelaySeconds: 600, jitter: 'full'", "maxDelaySeconds: 30, jitter: 'full'"), {
      rule: 'retry-cap',
      message: /maxDelaySeconds 30 is below baseDelaySeconds 60/,
      at: 'maxDelaySeconds: |30',
    }));

  test('chain depth past 5 without a production-only override', () =>
    expectRefused(app('maxChainDepth: 5', 'maxChainDepth: 8'), {
      rule: 'chain-depth',
      message: /maxChainDepth 8 is past 5, where Developer Edition and scratch orgs stop Queueable chains/,
      at: 'maxChainDepth: |8',
    }));

  test('an operation naming an undeclared system', () =>
    expectRefused(app("system: 'ERP_API',", "system: 'WMS_API',"), {
      rule: 'unknown-system',
      message: /calls system "WMS_API", which is not declared/,
      at: "'WMS_API'",
    }));

  test('an operation naming an undeclared event', () =>
    expectRefused(app("event: 'Order_Confirmed__e',", "event: 'Order_Shipped__e',"), {
      rule: 'unknown-event',
      message: /names event "Order_Shipped__e", which is not declared/,
      at: "'Order_Shipped__e'",
    }));

  test('an operation naming an undeclared field', () =>
    expectRefused(app("fields: ['Tracking__c', 'Stage__c'],", "fields: ['Tracking__c', 'Weight__c'],"), {
      rule: 'unknown-field',
      message: /Field "Weight__c" is not a field of Shipment__c/,
      at: "'Weight__c'",
    }));

  test('an idempotency key that is not a unique external-ID field', () =>
    expectRefused(app("idempotencyKey: 'Tracking__c',", "idempotencyKey: 'Carrier__c',"), {
      rule: 'idempotency-key',
      message: /"Carrier__c" of Shipment__c is not a unique External ID field/,
      at: "'Carrier__c'",
    }));

  test('a Platform Event field of a type events do not support', () =>
    expectRefused(app('Amount__c: field.number({ precision: 16, scale: 2 })', 'Amount__c: field.email()'), {
      rule: 'event-field-type',
      message: /"Amount__c" is of type Email, which Platform Events do not support/,
      at: 'field.email()',
    }));

  test('a request-reply fallback setting a property the response lacks', () => {
    const credit = `import { externalSystem, field, operation } from '../dsl';

export const bureau = externalSystem({
  name: 'Credit_API',
  label: 'Credit',
  baseUrl: 'https://credit.example.com',
  auth: { type: 'none' },
  timeoutSeconds: 10,
  circuitBreaker: { failureThreshold: 3, coolDownSeconds: 60 },
});

export const check = operation({
  name: 'CheckCredit',
  description: 'Credit check.',
  pattern: 'request-reply',
  system: 'Credit_API',
  method: 'POST',
  path: '/check',
  request: { accountId: field.text({ length: 18 }) },
  response: { decision: field.text({ length: 20 }) },
  fallback: { decision: 'REVIEW', verdict: 'none' },
});
`;
    return expectRefused(
      { 'ts-src/integrations/app.ts': credit },
      {
        rule: 'fallback',
        message: /fallback sets "verdict", which the response does not declare/,
        at: "verdict: |'none'",
      },
    );
  });

  test('orderedBy naming a property that is not a mapped DateTime', () => {
    const callIn = `${VALID}
export const receive = operation({
  name: 'ReceiveStatus',
  description: 'Status push.',
  pattern: 'remote-call-in',
  source: 'WMS',
  object: 'Order',
  urlMapping: '/status',
  idempotencyKey: 'External_Order_Id__c',
  request: { orderId: field.text({ length: 64, required: true }), note: field.text({ length: 80 }) },
  mapping: { orderId: 'External_Order_Id__c' },
  orderedBy: 'note',
});
`;
    return expectRefused(
      { 'ts-src/integrations/app.ts': callIn },
      {
        rule: 'ordered-by',
        message: /orderedBy "note" is not a DateTime request property mapped to a field/,
        at: "orderedBy: |'note'",
      },
    );
  });

  test('a schedule Apex cron cannot run (every minute would need 60 jobs)', () =>
    expectRefused(app("schedule: '0 0 2 * * ?',", "schedule: '0 * * * * ?',"), {
      rule: 'cron-jobs',
      message: /schedule "0 \* \* \* \* \?" would need 60 scheduled jobs/,
      at: "schedule: |'0 * * * * ?'",
    }));

  test('a misspelt property is a type error at its place, with did you mean', () =>
    expectRefused(app('coolDownSeconds: 300', 'coolDownSecs: 300'), {
      rule: 'unknown-property',
      message: /'coolDownSecs' does not exist .*Did you mean to write 'coolDownSeconds'\?/,
      at: 'coolDownSecs',
    }));

  test('a value the generator cannot read statically', () =>
    expectRefused(app('batchSize: 200,', 'batchSize: Math.min(200, 300),'), {
      rule: 'static-literal',
      message: /cannot be read by the generator/,
      at: 'Math.min',
    }));
});
