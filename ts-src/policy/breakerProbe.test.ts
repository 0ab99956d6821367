/**
 * Parity of the TS model with the runtime for issue 10 items 1, 3, 4 and 5: each test makes the
 * decision the Apex test named in its title makes (SwyCalloutClientTest, SwyCircuitBreakerTest,
 * SwyDeliveryJobTest, SwySweeperTest). The scenarios are listed in /work/notes/rel1.md for the
 * shared table (SwyPolicyScenarios.json).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CLOSED,
  PROBE_LEASE_SECONDS,
  claimProbe,
  flushTakesLock,
  probeDue,
  TransactionBreaker,
  type BreakerRecord,
  type CalloutResultKind,
} from './breaker';
import { classifyCalloutException } from './callout';
import { claimRows, type LogRow } from './claim';

const policy = { failureThreshold: 2, coolDownSeconds: 300 };
const openPastCoolDown: BreakerRecord = { state: 'Open', failureCount: 5, openedAt: 0 };
const NOW = 600;

describe('caller-side callout errors (item 1)', () => {
  const messages: [string, 'configuration' | 'retryable'][] = [
    ['You have uncommitted work pending. Please commit or rollback before calling out', 'configuration'],
    ['Callout from triggers are currently not supported.', 'configuration'],
    [
      'Callout not allowed from this future method. Please enable callout by annotating the future method. eg: @Future(callout=true)',
      'configuration',
    ],
    [
      'We couldn\'t access the credential(s). You might not have the required permissions, or the external credential "ERP" might not exist.',
      'configuration',
    ],
    ['Read timed out', 'retryable'],
    ['Unexpected end of file from server', 'retryable'],
  ];
  for (const [message, kind] of messages) {
    test(`SwyCalloutClientTest: "${message.slice(0, 40)}..." is ${kind}`, () => {
      assert.equal(classifyCalloutException(message), kind);
    });
  }

  test('SwyCircuitBreakerTest.recordLeavesConfigurationErrorsAndRefusedRequestsOut', () => {
    const breaker = new TransactionBreaker(CLOSED, policy);
    for (let i = 0; i < 3; i++) {
      breaker.recordResult('configuration', i);
      breaker.recordResult('refused', i);
    }
    assert.deepEqual(breaker.record, CLOSED, 'six caller-side errors are not an outage');
    const kinds: CalloutResultKind[] = ['retryable', 'answered'];
    for (const kind of kinds) breaker.recordResult(kind, 10);
    assert.equal(breaker.record.failureCount, 0, 'a 400 means the system is up');
    breaker.recordResult('retryable', 11);
    breaker.recordResult('retryable', 12);
    assert.equal(breaker.record.state, 'Open', 'two retryable failures in a row open it');
  });

  test('SwyDeliveryJobTest.configurationErrorFailsTheMessageWithoutCountingAnOutage: the old rule opened the circuit', () => {
    // Before: every CalloutException was retryable and counted.
    const old = new TransactionBreaker(CLOSED, policy);
    for (let i = 0; i < 3; i++) old.recordFailure(i);
    assert.equal(old.record.state, 'Open');
    const now = new TransactionBreaker(CLOSED, policy);
    for (let i = 0; i < 3; i++) now.recordResult(classifyCalloutException('You have uncommitted work pending.'), i);
    assert.equal(now.changed, false, 'nothing to write: the circuit row is not even created');
  });
});

describe('hot circuit row (item 4)', () => {
  test('SwyCircuitBreakerTest.successesOnAClosedCircuitTakeNoLock', () => {
    const job = new TransactionBreaker(CLOSED, policy);
    job.recordResult('success', 1);
    job.recordResult('success', 2);
    assert.equal(flushTakesLock(CLOSED, job), false);
  });

  test('SwyCircuitBreakerTest.aSuccessAfterOthersFailuresStillResetsTheCount', () => {
    const job = new TransactionBreaker(CLOSED, policy);
    job.recordResult('success', 1);
    const persistedMeanwhile: BreakerRecord = { state: 'Closed', failureCount: 1 };
    assert.equal(flushTakesLock(persistedMeanwhile, job), true);
  });

  test('a failure always locks', () => {
    const job = new TransactionBreaker(CLOSED, { failureThreshold: 5, coolDownSeconds: 300 });
    job.recordResult('retryable', 1);
    assert.equal(flushTakesLock(CLOSED, job), true);
  });
});

describe('one probe per system (item 5)', () => {
  /** 50 jobs start after the cool-down; each claims the probe in turn (the row lock orders them). */
  function fiftyJobs(leases: boolean): { probes: number; tokens: string[] } {
    let persisted = openPastCoolDown;
    let probes = 0;
    const tokens: string[] = [];
    for (let job = 0; job < 50; job++) {
      const breaker = new TransactionBreaker(openPastCoolDown, policy, leases ? {} : undefined);
      if (breaker.allowsRequest(NOW)) probes++;
      else if (leases && probeDue(breaker.record, policy, NOW)) {
        const claim = claimProbe(persisted, policy, NOW, `job-${job}`);
        persisted = claim.record;
        if (claim.token) tokens.push(claim.token);
      }
    }
    for (const token of tokens) {
      const holder = new TransactionBreaker(persisted, policy, { heldToken: token });
      if (holder.allowsRequest(NOW + 1)) probes++;
      if (holder.allowsRequest(NOW + 2)) probes++;
    }
    return { probes, tokens };
  }

  test('before the lease: every job that starts past the cool-down probes', () => {
    assert.equal(fiftyJobs(false).probes, 50);
  });

  test('SwyDeliveryJobTest.aJobFindingAProbeDueClaimsItForItsFollowUpInsteadOfCalling: one claim wins, one probe goes', () => {
    const { probes, tokens } = fiftyJobs(true);
    assert.deepEqual(tokens, ['job-0']);
    assert.equal(probes, 1);
  });

  test('SwyCircuitBreakerTest.aSynchronousCallerWaitsWhileAJobHoldsTheLease', () => {
    const leased = claimProbe(openPastCoolDown, policy, NOW, 'a').record;
    assert.equal(new TransactionBreaker(leased, policy).allowsRequest(NOW + 1), false);
    assert.equal(
      new TransactionBreaker(openPastCoolDown, policy).allowsRequest(NOW + 1),
      true,
      'nobody holds one: it probes',
    );
  });

  test('SwyCircuitBreakerTest.oneTransactionGetsTheProbeLease', () => {
    const first = claimProbe(openPastCoolDown, policy, NOW, 'a');
    assert.equal(first.token, 'a');
    assert.deepEqual(first.record.probe, { until: NOW + PROBE_LEASE_SECONDS, token: 'a' });
    assert.equal(claimProbe(first.record, policy, NOW + 1, 'b').token, undefined);
  });

  test('SwyCircuitBreakerTest.anExpiredLeaseCanBeClaimedAgain', () => {
    const leased = claimProbe(openPastCoolDown, policy, NOW, 'a').record;
    assert.equal(claimProbe(leased, policy, NOW + PROBE_LEASE_SECONDS, 'b').token, 'b');
  });

  test('SwyDeliveryJobTest.theProbeHolderClosesTheCircuitAndTheRestFollows', () => {
    const leased = claimProbe(openPastCoolDown, policy, NOW, 'a').record;
    const holder = new TransactionBreaker(leased, policy, { heldToken: 'a' });
    assert.equal(holder.allowsRequest(NOW + 1), true);
    holder.recordResult('success', NOW + 2);
    assert.deepEqual(holder.record, CLOSED);
    assert.equal(holder.allowsRequest(NOW + 3), true, 'the rest follows');
  });

  test('SwyCircuitBreakerTest.aConfigurationErrorHandsTheProbeBack', () => {
    const leased = claimProbe(openPastCoolDown, policy, NOW, 'a').record;
    const holder = new TransactionBreaker(leased, policy, { heldToken: 'a' });
    assert.equal(holder.allowsRequest(NOW + 1), true);
    holder.recordResult('configuration', NOW + 2);
    assert.equal(holder.record.state, 'Half_Open');
    assert.equal(holder.allowsRequest(NOW + 3), true);
  });
});

describe('parallel jobs claiming the backlog (item 3)', () => {
  const rows: LogRow[] = [{ id: 'due-0' }, { id: 'due-1' }, { id: 'due-2' }];
  const asRead = new Map(rows.map((row) => [row.id, row]));

  test('SwySweeperTest.aClaimSkipsRowsAnotherTransactionLeasedAfterTheyWereRead', () => {
    const meanwhile = new Map(asRead);
    meanwhile.set('due-0', { id: 'due-0', nextAttemptAt: NOW + 1800 });
    meanwhile.set('due-1', { id: 'due-1', nextAttemptAt: NOW + 1800 });
    assert.deepEqual(claimRows(rows, meanwhile, NOW, NOW + 1800).claimed, ['due-2']);
    assert.deepEqual(
      claimRows(rows, meanwhile, NOW, NOW + 1800, false).claimed,
      ['due-0', 'due-1', 'due-2'],
      'before: sent twice',
    );
  });

  test('two jobs that read the same rows send each once', () => {
    const first = claimRows(rows, asRead, NOW, NOW + 1800);
    const second = claimRows(rows, first.leased, NOW, NOW + 1800);
    assert.equal(first.claimed.length + second.claimed.length, 3);
    const before = claimRows(rows, first.leased, NOW, NOW + 1800, false);
    assert.equal(first.claimed.length + before.claimed.length, 6, 'before: each row sent twice');
  });
});
