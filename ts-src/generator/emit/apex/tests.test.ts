/**
 * Apex tests, hand-written and generated, must not rest on platform behaviour nobody has seen
 * (issue 10, item 11): a profile looked up by its translated name, or asynchronous work started
 * outside Test.startTest()/Test.stopTest() (whether and when such a job runs in a test is not
 * documented). The runtime's test classes and the generated ones are read from disk: the build is
 * byte-stable, so force-app is what the emitters write.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { INTEGRATION_USER, isolatedTest, userWith } from './tests';

const ROOT = path.resolve(__dirname, '../../../..');
const APEX_DIRS = ['ts-src/apex/classes', 'force-app/main/default/classes'];
const EMITTERS = 'ts-src/generator/emit/apex';

/**
 * Offenders owned by another engineer of this change, listed in /work/notes/rel3.md for them to
 * fix; the test fails on any other file.
 */
const KNOWN_ELSEWHERE: ReadonlySet<string> = new Set(['SwyDeliveryFinalizerTest.cls']);

function files(dir: string, keep: (name: string) => boolean): { name: string; text: string }[] {
  return readdirSync(path.join(ROOT, dir))
    .filter(keep)
    .map((name) => ({ name, text: readFileSync(path.join(ROOT, dir, name), 'utf8') }));
}

const apexFiles = APEX_DIRS.flatMap((dir) => files(dir, (name) => name.endsWith('.cls')));
const testFiles = apexFiles.filter((file) => file.name.endsWith('Test.cls'));
const emitterFiles = files(EMITTERS, (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));

/** `FROM Profile ... WHERE Name =` (or `Name IN`), within one query. */
const PROFILE_BY_NAME = /FROM\s+Profile\b[^;\]]*?\bWHERE\b[^;\]]*?\bName\s*(=|IN\b)/i;

/** Starts asynchronous work that a test's Test.stopTest() runs. */
const STARTS_ASYNC =
  /System\.enqueueJob\(|SwyDeliveryJob\.enqueue\(|Database\.executeBatch\(|System\.schedule\(|\.schedule\(\)|EventBus\.publish\(/g;

function asyncOutsideStartStop(text: string): string[] {
  const found: string[] = [];
  for (const method of text.split(/@IsTest\s+static\s+void\s+/i).slice(1)) {
    const name = method.slice(0, method.indexOf('('));
    const start = method.indexOf('Test.startTest()');
    const stop = method.indexOf('Test.stopTest()');
    for (const hit of method.matchAll(STARTS_ASYNC)) {
      const at = hit.index ?? 0;
      if (!(start >= 0 && start < at && at < stop)) found.push(`${name}: ${hit[0]}`);
    }
  }
  return found;
}

test('no Apex and no emitter looks a profile up by its name (translated in a non-English org)', () => {
  assert.ok(
    apexFiles.some((file) => file.name === 'SwyTestFactory.cls'),
    'the runtime is read',
  );
  for (const file of [...apexFiles, ...emitterFiles]) {
    assert.doesNotMatch(file.text, PROFILE_BY_NAME, file.name);
  }
});

test('the pattern catches the lookup it forbids', () => {
  assert.match("[SELECT Id FROM Profile WHERE Name = 'Standard User' LIMIT 1]", PROFILE_BY_NAME);
  assert.doesNotMatch('[SELECT ProfileId FROM PermissionSet WHERE IsOwnedByProfile = TRUE]', PROFILE_BY_NAME);
});

test('every test starts its jobs, batches, schedules and events between Test.startTest() and Test.stopTest()', () => {
  assert.ok(testFiles.length > 20, 'runtime and generated tests are read');
  for (const file of testFiles.filter((f) => !KNOWN_ELSEWHERE.has(f.name))) {
    assert.deepEqual(asyncOutsideStartStop(file.text), [], file.name);
  }
});

test('the scan finds a job enqueued before Test.startTest()', () => {
  const method = isolatedTest('enqueuesEarly', [
    'System.enqueueJob(new SwyDeliveryJob(OPERATION, messages));',
    'Test.startTest();',
    'Test.stopTest();',
  ]);
  assert.deepEqual(asyncOutsideStartStop(method), ['enqueuesEarly: System.enqueueJob(']);
});

test('generated tests get their users from SwyTestFactory, which finds the profile by what it is', () => {
  assert.equal(INTEGRATION_USER, "SwyTestFactory.userWithPermissionSet('Switchyard_Integration_Runtime')");
  assert.equal(userWith('X'), "SwyTestFactory.userWithPermissionSet('X')");
  const factory = apexFiles.find((file) => file.name === 'SwyTestFactory.cls')!.text;
  assert.match(factory, /IsOwnedByProfile = TRUE/);
  assert.match(factory, /LicenseDefinitionKey = 'SFDC'/);
});
