import assert from 'node:assert/strict';
import { test } from 'node:test';
import { customObjectFiles, customObjectMetadata } from './customObject';
import { layoutMetadata, layoutName } from './layout';
import { listViewMetadata } from './listView';
import { tabMetadata } from './tab';
import { testModel } from './testModel';

const [errorLog, circuit] = testModel().objects;

test('object: auto-number name field with its display format, sharing model, deployed', () => {
  const metadata = customObjectMetadata(errorLog);
  assert.deepEqual(metadata.nameField, { displayFormat: 'ERR-{0000000}', label: 'Log Number', type: 'AutoNumber' });
  assert.equal(metadata.sharingModel, 'ReadWrite');
  assert.equal(metadata.deploymentStatus, 'Deployed');
  assert.equal(metadata.enableFeeds, false);
  assert.equal(metadata.enableReports, true);
});

test('object: a Text name field has no display format', () => {
  assert.deepEqual(customObjectMetadata(circuit).nameField, { label: 'System', type: 'Text' });
});

test('object: only objects with a tab are searchable', () => {
  assert.equal(customObjectMetadata(errorLog).enableSearch, true);
  assert.equal(customObjectMetadata(circuit).enableSearch, false);
});

test('files: object, fields, list views, tab and layout in source-format folders of its layer', () => {
  const paths = customObjectFiles(errorLog).map((file) => file.path);
  // The error log is one of the runtime's own objects: it goes in the platform package directory.
  const root = 'force-app/platform';
  for (const expected of [
    `${root}/objects/Integration_Error_Log__c/Integration_Error_Log__c.object-meta.xml`,
    `${root}/objects/Integration_Error_Log__c/fields/Status__c.field-meta.xml`,
    `${root}/objects/Integration_Error_Log__c/listViews/Failed.listView-meta.xml`,
    `${root}/tabs/Integration_Error_Log__c.tab-meta.xml`,
    `${root}/layouts/Integration_Error_Log__c-Integration Error Log Layout.layout-meta.xml`,
  ]) {
    assert.ok(paths.includes(expected), expected);
  }
  assert.equal(paths.length, 1 + errorLog.fields.length + errorLog.listViews.length + 2);
});

test('files: no tab for an object that declares none', () => {
  assert.ok(!customObjectFiles(circuit).some((file) => file.path.includes('/tabs/')));
});

test('list view: NAME for the name field, API names for custom fields, everything in scope', () => {
  const view = listViewMetadata(errorLog.listViews[0]);
  assert.deepEqual(view.columns, ['NAME', 'Integration__c', 'Status__c']);
  assert.equal(view.filterScope, 'Everything');
  assert.equal(view.filters, undefined);
  assert.equal(view.fullName, 'All');
});

test('list view: a filter is an equals condition on the field', () => {
  assert.deepEqual(listViewMetadata(errorLog.listViews[1]).filters, [
    { field: 'Status__c', operation: 'equals', value: 'Failed' },
  ]);
});

test('tab: a custom object tab with its motif', () => {
  assert.deepEqual(tabMetadata({ motif: 'Custom67: Gears' }), { customObject: true, motif: 'Custom67: Gears' });
});

test('layout: named after the object label', () => {
  assert.equal(layoutName(errorLog), 'Integration_Error_Log__c-Integration Error Log Layout');
});

const items = (section: NonNullable<ReturnType<typeof layoutMetadata>['layoutSections']>[number]) =>
  (section.layoutColumns ?? []).map((column) =>
    (column.layoutItems ?? []).map((item) => `${item.field}:${item.behavior}`),
  );

test('layout: first section split in two columns, auto-number Name read-only, required fields Required', () => {
  const [message] = layoutMetadata(errorLog).layoutSections!;
  assert.equal(message.label, 'Message');
  assert.equal(message.style, 'TwoColumnsTopToBottom');
  assert.deepEqual(items(message), [
    ['Name:Readonly', 'Integration__c:Required', 'Status__c:Required'],
    ['OwnerId:Edit', 'Attempts__c:Edit'],
  ]);
});

test('layout: a section with long text is one column wide', () => {
  const details = layoutMetadata(errorLog).layoutSections![1];
  assert.equal(details.style, 'OneColumn');
  assert.deepEqual(items(details), [['Payload__c:Edit', 'Summary__c:Edit']]);
});

test('layout: a Text name field is Required', () => {
  assert.equal(items(layoutMetadata(circuit).layoutSections![0])[0][0], 'Name:Required');
});

test('layout: ends with System Information showing who created and last changed the record', () => {
  const sections = layoutMetadata(errorLog).layoutSections!;
  const system = sections[sections.length - 1];
  assert.equal(system.label, 'System Information');
  assert.deepEqual(items(system), [['CreatedById:Readonly'], ['LastModifiedById:Readonly']]);
});

test('layout: an empty right column is still written, as a two-column section needs both', () => {
  const layout = [
    { label: 'Information', fields: ['Failure_Count__c'] },
    { label: 'Key', fields: ['System__c'] },
  ];
  const key = layoutMetadata({ ...circuit, layout }).layoutSections![1];
  assert.deepEqual(items(key), [['System__c:Required'], []]);
  const file = customObjectFiles({ ...circuit, layout }).find((f) => f.path.includes('/layouts/'))!;
  assert.match(file.content, /<layoutColumns\/>/);
});
