import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CLOSED, flushBreaker, TransactionBreaker, type BreakerRecord } from './breaker';

const policy = { failureThreshold: 5, coolDownSeconds: 300 };
const openedAt100: BreakerRecord = { state: 'Open', failureCount: 5, openedAt: 100 };

function failTimes(breaker: TransactionBreaker, times: number, at = 0): void {
  for (let i = 0; i < times; i++) breaker.recordFailure(at);
}

describe('circuit breaker', () => {
  test('stays closed below the failure threshold', () => {
    const breaker = new TransactionBreaker(CLOSED, policy);
    failTimes(breaker, 4);
    assert.equal(breaker.record.state, 'Closed');
    assert.equal(breaker.allowsRequest(1), true);
  });

  test('opens at the threshold of consecutive failures', () => {
    const breaker = new TransactionBreaker(CLOSED, policy);
    failTimes(breaker, 5, 42);
    assert.deepEqual(breaker.record, { state: 'Open', failureCount: 5, openedAt: 42 });
  });

  test('a success in between resets the count', () => {
    const breaker = new TransactionBreaker(CLOSED, policy);
    failTimes(breaker, 4);
    breaker.recordSuccess(1);
    failTimes(breaker, 4);
    assert.equal(breaker.record.state, 'Closed');
  });

  test('refuses calls while the circuit cools down', () => {
    const breaker = new TransactionBreaker(openedAt100, policy);
    assert.equal(breaker.allowsRequest(399), false);
    assert.equal(breaker.record.state, 'Open');
  });

  test('after the cool-down allows exactly one probe', () => {
    const breaker = new TransactionBreaker(openedAt100, policy);
    assert.equal(breaker.allowsRequest(400), true);
    assert.equal(breaker.record.state, 'Half_Open');
    assert.equal(breaker.allowsRequest(401), false);
  });

  test('a successful probe closes the circuit', () => {
    const breaker = new TransactionBreaker(openedAt100, policy);
    breaker.allowsRequest(400);
    breaker.recordSuccess(401);
    assert.deepEqual(breaker.record, CLOSED);
    assert.equal(breaker.allowsRequest(402), true);
  });

  test('a failed probe re-opens the circuit for a new cool-down', () => {
    const breaker = new TransactionBreaker(openedAt100, policy);
    breaker.allowsRequest(400);
    breaker.recordFailure(420);
    assert.equal(breaker.record.state, 'Open');
    assert.equal(breaker.record.openedAt, 420);
    assert.equal(breaker.allowsRequest(719), false);
  });

  test('overwrite flush writes back the copy: a stale job undoes an opening made meanwhile', () => {
    const stale = new TransactionBreaker(CLOSED, policy);
    stale.recordFailure(10);
    const persistedMeanwhile: BreakerRecord = { state: 'Open', failureCount: 5, openedAt: 5 };
    assert.deepEqual(flushBreaker(persistedMeanwhile, stale, 'overwrite'), { state: 'Closed', failureCount: 1 });
  });

  test('overwrite flush of a job that only saw a closed circuit answer writes nothing', () => {
    const quiet = new TransactionBreaker(CLOSED, policy);
    quiet.recordSuccess(10);
    assert.equal(flushBreaker(openedAt100, quiet, 'overwrite'), openedAt100);
  });

  test('merge flush adds failures to what other jobs persisted meanwhile', () => {
    const job = new TransactionBreaker(CLOSED, policy);
    failTimes(job, 2, 10);
    const persistedMeanwhile: BreakerRecord = { state: 'Closed', failureCount: 3 };
    assert.deepEqual(flushBreaker(persistedMeanwhile, job, 'merge'), { state: 'Open', failureCount: 5, openedAt: 10 });
  });

  test('merge flush of a failed probe restarts the cool-down of a circuit opened earlier', () => {
    const probe = new TransactionBreaker(openedAt100, policy);
    probe.allowsRequest(400);
    probe.recordFailure(420);
    assert.deepEqual(flushBreaker(openedAt100, probe, 'merge'), { state: 'Open', failureCount: 6, openedAt: 420 });
  });

  test('merge flush keeps a circuit another job closed after this one loaded it open', () => {
    const lateProbe = new TransactionBreaker(openedAt100, policy);
    lateProbe.allowsRequest(400);
    lateProbe.recordFailure(420);
    assert.deepEqual(flushBreaker(CLOSED, lateProbe, 'merge'), CLOSED);
  });

  test('a transaction that made no callout leaves the persisted state alone', () => {
    const idle = new TransactionBreaker(CLOSED, policy);
    assert.equal(flushBreaker(openedAt100, idle, 'overwrite'), openedAt100);
  });
});
