/**
 * `npm run examples [-- NAME...]`: builds every example project in examples/ (or the named ones) the
 * way a team would: `switchyard init` into a fresh folder, the example's declarations (and team
 * components) copied into the workspace, `switchyard build`, a second build that must write nothing,
 * then `switchyard validate` (the offline checks). Each runs as the command a user types, in a child
 * process. A refused declaration fails the example with the build's file:line:col messages, pointed
 * at the example's own file. Exits 1 when any example fails, 2 on an unknown name.
 *
 * The projects are made under .switchyard/examples/NAME (ignored by git, replaced on every run) and
 * kept there to look at; nothing they generate is committed.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(__dirname, '..');
const EXAMPLES = path.join(REPO, 'examples');
const OUT = path.join(REPO, '.switchyard', 'examples');
const CLI = path.join(REPO, 'ts-src', 'cli', 'main.ts');
/** What `switchyard init` writes into an empty folder (config.root is the default). */
const WORKSPACE = 'switchyard';
/** The declaration init writes when the project has none; an example replaces it with its own. */
const INIT_EXAMPLE = 'example.ts';

interface Step {
  name: string;
  ok: boolean;
  seconds: number;
  detail: string;
  lines: string[];
}

interface Envelope {
  status: number;
  result: Record<string, unknown>;
  warnings: string[];
}

function exampleNames(): string[] {
  if (!fs.existsSync(EXAMPLES)) return [];
  return fs
    .readdirSync(EXAMPLES, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(EXAMPLES, e.name, 'integrations')))
    .map((e) => e.name)
    .sort();
}

/** The examples `npm run typecheck` checks: the roots examples/tsconfig.json maps beside ts-src. */
function typeCheckedExamples(): string[] {
  const config = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'tsconfig.json'), 'utf8')) as {
    compilerOptions: { rootDirs: string[] };
  };
  return config.compilerOptions.rootDirs.filter((dir) => !dir.startsWith('..'));
}

/** `switchyard <args> --json`, as a child process: its exit code, its JSON envelope, its stderr. */
function switchyard(args: string[]): Promise<{ code: number; envelope?: Envelope; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, CLI, ...args, '--json'], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      let envelope: Envelope | undefined;
      try {
        envelope = JSON.parse(stdout) as Envelope;
      } catch {
        stderr += stdout;
      }
      resolve({ code: code ?? 1, envelope, stderr });
    });
  });
}

/** Every file of the project but caches and scratch space, by path: what a rebuild must leave alone. */
function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '.switchyard') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(root, full), createHash('sha256').update(fs.readFileSync(full)).digest('hex'));
    }
  };
  walk(root);
  return files;
}

function copyTree(from: string, to: string): number {
  let count = 0;
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) count += copyTree(source, target);
    else {
      fs.mkdirSync(to, { recursive: true });
      fs.copyFileSync(source, target);
      count++;
    }
  }
  return count;
}

/** The build's messages name the workspace copy; point them at the example's own file (same lines). */
function toExampleFile(line: string, name: string): string {
  return line.replace(/(^|\s)ts-src\/integrations\/([\w.-]+\.ts)(?=:\d+:\d+)/g, `$1examples/${name}/integrations/$2`);
}

async function timed(name: string, run: () => Promise<Omit<Step, 'name' | 'seconds'>>): Promise<Step> {
  const started = performance.now();
  const result = await run();
  return { name, seconds: (performance.now() - started) / 1000, ...result };
}

function print(step: Step): void {
  console.log(`  ${step.ok ? 'ok  ' : 'FAIL'} ${step.name.padEnd(8)} ${step.detail} (${step.seconds.toFixed(1)} s)`);
  for (const line of step.lines) console.log(`       ${line}`);
}

async function runExample(name: string): Promise<Step[]> {
  const source = path.join(EXAMPLES, name);
  const project = path.join(OUT, name);
  const workspace = path.join(project, WORKSPACE);
  const steps: Step[] = [];
  const add = (step: Step) => {
    steps.push(step);
    print(step);
    return step.ok;
  };

  const listed = typeCheckedExamples();
  if (!listed.includes(name)) {
    add({
      name: 'listed',
      ok: false,
      seconds: 0,
      detail: `examples/tsconfig.json does not type-check it`,
      lines: [
        `add "${name}" to compilerOptions.rootDirs in examples/tsconfig.json (npm run typecheck checks what is listed)`,
      ],
    });
    return steps;
  }
  fs.rmSync(project, { recursive: true, force: true });
  const init = await timed('init', async () => {
    const run = await switchyard(['init', project]);
    if (run.code !== 0) return { ok: false, detail: `exit ${run.code}`, lines: run.stderr.trim().split('\n') };
    fs.rmSync(path.join(workspace, 'ts-src/integrations', INIT_EXAMPLE), { force: true });
    const declarations = copyTree(path.join(source, 'integrations'), path.join(workspace, 'ts-src/integrations'));
    const lwc = path.join(source, 'lwc');
    const components = fs.existsSync(lwc) ? copyTree(lwc, path.join(workspace, 'ts-src/lwc')) : 0;
    return {
      ok: true,
      detail: `${declarations} declaration file(s)${components ? `, ${components} component file(s)` : ''} copied in`,
      lines: [],
    };
  });
  if (!add(init)) return steps;

  const build = await timed('build', async () => {
    const run = await switchyard(['build', '--project', project]);
    const errors = ((run.envelope?.result.errors as string[] | undefined) ?? run.stderr.trim().split('\n'))
      .filter(Boolean)
      .map((line) => toExampleFile(line, name));
    if (run.code !== 0) return { ok: false, detail: `exit ${run.code}`, lines: errors };
    return { ok: true, detail: `${String(run.envelope?.result.generated)} files generated`, lines: [] };
  });
  if (!add(build)) return steps;

  const rebuild = await timed('rebuild', async () => {
    const before = snapshot(project);
    const run = await switchyard(['build', '--project', project]);
    const after = snapshot(project);
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f));
    const written = Number(run.envelope?.result.written ?? NaN) + Number(run.envelope?.result.removed ?? NaN);
    if (run.code !== 0 || changed.length > 0 || written !== 0) {
      return {
        ok: false,
        detail: `exit ${run.code}, ${String(written)} written or removed, ${changed.length} file(s) changed`,
        lines: [...changed.map((f) => `changed: ${f}`), ...run.stderr.trim().split('\n').filter(Boolean)],
      };
    }
    return { ok: true, detail: 'byte-stable: wrote nothing', lines: [] };
  });
  if (!add(rebuild)) return steps;

  add(
    await timed('validate', async () => {
      const run = await switchyard(['validate', '--project', project]);
      const result = run.envelope?.result as
        | {
            passed: number;
            failed: number;
            skipped: number;
            checks: { name: string; status: string; summary: string; findings: string[] }[];
          }
        | undefined;
      if (!result?.checks) return { ok: false, detail: `exit ${run.code}`, lines: run.stderr.trim().split('\n') };
      const lines = result.checks
        .filter((c) => c.status !== 'PASS')
        .flatMap((c) => [`${c.status} ${c.name}: ${c.summary}`, ...c.findings.map((f) => `    ${f}`)]);
      return {
        ok: run.code === 0 && result.failed === 0,
        detail: `${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped`,
        lines,
      };
    }),
  );
  return steps;
}

async function main(): Promise<number> {
  const all = exampleNames();
  const wanted = process.argv.slice(2).filter((a) => a !== '--');
  const unknown = wanted.filter((n) => !all.includes(n));
  if (unknown.length > 0) {
    console.error(`examples: no example ${unknown.join(', ')} in examples/; there are: ${all.join(', ')}`);
    return 2;
  }
  const names = wanted.length > 0 ? wanted : all;
  if (names.length === 0) {
    console.error('examples: examples/ holds no example (a folder with integrations/)');
    return 2;
  }
  const started = performance.now();
  const failed: string[] = [];
  for (const name of names) {
    console.log(`examples: ${name} (${path.relative(REPO, path.join(OUT, name))})`);
    const steps = await runExample(name);
    if (steps.at(-1)?.name !== 'validate' || steps.some((s) => !s.ok)) failed.push(name);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    failed.length === 0
      ? `examples: ${names.length} built, rebuilt byte-stable and validated in ${seconds} s`
      : `examples: FAILED ${failed.join(', ')} (${names.length - failed.length} of ${names.length} passed, ${seconds} s)`,
  );
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`examples: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 2;
  },
);
