import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  cappedBackoffSeconds,
  delaySecondsFor,
  enqueueDelayMinutes,
  hasAttemptsLeft,
  type RetrySchedule,
} from './backoff';
import { seededRandom } from './random';

const schedule: RetrySchedule = {
  maxAttempts: 8,
  baseDelaySeconds: 60,
  maxDelaySeconds: 600,
  jitter: 'none',
  maxChainDepth: 5,
};
const fixed = (value: number) => () => value;
const justBelowOne = 1 - Number.EPSILON;

describe('backoff', () => {
  test('doubles after each attempt and stops at the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((attempts) => cappedBackoffSeconds(schedule, attempts));
    assert.deepEqual(delays, [60, 120, 240, 480, 600, 600, 600]);
  });

  test('a huge attempt count stays at the cap instead of overflowing', () => {
    assert.equal(cappedBackoffSeconds(schedule, 1000), 600);
  });

  test('no jitter gives the capped backoff itself', () => {
    assert.equal(delaySecondsFor(schedule, 3, fixed(0.5)), 240);
  });

  test('full jitter spans 0 to the capped backoff, both ends included', () => {
    const full = { ...schedule, jitter: 'full' as const };
    assert.equal(delaySecondsFor(full, 3, fixed(0)), 0);
    assert.equal(delaySecondsFor(full, 3, fixed(justBelowOne)), 240);
  });

  test('equal jitter spans half the capped backoff to all of it', () => {
    const equal = { ...schedule, jitter: 'equal' as const };
    assert.equal(delaySecondsFor(equal, 3, fixed(0)), 120);
    assert.equal(delaySecondsFor(equal, 3, fixed(justBelowOne)), 240);
  });

  test('jittered delays stay within their bounds for many draws', () => {
    const random = seededRandom(7);
    for (const jitter of ['full', 'equal'] as const) {
      for (let attempts = 1; attempts <= 8; attempts++) {
        const capped = cappedBackoffSeconds(schedule, attempts);
        const low = jitter === 'full' ? 0 : Math.floor(capped / 2);
        for (let i = 0; i < 200; i++) {
          const delay = delaySecondsFor({ ...schedule, jitter }, attempts, random);
          assert.ok(Number.isInteger(delay) && delay >= low && delay <= capped, `${jitter} ${attempts}: ${delay}`);
        }
      }
    }
  });

  test('attempts are left until maxAttempts were made', () => {
    assert.equal(hasAttemptsLeft(schedule, 7), true);
    assert.equal(hasAttemptsLeft(schedule, 8), false);
  });

  test('a delay becomes whole minutes, rounded up, up to the 10-minute delayed enqueue', () => {
    assert.deepEqual([0, 1, 60, 61, 600].map(enqueueDelayMinutes), [0, 1, 1, 2, 10]);
  });

  test('a delay past 10 minutes cannot be a delayed enqueue', () => {
    assert.equal(enqueueDelayMinutes(601), undefined);
  });
});
