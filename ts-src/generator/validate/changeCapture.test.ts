/**
 * Change-capture declarations: change types, method and the org's allocation of entities selected
 * for Change Data Capture are refused at their place with a fix; the object and fields go through
 * the references every operation has. Throwaway projects only.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertError, buildRefused } from './testProject';

const FILE = 'ts-src/integrations/capture.ts';
const objects = ['Invoice', 'Payment', 'Refund', 'Credit', 'Debit', 'Ledger'];
const head = `import { customObject, externalSystem, field, operation } from '../dsl';

export const crm = externalSystem({
  name: 'Marketing_API',
  label: 'Marketing',
  baseUrl: 'https://marketing.example.com',
  auth: { type: 'none' },
  timeoutSeconds: 10,
  circuitBreaker: { failureThreshold: 5, coolDownSeconds: 300 },
});
${objects
  .map(
    (name) => `export const ${name.toLowerCase()} = customObject({
  apiName: '${name}__c',
  label: '${name}',
  pluralLabel: '${name}s',
  nameField: { type: 'Text', label: 'Name' },
  sharingModel: 'ReadWrite',
  fields: { Amount__c: field.number({ precision: 10, scale: 2 }) },
});
`,
  )
  .join('')}`;
const capture = (name: string, object: string, extra = '', method = 'POST') => `
export const op${name} = operation({
  name: '${name}',
  description: 'Capture.',
  pattern: 'change-capture',
  system: 'Marketing_API',
  method: '${method}',
  path: '/changes',
  object: '${object}',
  fields: ['Name', 'Amount__c'],${extra}
  retry: { maxAttempts: 3, baseDelaySeconds: 30, maxDelaySeconds: 300, jitter: 'full' },
});
`;

describe('change-capture declarations', () => {
  test('an empty or repeated change type list is refused at its place', async () => {
    const files = {
      [FILE]:
        head +
        capture('SendInvoices', 'Invoice__c', '\n  changeTypes: [],') +
        capture('SendPayments', 'Payment__c', "\n  changeTypes: ['CREATE', 'CREATE'],"),
    };
    const result = await buildRefused(files);
    assert.notEqual(result.code, 0);
    assert.ok(result.unchanged, 'a refused build leaves force-app as it was');
    assertError(files, result, {
      file: FILE,
      rule: 'change-types',
      message: /changeTypes is empty/,
      at: 'changeTypes: |[]',
    });
    assertError(files, result, {
      file: FILE,
      rule: 'change-types',
      message: /"CREATE" is listed twice/,
      at: "'CREATE', |'CREATE'",
    });
  });

  test('GET is refused: a change is sent as a body', async () => {
    const files = { [FILE]: head + capture('SendInvoices', 'Invoice__c', '', 'GET') };
    const result = await buildRefused(files);
    assertError(files, result, { file: FILE, rule: 'http-method', message: /GET sends none/, at: "method: |'GET'" });
  });

  test('a sixth captured object is past the default allocation of five', async () => {
    const files = { [FILE]: head + objects.map((name) => capture(`Send${name}s`, `${name}__c`)).join('') };
    const result = await buildRefused(files);
    assertError(files, result, {
      file: FILE,
      rule: 'cdc-entity-limit',
      message: /6 objects are captured .*at most 5 entities .*Ledger__c is number 6/,
      at: "object: |'Ledger__c'",
    });
  });

  test('two operations on one object count one entity', async () => {
    const files = {
      [FILE]:
        head +
        objects
          .slice(0, 5)
          .map((name) => capture(`Send${name}s`, `${name}__c`))
          .join('') +
        capture('AuditInvoices', 'Invoice__c') +
        capture('Broken', 'Invoice__c', '', 'GET'),
    };
    const result = await buildRefused(files);
    assert.ok(!result.errors.some((e) => e.includes('[cdc-entity-limit]')), result.errors.join('\n'));
  });

  test('an unknown object or field is refused like any operation reference', async () => {
    const files = {
      [FILE]:
        head +
        capture('SendInvoices', 'Invoice__c').replace("'Amount__c'", "'Amount_Due__c'") +
        capture('SendWidgets', 'Widget__c'),
    };
    const result = await buildRefused(files);
    assertError(files, result, { file: FILE, rule: 'unknown-field', message: /Amount_Due__c/, at: "|'Amount_Due__c'" });
    assertError(files, result, {
      file: FILE,
      rule: 'unknown-object',
      message: /Widget__c/,
      at: "object: |'Widget__c'",
    });
  });
});
