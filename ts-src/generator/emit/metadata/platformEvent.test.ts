import assert from 'node:assert/strict';
import { test } from 'node:test';
import { platformEventFiles, platformEventMetadata } from './platformEvent';
import { testModel } from './testModel';

const [orderConfirmed] = testModel().events;

test('a high-volume event with its publish behaviour, labels and description', () => {
  assert.deepEqual(JSON.parse(JSON.stringify(platformEventMetadata(orderConfirmed))), {
    deploymentStatus: 'Deployed',
    description: 'An order was confirmed.',
    eventType: 'HighVolume',
    label: 'Order Confirmed',
    pluralLabel: 'Orders Confirmed',
    publishBehavior: 'PublishAfterCommit',
  });
});

test('the object file and one file per field, in the event folder', () => {
  const paths = platformEventFiles(orderConfirmed).map((file) => file.path);
  assert.equal(paths[0], 'force-app/main/default/objects/Order_Confirmed__e/Order_Confirmed__e.object-meta.xml');
  assert.equal(paths.length, 1 + orderConfirmed.fields.length);
  assert.ok(paths.includes('force-app/main/default/objects/Order_Confirmed__e/fields/Order_Id__c.field-meta.xml'));
});

test('event field files never mark a field unique or external id', () => {
  for (const file of platformEventFiles(orderConfirmed)) assert.doesNotMatch(file.content, /<unique>|<externalId>/);
});
