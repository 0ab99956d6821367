import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CLOSED, TransactionBreaker, type BreakerRecord } from './breaker';
import { runDeliveryJob, type Message, type Send } from './delivery';
import { testPolicy } from './testPolicy';

const policy = testPolicy();
const messages = (count: number, attempts = 0): Message[] =>
  Array.from({ length: count }, (_, i) => ({ id: `M${i}`, attempts }));
const up: Send = () => ({ ok: true, seconds: 1 });
const down: Send = () => ({ ok: false, seconds: 20 });
const zero = () => 0;

function run(batch: Message[], send: Send, options: { depth?: number; breaker?: BreakerRecord } = {}) {
  return runDeliveryJob({
    messages: batch,
    depth: options.depth ?? 1,
    startsAt: 1000,
    policy,
    breaker: new TransactionBreaker(options.breaker ?? CLOSED, policy.breaker),
    send,
    random: zero,
  });
}

describe('delivery job', () => {
  test('delivers every message when the system answers', () => {
    const result = run(messages(6), up);
    assert.equal(result.delivered.length, 6);
    assert.equal(result.callouts, 6);
    assert.equal(result.endsAt, 1006);
  });

  test('sends no more than fit the 120 s of callout time and carries the rest to the follow-up job', () => {
    const result = run(messages(8), up);
    assert.equal(result.callouts, 6);
    assert.deepEqual(
      result.next?.messages.map((m) => m.id),
      ['M6', 'M7'],
    );
    assert.equal(result.next?.delayMinutes, 0);
  });

  test('a message not due yet rides along without a callout', () => {
    const result = run([{ id: 'later', attempts: 2, notBefore: 1000 + 150 }], up);
    assert.equal(result.callouts, 0);
    assert.equal(result.next?.delayMinutes, 3);
  });

  test('the follow-up job is due when its earliest message is', () => {
    const batch = [
      { id: 'soon', attempts: 1, notBefore: 1000 + 30 },
      { id: 'later', attempts: 3, notBefore: 1000 + 400 },
    ];
    assert.equal(run(batch, up).next?.delayMinutes, 1);
  });

  test('parks a message whose wait is past the 10-minute delayed enqueue', () => {
    const result = run([{ id: 'far', attempts: 6, notBefore: 1000 + 601 }], up);
    assert.deepEqual(result.parked, [
      { message: { id: 'far', attempts: 6, notBefore: 1601 }, nextAttemptAt: 1601, reason: 'long-wait' },
    ]);
  });

  test('chains one delayed job with the failures while the circuit stays closed', () => {
    const result = run(messages(3), down);
    assert.equal(result.next?.messages.length, 3);
    assert.deepEqual(
      result.next?.messages.map((m) => m.attempts),
      [1, 1, 1],
    );
    assert.equal(result.next?.depth, 2);
    assert.deepEqual(result.parked, []);
  });

  test('parks the failures instead of chaining past the chain depth', () => {
    const result = run(messages(1, 4), down, { depth: 5 });
    assert.equal(result.next, undefined);
    assert.deepEqual(
      result.parked.map((p) => p.reason),
      ['chain-depth'],
    );
  });

  test('once the circuit opens, parks the rest without calling until the cool-down ends', () => {
    const result = run(messages(6), down);
    assert.equal(result.callouts, 5);
    const refused = result.parked.find((p) => p.message.id === 'M5');
    assert.equal(refused?.reason, 'circuit-open');
    assert.equal(refused?.message.attempts, 0);
    assert.equal(refused?.nextAttemptAt, 1100 + 300);
  });

  test('an open circuit costs no callout', () => {
    const result = run(messages(6), up, { breaker: { state: 'Open', failureCount: 5, openedAt: 900 } });
    assert.equal(result.callouts, 0);
    assert.equal(result.parked.length, 6);
  });

  test('a permanent answer fails the message at once and tells the breaker the system is up', () => {
    const rejected: Send = () => ({ ok: false, permanent: true, seconds: 1 });
    const result = run(messages(6), rejected);
    assert.equal(result.failed.length, 6);
    assert.equal(result.callouts, 6, 'six 4xx answers do not open the circuit');
    assert.equal(result.next, undefined);
  });

  test("a server's Retry-After longer than the backoff sets the retry", () => {
    const throttled: Send = () => ({ ok: false, seconds: 1, retryAfterSeconds: 300 });
    const result = run(messages(1), throttled);
    assert.equal(result.next?.messages[0].notBefore, 1001 + 300);
    assert.equal(result.next?.delayMinutes, 5);
  });

  test('behind an open circuit a message waits for its own backoff when it ends after the probe', () => {
    const open: BreakerRecord = { state: 'Open', failureCount: 5, openedAt: 900 };
    const result = run([{ id: 'late', attempts: 3, notBefore: 1000 + 500 }], up, { breaker: open });
    assert.deepEqual(
      result.parked.map((p) => [p.reason, p.nextAttemptAt]),
      [['circuit-open', 1500]],
    );
  });

  test('the org stack depth stops a chain before the declared depth', () => {
    const result = runDeliveryJob({
      messages: messages(1),
      depth: 2,
      stack: { current: 3, max: 3 },
      startsAt: 1000,
      policy,
      breaker: new TransactionBreaker(CLOSED, policy.breaker),
      send: down,
      random: zero,
    });
    assert.equal(result.next, undefined);
    assert.deepEqual(
      result.parked.map((p) => p.reason),
      ['chain-depth'],
    );
  });

  test('marks a message Failed once its attempts are used up', () => {
    const result = run(messages(1, 7), down);
    assert.deepEqual(result.failed, [{ id: 'M0', attempts: 8 }]);
    assert.equal(result.next, undefined);
  });

  test('a failure waits its own backoff: full jitter at the top of the range after one attempt is 60 s', () => {
    const result = runDeliveryJob({
      messages: messages(1),
      depth: 1,
      startsAt: 1000,
      policy,
      breaker: new TransactionBreaker(CLOSED, policy.breaker),
      send: down,
      random: () => 1 - Number.EPSILON,
    });
    assert.equal(result.next?.messages[0].notBefore, 1020 + 60);
    assert.equal(result.next?.delayMinutes, 1);
  });

  test('accounts for every message it was given', () => {
    const result = run(messages(6, 6), (m) => ({ ok: m.id === 'M0', seconds: 20 }));
    const ids = [
      ...result.delivered.map((d) => d.message.id),
      ...result.failed.map((m) => m.id),
      ...result.parked.map((p) => p.message.id),
      ...(result.next?.messages ?? []).map((m) => m.id),
    ].sort();
    assert.deepEqual(ids, ['M0', 'M1', 'M2', 'M3', 'M4', 'M5']);
  });
});
