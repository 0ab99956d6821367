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
import { faultScenarios } from './scenarios';
import { SEED_SCENARIO, simulate, type OutageResult, type Scenario } from './simulate';
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
  ['sent twice (keys applied twice)', (runs) => maxOf(runs, (r) => r.appliedTwice)],
];

/** Median, and the maximum over the seeds when it differs. */
function maxOf(runs: OutageResult[], figure: (r: OutageResult) => number): string {
  const values = runs.map(figure);
  const m = median(values);
  const max = Math.max(...values);
  return max === m ? String(m) : `${m} (max ${max})`;
}

/** The fault scenarios' columns: what was lost or sent twice beside what it cost. */
const FAULT_COLUMNS: [string, (runs: OutageResult[]) => string][] = [
  ['strategy', (runs) => runs[0].label],
  ['messages', (runs) => String(runs[0].delivered + runs[0].failed + runs[0].lost)],
  ['delivered', (runs) => maxOf(runs, (r) => r.delivered)],
  ['lost', (runs) => maxOf(runs, (r) => r.lost)],
  ['sent twice (keys applied twice)', (runs) => maxOf(runs, (r) => r.appliedTwice)],
  ['raw resends (keys received again)', (runs) => maxOf(runs, (r) => r.repeatedKeys)],
  ['claimed twice', (runs) => maxOf(runs, (r) => r.claimedTwice)],
  ['callouts', (runs) => maxOf(runs, (r) => r.callouts)],
  ['failed callouts', (runs) => maxOf(runs, (r) => r.failedCallouts)],
  ['Queueable jobs', (runs) => maxOf(runs, (r) => r.queueableJobs)],
  ['breaker openings', (runs) => maxOf(runs, (r) => r.breakerOpenings)],
  ['needed a person (reprocessed)', (runs) => maxOf(runs, (r) => r.reprocessed)],
  ['Failed at the end', (runs) => maxOf(runs, (r) => r.failed)],
  ['drain after recovery (min)', (runs) => spread(runs.map((r) => r.drainSeconds))],
  ['max latency (min)', (runs) => minutes(median(runs.map((r) => r.maxLatencySeconds)))],
];

/** One operation's figures of a run, as a run of its own (fan-out rows). */
function forOperation(run: OutageResult, operation: string): OutageResult {
  const op = run.perOperation[operation];
  return {
    ...run,
    ...op,
    label: `${run.label}: ${operation}`,
    drainSeconds: op.drainSeconds,
    claimedTwice: run.claimedTwice,
    reprocessed: run.reprocessed,
  };
}

function print(table: string[][], markdown: boolean, columns = COLUMNS): void {
  const header = columns.map(([name]) => name);
  if (markdown) {
    console.log(`| ${header.join(' | ')} |`);
    console.log(`|${header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
    for (const row of table) console.log(`| ${row.join(' | ')} |`);
    return;
  }
  const widths = header.map((name, i) => Math.max(name.length, ...table.map((row) => row[i].length)));
  for (const row of [header, ...table]) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
}

/** What a fault scenario adds to the seed's case. */
function describe(scenario: Scenario): string {
  const added = Object.fromEntries(
    Object.entries(scenario).filter(
      ([key, value]) => JSON.stringify(value) !== JSON.stringify(SEED_SCENARIO[key as keyof Scenario]),
    ),
  );
  return `the seed's case with ${JSON.stringify(added)}`;
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
  for (const fault of faultScenarios(policy)) {
    console.log(`\n${fault.title}; scenario: ${describe(fault.scenario)}`);
    const rows: OutageResult[][] = [];
    for (const strategy of fault.strategies) {
      const results = Array.from({ length: seeds }, (_, i) => simulate(policy, fault.scenario, strategy, i + 1));
      runs += seeds;
      if (!fault.perOperation) rows.push(results);
      else
        for (const operation of Object.keys(results[0].perOperation))
          rows.push(results.map((r) => forOperation(r, operation)));
    }
    print(
      rows.map((results) => FAULT_COLUMNS.map(([, cell]) => cell(results))),
      markdown,
      FAULT_COLUMNS,
    );
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\n${runs} simulated runs in ${seconds} s`);
}

main();
