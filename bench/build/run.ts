/**
 * Build benchmark, against its floor (`tsc --noEmit` of the same declarations) measured in the same
 * run: for the example app a cold build (no force-app, empty cache: a clean clone's, as in CI), a
 * rebuild with nothing changed, a rebuild after changing one declaration; for synthetic projects
 * of 100, 500 and 1,000 operations a cold build (time and peak memory), to show how cost grows.
 *
 *   npx tsx bench/build/run.ts [--runs 5] [--synthetic-runs 5] [--large-runs 5] [--sizes 100,500,1000]
 *   (--sizes '' : the example only; --large-runs: rounds for 1,000 operations and more)
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
import { syntheticSize, writeProjectCopy, writeSyntheticProject } from './synthetic';
import { argument, median } from '../stats';

const ROOT = path.resolve(__dirname, '../..');
const BUILD = path.join(ROOT, 'ts-src/generator/build.ts');
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
    `  ${measurement.name}: ${seconds.toFixed(2)} s, exit ${sample.exitCode}, load ${loadAverage.toFixed(1)}, ` +
      `peak RSS ${maxRssMb?.toFixed(0) ?? 'n/a'} MB`,
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

function rounds(measurements: Measurement[], count: number): void {
  for (let round = 1; round <= count; round++) {
    console.error(`round ${round} of ${count}`);
    for (const measurement of measurements) run(measurement);
  }
}

const seconds = (m: Measurement) => median(m.samples.map((s) => s.seconds));
const ratio = (a: Measurement, b: Measurement) => (seconds(a) / seconds(b)).toFixed(2);

/** Each build gets its own cache folder in the workspace (never the shared node_modules). */
function buildCommand(cache: string, extraEnv = ''): string {
  return `SWITCHYARD_CACHE_DIR=${cache} ${extraEnv}npx tsx ${BUILD}`;
}

/** Removes the build output and the cache: the next build is a clean clone's (CI's). */
function cold(projectRoot: string, cache: string): () => void {
  const output = removeBuildOutput(projectRoot);
  return () => {
    output();
    fs.rmSync(cache, { recursive: true, force: true });
  };
}

let edits = 0;
/** Edits one declaration (the path of SendOrderToErp, a different value every time). */
function changeOneDeclaration(projectRoot: string): () => void {
  return () => {
    const file = path.join(projectRoot, 'ts-src/integrations/erp.ts');
    const text = fs.readFileSync(file, 'utf8');
    const next = text.replace(/path: '\/orders[^']*'/, `path: '/orders-${++edits}'`);
    if (next === text) throw new Error(`no path: '/orders...' in ${file} to change`);
    fs.writeFileSync(file, next);
  };
}

function main(): void {
  const runs = argument('--runs', 5);
  const syntheticRuns = argument('--synthetic-runs', 5);
  // The 1,000-operation builds take minutes each on a loaded 2-core machine.
  const largeRuns = argument('--large-runs', syntheticRuns);
  const sizes = (process.argv.includes('--sizes') ? process.argv[process.argv.indexOf('--sizes') + 1] : '100,500,1000')
    .split(',')
    .filter(Boolean)
    .map(Number);
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-bench-'));
  const output: string[] = [];
  try {
    const example = path.join(workspace, 'example');
    const exampleCache = path.join(workspace, 'cache-example');
    writeProjectCopy(ROOT, example);
    const tsc = 'npx tsc --noEmit -p tsconfig.json';
    const exampleMeasurements: Measurement[] = [
      { name: 'tsc, declarations only (floor)', command: tsc, cwd: example, samples: [] },
      {
        name: 'example: cold build (no force-app, no cache)',
        command: buildCommand(exampleCache),
        cwd: example,
        prepare: cold(example, exampleCache),
        samples: [],
      },
      { name: 'example: rebuild, nothing changed', command: buildCommand(exampleCache), cwd: example, samples: [] },
      {
        name: 'example: rebuild, one declaration changed',
        command: buildCommand(exampleCache),
        cwd: example,
        prepare: changeOneDeclaration(example),
        samples: [],
      },
      {
        name: 'example: same, native Apex parser (no server)',
        command: buildCommand(exampleCache, 'SWITCHYARD_APEX_PARSER=native '),
        cwd: example,
        prepare: changeOneDeclaration(example),
        samples: [],
      },
    ];
    const synthetic = sizes.map((operations) => {
      const root = path.join(workspace, `synthetic-${operations}`);
      const cache = path.join(workspace, `cache-${operations}`);
      writeSyntheticProject(ROOT, root, syntheticSize(operations));
      return {
        operations,
        tsc: { name: `synthetic ${operations}: tsc (floor)`, command: tsc, cwd: root, samples: [] } as Measurement,
        build: {
          name: `synthetic ${operations}: cold build (no force-app, no cache)`,
          command: buildCommand(cache),
          cwd: root,
          prepare: cold(root, cache),
          samples: [],
        } as Measurement,
      };
    });
    // One of everything per round, so load from elsewhere spreads over all of them.
    const all = [...exampleMeasurements, ...synthetic.flatMap((s) => [s.tsc, s.build])];
    for (let round = 1; round <= Math.max(runs, syntheticRuns); round++) {
      console.error(`round ${round}`);
      for (const measurement of all) {
        const size = synthetic.find((s) => s.tsc === measurement || s.build === measurement)?.operations;
        const limit = size === undefined ? runs : size >= 1000 ? largeRuns : syntheticRuns;
        if (round <= limit) run(measurement);
      }
    }
    const [floor, coldBuild, noop, oneChange, oneChangeNative] = exampleMeasurements;
    console.error('done');
    output.push('### Example app', '', ...table(exampleMeasurements), '');
    output.push(
      `Ratios of medians to the floor (tsc of the declaration sources, same run): nothing changed ${ratio(noop, floor)} ` +
        `(target <= 1); one declaration changed ${ratio(oneChange, floor)} (target <= 1.5; with the native parser ` +
        `${ratio(oneChangeNative, floor)}); cold ${ratio(coldBuild, floor)}.`,
      '',
    );
    if (synthetic.length > 0) {
      output.push('### Synthetic projects', '', ...table(synthetic.flatMap((s) => [s.tsc, s.build])), '');
      output.push(
        '| operations | files | cold build median s | tsc median s | ratio | peak RSS MB | s per 100 operations |',
        '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      );
      for (const s of synthetic) {
        const files = /(\d+) files generated/.exec(s.build.samples.at(-1)?.stdout ?? '')?.[1] ?? '?';
        const rss = median(s.build.samples.map((x) => x.maxRssMb ?? NaN));
        output.push(
          `| ${s.operations} | ${files} | ${seconds(s.build).toFixed(2)} | ${seconds(s.tsc).toFixed(2)} | ${ratio(s.build, s.tsc)} | ` +
            `${rss.toFixed(0)} | ${((100 * seconds(s.build)) / s.operations).toFixed(2)} |`,
        );
      }
      output.push('');
    }
    output.push('Machine:', ...machine());
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
  console.log(output.join('\n'));
}

main();
