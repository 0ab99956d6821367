import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FieldModel, Model } from '../../model/types';
import { checkReferences, formatReferenceProblem } from './references';

const at = { file: 'ts-src/x.ts', line: 1, column: 1 };
const field = (name: string): FieldModel => ({
  name,
  kind: 'Text',
  label: name,
  required: false,
  sensitive: false,
  externalId: false,
  unique: false,
  length: 40,
  location: at,
});

/** Just what the check reads: systems, objects, extensions. */
const model: Model = {
  components: [],
  componentTypings: {},
  events: [],
  objects: [
    {
      apiName: 'Integration_Error_Log__c',
      layer: 'platform',
      label: 'Log',
      pluralLabel: 'Logs',
      nameField: { type: 'Text', label: 'Name' },
      sharingModel: 'ReadWrite',
      fields: [field('Status__c'), field('Operation__c')],
      listViews: [],
      layout: [],
      location: at,
    },
  ],
  extensions: [{ object: 'Order', fields: [field('External_Order_Id__c')], location: at }],
  systems: [
    {
      name: 'ERP_API',
      label: 'ERP',
      baseUrl: 'https://erp.example.com',
      auth: { type: 'none' },
      timeoutSeconds: 20,
      circuitBreaker: { failureThreshold: 5, coolDownSeconds: 300 },
      externalCredential: 'ERP_API_Auth',
      principal: 'ERP_API_Principal',
      location: at,
    },
  ],
  operations: [],
  monitoring: [],
};

const check = (content: string, path = 'force-app/main/default/classes/X.cls') =>
  checkReferences(model, [{ path, content }]);

test('declared and listed standard fields, and declared systems, pass', () => {
  const problems = check(`public with sharing class X {
    void run() {
      List<Order> orders = [SELECT Id, OrderNumber, External_Order_Id__c FROM Order WHERE External_Order_Id__c != NULL WITH USER_MODE];
      List<Integration_Error_Log__c> rows = Database.query('SELECT Id, Status__c FROM Integration_Error_Log__c WHERE Operation__c = :name');
      Integer jobs = [SELECT COUNT() FROM AsyncApexJob WHERE ApexClass.Name = 'SwyDeliveryJob'];
      SwyCalloutRequest request = new SwyCalloutRequest('ERP_API', 'POST', '/orders', 20);
      String endpoint = 'callout:ERP_API/orders';
    }
  }`);
  assert.deepEqual(problems, []);
});

test('an unknown field, in a static query or in a query string, is reported with its line', () => {
  const problems = check(`public with sharing class X {
    void run() {
      List<Order> orders = [SELECT Id, Shipping_Carrier__c FROM Order];
      List<SObject> rows = Database.query('SELECT Id, Retries__c FROM Integration_Error_Log__c');
    }
  }`);
  assert.deepEqual(
    problems.map((p) => [p.kind, p.name, p.line]),
    [
      ['soql-field', 'Order.Shipping_Carrier__c', 3],
      ['soql-field', 'Integration_Error_Log__c.Retries__c', 4],
    ],
  );
  assert.equal(
    formatReferenceProblem(problems[0]),
    'force-app/main/default/classes/X.cls:3: error [soql-field] SOQL field Order.Shipping_Carrier__c is neither declared in the model nor a standard field of the platform',
  );
});

test('an unknown field in WHERE or ORDER BY, and an unknown object, are reported too', () => {
  const problems = check(`public with sharing class X {
    void run() {
      List<Order> orders = [SELECT Id FROM Order WHERE Carrier__c = 'x' ORDER BY Priority__c];
      List<SObject> rows = [SELECT Id FROM Shipment__c];
    }
  }`);
  assert.deepEqual(
    problems.map((p) => p.name),
    ['Order.Carrier__c', 'Order.Priority__c', 'Shipment__c'],
  );
});

test('an unknown Named Credential is reported in every form the runtime and generated code use', () => {
  const problems = check(`public with sharing class X {
    private static final String NAMED_CREDENTIAL = 'CRM_API';
    void run() {
      String endpoint = 'callout:Billing_API/invoices';
      SwyCalloutRequest request = new SwyCalloutRequest('Ledger_API', 'GET', '/', 10);
      request.namedCredential = 'Tax_API';
    }
  }`);
  assert.deepEqual(problems.map((p) => [p.kind, p.name]).sort(), [
    ['callout', 'Billing_API'],
    ['callout', 'CRM_API'],
    ['callout', 'Ledger_API'],
    ['callout', 'Tax_API'],
  ]);
});

test('a test class may name made-up Named Credentials (mocked callouts never leave the org), but its SOQL is checked', () => {
  const problems = check(`// a test
  @SuppressWarnings('PMD.ApexUnitTestClassShouldHaveRunAs')
  @IsTest
  private class XTest {
    @IsTest
    static void run() {
      new SwyCalloutRequest('Fake_API', 'GET', '/', 10);
      List<Order> orders = [SELECT Bogus__c FROM Order];
    }
  }`);
  assert.deepEqual(
    problems.map((p) => p.name),
    ['Order.Bogus__c'],
  );
});

test('names in comments are ignored', () => {
  assert.deepEqual(check(`/** 'callout:Old_API' [SELECT Gone__c FROM Order] */\npublic with sharing class X {}`), []);
});
