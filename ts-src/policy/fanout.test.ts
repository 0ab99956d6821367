/**
 * Fan-out in the key scheme: one message of two operations (one event delivered to two systems,
 * one record feeding two record-event operations) has two keys, so it keeps two error-log rows
 * (SwyErrorLog upserts by key), two retry schedules and two reprocess actions; the same message
 * of one operation always has one key, also when the key is too long and fitted.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_KEY_LENGTH, messageKey } from './keys';

describe('fan-out keys', () => {
  const body = '{"Order_Id__c":"8015g000001AbCdEAF","Total_Amount__c":120.5}';

  test('two operations of one message: two keys, each led by its operation', () => {
    const billing = messageKey('SendToBilling', '8015g000001AbCdEAF', body);
    const warehouse = messageKey('SendToWarehouse', '8015g000001AbCdEAF', body);
    assert.notEqual(billing, warehouse);
    assert.ok(billing.startsWith('SendToBilling:8015g000001AbCdEAF:'));
    assert.equal(billing.split(':')[2], warehouse.split(':')[2], 'the same version: the same content');
  });

  test('the same message of one operation: one key, so a re-run or resend upserts its own row', () => {
    assert.equal(messageKey('SendToBilling', 'k', body), messageKey('SendToBilling', 'k', body));
  });

  test('fitted keys stay apart: operations whose first 120 characters are equal', () => {
    const shared = 'x'.repeat(130);
    const a = messageKey('A', shared, body);
    const b = messageKey('B', shared, body);
    const longA = messageKey(`${'Op'.repeat(70)}A`, 'k', body);
    const longB = messageKey(`${'Op'.repeat(70)}B`, 'k', body);
    for (const key of [a, b, longA, longB]) assert.ok(key.length <= MAX_KEY_LENGTH);
    assert.notEqual(a, b);
    assert.equal(longA.slice(0, 120), longB.slice(0, 120), 'the kept prefix is the same ...');
    assert.notEqual(longA, longB, '... but the hash of the whole key keeps them apart');
  });
});
