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

test('orderedBy: an older change than the stored one is answered with the record and not applied', () => {
  const resource = contentOf(receiveOrderStatus, 'ReceiveOrderStatusResource');
  assert.match(
    resource,
    /if \(record\.Fulfilment_Status_Changed_At__c != null && request\.changedAt < record\.Fulfilment_Status_Changed_At__c\) \{\n\s+return new Reply\(HTTP_OK, answer\(record\)\);/,
  );
  assert.ok(
    resource.indexOf('request.changedAt < record') < resource.indexOf('if (changes(record, request))'),
    'the stale check comes before anything is written',
  );
  assert.match(
    contentOf(receiveOrderStatus, 'ReceiveOrderStatusResourceTest'),
    /static void ignoresAStaleDelivery\(\)/,
  );
});

test('without orderedBy every delivery that differs is applied, and no stale test is generated', () => {
  const unordered: RemoteCallInModel = { ...receiveOrderStatus, orderedBy: undefined };
  assert.doesNotMatch(contentOf(unordered, 'ReceiveOrderStatusResource'), /request\.changedAt < record/);
  assert.doesNotMatch(contentOf(unordered, 'ReceiveOrderStatusResourceTest'), /ignoresAStaleDelivery/);
});
