import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { loadModel } from '../../ts-src/generator/load';
import { deliveryPolicyFor, type DeliveryPolicy } from '../../ts-src/policy/policy';
import { SEED_SCENARIO, simulate } from './simulate';
import { naive, SWITCHYARD_AS_BUILT, SWITCHYARD_PREVIOUS } from './strategies';

// The example app's own declarations: if they change so that the outage loses orders, this fails.
let policy: DeliveryPolicy;
before(() => {
  policy = deliveryPolicyFor(loadModel(path.resolve(__dirname, '../..')), 'SendOrderToErp');
});

describe('ERP outage simulation', () => {
  for (const strategy of [SWITCHYARD_AS_BUILT, SWITCHYARD_PREVIOUS]) {
    test(`${strategy.label}: every order reaches the ERP once it is back, none lost or Failed`, () => {
      for (const seed of [1, 2, 3]) {
        const result = simulate(policy, SEED_SCENARIO, strategy, seed);
        assert.deepEqual([result.delivered, result.lost, result.failed], [SEED_SCENARIO.orders, 0, 0], `seed ${seed}`);
      }
    });
  }

  test('Switchyard stops calling the ERP while it is down', () => {
    const result = simulate(policy, SEED_SCENARIO, SWITCHYARD_AS_BUILT, 1);
    const confirmedDuringOutage = SEED_SCENARIO.orders / 2;
    assert.ok(result.failedCallouts < confirmedDuringOutage / 5, `${result.failedCallouts} failed callouts`);
  });

  test('naive per-message retry in a scratch org loses orders', () => {
    const result = simulate(policy, SEED_SCENARIO, naive(policy, 'scratch'), 1);
    assert.ok(result.lost > 0);
    assert.equal(result.delivered + result.lost, SEED_SCENARIO.orders);
  });

  test('the same seed gives the same run', () => {
    assert.deepEqual(
      simulate(policy, SEED_SCENARIO, SWITCHYARD_AS_BUILT, 7),
      simulate(policy, SEED_SCENARIO, SWITCHYARD_AS_BUILT, 7),
    );
  });

  test('chains stay within the chain depth of the policy', () => {
    const result = simulate(policy, SEED_SCENARIO, SWITCHYARD_AS_BUILT, 2);
    assert.ok(result.maxChainDepth <= policy.retry.maxChainDepth);
  });
});
