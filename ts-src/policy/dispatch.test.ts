import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CLOSED } from './breaker';
import { planDrainChain, planSweep, planTriggerBatch, type ParkedRow } from './dispatch';
import type { Message } from './delivery';
import { testPolicy } from './testPolicy';

const policy = testPolicy();
const messages = (count: number): Message[] =>
  Array.from({ length: count }, (_, i) => ({ id: `M${String(i).padStart(4, '0')}`, attempts: 0 }));
const rows = (count: number, nextAttemptAt = 0): ParkedRow[] => messages(count).map((m) => ({ ...m, nextAttemptAt }));
const open = { state: 'Open' as const, failureCount: 5, openedAt: 1000 };

describe('trigger batch', () => {
  test('starts one job per chunk of messagesPerJob', () => {
    const plan = planTriggerBatch(messages(13), policy);
    assert.deepEqual(
      plan.jobs.map((job) => job.length),
      [6, 6, 1],
    );
    assert.equal(plan.handled, 13);
  });

  test('stops at 50 jobs and leaves the rest to the resume checkpoint', () => {
    const plan = planTriggerBatch(messages(2000), policy);
    assert.equal(plan.jobs.length, 50);
    assert.equal(plan.handled, 300);
  });
});

describe('sweeper', () => {
  test('with the circuit closed, starts up to 50 jobs of due rows, oldest first', () => {
    const jobs = planSweep([...rows(400, 10), { id: 'A', attempts: 2, nextAttemptAt: 5 }], 100, CLOSED, policy);
    assert.equal(jobs.length, 50);
    assert.deepEqual(jobs[0][0], { id: 'A', attempts: 2 });
  });

  test('leaves rows that are not due yet', () => {
    assert.deepEqual(planSweep(rows(3, 200), 100, CLOSED, policy), []);
  });

  test('starts nothing while the circuit cools down', () => {
    assert.deepEqual(planSweep(rows(10), 1200, open, policy), []);
  });

  test('starts one job, the probe, once the circuit may be probed', () => {
    const jobs = planSweep(rows(100), 1300, open, policy);
    assert.deepEqual(
      jobs.map((job) => job.length),
      [6],
    );
  });
});

describe('drain chain', () => {
  test('a job ending on a closed circuit chains the next due rows', () => {
    const chained = planDrainChain(rows(10), 100, CLOSED, policy, 1);
    assert.equal(chained.length, 6);
  });

  test('chains nothing at the chain depth', () => {
    assert.deepEqual(planDrainChain(rows(10), 100, CLOSED, policy, 5), []);
  });

  test('chains nothing while the circuit is not closed', () => {
    assert.deepEqual(planDrainChain(rows(10), 1300, open, policy, 1), []);
  });
});
