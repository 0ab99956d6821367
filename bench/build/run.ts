/**
 * Build benchmark: the full build of the example app against `tsc --noEmit` of the same sources,
 * and the build of a synthetic project of 500 operations (time and peak memory).
 *
 *   npx tsx bench/build/run.ts [--runs 5] [--synthetic-runs 3] [--skip-synthetic]
 *
 * Builds run in temporary copies of the project's build inputs, so this repository's force-app is
 * never written; `--check` runs against this repository itself (it only reads). Measurements take
 * turns (one run of each, then the next round), so a burst of load from elsewhere on a shared
 * machine spreads over all of them instead of skewing one. It prints Markdown for bench/RESULTS.md.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCHMARK_SIZE, writeProjectCopy, writeSyntheticProject } from './synthetic';
import { argument, median } from '../stats';

const ROOT = path.resolve(__dirname, '../..');
const BUILD = path.join(ROOT, 'ts-src/generator/build.ts');
const PHASES = path.join(ROOT, 'bench/build/phases.ts');
const TIME = '/usr/bin/time';

interface Sample {
  seconds: number;
  /** Peak RSS of the largest process of the command (GNU time %M), MB. */
  maxRssMb?: number;
  exitCode: number;
  stdout: string;
  loadAverage: number;
}

interface Measurement {
  name: string;
  command: string;
  cwd: string;
  /** Runs before each sample, untimed (e.g. removing the previous build's output). */
  prepare?: () => void;
  samples: Sample[];
}

function run(measurement: Measurement): Sample {
  measurement.prepare?.();
  const rssFile = path.join(os.tmpdir(), `switchyard-bench-rss-${process.pid}`);
  const withTime = fs.existsSync(TIME);
  const [file, args] = withTime
    ? [TIME, ['-f', '%M', '-o', rssFile, 'sh', '-c', measurement.command]]
    : ['sh', ['-c', measurement.command]];
  const loadAverage = os.loadavg()[0];
  const started = performance.now();
  const result = spawnSync(file, args, { cwd: measurement.cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  const maxRssMb = withTime ? Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : undefined;
  fs.rmSync(rssFile, { force: true });
  const sample = { seconds, maxRssMb, exitCode: result.status ?? -1, stdout: result.stdout, loadAverage };
  measurement.samples.push(sample);
  console.error(
    `  ${measurement.name}: ${seconds.toFixed(2)} s, exit ${sample.exitCode}, load ${loadAverage.toFixed(1)}`,
  );
  if (sample.exitCode !== 0) {
    // --check exits 1 on a stale force-app and tsc 2 on type errors: both still measure the work; say which.
    const said = `${result.stderr}\n${result.stdout}`
      .trim()
      .split('\n')
      .filter((line) => !line.startsWith('npm warn'));
    for (const line of said.slice(-3)) console.error(`    | ${line.slice(0, 300)}`);
  }
  return sample;
}

function removeBuildOutput(projectRoot: string): () => void {
  return () => {
    fs.rmSync(path.join(projectRoot, 'force-app'), { recursive: true, force: true });
    fs.rmSync(path.join(projectRoot, 'ts-src/lwc/generated'), { recursive: true, force: true });
  };
}

function machine(): string[] {
  const cpu = /model name\s*:\s*(.*)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model;
  const nproc = spawnSync('nproc', { encoding: 'utf8' }).stdout.trim();
  return [
    `- CPU: ${cpu}; nproc ${nproc}; memory ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Node ${process.version}; ${os.type()} ${os.release()}`,
    `- shared machine: 1-minute load average ${os.loadavg()[0].toFixed(1)} when the benchmark ended (see the load column)`,
  ];
}

function table(measurements: Measurement[]): string[] {
  const lines = [
    '| measurement | command (cwd) | runs | median s | min-max s | median peak RSS MB | load avg during runs |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const m of measurements) {
    const seconds = m.samples.map((s) => s.seconds);
    const rss = m.samples.map((s) => s.maxRssMb).filter((v): v is number => v !== undefined);
    const loads = m.samples.map((s) => s.loadAverage);
    const exits = [...new Set(m.samples.map((s) => s.exitCode))].join('/');
    lines.push(
      `| ${m.name} | \`${m.command}\` (${m.cwd === ROOT ? 'repo' : 'temp copy'}; exit ${exits}) | ${m.samples.length} | ` +
        `${median(seconds).toFixed(2)} | ${Math.min(...seconds).toFixed(2)}-${Math.max(...seconds).toFixed(2)} | ` +
        `${rss.length ? median(rss).toFixed(0) : 'n/a'} | ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)} |`,
    );
  }
  return lines;
}

function phaseTable(measurement: Measurement): string[] {
  const parsed = measurement.samples
    .filter((s) => s.exitCode === 0)
    .map((s) => JSON.parse(s.stdout.trim().split('\n').pop()!) as Record<string, number>);
  if (parsed.length === 0) return [`(${measurement.name}: no successful run)`];
  const cell = (key: string, digits = 2) => median(parsed.map((p) => p[key])).toFixed(digits);
  return [
    `${measurement.name} (in process, median of ${parsed.length}): load ${cell('load')} s, emit ${cell('emit')} s, ` +
      `format ${cell('format')} s, plan ${cell('plan')} s; ${cell('files', 0)} files (${cell('apexFiles', 0)} Apex) ` +
      `for ${cell('operations', 0)} operations; peak RSS of the node process ${cell('maxRssMb', 0)} MB`,
  ];
}

function rounds(measurements: Measurement[], count: number): void {
  for (let round = 1; round <= count; round++) {
    console.error(`round ${round} of ${count}`);
    for (const measurement of measurements) run(measurement);
  }
}

function main(): void {
  const runs = argument('--runs', 5);
  const syntheticRuns = argument('--synthetic-runs', 3);
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-bench-'));
  const output: string[] = [];
  try {
    const example = path.join(workspace, 'example');
    writeProjectCopy(ROOT, example);
    const exampleMeasurements: Measurement[] = [
      {
        name: 'example: build',
        command: `npx tsx ${BUILD}`,
        cwd: example,
        prepare: removeBuildOutput(example),
        samples: [],
      },
      { name: 'example: build --check', command: 'npx tsx ts-src/generator/build.ts --check', cwd: ROOT, samples: [] },
      { name: 'tsc, whole repo', command: 'npx tsc --noEmit -p tsconfig.json', cwd: ROOT, samples: [] },
      { name: 'tsc, declarations only', command: 'npx tsc --noEmit -p tsconfig.json', cwd: example, samples: [] },
      { name: 'example: phases', command: `npx tsx ${PHASES} .`, cwd: example, samples: [] },
    ];
    rounds(exampleMeasurements, runs);
    const [build, check, tscRepo, tscDeclarations, phases] = exampleMeasurements;
    const ratio = (a: Measurement, b: Measurement) =>
      (median(a.samples.map((s) => s.seconds)) / median(b.samples.map((s) => s.seconds))).toFixed(1);
    output.push('### Example app', '', ...table(exampleMeasurements), '');
    output.push(
      `Ratios of medians: build / tsc whole repo = ${ratio(build, tscRepo)}; ` +
        `build / tsc of the declaration sources = ${ratio(build, tscDeclarations)}; ` +
        `build --check / tsc whole repo = ${ratio(check, tscRepo)}.`,
      '',
      ...phaseTable(phases),
      '',
    );

    if (!process.argv.includes('--skip-synthetic')) {
      const synthetic = path.join(workspace, 'synthetic');
      writeSyntheticProject(ROOT, synthetic, BENCHMARK_SIZE);
      const syntheticMeasurements: Measurement[] = [
        {
          name: 'synthetic: build',
          command: `npx tsx ${BUILD}`,
          cwd: synthetic,
          prepare: removeBuildOutput(synthetic),
          samples: [],
        },
        { name: 'synthetic: tsc', command: 'npx tsc --noEmit -p tsconfig.json', cwd: synthetic, samples: [] },
      ];
      rounds(syntheticMeasurements, syntheticRuns);
      // One phase breakdown is enough: each synthetic build loads a 2-core shared machine for minutes.
      const syntheticPhases: Measurement = {
        name: 'synthetic: phases',
        command: `npx tsx ${PHASES} .`,
        cwd: synthetic,
        samples: [],
      };
      rounds([syntheticPhases], 1);
      const { systems, events, operations, objects } = BENCHMARK_SIZE;
      output.push(
        `### Synthetic project: ${operations} operations, ${systems} systems, ${events} events, ${objects} extra custom objects`,
        '',
        ...table([...syntheticMeasurements, syntheticPhases]),
        '',
        ...phaseTable(syntheticPhases),
        '',
      );
    }
    output.push('Machine:', ...machine());
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
  console.log(output.join('\n'));
}

main();
