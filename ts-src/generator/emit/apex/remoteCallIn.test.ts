import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { loadModel } from '../../load';
import type { RemoteCallInModel } from '../../model/types';
import { emitRemoteCallIn } from './remoteCallIn';

const model = loadModel(path.resolve(__dirname, '../../../..'));
const receiveOrderStatus = model.operations.find(
  (operation): operation is RemoteCallInModel => operation.name === 'ReceiveOrderStatus',
)!;
const contentOf = (operation: RemoteCallInModel, name: string) =>
  emitRemoteCallIn(model, operation).find((file) => file.path.endsWith(`/${name}.cls`))!.content;

test('the resource and its test are all a call-in generates', () => {
  assert.deepEqual(
    emitRemoteCallIn(model, receiveOrderStatus)
      .filter((file) => file.path.endsWith('.cls'))
      .map((file) => path.basename(file.path)),
    ['ReceiveOrderStatusResource.cls', 'ReceiveOrderStatusResourceTest.cls'],
  );
});

test('orderedBy is configured, and without it the runtime is told no change time', () => {
  assert.match(contentOf(receiveOrderStatus, 'ReceiveOrderStatusResource'), /\.orderedBy\('changedAt'\)/);
  const unordered: RemoteCallInModel = { ...receiveOrderStatus, orderedBy: undefined };
  assert.doesNotMatch(contentOf(unordered, 'ReceiveOrderStatusResource'), /\.orderedBy\(/);
});

test('without an event nothing is published and the test asserts no event', () => {
  const silent: RemoteCallInModel = { ...receiveOrderStatus, publishes: undefined };
  const resource = contentOf(silent, 'ReceiveOrderStatusResource');
  assert.doesNotMatch(resource, /\.publishes\(|\.event\w+\(/);
  assert.doesNotMatch(contentOf(silent, 'ReceiveOrderStatusResourceTest'), /SwyEventPublisher/);
});

test('the generated test proves the wiring: URL mapping, one applied delivery, 404 for an unknown key', () => {
  const test = contentOf(receiveOrderStatus, 'ReceiveOrderStatusResourceTest');
  assert.match(
    test,
    /SELECT Body FROM ApexClass WHERE Name = 'ReceiveOrderStatusResource'[\s\S]*contains\('@RestResource\(urlMapping=\\'\/switchyard\/v1\/order-status\/\*\\'\)'\)/,
  );
  assert.match(
    test,
    /static void appliesADeliveryToTheRecord\(\)[\s\S]*Assert\.areEqual\('Received', \[SELECT Fulfilment_Status__c FROM Order/,
  );
  assert.match(test, /static void answers404ForAnUnknownKey\(\)[\s\S]*Assert\.areEqual\(404, response\.statusCode/);
  assert.equal(test.match(/@IsTest\n\s*static void/g)?.length, 3, 'the behaviour is tested once, in SwyCallInTest');
});

test('the generated test runs as the inbound caller (call-in set), never as the credential holder', () => {
  const test = contentOf(receiveOrderStatus, 'ReceiveOrderStatusResourceTest');
  assert.match(test, /userWithPermissionSet\(\s*'Switchyard_Call_In'\s*\)/);
  assert.doesNotMatch(test, /Switchyard_Integration_Runtime/);
});
