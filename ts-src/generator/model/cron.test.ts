import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BuildFailure } from './errors';
import { apexCronExpressions } from './cron';

const at = { file: 'ts-src/integrations/x.ts', line: 3, column: 13 };

/** The one error a schedule raises: its rule, the column it points at (inside the string) and its text. */
function refusal(cron: string): { rule: string; column: number; message: string; fix: string } {
  try {
    apexCronExpressions(cron, at);
  } catch (error) {
    assert.ok(error instanceof BuildFailure, String(error));
    const [first] = error.errors;
    assert.equal(first.location.line, at.line);
    return { rule: first.rule, column: first.location.column, message: first.message, fix: first.fix };
  }
  assert.fail(`"${cron}" was accepted`);
}

/** Column of the `field`-th field of `cron` as the literal `'cron'` starting at `at.column`. */
const columnOf = (cron: string, field: number) => at.column + 1 + [...cron.matchAll(/\S+/g)][field].index;

test('a single minute stays one expression', () => {
  assert.deepEqual(apexCronExpressions('0 0 2 * * ?', at), ['0 0 2 * * ?']);
});

test('a minute list, a step and a range become one expression per minute mark', () => {
  assert.deepEqual(apexCronExpressions('0 0,30 * * * ?', at), ['0 0 * * * ?', '0 30 * * * ?']);
  assert.deepEqual(apexCronExpressions('0 */20 * * * ?', at), ['0 0 * * * ?', '0 20 * * * ?', '0 40 * * * ?']);
  assert.deepEqual(apexCronExpressions('0 5-7 * * * ?', at), ['0 5 * * * ?', '0 6 * * * ?', '0 7 * * * ?']);
});

test('the rest of the Salesforce syntax is accepted as written', () => {
  for (const cron of [
    '0 0 2 ? * MON-FRI',
    '0 0 2 ? * 2-6',
    '0 0 8-18/2 * * ?',
    '0 0 2 L * ?',
    '0 0 2 L-3 * ?',
    '0 0 2 LW * ?',
    '0 0 2 15W * ?',
    '0 0 2 ? * 6L',
    '0 0 2 ? * FRIL',
    '0 0 2 ? * 6#3',
    '0 0 2 ? * MON#1',
    '0 0 2 1,15 JAN,JUL ?',
    '0 0 2 1/5 * ?',
    '0 0 2 * * ? 2030',
    '0 0 2 * * ? 2030-2035',
    '0 0 2 * * ? *',
    '0 0 2 * jul ?',
  ]) {
    assert.equal(apexCronExpressions(cron, at).length, 1, cron);
  }
});

describe('each cron rule, at the field that breaks it', () => {
  const cases: [cron: string, rule: string, field: number | null, message: RegExp][] = [
    ['0 0 *', 'cron-fields', null, /has 3 field\(s\); Salesforce cron takes 6 or 7/],
    ['0 0 2 * * ? 2030 x', 'cron-fields', null, /has 8 field/],
    ['0,30 0 * * * ?', 'cron-seconds', 0, /Apex takes a single second/],
    ['60 0 2 * * ?', 'cron-seconds', 0, /60 in its seconds field, outside 0-59/],
    ['0 61 * * * ?', 'cron-minutes', 1, /61 in its minutes field, outside 0-59/],
    ['0 0 24 * * ?', 'cron-hours', 2, /24 in its hours field, outside 0-23/],
    ['0 0 2 32 * ?', 'cron-day-of-month', 3, /32 in its day-of-month field, outside 1-31/],
    ['0 0 2 0 * ?', 'cron-day-of-month', 3, /0 in its day-of-month field/],
    ['0 0 2 * 13 ?', 'cron-month', 4, /13 in its month field, outside 1-12/],
    ['0 0 2 * JUN-FOO ?', 'cron-month', 4, /"FOO" in its month field/],
    ['0 0 2 ? * 8', 'cron-day-of-week', 5, /8 in its day-of-week field, outside 1-7/],
    ['0 0 2 ? * MONDAY', 'cron-day-of-week', 5, /"MONDAY"/],
    ['0 0 2 * * ? 1969', 'cron-year', 6, /1969 in its year field, outside 1970-2099/],
    ['0 0 2 * * *', 'cron-no-specific-value', 5, /sets both day-of-month \(\*\) and day-of-week \(\*\)/],
    ['0 0 2 ? * ?', 'cron-no-specific-value', 3, /\? in both day-of-month and day-of-week/],
    ['0 0 ? * * ?', 'cron-no-specific-value', 2, /\? in its hours field/],
    ['0 0 2 1,? * ?', 'cron-no-specific-value', 3, /uses \? in its day-of-month field/],
    ['0 0 2 L,15 * ?', 'cron-last', 3, /L \(last\) stands alone/],
    ['0 0 2 * L ?', 'cron-last', 4, /uses L in its month field/],
    ['0 0 2 ? * 9L', 'cron-last', 5, /"9L" in its day-of-week field/],
    ['0 0 2 1W,15 * ?', 'cron-weekday', 3, /W \(nearest weekday\)/],
    ['0 0 2 ? * 2W', 'cron-weekday', 5, /uses W in its day-of-week field/],
    ['0 0 2 ? * 6#6', 'cron-nth', 5, /occurrence 1-5/],
    ['0 0 2 6#2 * ?', 'cron-nth', 3, /uses # in its day-of-month field/],
    ['0 0 18-8 * * ?', 'cron-range', 2, /range "18-8" in its hours field, which runs backwards/],
    ['0 0 */0 * * ?', 'cron-step', 2, /step "\/0" in its hours field/],
    ['0 0 2 * * ? 2030/x', 'cron-year', 6, /"2030\/x"/],
    ['0 * * * * ?', 'cron-jobs', null, /would need 60 scheduled jobs/],
  ];
  for (const [cron, rule, field, message] of cases) {
    test(`${rule}: ${cron}`, () => {
      const error = refusal(cron);
      assert.equal(error.rule, rule);
      assert.match(error.message, message);
      assert.match(error.message, new RegExp(`^schedule "${cron.replace(/[*?/]/g, '\\$&')}" `));
      assert.equal(error.column, field === null ? at.column : columnOf(cron, field), 'points at the field');
      assert.ok(error.fix.length > 10, 'says how to fix it');
    });
  }
});
