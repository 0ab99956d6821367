import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { CLOSED, TransactionBreaker } from './breaker';
import { runDeliveryJob, type Message, type Send } from './delivery';
import { planSweep } from './dispatch';
import { fitKey, FITTED_KEY_PREFIX, MAX_KEY_LENGTH, messageKey, versionOf } from './keys';
import {
  claim,
  dueOutboxRows,
  eventsTheOutboxCanWrite,
  OUTBOX_LEASE_MINUTES,
  settleJob,
  writeOutbox,
  type OutboxRow,
} from './outbox';
import { seededRandom } from './random';
import { MAX_ENQUEUES_SYNC } from './limits';
import { testPolicy } from './testPolicy';

const APEX = path.resolve(__dirname, '../apex/classes');
const readApex = (className: string) => fs.readFileSync(path.join(APEX, `${className}.cls`), 'utf8');
const policy = testPolicy();

/** `static final Integer NAME = <number>;` in an Apex class (as scenarios.test.ts reads them). */
function apexConstant(source: string, name: string): number {
  const match = new RegExp(`static\\s+final\\s+(?:Integer|Long)\\s+${name}\\s*=\\s*(\\d+)\\s*;`).exec(source);
  assert.ok(match, `no constant ${name}`);
  return Number(match[1]);
}
const LEASE = OUTBOX_LEASE_MINUTES * 60;
const messages = (count: number): Message[] => Array.from({ length: count }, (_, i) => ({ id: `M${i}`, attempts: 0 }));
const byId = (rows: OutboxRow[]) => new Map(rows.map((row) => [row.id, row]));

function job(input: Message[], send: Send, startsAt = 0) {
  return runDeliveryJob({
    messages: input,
    depth: 1,
    startsAt,
    policy,
    breaker: new TransactionBreaker(CLOSED, policy.breaker),
    send,
    random: seededRandom(1),
  });
}

describe('idempotency keys (SwyMessage.keyFor)', () => {
  test('the version is SHA-256 in hex: the FIPS 180-2 vector SwyMessageTest checks too', () => {
    assert.equal(versionOf('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  test('equal for an exact duplicate, new for changed content, apart per operation', () => {
    const key = messageKey('SendOrderToErp', '801A', '{"total":10}');
    assert.equal(key, `SendOrderToErp:801A:${versionOf('{"total":10}')}`);
    assert.equal(messageKey('SendOrderToErp', '801A', '{"total":10}'), key);
    assert.notEqual(messageKey('SendOrderToErp', '801A', '{"total":11}'), key);
    assert.notEqual(messageKey('NotifyWarehouse', '801A', '{"total":10}'), key);
  });

  test('a long key is fitted, never cut into another one', () => {
    const long = 'k'.repeat(300);
    const a = messageKey('Op', long, '{}');
    const b = messageKey('Op', `${long}x`, '{}');
    assert.ok(a.length <= MAX_KEY_LENGTH);
    assert.notEqual(a, b);
    assert.equal(fitKey(a), a, 'a fitted key is its own fit');
  });

  test('the runtime uses the same lengths', () => {
    const apex = readApex('SwyMessage');
    assert.equal(apexConstant(apex, 'MAX_KEY_LENGTH'), MAX_KEY_LENGTH);
    assert.match(apex, new RegExp(`key\\.left\\(${FITTED_KEY_PREFIX}\\) \\+ '#' \\+ sha256\\(key\\)`));
  });
});

describe('outbox (SwyDeliveryJob.enqueue)', () => {
  test('SwyDeliveryJob.LEASE_MINUTES is the model lease', () => {
    assert.equal(apexConstant(readApex('SwyDeliveryJob'), 'LEASE_MINUTES'), OUTBOX_LEASE_MINUTES);
  });

  test('a job aborted before it runs loses nothing: its rows come due for the sweeper after the lease', () => {
    const rows = byId(writeOutbox(messages(3), 100));
    // Aborted from Setup: no run, no finalizer, the rows stay as written.
    assert.deepEqual(dueOutboxRows(rows.values(), 100 + LEASE - 1), [], 'not before the lease ends');
    const due = dueOutboxRows(rows.values(), 100 + LEASE);
    assert.deepEqual(
      due.map((row) => row.id),
      ['M0', 'M1', 'M2'],
    );
    const jobs = planSweep(due, 100 + LEASE, CLOSED, policy);
    assert.deepEqual(
      jobs.flat().map((m) => m.id),
      ['M0', 'M1', 'M2'],
      'the sweeper resends them, under their keys',
    );
  });

  test('a job that delivers at the first attempt leaves no row; failures keep theirs', () => {
    const input = messages(3);
    const rows = byId(writeOutbox(input, 0));
    const run = job(input, (m) =>
      m.id === 'M1' ? { ok: false, seconds: 1, permanent: true } : { ok: true, seconds: 1 },
    );
    const after = settleJob(rows, run);
    assert.deepEqual([...after.keys()], ['M1']);
    assert.equal(after.get('M1')!.status, 'Failed');
    assert.deepEqual(dueOutboxRows(after.values(), Infinity), [], 'a Failed row is not due');
  });

  test('a message carried into the follow-up stays leased past its delay, so the sweeper does not send it too', () => {
    const input = messages(8); // 6 fit one job at 20 s
    const rows = byId(writeOutbox(input, 0));
    const run = job(input, () => ({ ok: true, seconds: 1 }));
    assert.equal(run.next?.messages.length, 2);
    const after = settleJob(rows, run);
    assert.deepEqual([...after.keys()], ['M6', 'M7']);
    const followUpStarts = run.endsAt + run.next!.delayMinutes * 60;
    assert.deepEqual(dueOutboxRows(after.values(), followUpStarts + LEASE - 1), []);
  });

  test('a retried message is leased until its next attempt plus the lease', () => {
    const input = messages(1);
    const run = job(input, () => ({ ok: false, seconds: 1 }));
    const after = settleJob(byId(writeOutbox(input, 0)), run);
    const row = after.get('M0')!;
    assert.equal(row.status, 'Retrying');
    assert.equal(row.nextAttemptAt, run.next!.messages[0].notBefore! + LEASE);
  });

  test('a row the sweeper resent is Reprocessed when delivered, not deleted', () => {
    const input = messages(1);
    const claimed = claim(byId(writeOutbox(input, 0)), ['M0'], LEASE);
    const run = job(input, () => ({ ok: true, seconds: 1 }), LEASE);
    assert.equal(settleJob(claimed, run).get('M0')!.status, 'Reprocessed');
  });

  test('with closed circuits the 50 jobs of a trigger bind before the outbox DML does', () => {
    for (let operations = 1; operations <= 10; operations++) {
      for (let perChunk = 1; perChunk <= 100; perChunk++) {
        const byJobs = Math.min(2000, Math.floor(MAX_ENQUEUES_SYNC / operations) * perChunk);
        assert.ok(eventsTheOutboxCanWrite(2000, operations, perChunk) >= byJobs, `${operations} x ${perChunk}`);
      }
    }
    assert.equal(eventsTheOutboxCanWrite(2000, 1, 100), 2000);
    assert.equal(eventsTheOutboxCanWrite(2000, 2, 1), 37, '149 statements, 4 per chunk of one event');
  });
});
