/**
 * What every validation check shares: the project it looks at (the package directories of
 * sfdx-project.json and the files under them), the shape of a result, and the report that prints
 * one summary line per check followed by its findings.
 */
import fs from 'node:fs';
import path from 'node:path';

export type Status = 'PASS' | 'FAIL' | 'SKIP';

export interface Finding {
  /** Absolute or project-relative path; the report prints it relative to the project root. */
  file?: string;
  line?: number;
  col?: number;
  message: string;
  rule?: string;
}

export interface CheckResult {
  status: Status;
  summary: string;
  findings: Finding[];
  /** Printed under the summary line whatever the status (e.g. where output was written). */
  notes?: string[];
}

export interface Context {
  /** Absolute path of the folder holding sfdx-project.json. */
  projectRoot: string;
  /** Package directories as sfdx-project.json lists them (relative to the project root). */
  packageDirs: string[];
  sourceApiVersion: string | undefined;
  /** Absolute paths of every file under the package directories, sorted. */
  files: string[];
  /** Scratch folder for tool inputs and outputs, gitignored (`.switchyard/` in this repo). */
  workDir: string;
}

export type Check = (ctx: Context) => Promise<CheckResult>;

export interface NamedCheck {
  name: string;
  run: Check;
}

/** Reads sfdx-project.json and lists the files of its package directories. */
export function createContext(projectRoot: string): Context {
  const root = path.resolve(projectRoot);
  const projectFile = path.join(root, 'sfdx-project.json');
  if (!fs.existsSync(projectFile)) throw new Error(`no sfdx-project.json in ${root}`);
  const project = JSON.parse(fs.readFileSync(projectFile, 'utf8')) as {
    packageDirectories?: { path: string }[];
    sourceApiVersion?: string;
  };
  const packageDirs = (project.packageDirectories ?? []).map((d) => path.normalize(d.path));
  if (packageDirs.length === 0) throw new Error(`${projectFile} lists no packageDirectories`);
  const missing = packageDirs.filter((d) => !fs.existsSync(path.join(root, d)));
  if (missing.length > 0) {
    throw new Error(`package directories listed in sfdx-project.json do not exist: ${missing.join(', ')}`);
  }
  const files = packageDirs.flatMap((d) => listFiles(path.join(root, d))).sort();
  return {
    projectRoot: root,
    packageDirs,
    sourceApiVersion: project.sourceApiVersion,
    files,
    workDir: path.join(root, '.switchyard', 'validate'),
  };
}

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** PASS with `passSummary` when nothing was found, else FAIL with `failSummary(count)`. */
export function verdict(
  findings: Finding[],
  passSummary: string,
  failSummary: (count: number) => string,
  notes?: string[],
): CheckResult {
  return findings.length === 0
    ? { status: 'PASS', summary: passSummary, findings, notes }
    : { status: 'FAIL', summary: failSummary(findings.length), findings, notes };
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** A path as the report prints it: relative to the project when inside it, else absolute. */
export function displayPath(projectRoot: string, file: string): string {
  if (!path.isAbsolute(file)) return file;
  const rel = path.relative(projectRoot, file);
  return rel.startsWith('..') ? file : rel;
}

export function formatFinding(f: Finding, projectRoot: string): string {
  const where = f.file
    ? [displayPath(projectRoot, f.file), f.line, f.col].filter((p) => p !== undefined).join(':') + ' '
    : '';
  return `${where}${f.message}${f.rule ? ` [${f.rule}]` : ''}`;
}

export interface Timed {
  name: string;
  result: CheckResult;
  ms: number;
}

/**
 * Runs the checks one after another (two of them start a JVM; running them together would
 * only make them compete for the same cores) and prints each result as soon as it is known.
 */
export async function runChecks(checks: NamedCheck[], ctx: Context, print: (line: string) => void): Promise<Timed[]> {
  const width = Math.max(...checks.map((c) => c.name.length)) + 2;
  const timed: Timed[] = [];
  for (const check of checks) {
    const start = performance.now();
    let result: CheckResult;
    try {
      result = await check.run(ctx);
    } catch (e) {
      result = { status: 'FAIL', summary: 'the check itself failed', findings: [{ message: errorText(e) }] };
    }
    const ms = performance.now() - start;
    print(`${result.status} ${check.name.padEnd(width)}${result.summary} (${(ms / 1000).toFixed(1)} s)`);
    for (const note of result.notes ?? []) print(`     ${note}`);
    for (const f of result.findings) print(`     ${formatFinding(f, ctx.projectRoot)}`);
    timed.push({ name: check.name, result, ms });
  }
  return timed;
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
