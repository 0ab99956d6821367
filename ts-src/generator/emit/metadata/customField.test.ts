import assert from 'node:assert/strict';
import { test } from 'node:test';
import { customFieldMetadata, fieldFiles, picklistLabel, platformEventFieldMetadata } from './customField';
import { field } from './testModel';

/** The metadata with unset elements dropped, as the XML will have it. */
const written = (value: object) => JSON.parse(JSON.stringify(value));

test('Text: length, required, description, help text and label', () => {
  const metadata = customFieldMetadata(
    field('Integration__c', 'Text', {
      length: 80,
      required: true,
      description: 'Why.',
      helpText: 'Help.',
      label: 'Integration',
    }),
  );
  assert.deepEqual(written(metadata), {
    fullName: 'Integration__c',
    description: 'Why.',
    externalId: false,
    inlineHelpText: 'Help.',
    label: 'Integration',
    length: 80,
    required: true,
    type: 'Text',
    unique: false,
  });
});

test('an external-id unique Text field is case-insensitive unique', () => {
  const metadata = customFieldMetadata(field('Key__c', 'Text', { length: 255, externalId: true, unique: true }));
  assert.equal(metadata.externalId, true);
  assert.equal(metadata.unique, true);
  assert.equal(metadata.caseSensitive, false);
});

test('Number: precision and scale', () => {
  const metadata = customFieldMetadata(field('Amount__c', 'Number', { precision: 16, scale: 2 }));
  assert.deepEqual([metadata.type, metadata.precision, metadata.scale, metadata.length], ['Number', 16, 2, undefined]);
});

test('Checkbox: a default value and no required element', () => {
  const metadata = customFieldMetadata(field('Is_Test__c', 'Checkbox', { defaultValue: true }));
  assert.equal(metadata.defaultValue, 'true');
  assert.equal(metadata.required, undefined);
  assert.equal(customFieldMetadata(field('Off__c', 'Checkbox')).defaultValue, 'false');
});

test('LongTextArea: length and visible lines', () => {
  const metadata = customFieldMetadata(field('Payload__c', 'LongTextArea', { length: 131072, visibleLines: 5 }));
  assert.deepEqual([metadata.type, metadata.length, metadata.visibleLines], ['LongTextArea', 131072, 5]);
});

test('TextArea, Date, DateTime, Email and Url map to their Salesforce types', () => {
  const types = (['TextArea', 'Date', 'DateTime', 'Email', 'Url'] as const).map(
    (kind) => customFieldMetadata(field('F__c', kind)).type,
  );
  assert.deepEqual(types, ['TextArea', 'Date', 'DateTime', 'Email', 'Url']);
});

test('Picklist: restricted value set in declared order, labels without underscores, the default marked', () => {
  const metadata = customFieldMetadata(
    field('Status__c', 'Picklist', { values: ['New', 'On_Hold', 'Failed'], restricted: true, defaultValue: 'New' }),
  );
  assert.equal(metadata.defaultValue, undefined);
  assert.deepEqual(written(metadata.valueSet!), {
    restricted: true,
    valueSetDefinition: {
      sorted: false,
      value: [
        { fullName: 'New', default: true, label: 'New' },
        { fullName: 'On_Hold', default: false, label: 'On Hold' },
        { fullName: 'Failed', default: false, label: 'Failed' },
      ],
    },
  });
  assert.equal(picklistLabel('Half_Open'), 'Half Open');
});

test('an unrestricted picklist says so', () => {
  assert.equal(
    customFieldMetadata(field('Tag__c', 'Picklist', { values: ['A'], restricted: false })).valueSet?.restricted,
    false,
  );
});

test('Platform Event fields carry neither External ID nor Unique', () => {
  const metadata = written(
    platformEventFieldMetadata(field('Key__c', 'Text', { length: 64, externalId: true, unique: true, required: true })),
  );
  assert.deepEqual(metadata, { fullName: 'Key__c', label: 'Key', length: 64, required: true, type: 'Text' });
});

test('a Platform Event field of a kind events do not support is a generator bug', () => {
  assert.throws(
    () => platformEventFieldMetadata(field('Status__c', 'Picklist', { values: ['A'] })),
    /Platform Events do not support/,
  );
});

test('one file per field, under the object folder', () => {
  const files = fieldFiles(
    'force-app/main/default',
    'Order',
    [field('A__c', 'Date'), field('B__c', 'Url')],
    customFieldMetadata,
    ['orders.ts'],
  );
  assert.deepEqual(
    files.map((file) => file.path),
    [
      'force-app/main/default/objects/Order/fields/A__c.field-meta.xml',
      'force-app/main/default/objects/Order/fields/B__c.field-meta.xml',
    ],
  );
  assert.match(files[0].content, /<CustomField xmlns="http:\/\/soap\.sforce\.com\/2006\/04\/metadata">/);
  assert.match(files[0].content, /<fullName>A__c<\/fullName>/);
});
