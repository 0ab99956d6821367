/**
 * Pull-sync declarations in a throwaway project: a valid one builds (its entry point, its test and
 * its configuration generated), and each broken rule is refused at its file:line:col with a fix,
 * force-app left as it was. Also the push batch-sync declared with GET, pointed at pull-sync.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { emitPullSync } from '../emit/apex/pullSync';
import { loadModel } from '../load';
import { assertError, buildRefused, project, type Expectation } from './testProject';

const VALID = `import { customObject, externalSystem, field, operation } from '../dsl';

export const pim = externalSystem({
  name: 'PIM_API',
  label: 'Product information',
  baseUrl: 'https://pim.example.com',
  auth: { type: 'none' },
  timeoutSeconds: 30,
  circuitBreaker: { failureThreshold: 5, coolDownSeconds: 300 },
});

export const price = customObject({
  apiName: 'Price_Entry__c',
  label: 'Price Entry',
  pluralLabel: 'Price Entries',
  nameField: { type: 'Text', label: 'Price Entry' },
  sharingModel: 'ReadWrite',
  fields: {
    Sku__c: field.text({ length: 40, externalId: true, unique: true }),
    List_Price__c: field.number({ precision: 16, scale: 2 }),
    Currency__c: field.text({ length: 3 }),
    Changed_At__c: field.dateTime(),
  },
});

export const importPrices = operation({
  name: 'ImportPrices',
  description: 'Nightly price import.',
  pattern: 'pull-sync',
  system: 'PIM_API',
  path: '/v2/prices',
  object: 'Price_Entry__c',
  idempotencyKey: 'Sku__c',
  record: {
    sku: field.text({ length: 40 }),
    listPrice: field.number({ precision: 16, scale: 2 }),
    isoCode: field.text({ length: 3 }),
    updatedAt: field.dateTime(),
  },
  mapping: { sku: 'Sku__c', listPrice: 'List_Price__c', isoCode: 'Currency__c', updatedAt: 'Changed_At__c' },
  records: 'items',
  paging: { cursor: { param: 'cursor', next: 'nextCursor' } },
  pageSize: 500,
  pageSizeParam: 'limit',
  schedule: '0 0 3 * * ?',
  retry: { maxAttempts: 3, baseDelaySeconds: 60, maxDelaySeconds: 600, jitter: 'full' },
});
`;

const FILE = 'ts-src/integrations/app.ts';
const workspaces: string[] = [];

/** The generated entry point of a project that passes validation (model built, Apex emitted). */
function entryPoint(files: Record<string, string>): { entry: string; names: string[] } {
  const root = project(files);
  workspaces.push(root);
  const model = loadModel(root);
  const operation = model.operations.find((o) => o.pattern === 'pull-sync');
  assert.ok(operation?.pattern === 'pull-sync', 'the model holds the pull sync');
  assert.equal(operation.method, 'GET', 'a pull sync is always a GET');
  const generated = emitPullSync(model, operation);
  const entry = generated.find((f) => f.path.endsWith('/ImportPricesPullSync.cls'));
  assert.ok(entry, 'the entry point is generated');
  return { entry: entry.content, names: generated.map((f) => path.basename(f.path)) };
}

after(() => workspaces.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const app = (from: string, to: string, text = VALID): Record<string, string> => {
  assert.ok(text.includes(from), `test setup: "${from}" not in the declarations`);
  return { [FILE]: text.replace(from, to) };
};

async function expectRefused(files: Record<string, string>, expected: Omit<Expectation, 'file'>): Promise<void> {
  const result = await buildRefused(files);
  workspaces.push(result.root);
  assert.equal(result.code, 1, `build should fail; it printed:\n${result.errors.join('\n')}`);
  assertError(files, result, { ...expected, file: FILE });
  assert.ok(result.unchanged, 'force-app must be left exactly as it was');
}

describe('pull-sync declarations', () => {
  test('a valid declaration generates its Schedulable entry point and its test', () => {
    const { entry, names } = entryPoint({ [FILE]: VALID });
    assert.match(entry, /implements Schedulable, SwyPullSync\.Source/);
    assert.match(entry, /SwyPullSync\.start\(this\)/);
    assert.match(entry, /Price_Entry__c\.SObjectType, Price_Entry__c\.Sku__c, 'items', PAGE_SIZE, 'limit'/);
    assert.match(entry, /\.mapTo\('listPrice', Price_Entry__c\.List_Price__c\)/);
    assert.match(entry, /\.cursor\('cursor', 'nextCursor'\)/);
    assert.match(entry, /HTTP_METHOD = 'GET';/);
    assert.match(entry, /config\.method = HTTP_METHOD;/);
    assert.match(entry, /CRON_EXPRESSION = '0 0 3 \* \* \?'/);
    assert.ok(names.includes('ImportPricesPullSyncTest.cls'), 'with its wiring test');
  });

  test('since paging is configured with the change-time property', () => {
    const { entry } = entryPoint(
      app(
        "paging: { cursor: { param: 'cursor', next: 'nextCursor' } }",
        "paging: { since: { param: 'updatedSince', field: 'updatedAt' } }",
      ),
    );
    assert.match(entry, /\.since\('updatedSince', 'updatedAt'\)/);
  });

  test('a method is not part of a pull sync: it is always GET', () =>
    expectRefused(app("  path: '/v2/prices',", "  path: '/v2/prices',\n  method: 'GET',"), {
      rule: 'unknown-property',
      message: /'method' does not exist in type 'PullSyncOperation'/,
      at: "|method: 'GET'",
    }));

  test('a mapped property the record does not declare', () =>
    expectRefused(app("isoCode: 'Currency__c'", "currencyCode: 'Currency__c'"), {
      rule: 'unknown-field',
      message: /record property "currencyCode", which record does not declare/,
      at: "currencyCode: |'Currency__c'",
    }));

  test('a record property of a kind the field cannot hold', () =>
    expectRefused(app('isoCode: field.text({ length: 3 }),', 'isoCode: field.checkbox(),'), {
      rule: 'mapping-type',
      message: /"isoCode" \(Checkbox\) to Price_Entry__c\.Currency__c \(Text\)/,
      at: "isoCode: |'Currency__c'",
    }));

  test('a Text property longer than its field', () =>
    expectRefused(app('isoCode: field.text({ length: 3 }),', 'isoCode: field.text({ length: 10 }),'), {
      rule: 'mapping-length',
      message: /up to 10 characters\) to Price_Entry__c\.Currency__c, which holds 3/,
      at: "isoCode: |'Currency__c'",
    }));

  test('a key that is not a unique External ID', () =>
    expectRefused(app("idempotencyKey: 'Sku__c',", "idempotencyKey: 'Currency__c',"), {
      rule: 'idempotency-key',
      message: /"Currency__c" of Price_Entry__c is not a unique External ID field/,
      at: "idempotencyKey: |'Currency__c'",
    }));

  test('a required field no record property is mapped to', () =>
    expectRefused(
      app(
        'Currency__c: field.text({ length: 3 }),',
        'Currency__c: field.text({ length: 3 }),\n    Region__c: field.text({ length: 10, required: true }),',
      ),
      {
        rule: 'pull-required',
        message: /Price_Entry__c\.Region__c is required and no record property is mapped to it/,
        at: 'mapping: |{',
      },
    ));

  test('a key no record property is mapped to', () =>
    expectRefused(app("sku: 'Sku__c', ", ''), {
      rule: 'pull-key',
      message: /No record property is mapped to idempotencyKey Sku__c/,
      at: "idempotencyKey: |'Sku__c'",
    }));

  test('a since field that is not a DateTime record property', () =>
    expectRefused(
      app(
        "paging: { cursor: { param: 'cursor', next: 'nextCursor' } }",
        "paging: { since: { param: 'since', field: 'sku' } }",
      ),
      { rule: 'pull-paging', message: /paging\.since\.field "sku" is not a DateTime property/, at: "field: |'sku'" },
    ));

  test('a misspelt paging property', () =>
    expectRefused(
      app(
        "paging: { cursor: { param: 'cursor', next: 'nextCursor' } }",
        "paging: { cursor: { param: 'cursor', nxt: 'nextCursor' } }",
      ),
      {
        rule: 'unknown-property',
        message: /'nxt' does not exist in type 'CursorPaging'\. Did you mean to write 'next'\?/,
        at: '|nxt:',
      },
    ));

  test('a query parameter name that would need encoding', () =>
    expectRefused(app("pageSizeParam: 'limit',", "pageSizeParam: 'page size',"), {
      rule: 'pull-paging',
      message: /pageSizeParam "page size" is not a query parameter name/,
      at: "pageSizeParam: |'page size'",
    }));

  test('page size past what one transaction can write', () =>
    expectRefused(app('pageSize: 500,', 'pageSize: 6000,'), {
      rule: 'pull-page-size',
      message: /pageSize 6000 is outside 1-4999[\s\S]*10,000 DML rows/,
      at: 'pageSize: |6000',
    }));

  test('page size whose answer would not fit the asynchronous heap', () =>
    expectRefused(app('pageSize: 500,', 'pageSize: 4000,\n  volume: { messagesPerDay: 20000, payloadBytes: 2000 },'), {
      rule: 'pull-page-size',
      message: /pageSize 4000 x 2000 bytes per record[\s\S]*fix: set pageSize to 2097 or less/,
      at: 'pageSize: |4000',
    }));

  test('an invalid schedule is refused like any cron', () =>
    expectRefused(app("schedule: '0 0 3 * * ?',", "schedule: '0 0 25 * * ?',"), {
      rule: 'cron-hours',
      message: /has 25 in its hours field, outside 0-23/,
      at: "schedule: '0 0 |25",
    }));
});

describe('batch-sync declared with GET', () => {
  const PUSH = `import { customObject, externalSystem, field, operation } from '../dsl';

export const pim = externalSystem({
  name: 'PIM_API',
  label: 'PIM',
  baseUrl: 'https://pim.example.com',
  auth: { type: 'none' },
  timeoutSeconds: 30,
  circuitBreaker: { failureThreshold: 5, coolDownSeconds: 300 },
});

export const price = customObject({
  apiName: 'Price_Entry__c',
  label: 'Price Entry',
  pluralLabel: 'Price Entries',
  nameField: { type: 'Text', label: 'Price Entry' },
  sharingModel: 'ReadWrite',
  fields: { Sku__c: field.text({ length: 40, externalId: true, unique: true }) },
});

export const sync = operation({
  name: 'SyncPrices',
  description: 'Push.',
  pattern: 'batch-sync',
  object: 'Price_Entry__c',
  fields: ['Sku__c'],
  idempotencyKey: 'Sku__c',
  system: 'PIM_API',
  method: 'GET',
  path: '/prices',
  schedule: '0 0 2 * * ?',
  batchSize: 200,
  retry: { maxAttempts: 3, baseDelaySeconds: 60, maxDelaySeconds: 600, jitter: 'none' },
});
`;
  test('is refused at the method with a fix that names pull-sync', () =>
    expectRefused(
      { [FILE]: PUSH },
      {
        rule: 'http-method',
        message: /GET sends none[\s\S]*fix: to import records from the system, declare pattern: 'pull-sync'/,
        at: "method: |'GET'",
      },
    ));
});
