import assert from 'node:assert/strict';
import { test } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import { emitMetadata } from './index';
import { testModel } from './testModel';

const files = emitMetadata(testModel());

test('every file is well-formed -meta.xml under a generated package directory, formatted as xml', () => {
  for (const file of files) {
    assert.match(file.path, /^force-app\/(main\/default|platform)\/.+-meta\.xml$/);
    assert.equal(file.parser, 'xml');
    assert.equal(XMLValidator.validate(file.content), true, file.path);
  }
});

test('paths are unique and sorted, and a second run gives the same files', () => {
  const paths = files.map((file) => file.path);
  assert.equal(new Set(paths).size, paths.length);
  assert.deepEqual(paths, [...paths].sort());
  assert.deepEqual(emitMetadata(testModel()), files);
});

test('covers events, objects, the Order extension without Order.object-meta.xml, credentials and permission sets', () => {
  const has = (suffix: string) => files.some((file) => file.path.endsWith(suffix));
  assert.ok(has('objects/Order_Confirmed__e/Order_Confirmed__e.object-meta.xml'));
  assert.ok(has('objects/Integration_Error_Log__c/Integration_Error_Log__c.object-meta.xml'));
  assert.ok(has('objects/Order/fields/External_Order_Id__c.field-meta.xml'));
  assert.ok(!has('objects/Order/Order.object-meta.xml'));
  assert.ok(has('externalCredentials/ERP_API_Auth.externalCredential-meta.xml'));
  assert.ok(has('namedCredentials/ERP_API.namedCredential-meta.xml'));
  assert.ok(has('permissionsets/Switchyard_Integration_Runtime.permissionset-meta.xml'));
});
