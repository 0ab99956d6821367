import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BuildFailure } from './errors';
import { apexCronExpressions } from './cron';

const at = { file: 'ts-src/integrations/x.ts', line: 1, column: 1 };

test('a single minute stays one expression', () => {
  assert.deepEqual(apexCronExpressions('0 0 2 * * ?', at), ['0 0 2 * * ?']);
});

test('a minute list, a step and a range become one expression per minute mark', () => {
  assert.deepEqual(apexCronExpressions('0 0,30 * * * ?', at), ['0 0 * * * ?', '0 30 * * * ?']);
  assert.deepEqual(apexCronExpressions('0 */20 * * * ?', at), ['0 0 * * * ?', '0 20 * * * ?', '0 40 * * * ?']);
  assert.deepEqual(apexCronExpressions('0 5-7 * * * ?', at), ['0 5 * * * ?', '0 6 * * * ?', '0 7 * * * ?']);
});

test('several seconds, every minute, or a malformed expression fail the build with the declaration location', () => {
  for (const cron of ['0,30 0 * * * ?', '0 * * * * ?', '0 0 *', '0 61 * * * ?']) {
    assert.throws(
      () => apexCronExpressions(cron, at),
      (e) => e instanceof BuildFailure && e.errors[0].rule === 'cron' && e.errors[0].location === at,
      cron,
    );
  }
});
