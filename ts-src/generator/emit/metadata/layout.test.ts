import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Model } from '../../model/types';
import { emitMetadata } from './index';
import { extensionLayoutFiles, extensionLayoutMetadata, extensionLayoutName } from './layout';
import { testModel } from './testModel';

const model = testModel();
type Section = NonNullable<ReturnType<typeof extensionLayoutMetadata>['layoutSections']>[number];
const items = (section: Section) =>
  (section.layoutColumns ?? []).flatMap((column) => (column.layoutItems ?? []).map((i) => `${i.field}:${i.behavior}`));

test('extended standard object: a layout of its own, never the org default Order-Order Layout', () => {
  assert.equal(extensionLayoutName('Order'), 'Order-Switchyard Order Layout');
  assert.deepEqual(
    extensionLayoutFiles(model).map((file) => file.path),
    ['force-app/main/default/layouts/Order-Switchyard Order Layout.layout-meta.xml'],
  );
  assert.ok(
    emitMetadata(model).some((file) => file.path.endsWith('/layouts/Order-Switchyard Order Layout.layout-meta.xml')),
    'the metadata emitter writes it',
  );
});

test('Order layout: the required standard fields, then every generated field, then System Information', () => {
  const [information, switchyard, system] = extensionLayoutMetadata(model, 'Order').layoutSections!;
  assert.deepEqual(items(information), [
    'OrderNumber:Readonly',
    'AccountId:Required',
    'EffectiveDate:Required',
    'Status:Required',
    'OwnerId:Edit',
    'ContractId:Edit',
  ]);
  assert.equal(switchyard.label, 'Switchyard');
  assert.deepEqual(
    items(switchyard).map((item) => item.split(':')[0]),
    model.extensions.flatMap((extension) => extension.fields.map((field) => field.name)),
    'every generated field is shown',
  );
  assert.equal(system.label, 'System Information');
});

test('Order layout: a field a call-in writes is read-only (the external system owns it), the others editable', () => {
  const [, switchyard] = extensionLayoutMetadata(model, 'Order').layoutSections!;
  const behavior = Object.fromEntries(items(switchyard).map((item) => item.split(':')));
  assert.equal(behavior['Fulfilment_Status__c'], 'Readonly');
  assert.equal(behavior['External_Order_Id__c'], 'Readonly');
  assert.equal(behavior['Unused_Flag__c'], 'Edit');
});

test('no extension, no layout; an object without known standard fields gets the Switchyard section only', () => {
  assert.deepEqual(extensionLayoutFiles({ ...model, extensions: [] }), []);
  // A work order has no field a layout must hold.
  const workOrderModel: Model = { ...model, extensions: [{ ...model.extensions[0], object: 'WorkOrder' }] };
  const sections = extensionLayoutMetadata(workOrderModel, 'WorkOrder').layoutSections!;
  assert.deepEqual(
    sections.map((section) => section.label),
    ['Switchyard', 'System Information'],
  );
});
