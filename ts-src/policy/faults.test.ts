/**
 * The model's share of issue 10 that the outage simulation builds on: a delivery job meeting a
 * caller-side configuration error (`SwyDeliveryJobTest.configurationErrorFailsTheMessageWithoutCountingAnOutage`),
 * a leasing job finding the probe due (`aJobFindingAProbeDueClaimsItForItsFollowUpInsteadOfCalling`)
 * or held by another (`aJobWithoutTheLeaseParksWhileAnotherProbes`), the sweeper with a probe lease
 * (`SwySweeperTest.aSweepWhileAnotherJobHoldsTheProbeStartsNoJob`), a trigger batch served by two
 * operations (`SwyEventDelivery`), and a person's reprocess (`SwyErrorConsoleController.reprocess`).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CLOSED, PROBE_LEASE_SECONDS, TransactionBreaker, claimProbe, type BreakerRecord } from './breaker';
import { runDeliveryJob, type Message, type Send } from './delivery';
import { eventsHandedOver, planSweep, planTriggerBatch, type ParkedRow } from './dispatch';
import { reprocess, settleJob, writeOutbox, type OutboxRow } from './outbox';
import { testPolicy } from './testPolicy';

const policy = testPolicy();
const messages = (count: number): Message[] => Array.from({ length: count }, (_, i) => ({ id: `M${i}`, attempts: 0 }));
const up: Send = () => ({ ok: true, seconds: 1 });
const FIX = 'Give the running user access to the ERP_API principal';
const refused: Send = () => ({ ok: false, seconds: 0.05, configuration: FIX });
const openPastCoolDown: BreakerRecord = { state: 'Open', failureCount: 5, openedAt: 0 };
const NOW = 600;

function job(batch: Message[], send: Send, breaker: TransactionBreaker, startsAt = NOW) {
  return runDeliveryJob({ messages: batch, depth: 1, startsAt, policy, breaker, send, random: () => 0 });
}

describe('caller-side configuration error in a delivery job', () => {
  test('each message is Failed after one refused callout, with the fix, and the breaker learns nothing', () => {
    const breaker = new TransactionBreaker(CLOSED, policy.breaker, {});
    const run = job(messages(6), refused, breaker);
    assert.equal(run.callouts, 6, 'one callout each: no retry');
    assert.equal(run.failed.length, 6);
    assert.equal(run.next, undefined, 'nothing chained');
    assert.deepEqual(
      run.configurationErrors.map((e) => e.fix),
      Array(6).fill(FIX),
    );
    assert.equal(breaker.changed, false, 'six refusals past a threshold of 5 open nothing');
    assert.deepEqual(breaker.record, CLOSED);
  });

  test('settled, the rows are Failed and not due; reprocessed, they are due now with 0 attempts', () => {
    const rows = new Map<string, OutboxRow>(writeOutbox(messages(2), 0).map((r) => [r.id, r]));
    const run = job(messages(2), refused, new TransactionBreaker(CLOSED, policy.breaker));
    const settled = settleJob(rows, run);
    assert.deepEqual(
      [...settled.values()].map((r) => [r.status, r.nextAttemptAt]),
      [
        ['Failed', Infinity],
        ['Failed', Infinity],
      ],
    );
    settled.set('other', { id: 'other', attempts: 1, status: 'Retrying', nextAttemptAt: 5000 });
    const done = reprocess(settled, ['M0', 'M1', 'other', 'absent'], 900);
    assert.equal(done.reprocessed, 2, 'only Failed rows');
    assert.deepEqual(done.rows.get('M0'), { id: 'M0', attempts: 0, status: 'Retrying', nextAttemptAt: 900 });
    assert.equal(done.rows.get('other')?.nextAttemptAt, 5000);
  });
});

describe('probe lease in a delivery job', () => {
  test('a leasing job that finds the probe due sends nothing and hands everything to a follow-up that claims it', () => {
    const breaker = new TransactionBreaker(openPastCoolDown, policy.breaker, {});
    const run = job(messages(3), up, breaker);
    assert.equal(run.callouts, 0);
    assert.equal(run.probeDue, true);
    assert.deepEqual(run.next, { messages: messages(3), delayMinutes: 0, depth: 2, claimsProbe: true });
  });

  test('a leasing job that only carries messages not yet due claims the probe too (continueWith)', () => {
    const later = messages(2).map((m) => ({ ...m, notBefore: NOW + 120 }));
    const run = job(later, up, new TransactionBreaker(openPastCoolDown, policy.breaker, {}));
    assert.equal(run.callouts, 0);
    assert.equal(run.next?.claimsProbe, true);
  });

  test('the job holding the token probes once; its success lets the rest through', () => {
    const leased = claimProbe(openPastCoolDown, policy.breaker, NOW, 't').record;
    const breaker = new TransactionBreaker(leased, policy.breaker, { heldToken: 't' });
    const run = job(messages(3), up, breaker, NOW + 5);
    assert.equal(run.delivered.length, 3);
    assert.equal(breaker.outcomes.filter((o) => o.probe).length, 1);
  });

  test('a job without the lease parks until the lease ends', () => {
    const leased = claimProbe(openPastCoolDown, policy.breaker, NOW, 't').record;
    const run = job(messages(2), up, new TransactionBreaker(leased, policy.breaker, {}), NOW + 5);
    assert.equal(run.callouts, 0);
    assert.deepEqual(
      run.parked.map((p) => [p.nextAttemptAt, p.reason]),
      [
        [NOW + PROBE_LEASE_SECONDS, 'circuit-open'],
        [NOW + PROBE_LEASE_SECONDS, 'circuit-open'],
      ],
    );
  });

  test('a job that does not lease (the runtime before) probes itself', () => {
    const breaker = new TransactionBreaker(openPastCoolDown, policy.breaker);
    const run = job(messages(2), up, breaker);
    assert.equal(run.delivered.length, 2);
    assert.equal(run.probeDue, false);
  });
});

describe('sweeper and trigger planning', () => {
  const rows: ParkedRow[] = Array.from({ length: 20 }, (_, i) => ({ id: `R${i}`, attempts: 1, nextAttemptAt: 0 }));

  test('no job while another holds the probe lease; one once it may be probed; the run shares its 50 jobs', () => {
    const leased = claimProbe(openPastCoolDown, policy.breaker, NOW, 't').record;
    assert.deepEqual(planSweep(rows, NOW + 1, leased, policy), []);
    assert.equal(planSweep(rows, NOW + PROBE_LEASE_SECONDS, leased, policy).length, 1, 'lease ended');
    assert.equal(planSweep(rows, NOW, openPastCoolDown, policy).length, 1);
    assert.equal(planSweep(rows, NOW, CLOSED, policy).length, 4);
    assert.equal(planSweep(rows, NOW, CLOSED, policy, 2).length, 2, 'jobs left in the run');
  });

  test('a batch for two operations hands over 25 chunks of 6; for one, what planTriggerBatch does', () => {
    assert.equal(eventsHandedOver(2000, 2, policy), 150);
    assert.equal(eventsHandedOver(2000, 1, policy), planTriggerBatch(messages(2000), policy).handled);
    assert.equal(eventsHandedOver(2000, 0, policy), 2000, 'every operation parks: no job needed');
    assert.equal(eventsHandedOver(2000, 1, policy, 100), 100, 'the outbox DML binds');
  });
});
