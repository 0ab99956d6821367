/**
 * The fuzz property, bounded for `npm test` (a few seconds of cases on a loaded machine): random
 * valid declarations and random mutations of them either stop the build with declaration errors
 * located in the declaration files, or give a package that passes the in-process offline checks.
 * The long run is `npm run fuzz` (bench/fuzz/run.ts). A failure prints the seed and the shrunk case.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { Harness } from './harness';
import { newTally, property, validCase } from './property';

const SEED = process.env.SWITCHYARD_FUZZ_SEED ? Number(process.env.SWITCHYARD_FUZZ_SEED) : undefined;
let harness: Harness;
before(async () => {
  harness = new Harness();
  // Warm the caches (the platform's own Apex and XML, parsed once) outside the time bound.
  await harness.run(fc.sample(validCase(1), { numRuns: 1, seed: 1 })[0].declarations);
});
after(() => harness.dispose());

describe('fuzzed declarations', () => {
  test('are refused at their place or build a package that passes the offline checks', async (t) => {
    const tally = newTally();
    const details = await fc.check(property(harness, tally, { maxOperations: 2 }), {
      numRuns: 150,
      seed: SEED,
      // Bounded by time, not count: the machine is shared; a failure still shrinks and fails.
      interruptAfterTimeLimit: 8_000,
    });
    t.diagnostic(
      `${tally.cases} cases (seed ${details.seed}): ${tally.built} built, ${tally.refused} refused, ${[...tally.known].map(([id, n]) => `${n} known bug ${id}`).join(', ') || 'no known bug'} (${[...tally.rules].map(([r, n]) => `${r} ${n}`).join(', ')})`,
    );
    assert.equal(details.failed, false, fc.defaultReportMessage(details) ?? 'failed');
    assert.ok(tally.cases >= 3, `only ${tally.cases} cases ran`);
    assert.ok(
      tally.built > 0 && tally.refused > 0,
      `both outcomes occur (built ${tally.built}, refused ${tally.refused})`,
    );
  });

  test('a refused case leaves force-app byte for byte as it was, through the real build', async () => {
    const outcome = await harness.run(
      [
        {
          kind: 'system',
          variable: 'bad',
          value: {
            name: '9Bad',
            label: 'Bad',
            baseUrl: 'ftp://x',
            auth: { type: 'none' },
            timeoutSeconds: 500,
            circuitBreaker: { failureThreshold: 0, coolDownSeconds: 0 },
          },
        },
      ],
      { viaSource: true, realBuild: true },
    );
    assert.equal(outcome.kind, 'refused', JSON.stringify(outcome));
    assert.deepEqual(outcome.kind === 'refused' && outcome.rules, [
      'api-name',
      'base-url',
      'callout-timeout',
      'circuit-breaker',
    ]);
  });

  test('the checks catch what they are for (so a passing run means something)', () => {
    const meta = (root: string, body: string) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://soap.sforce.com/2006/04/metadata">${body}</${root}>\n`;
    const C = 'force-app/main/default/classes/';
    const problems = harness.checks.run([
      { path: `${C}Broken.cls-meta.xml`, content: '<ApexClass><apiVersion>66.0</apiVersion>' },
      { path: `${C}Broken.cls`, content: 'public class Broken { void x( }' },
      { path: 'ts-src/lwc/generated/broken.ts', content: '/** a label with */ in it */\nexport type X = 1;\n' },
      { path: `${C}Other.cls`, content: 'public class NotOther {}' },
      { path: `${C}other.cls`, content: 'public class other {}' },
      {
        path: 'force-app/main/default/objects/A__c/fields/B__x__c.field-meta.xml',
        content: meta('CustomField', '<fullName>B__x__c</fullName><label>B</label><type>Text</type><length>5</length>'),
      },
      {
        path: 'force-app/main/default/objects/A__c/A__c.object-meta.xml',
        content: meta('CustomObject', '<label>A</label><sharingModel>Everyone</sharingModel><colour>red</colour>'),
      },
    ]);
    const text = problems.join('\n');
    assert.match(text, /Broken\.cls-meta\.xml: not well-formed XML/);
    assert.match(text, /Broken\.cls: Apex syntax error/);
    assert.match(text, /broken\.ts: TypeScript syntax error/);
    assert.match(text, /Other\.cls: declares NotOther, not Other/);
    assert.match(text, /other\.cls: same component as .*Other\.cls/);
    assert.match(text, /field "B__x__c" breaks the platform's name rules/);
    if (harness.checks.hasSchema) {
      assert.match(text, /"Everyone" is not a SharingModel/);
      assert.match(text, /<colour> is not an element of CustomObject/);
    }
  });
});
