import assert from 'node:assert/strict';
import { test } from 'node:test';
import { objectExtensionFiles } from './objectExtension';
import { testModel } from './testModel';

const [order] = testModel().extensions;

test('writes only the field files of a standard object, never Order.object-meta.xml', () => {
  const paths = objectExtensionFiles(order).map((file) => file.path);
  assert.equal(paths.length, order.fields.length);
  assert.ok(paths.every((path) => path.startsWith('force-app/main/default/objects/Order/fields/')));
});

test('the external order id is an external-id, unique, case-insensitive Text field', () => {
  const file = objectExtensionFiles(order).find((f) => f.path.endsWith('/External_Order_Id__c.field-meta.xml'))!;
  assert.match(file.content, /<caseSensitive>false<\/caseSensitive>/);
  assert.match(file.content, /<externalId>true<\/externalId>/);
  assert.match(file.content, /<unique>true<\/unique>/);
  assert.match(file.content, /<length>64<\/length>/);
});
