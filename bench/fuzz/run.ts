/**
 * The long fuzz run: `npm run fuzz -- [--minutes 10] [--seed N]`. Cases as in fuzz.test.ts, with
 * the example app's declarations beside the fuzzed ones, up to four operations per case, and on
 * a share of cases the slow paths too: through ts-morph from source, the real build for refused
 * cases (force-app unchanged), compiling the components, verifying all Apex names, prettier.
 * A failing case is shrunk, printed and written to .switchyard/fuzz/failure-<seed>.txt; the run
 * goes on with the next seed until the time is up. Prints a summary (cases, outcomes, rules hit).
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Harness } from './harness';
import { newTally, property } from './property';
import { render } from './render';

const argument = (name: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const minutes = Number(argument('--minutes') ?? 10);
let seed = Number(argument('--seed') ?? Date.now() % 1_000_000);
const out = path.resolve(__dirname, '../../.switchyard/fuzz');

async function main(): Promise<number> {
  fs.mkdirSync(out, { recursive: true });
  const started = Date.now();
  const deadline = started + minutes * 60_000;
  const harness = new Harness({ exampleApp: true });
  const tally = newTally();
  const failures: string[] = [];
  const every = (n: number, i: number) => i % n === n - 1;
  try {
    while (Date.now() < deadline) {
      const details = await fc.check(
        property(harness, tally, {
          maxOperations: 4,
          caseOptions: (i) => ({
            viaSource: every(7, i),
            realBuild: every(7, i),
            compileComponents: every(11, i),
            verifyAll: every(5, i),
            format: every(13, i),
          }),
        }),
        { numRuns: 1_000_000, seed, interruptAfterTimeLimit: deadline - Date.now() },
      );
      if (details.failed) {
        const report = `${fc.defaultReportMessage(details) ?? 'failed'}\n${String(details.errorInstance).slice(0, 6000)}`;
        const file = path.join(out, `failure-${seed}.txt`);
        fs.writeFileSync(file, report + '\n');
        failures.push(file);
        console.log(`\nFAILURE (seed ${seed}), written to ${file}:\n${report.slice(0, 4000)}\n`);
      }
      seed++;
    }
  } finally {
    harness.dispose();
  }
  const rules = [...tally.rules].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `${rule} ${n}`);
  const summary = [
    `fuzz: ${tally.cases} cases in ${((Date.now() - started) / 60_000).toFixed(1)} min: ${tally.built} built, ${tally.refused} refused, ${tally.bugs.length} failing runs (shrinking included)`,
    `rules that refused: ${rules.join(', ') || 'none'}`,
    `known bugs hit (KNOWN_BUGS, reported): ${[...tally.known].map(([id, n]) => `${id} ${n}`).join(', ') || 'none'}`,
    `distinct failures: ${failures.length}${failures.length ? ` (${failures.join(', ')})` : ''}`,
  ];
  const distinct = new Map<string, string>();
  for (const bug of tally.bugs) {
    const head =
      bug.outcome.kind === 'bug' ? bug.outcome.problem.split('\n').slice(0, 2).join(' | ').replace(/\d+/g, 'N') : '';
    if (!distinct.has(head)) distinct.set(head, render(bug.case.declarations).text);
  }
  summary.push(
    `distinct problem kinds: ${distinct.size}`,
    ...[...distinct.keys()].map((k) => `  - ${k.slice(0, 300)}`),
  );
  fs.writeFileSync(path.join(out, 'summary.txt'), summary.join('\n') + '\n');
  console.log(summary.join('\n'));
  return failures.length > 0 ? 1 : 0;
}

main().then((code) => process.exit(code));
