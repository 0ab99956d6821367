/**
 * Runs the ERP-outage simulation for every strategy over several seeds and prints the medians.
 *
 *   npx tsx bench/erp-outage/run.ts [--seeds 21] [--markdown]
 *
 * The policy's numbers come from the project's own declarations (loadModel), exactly as the Apex
 * generator reads them.
 */
import path from 'node:path';
import { loadModel } from '../../ts-src/generator/load';
import { deliveryPolicyFor } from '../../ts-src/policy/policy';
import { SEED_SCENARIO, simulate, type OutageResult } from './simulate';
import { strategies } from './strategies';
import { argument, median } from '../stats';

const OPERATION = 'SendOrderToErp';

const minutes = (seconds: number) => (seconds / 60).toFixed(1);

/** Median and maximum in minutes of the runs that have the figure. */
function spread(values: (number | undefined)[]): string {
  const present = values.filter((v): v is number => v !== undefined);
  return present.length ? `${minutes(median(present))} (max ${minutes(Math.max(...present))})` : 'n/a';
}

const COLUMNS: [string, (runs: OutageResult[]) => string][] = [
  ['strategy', (runs) => runs[0].label],
  ['delivered', (runs) => String(median(runs.map((r) => r.delivered)))],
  ['Failed (in log)', (runs) => String(median(runs.map((r) => r.failed)))],
  ['lost', (runs) => `${median(runs.map((r) => r.lost))} (max ${Math.max(...runs.map((r) => r.lost))})`],
  ['callouts', (runs) => String(median(runs.map((r) => r.callouts)))],
  ['failed callouts', (runs) => String(median(runs.map((r) => r.failedCallouts)))],
  ['Queueable jobs', (runs) => String(median(runs.map((r) => r.queueableJobs)))],
  ['sweeper runs', (runs) => String(median(runs.map((r) => r.sweeperRuns)))],
  ['first callout after recovery (min)', (runs) => spread(runs.map((r) => r.resumedSeconds))],
  ['drain after recovery (min)', (runs) => spread(runs.map((r) => r.drainSeconds))],
  ['max latency (min)', (runs) => minutes(median(runs.map((r) => r.maxLatencySeconds)))],
  ['max chain depth', (runs) => String(Math.max(...runs.map((r) => r.maxChainDepth)))],
  ['peak parked', (runs) => String(median(runs.map((r) => r.peakParked)))],
];

function print(table: string[][], markdown: boolean): void {
  const header = COLUMNS.map(([name]) => name);
  if (markdown) {
    console.log(`| ${header.join(' | ')} |`);
    console.log(`|${header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
    for (const row of table) console.log(`| ${row.join(' | ')} |`);
    return;
  }
  const widths = header.map((name, i) => Math.max(name.length, ...table.map((row) => row[i].length)));
  for (const row of [header, ...table]) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
}

function main(): void {
  const seeds = argument('--seeds', 21);
  const markdown = process.argv.includes('--markdown');
  const projectRoot = path.resolve(__dirname, '../..');
  const policy = deliveryPolicyFor(loadModel(projectRoot), OPERATION);

  console.log(`policy (from the model, ${OPERATION}): ${JSON.stringify(policy)}`);
  const started = performance.now();
  const tables = [
    { title: `ERP down exactly 30 minutes`, scenario: SEED_SCENARIO },
    {
      title: 'ERP down 27.5-32.5 minutes (averages where the last failed probe falls)',
      scenario: { ...SEED_SCENARIO, outageDurationSpreadSeconds: 5 * 60 },
    },
  ];
  let runs = 0;
  for (const { title, scenario } of tables) {
    console.log(`\n${title}; scenario: ${JSON.stringify(scenario)}`);
    console.log(`seeds 1..${seeds}; each cell is the median over the seeds unless it says max`);
    const rows = strategies(policy).map((strategy) =>
      Array.from({ length: seeds }, (_, i) => simulate(policy, scenario, strategy, i + 1)),
    );
    runs += rows.length * seeds;
    print(
      rows.map((results) => COLUMNS.map(([, cell]) => cell(results))),
      markdown,
    );
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\n${runs} simulated runs in ${seconds} s`);
}

main();
