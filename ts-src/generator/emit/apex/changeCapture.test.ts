/**
 * What a change-capture declaration generates, built in a throwaway project (a custom object and
 * Order): the channel member on ChangeEvents, one trigger per object delegating to
 * SwyChangeCapture with every operation of that object, its wiring test, and the operation's
 * capture as field tokens.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, describe, test } from 'node:test';

const REPO_ROOT = path.resolve(__dirname, '../../../..');

const declarations = `import { customObject, externalSystem, field, operation } from '../dsl';

export const marketing = externalSystem({
  name: 'Marketing_API',
  label: 'Marketing',
  baseUrl: 'https://marketing.example.com',
  auth: { type: 'none' },
  timeoutSeconds: 10,
  circuitBreaker: { failureThreshold: 5, coolDownSeconds: 300 },
});
export const invoice = customObject({
  apiName: 'Invoice__c',
  label: 'Invoice',
  pluralLabel: 'Invoices',
  nameField: { type: 'Text', label: 'Name' },
  sharingModel: 'ReadWrite',
  fields: {
    Amount__c: field.number({ precision: 10, scale: 2, required: true }),
    Iban__c: field.text({ length: 34, sensitive: true }),
  },
});
export const sendInvoices = operation({
  name: 'SendInvoices',
  description: 'Invoice changes to marketing.',
  pattern: 'change-capture',
  system: 'Marketing_API',
  method: 'POST',
  path: '/invoices',
  object: 'Invoice__c',
  fields: ['Name', 'Amount__c', 'Iban__c'],
  changeTypes: ['UPDATE', 'DELETE'],
  retry: { maxAttempts: 3, baseDelaySeconds: 30, maxDelaySeconds: 300, jitter: 'full' },
});
export const auditInvoices = operation({
  name: 'AuditInvoices',
  description: 'Every invoice change to the audit trail.',
  pattern: 'change-capture',
  system: 'Marketing_API',
  method: 'PUT',
  path: '/audit',
  object: 'Invoice__c',
  fields: ['Amount__c'],
  retry: { maxAttempts: 1, baseDelaySeconds: 0, maxDelaySeconds: 0, jitter: 'none' },
});
export const payment = customObject({
  apiName: 'Payment__c',
  label: 'Payment',
  pluralLabel: 'Payments',
  nameField: { type: 'AutoNumber', label: 'Number', displayFormat: 'PAY-{0000}' },
  sharingModel: 'ReadWrite',
  fields: { Settled__c: field.checkbox() },
});
export const sendPaymentUpdates = operation({
  name: 'SendPaymentUpdates',
  description: 'Settled payments.',
  pattern: 'change-capture',
  system: 'Marketing_API',
  method: 'PATCH',
  path: '/payments',
  object: 'Payment__c',
  fields: ['Settled__c'],
  changeTypes: ['UPDATE'],
  retry: { maxAttempts: 3, baseDelaySeconds: 30, maxDelaySeconds: 300, jitter: 'full' },
});
export const sendOrders = operation({
  name: 'SendOrders',
  description: 'Order changes.',
  pattern: 'change-capture',
  system: 'Marketing_API',
  method: 'POST',
  path: '/orders',
  object: 'Order',
  fields: ['Status', 'TotalAmount'],
  retry: { maxAttempts: 3, baseDelaySeconds: 30, maxDelaySeconds: 300, jitter: 'full' },
});
`;

describe('change-capture output', () => {
  let root = '';
  const read = (file: string) => fs.readFileSync(path.join(root, 'force-app/main/default', file), 'utf8');
  before(() => {
    // A user's project as `switchyard init` makes it, with these declarations beside its example.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-capture-'));
    const cli = (...args: string[]) => execFileSync('npx', ['tsx', 'ts-src/cli/main.ts', ...args], { cwd: REPO_ROOT });
    cli('init', tmp);
    fs.writeFileSync(path.join(tmp, 'switchyard/ts-src/integrations/capture.ts'), declarations);
    cli('build', '--project', tmp);
    root = path.join(tmp, 'switchyard');
  });

  test('each captured object is selected on the standard ChangeEvents channel', () => {
    const member = read(
      'platformEventChannelMembers/ChangeEvents_Invoice__ChangeEvent.platformEventChannelMember-meta.xml',
    );
    assert.match(
      member,
      /<eventChannel>ChangeEvents<\/eventChannel>\s*<selectedEntity>Invoice__ChangeEvent<\/selectedEntity>/,
    );
    assert.doesNotMatch(
      member,
      /enrichedFields|filterExpression/,
      'no enrichment: the Apex trigger would not receive it',
    );
    assert.match(
      read('platformEventChannelMembers/ChangeEvents_OrderChangeEvent.platformEventChannelMember-meta.xml'),
      /<selectedEntity>OrderChangeEvent<\/selectedEntity>/,
    );
  });

  test('one trigger per object serves every operation of that object in a line', () => {
    const trigger = read('triggers/InvoiceChangeEventTrigger.trigger');
    assert.match(trigger, /trigger InvoiceChangeEventTrigger on Invoice__ChangeEvent\(after insert\)/);
    assert.match(
      trigger,
      /SwyChangeCapture\.handle\(\s*Trigger\.new,\s*new List<SwyChangeCapture\.Config>\{\s*AuditInvoicesOperation\.capture\(\),\s*SendInvoicesOperation\.capture\(\)\s*\}\s*\);/,
    );
    assert.match(read('triggers/OrderChangeEventTrigger.trigger'), /on OrderChangeEvent\(after insert\)/);
  });

  test('the capture carries the declared fields as tokens and the change types', () => {
    const operation = read('classes/SendInvoicesOperation.cls');
    assert.match(
      operation,
      /new SwyChangeCapture\.Config\(\s*new SendInvoicesOperation\(\)\.config\(\),\s*Invoice__c\.SObjectType\s*\)/,
    );
    assert.match(operation, /Invoice__c\.Name,\s*Invoice__c\.Amount__c,\s*Invoice__c\.Iban__c/);
    assert.match(operation, /\.changeTypes\(new Set<String>\{ 'UPDATE', 'DELETE' \}\)/);
    assert.match(
      operation,
      /config\.sensitiveFields = new Set<String>\{ 'Iban__c' \}/,
      'a sensitive field is redacted in the log',
    );
    assert.match(read('classes/AuditInvoicesOperation.cls'), /'CREATE', 'UPDATE', 'DELETE', 'UNDELETE'/);
  });

  test('the trigger test enables Change Data Capture and delivers a real change', () => {
    const test = read('classes/InvoiceChangeEventTriggerTest.cls');
    assert.match(test, /Test\.enableChangeDataCapture\(\);/);
    assert.match(test, /Invoice__c record = new Invoice__c\(\s*Name = 'Switchyard Test',\s*Amount__c = 1250\.50\s*\);/);
    assert.match(test, /Test\.getEventBus\(\)\.deliver\(\);/);
    assert.match(test, /'AuditInvoices'/, 'AuditInvoices sends creates, so the test makes one');
    assert.doesNotMatch(test, /OPERATIONS = new Set<String>\{[^}]*'SendInvoices'/, 'SendInvoices sends no create');
    const payments = read('classes/PaymentChangeEventTriggerTest.cls');
    assert.match(
      payments,
      /insert as system record;\s*Test\.getEventBus\(\)\.deliver\(\);\s*update as system record;\s*Test\.getEventBus\(\)\.deliver\(\);/,
      'an object captured for updates only is saved, then changed',
    );
    assert.match(payments, /'UPDATE', body\.get\('changeType'\)/);
    const orders = read('classes/OrderChangeEventTriggerTest.cls');
    assert.match(orders, /Order record = new Order\(\s*AccountId = account\.Id/);
  });
});
