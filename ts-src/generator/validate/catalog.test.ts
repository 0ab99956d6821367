/**
 * Any standard object of the platform's catalog can be extended and named by an operation: fields
 * on Account, Contact, Case, Product2 and Opportunity build into those objects' folders; a
 * misspelt object or standard field is refused at its place with the name that was meant.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { emitAll } from '../emit';
import { loadModel } from '../load';
import { checkApexReferences, readRuntimeApex } from '../verify';
import { assertError, buildRefused, project, type RefusedBuild } from './testProject';

const FILE = 'ts-src/integrations/crm.ts';
const head = `import { externalSystem, field, objectExtension, operation } from '../dsl';

export const erp = externalSystem({
  name: 'ERP_API',
  label: 'ERP',
  baseUrl: 'https://erp.example.com',
  auth: { type: 'none' },
  timeoutSeconds: 20,
  circuitBreaker: { failureThreshold: 5, coolDownSeconds: 300 },
});
`;
const extension = (object: string, fields: string) => `
export const ${object.toLowerCase()}Fields = objectExtension({
  object: '${object}',
  fields: { ${fields} },
});
`;
const key = 'External_Id__c: field.text({ length: 40, externalId: true, unique: true })';
const syncAccounts = (fields: string) => `
export const accountSync = operation({
  name: 'AccountSync',
  description: 'Accounts to the ERP.',
  pattern: 'batch-sync',
  system: 'ERP_API',
  method: 'POST',
  path: '/accounts',
  object: 'Account',
  fields: [${fields}],
  idempotencyKey: 'External_Id__c',
  schedule: '0 0 2 * * ?',
  batchSize: 200,
  retry: { maxAttempts: 3, baseDelaySeconds: 60, maxDelaySeconds: 600, jitter: 'none' },
});
`;
const caseCallIn = (object: string, target: string) => `
export const caseUpdate = operation({
  name: 'CaseUpdate',
  description: 'The ERP reports on a case.',
  pattern: 'remote-call-in',
  source: 'ERP',
  object: '${object}',
  urlMapping: '/erp/case',
  idempotencyKey: 'External_Id__c',
  request: { key: field.text({ length: 40 }), subject: field.text({ length: 80 }) },
  mapping: { key: 'External_Id__c', subject: '${target}' },
});
`;

describe('fields on any standard object are generated into its folder', () => {
  const files = {
    [FILE]:
      head +
      extension('Account', `${key}, Tier__c: field.picklist({ values: ['Gold', 'Silver'] })`) +
      extension('Contact', 'Loyalty_Id__c: field.text({ length: 20 })') +
      extension('Case', key) +
      extension('Product2', 'Erp_Sku__c: field.text({ length: 30 })') +
      extension('Opportunity', 'Erp_Quote__c: field.text({ length: 30 })') +
      syncAccounts("'Name', 'AccountNumber', 'Industry', 'Tier__c'") +
      caseCallIn('Case', 'Subject'),
  };
  let root: string;
  let emitted: Map<string, string>;
  before(() => {
    root = project(files);
    // The runtime's own declarations and components (the error log, its console) are part of every build.
    fs.cpSync(path.join(__dirname, '../../platform'), path.join(root, 'ts-src/platform'), { recursive: true });
    fs.cpSync(path.join(__dirname, '../../lwc'), path.join(root, 'ts-src/lwc'), {
      recursive: true,
      // The example app's own component (orderStatusTracker) needs the example's declarations.
      filter: (from) => !/[\\/](__tests__|orderStatusTracker)([\\/]|$)/.test(from),
    });
    // What a build writes, before formatting; the SOQL of the generated and runtime Apex checked.
    const model = loadModel(root);
    const generated = emitAll(model);
    checkApexReferences(model, generated, readRuntimeApex(path.resolve(__dirname, '../../..')));
    emitted = new Map(generated.map((file) => [file.path, file.content]));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  for (const [object, field] of [
    ['Account', 'External_Id__c'],
    ['Account', 'Tier__c'],
    ['Contact', 'Loyalty_Id__c'],
    ['Case', 'External_Id__c'],
    ['Product2', 'Erp_Sku__c'],
    ['Opportunity', 'Erp_Quote__c'],
  ]) {
    test(`${object}.${field} is a CustomField under objects/${object}`, () => {
      const content = emitted.get(`force-app/main/default/objects/${object}/fields/${field}.field-meta.xml`);
      assert.ok(content, `objects/${object}/fields/${field} is generated`);
      assert.match(content, new RegExp(`<fullName>${field}</fullName>`));
    });
  }
  test('the Account sync and the Case call-in are generated for their objects', () => {
    const apex = [...emitted.values()].join('\n');
    assert.match(apex, /new SwyBatchSync\.Config\(Account\.SObjectType, Account\.External_Id__c,/);
    assert.match(apex, /Case\.Subject/);
  });
  test("the generated tests insert records with what the standard object requires (an Account's Name)", () => {
    const batchTest = emitted.get('force-app/main/default/classes/AccountSyncBatchTest.cls') ?? '';
    assert.match(batchTest, /new Account\(Name = 'Switchyard Test', External_Id__c = 'SYNC-1'\)/);
    const callInTest = emitted.get('force-app/main/default/classes/CaseUpdateResourceTest.cls') ?? '';
    assert.match(callInTest, /insert as system new Case\(External_Id__c = KEY\);/);
  });
});

describe('a misspelt object or standard field is refused with the name that was meant', () => {
  const files = {
    [FILE]:
      head +
      extension('Acount', key) +
      extension('Case', key) +
      extension('AccountHistory', 'Note__c: field.text({ length: 20 })') +
      syncAccounts("'Name', 'AcountNumber'") +
      caseCallIn('Case', 'Subjct'),
  };
  let result: RefusedBuild;
  before(async () => {
    result = await buildRefused(files);
  });
  after(() => fs.rmSync(result.root, { recursive: true, force: true }));

  test('the build fails and leaves force-app as it was', () => {
    assert.notEqual(result.code, 0);
    assert.ok(result.unchanged);
  });
  test('objectExtension of "Acount": did you mean "Account"', () =>
    assertError(files, result, {
      file: FILE,
      rule: 'unknown-object',
      message:
        /objectExtension names "Acount", which is not a standard object of the platform[\s\S]*did you mean "Account"\?/,
      at: "object: |'Acount'",
    }));
  test('a companion object (AccountHistory) is named for what it is', () =>
    assertError(files, result, {
      file: FILE,
      rule: 'unknown-object',
      message: /History record of Account/,
      at: "object: |'AccountHistory'",
    }));
  test('a misspelt standard field in a batch-sync field list: did you mean "AccountNumber"', () =>
    assertError(files, result, {
      file: FILE,
      rule: 'unknown-field',
      message: /Field "AcountNumber" is not a field of Account[\s\S]*did you mean "AccountNumber"\?/,
      at: "|'AcountNumber'",
    }));
  test('a misspelt standard mapping target: did you mean "Subject"', () =>
    assertError(files, result, {
      file: FILE,
      rule: 'unknown-field',
      message: /Mapping target of "subject" "Subjct" is not a field of Case[\s\S]*did you mean "Subject"\?/,
      at: "subject: |'Subjct'",
    }));
});

describe('what a standard object cannot take is refused', () => {
  const files = {
    [FILE]:
      head +
      extension('BatchApexErrorEvent', 'Note__c: field.text({ length: 20 })') +
      extension('Case', key) +
      caseCallIn('Case', 'CreatedDate'),
  };
  let result: RefusedBuild;
  before(async () => {
    result = await buildRefused(files);
  });
  after(() => fs.rmSync(result.root, { recursive: true, force: true }));

  test('custom fields on a standard Platform Event', () =>
    assertError(files, result, {
      file: FILE,
      rule: 'extension-not-allowed',
      message: /BatchApexErrorEvent: it is a standard Platform Event/,
      at: "object: |'BatchApexErrorEvent'",
    }));
  test('a mapping into a field the platform sets itself', () =>
    assertError(files, result, {
      file: FILE,
      rule: 'mapping-read-only',
      message: /Case\.CreatedDate, which the platform sets itself/,
      at: "subject: |'CreatedDate'",
    }));
});
