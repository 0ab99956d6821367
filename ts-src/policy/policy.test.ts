import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Model } from '../generator/model/types';
import { deliveryPolicyFor } from './policy';

const location = { file: 'ts-src/integrations/erp.ts', line: 1, column: 1 };
const model: Model = {
  components: [],
  componentTypings: {},
  events: [],
  objects: [],
  extensions: [],
  monitoring: [],
  systems: [
    {
      name: 'ERP_API',
      label: 'ERP',
      baseUrl: 'https://erp.example.com',
      auth: { type: 'none' },
      timeoutSeconds: 30,
      circuitBreaker: { failureThreshold: 4, coolDownSeconds: 240 },
      externalCredential: 'ERP_API_Auth',
      principal: 'ERP_API_Principal',
      location,
    },
  ],
  operations: [
    {
      name: 'SendOrder',
      description: 'd',
      pattern: 'fire-and-forget',
      event: 'Order_Confirmed__e',
      messageKey: 'Order_Id__c',
      system: 'ERP_API',
      method: 'POST',
      path: '/orders',
      timeoutSeconds: 25,
      retry: { maxAttempts: 6, baseDelaySeconds: 30, maxDelaySeconds: 300, jitter: 'equal', maxChainDepth: 4 },
      location,
    },
    {
      name: 'Feed',
      description: 'd',
      pattern: 'publish-subscribe',
      event: 'Order_Confirmed__e',
      subscribers: [],
      location,
    },
  ],
};

describe('delivery policy from the model', () => {
  test('takes the retry policy of the operation and the breaker of its system', () => {
    const policy = deliveryPolicyFor(model, 'SendOrder');
    assert.deepEqual(policy.retry, {
      maxAttempts: 6,
      baseDelaySeconds: 30,
      maxDelaySeconds: 300,
      jitter: 'equal',
      maxChainDepth: 4,
    });
    assert.deepEqual(policy.breaker, { failureThreshold: 4, coolDownSeconds: 240 });
  });

  test("sizes jobs from the operation's timeout, not the system default", () => {
    const policy = deliveryPolicyFor(model, 'SendOrder');
    assert.equal(policy.timeoutSeconds, 25);
    assert.equal(policy.messagesPerJob, 4);
  });

  test('refuses an operation that does not deliver through jobs', () => {
    assert.throws(() => deliveryPolicyFor(model, 'Feed'), /publish-subscribe/);
  });
});
