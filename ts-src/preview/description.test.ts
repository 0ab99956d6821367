import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FieldModel, Model } from '../generator/model/types';
import { componentTag, describePreview, fieldInput } from './description';

const at = { file: 'ts-src/integrations/test.ts', line: 1, column: 1 };

function field(name: string, kind: FieldModel['kind'], extra: Partial<FieldModel> = {}): FieldModel {
  return {
    name,
    kind,
    label: name.replace(/__c$/, ''),
    required: false,
    sensitive: false,
    externalId: false,
    unique: false,
    location: at,
    ...extra,
  };
}

const model = {
  components: [],
  componentTypings: {},
  systems: [],
  monitoring: [],
  events: [
    {
      apiName: 'Shipment_Update__e',
      layer: 'app',
      label: 'Shipment Update',
      pluralLabel: 'Shipment Updates',
      eventType: 'HighVolume',
      publishBehavior: 'PublishAfterCommit',
      fields: [field('Shipment_Id__c', 'Text', { length: 18, required: true }), field('At__c', 'DateTime')],
      location: at,
    },
  ],
  objects: [
    {
      apiName: 'Shipment__c',
      layer: 'app',
      label: 'Shipment',
      pluralLabel: 'Shipments',
      nameField: { label: 'Shipment Number', type: 'Text' },
      sharingModel: 'Private',
      fields: [field('Weight__c', 'Number', { precision: 8, scale: 2 })],
      listViews: [],
      layout: [],
      location: at,
    },
  ],
  extensions: [{ object: 'Order', fields: [field('Stage__c', 'Picklist', { values: ['A', 'B'] })], location: at }],
  operations: [
    ...['ShipmentLive', 'ShipmentMap'].map((name, i) => ({
      name,
      description: '',
      pattern: 'ui-update',
      event: 'Shipment_Update__e',
      object: 'Shipment__c',
      recordIdField: 'Shipment_Id__c',
      component: i === 0 ? 'shipmentTracker' : 'shipmentMap',
      location: at,
    })),
    {
      name: 'OrderLive',
      description: '',
      pattern: 'ui-update',
      event: 'Shipment_Update__e',
      object: 'Order',
      recordIdField: 'Shipment_Id__c',
      component: 'orderTracker',
      location: at,
    },
    { name: 'Feed', description: '', pattern: 'publish-subscribe', event: 'Shipment_Update__e', location: at },
  ],
} as unknown as Model;

describe('describePreview', () => {
  it('lists each generated record page with its ui-update components and their events, as the build places them', () => {
    const { pages } = describePreview(model);
    assert.deepEqual(
      pages.map((page) => [page.name, page.recordId, page.components.map((c) => [c.tag, c.event.channel])]),
      [
        ['Order_Record_Page', '801000000000001AAA', [['c-order-tracker', '/event/Shipment_Update__e']]],
        [
          'Shipment_Record_Page',
          'a00000000000001AAA',
          [
            ['c-shipment-tracker', '/event/Shipment_Update__e'],
            ['c-shipment-map', '/event/Shipment_Update__e'],
          ],
        ],
      ],
    );
  });

  it("takes the record form from the object's declared fields (Name first for a custom object) or its extension", () => {
    const { pages } = describePreview(model);
    assert.deepEqual(
      pages.map((page) => page.fields.map((f) => `${f.name}:${f.input}`)),
      [['Stage__c:picklist'], ['Name:text', 'Weight__c:number']],
    );
    assert.deepEqual(
      pages[1].components[0].event.fields.map((f) => [f.name, f.input, f.required]),
      [
        ['Shipment_Id__c', 'text', true],
        ['At__c', 'datetime', false],
      ],
    );
  });
});

describe('fieldInput', () => {
  it('maps each declared kind to an input with its constraints and default', () => {
    assert.deepEqual(fieldInput(field('N__c', 'Number', { precision: 5, scale: 2 })), {
      name: 'N__c',
      label: 'N',
      input: 'number',
      required: false,
      scale: 2,
      defaultValue: '',
    });
    assert.equal(fieldInput(field('C__c', 'Checkbox', { defaultValue: true })).defaultValue, true);
    assert.equal(fieldInput(field('D__c', 'Date')).input, 'date');
    assert.equal(fieldInput(field('L__c', 'LongTextArea', { length: 1000 })).input, 'textarea');
    assert.equal(fieldInput(field('T__c', 'Text', { length: 40 })).maxLength, 40);
    const restricted = fieldInput(field('P__c', 'Picklist', { values: ['X', 'Y'], defaultValue: 'Y' }));
    assert.deepEqual([restricted.values, restricted.restricted, restricted.defaultValue], [['X', 'Y'], true, 'Y']);
    const open = fieldInput(field('O__c', 'Picklist', { values: ['X'], restricted: false }));
    assert.deepEqual([open.restricted, open.defaultValue], [false, 'X']);
  });

  it('names components as LWC names custom elements', () => {
    assert.equal(componentTag('orderStatusTracker'), 'c-order-status-tracker');
  });
});
