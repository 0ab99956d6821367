import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { messagesPerJob } from './limits';

describe('messages per job', () => {
  test('as many timeouts as fit 120 s of callout time', () => {
    assert.deepEqual([20, 10, 60, 120, 7].map(messagesPerJob), [6, 12, 2, 1, 17]);
  });

  test('never more than the 100 callouts a transaction may make', () => {
    assert.equal(messagesPerJob(1), 100);
  });

  test('rejects a timeout the platform would not accept', () => {
    assert.throws(() => messagesPerJob(121), RangeError);
  });
});
