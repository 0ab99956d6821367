import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { loadModel } from '../../ts-src/generator/load';
import { deliveryPolicyFor, type DeliveryPolicy } from '../../ts-src/policy/policy';
import { ABORT_SCENARIO, CALLER_ERROR_SCENARIO, FAN_OUT_SCENARIO, PARALLEL_SCENARIO } from './scenarios';
import { SEED_SCENARIO, simulate, type OutageResult, type Scenario } from './simulate';
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
        assert.deepEqual([result.repeatedKeys, result.appliedTwice], [0, 0], `seed ${seed}: nothing sent twice`);
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

/** Bounded for the test: 400 orders over the same hour. */
const small = (scenario: Scenario): Scenario => ({ ...scenario, orders: 400 });

/** Nothing lost, and no message applied twice: every key the receivers got is one message's only key. */
function assertNothingLostOrAppliedTwice(result: OutageResult, messages: number, seed: number) {
  assert.equal(result.lost, 0, `seed ${seed}: lost`);
  assert.equal(result.delivered + result.failed, messages, `seed ${seed}: delivered or Failed`);
  assert.equal(result.appliedTwice, 0, `seed ${seed}: applied twice`);
}

describe('fault scenarios (issue 10)', () => {
  const seeds = [1, 2];

  test('parallel jobs and the sweeper claim the same backlog: nothing claimed or sent twice', () => {
    for (const seed of seeds) {
      const result = simulate(policy, small(PARALLEL_SCENARIO), SWITCHYARD_AS_BUILT, seed);
      assertNothingLostOrAppliedTwice(result, 400, seed);
      assert.deepEqual([result.failed, result.claimedTwice, result.repeatedKeys], [0, 0, 0], `seed ${seed}`);
      const unlocked = simulate(
        policy,
        small(PARALLEL_SCENARIO),
        { ...SWITCHYARD_AS_BUILT, lockedClaims: false },
        seed,
      );
      assert.ok(unlocked.claimedTwice > 0, `seed ${seed}: the scenario makes claims overlap`);
      assert.ok(unlocked.repeatedKeys > 0, `seed ${seed}: without the re-read, rows are sent twice`);
    }
  });

  test('aborted jobs: the outbox rows are resent after the lease; a resend of what arrived is the same key', () => {
    for (const seed of seeds) {
      const result = simulate(policy, small(ABORT_SCENARIO), SWITCHYARD_AS_BUILT, seed);
      assert.equal(result.abortedJobs, 10, `seed ${seed}`);
      assertNothingLostOrAppliedTwice(result, 400, seed);
      assert.equal(result.failed, 0);
      assert.ok(result.repeatedKeys > 0, `seed ${seed}: what the killed jobs sent arrives again, under its key`);
      const before = simulate(policy, small(ABORT_SCENARIO), { ...SWITCHYARD_AS_BUILT, outbox: false }, seed);
      assert.ok(before.lost > 0, `seed ${seed}: without the outbox an aborted job's messages are lost`);
    }
  });

  test('a caller-side error opens no circuit, retries nothing, and ends Failed until a person reprocesses', () => {
    for (const seed of seeds) {
      const result = simulate(policy, small(CALLER_ERROR_SCENARIO), SWITCHYARD_AS_BUILT, seed);
      assertNothingLostOrAppliedTwice(result, 400, seed);
      assert.equal(result.breakerOpenings, 0, `seed ${seed}: no circuit opened`);
      assert.ok(result.configurationFailures > 0, `seed ${seed}: the error happened`);
      assert.equal(result.failedCallouts, result.configurationFailures, `seed ${seed}: one refused callout each`);
      assert.equal(result.reprocessed, result.configurationFailures, `seed ${seed}: each needed a person`);
      assert.deepEqual([result.failed, result.repeatedKeys], [0, 0], `seed ${seed}: all recovered, once`);
      const before = simulate(
        policy,
        small(CALLER_ERROR_SCENARIO),
        { ...SWITCHYARD_AS_BUILT, configurationErrors: false },
        seed,
      );
      assert.ok(before.breakerOpenings > 0, `seed ${seed}: counted as an outage, it opened the circuit`);
    }
  });

  test('fan-out: the healthy system is unaffected; each operation has its own keys, rows and retries', () => {
    for (const seed of seeds) {
      const result = simulate(policy, small(FAN_OUT_SCENARIO), SWITCHYARD_AS_BUILT, seed);
      assertNothingLostOrAppliedTwice(result, 800, seed);
      assert.equal(result.repeatedKeys, 0);
      const { SendOrderToErp: erp, SendOrderToWms: wms } = result.perOperation;
      assert.deepEqual([erp.delivered, wms.delivered], [400, 400], `seed ${seed}: two keys per event`);
      assert.ok(erp.failedCallouts > 0 && erp.breakerOpenings > 0, `seed ${seed}: the ERP was down`);
      assert.deepEqual(
        [wms.callouts, wms.failedCallouts, wms.breakerOpenings, wms.peakParked],
        [400, 0, 0, 0],
        `seed ${seed}: the warehouse system got each message once, at once`,
      );
      assert.ok(wms.maxLatencySeconds < 60, `seed ${seed}: warehouse latency ${wms.maxLatencySeconds} s`);
    }
  });
});
