/**
 * `switchyard init [DIR]`: adds Switchyard to an SFDX project, or makes a new one in an empty DIR.
 *
 * It writes only files of its own: `switchyard.config.json` and the workspace folder (default
 * `switchyard/`: the team's declarations in ts-src/integrations, and the DSL, the runtime's
 * declarations, the runtime Apex and the shared components it ships, which the build reads). Of the
 * team's files it changes three, by adding only: `sfdx-project.json` (three package directories;
 * the team's default stays the default), `package.json` (three scripts), `.forceignore` (two
 * lines). A key it needs that holds something else stops it with nothing written. A second run
 * changes nothing; after an upgrade of the package it refreshes the files it shipped, except any
 * the team has edited since (those it names and leaves alone).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CommandSpec, Parsed } from '../args';
import type { CommandOutcome, Reporter } from '../output';
import { CONFIG_FILE, readConfig, SOURCE_ROOT, sourceVersion } from '../project';

export const initSpec: CommandSpec = {
  name: 'init',
  summary:
    'Add Switchyard to an SFDX project, or make a new project in an empty folder. Running it again changes nothing.',
  args: [{ name: 'DIR', description: 'the SFDX project, or an empty (or new) folder (default: the current folder)' }],
  flags: {
    root: {
      type: 'string',
      value: 'FOLDER',
      description: "Switchyard's folder inside the project (default: switchyard)",
    },
  },
  examples: ['switchyard init', 'switchyard init ../new-project', 'switchyard init --root integration --json'],
};

/** The record of what init shipped, so an upgrade can tell a shipped file from one the team edited. */
export const INIT_RECORD = '.switchyard-init.json';
/** Shipped into the workspace from this package, each folder with everything under it. */
const SHIPPED = [
  'ts-src/dsl',
  'ts-src/platform',
  'ts-src/apex',
  'ts-src/lwc/eventStream',
  'ts-src/lwc/integrationErrorConsole',
  'ts-src/lwc/liveRecordFeed',
  'ts-src/lwc/types',
  '.prettierrc',
  '.forceignore',
];
/** The workspace's package directories, in deploy order (the runtime's objects, the runtime, the app). */
export const WORKSPACE_PACKAGE_DIRS = ['force-app/platform', 'ts-src/apex', 'force-app/main'];
export const SCRIPTS: Record<string, string> = {
  'switchyard:build': 'switchyard build',
  'switchyard:check': 'switchyard build --check',
  'switchyard:validate': 'switchyard validate',
};

export const UNDICI_OVERRIDE = '^7.16.0';

export type Action = 'create' | 'update' | 'unchanged' | 'kept';
export interface Change {
  path: string;
  action: Action;
  note?: string;
}

interface Plan {
  target: string;
  root: string;
  writes: Map<string, string>;
  changes: Change[];
  refusals: string[];
  scaffolded: boolean;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const posix = (p: string) => p.split(path.sep).join('/');

export async function runInit(parsed: Parsed, out: Reporter): Promise<CommandOutcome> {
  const target = path.resolve(parsed.args[0] ?? '.');
  const plan = planInit(target, parsed.flags.root as string | undefined);
  const result = {
    project: target,
    root: plan.root,
    scaffolded: plan.scaffolded,
    changes: plan.changes,
    refusals: plan.refusals,
  };
  if (plan.refusals.length > 0) {
    for (const refusal of plan.refusals) out.error(`switchyard init: ${refusal}`);
    out.error('switchyard init: nothing was written');
    return { exitCode: 1, result };
  }
  for (const [file, content] of plan.writes) {
    const absolute = path.join(target, file);
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
    fs.writeFileSync(absolute, content);
  }
  for (const change of plan.changes) {
    if (change.action === 'kept') out.warn(`${change.path}: ${change.note}`);
    else if (change.action !== 'unchanged') out.progress(`  ${change.action} ${change.path}`);
  }
  const count = (action: Action) => plan.changes.filter((c) => c.action === action).length;
  const changed = count('create') + count('update');
  const merged = plan.changes
    .filter((c) => c.action === 'update' && !c.path.startsWith(`${plan.root}/`))
    .map((c) => c.path);
  out.info(
    changed === 0
      ? `switchyard init: nothing to change in ${target} (${count('unchanged')} files already in place)`
      : `switchyard init: ${count('create')} created, ${count('update')} updated${merged.length ? ` (added to ${merged.join(', ')})` : ''}, ` +
          `${count('unchanged')} unchanged in ${target}${plan.scaffolded ? ' (new SFDX project)' : ''}; ` +
          `next: ${plan.changes.some((c) => c.path === 'package.json' && c.action !== 'unchanged') ? 'npm install, then ' : ''}npx switchyard build`,
  );
  return { exitCode: 0, result };
}

export function planInit(target: string, rootFlag: string | undefined): Plan {
  const plan: Plan = { target, root: '', writes: new Map(), changes: [], refusals: [], scaffolded: false };
  const exists = fs.existsSync(target);
  if (exists && !fs.statSync(target).isDirectory()) {
    plan.refusals.push(`${target} is not a folder`);
    return plan;
  }
  const empty = !exists || fs.readdirSync(target).length === 0;
  if (!empty && !fs.existsSync(path.join(target, 'sfdx-project.json'))) {
    plan.refusals.push(
      `${target} holds no sfdx-project.json and is not empty: run init in your SFDX project's root, or in an empty folder to make a new project`,
    );
    return plan;
  }
  if (path.resolve(target) === SOURCE_ROOT) {
    plan.refusals.push(`${target} is Switchyard's own repository: it needs no init`);
    return plan;
  }
  plan.scaffolded = empty;
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig(target);
  } catch (error) {
    plan.refusals.push((error as Error).message);
    return plan;
  }
  const root = posix(path.normalize(config?.root ?? rootFlag ?? 'switchyard')).replace(/\/$/, '');
  plan.root = root;
  if (config && rootFlag && posix(path.normalize(rootFlag)) !== root) {
    plan.refusals.push(`${CONFIG_FILE} already names "${config.root}" as Switchyard's folder, not "${rootFlag}"`);
  }
  if (root === '.' || root.startsWith('..'))
    plan.refusals.push(`--root must be a folder inside the project, not "${root}"`);
  const workspace = path.join(target, root);
  const recordFile = path.join(workspace, INIT_RECORD);
  if (fs.existsSync(workspace) && fs.readdirSync(workspace).length > 0 && !fs.existsSync(recordFile)) {
    plan.refusals.push(`${root}/ exists and switchyard init did not make it: choose another folder with --root`);
  }
  if (plan.refusals.length > 0) return plan;

  const read = (file: string): string | undefined => {
    const absolute = path.join(target, file);
    return fs.existsSync(absolute) ? fs.readFileSync(absolute, 'utf8') : undefined;
  };
  const put = (file: string, content: string, note?: string) => {
    const current = read(file);
    if (current === content) plan.changes.push({ path: file, action: 'unchanged' });
    else {
      plan.writes.set(file, content);
      plan.changes.push({ path: file, action: current === undefined ? 'create' : 'update', ...(note ? { note } : {}) });
    }
  };
  const name =
    path
      .basename(target)
      .replace(/[^A-Za-z0-9_-]/g, '-')
      .toLowerCase() || 'project';
  const scaffold = empty ? scaffoldFiles(name) : {};

  // The team's files: added to, never rewritten.
  mergeSfdxProject(plan, read('sfdx-project.json') ?? scaffold['sfdx-project.json'], root, put);
  mergePackageJson(plan, read('package.json') ?? scaffold['package.json'] ?? newPackageJson(name), put);
  mergeForceIgnore(read('.forceignore') ?? scaffold['.forceignore'] ?? '', root, put);
  for (const [file, content] of Object.entries(scaffold)) {
    if (!['sfdx-project.json', 'package.json', '.forceignore'].includes(file)) put(file, content);
  }
  put(CONFIG_FILE, `${JSON.stringify({ root }, null, 2)}\n`);

  // Switchyard's files in the workspace: refreshed on upgrade unless the team edited them.
  const record = readRecord(recordFile);
  const shipped: Record<string, string> = {};
  for (const [file, content] of shippedFiles(target, root)) {
    const relative = file.slice(root.length + 1);
    shipped[relative] = sha(content);
    const current = read(file);
    if (current !== undefined && current !== content && record[relative] !== sha(current)) {
      plan.changes.push({
        path: file,
        action: 'kept',
        note: 'edited since switchyard init wrote it: left as is (delete it and run init again to take the shipped version)',
      });
      continue;
    }
    put(file, content);
  }
  const integrations = path.join(workspace, 'ts-src/integrations');
  const hasDeclarations = fs.existsSync(integrations) && fs.readdirSync(integrations).some((f) => f.endsWith('.ts'));
  if (!hasDeclarations) put(`${root}/ts-src/integrations/example.ts`, EXAMPLE_DECLARATION);
  put(`${root}/${INIT_RECORD}`, `${JSON.stringify({ version: sourceVersion(), files: sortKeys(shipped) }, null, 2)}\n`);
  return plan;
}

function readRecord(file: string): Record<string, string> {
  try {
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { files: Record<string, string> }).files ?? {};
  } catch {
    return {};
  }
}

function sortKeys<T>(object: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** What init ships into the workspace: path in the project -> content. */
function shippedFiles(target: string, root: string): [string, string][] {
  const files: [string, string][] = [];
  const walk = (relative: string) => {
    const absolute = path.join(SOURCE_ROOT, relative);
    if (!fs.existsSync(absolute)) return;
    if (fs.statSync(absolute).isDirectory()) {
      for (const entry of fs.readdirSync(absolute).sort()) {
        if (entry === '__tests__' || entry.endsWith('.test.ts')) continue;
        walk(`${relative}/${entry}`);
      }
    } else files.push([`${root}/${relative}`, fs.readFileSync(absolute, 'utf8')]);
  };
  for (const entry of SHIPPED) walk(entry);
  const apiVersion = sourceApiVersion();
  files.push([
    `${root}/sfdx-project.json`,
    `${JSON.stringify(
      {
        packageDirectories: WORKSPACE_PACKAGE_DIRS.map((dir) => ({ path: dir, default: dir === 'force-app/main' })),
        name: 'switchyard',
        namespace: '',
        sourceApiVersion: apiVersion,
      },
      null,
      2,
    )}\n`,
  ]);
  files.push([`${root}/tsconfig.json`, WORKSPACE_TSCONFIG]);
  void target;
  return files;
}

function sourceApiVersion(): string {
  try {
    const json = JSON.parse(fs.readFileSync(path.join(SOURCE_ROOT, 'sfdx-project.json'), 'utf8')) as {
      sourceApiVersion?: string;
    };
    return json.sourceApiVersion ?? '66.0';
  } catch {
    return '66.0';
  }
}

type Put = (file: string, content: string, note?: string) => void;

function mergeSfdxProject(plan: Plan, text: string | undefined, root: string, put: Put): void {
  if (text === undefined) return;
  let json: { packageDirectories?: { path: string; default?: boolean }[] };
  try {
    json = JSON.parse(text);
  } catch (error) {
    plan.refusals.push(`sfdx-project.json does not parse: ${(error as Error).message}`);
    return;
  }
  if (!Array.isArray(json.packageDirectories)) {
    plan.refusals.push('sfdx-project.json has no packageDirectories list');
    return;
  }
  const listed = new Set(json.packageDirectories.map((d) => posix(path.normalize(String(d.path))).replace(/\/$/, '')));
  const added = WORKSPACE_PACKAGE_DIRS.map((dir) => `${root}/${dir}`).filter((dir) => !listed.has(dir));
  if (added.length === 0) return put('sfdx-project.json', text);
  json.packageDirectories.push(...added.map((dir) => ({ path: dir, default: false })));
  put('sfdx-project.json', `${JSON.stringify(json, null, 2)}\n`, `package directories ${added.join(', ')}`);
}

function newPackageJson(name: string): string {
  return `${JSON.stringify({ name, private: true, version: '0.0.0' }, null, 2)}\n`;
}

function mergePackageJson(plan: Plan, text: string, put: Put): void {
  let json: { scripts?: Record<string, string>; overrides?: Record<string, unknown> };
  try {
    json = JSON.parse(text);
  } catch (error) {
    plan.refusals.push(`package.json does not parse: ${(error as Error).message}`);
    return;
  }
  const scripts = json.scripts ?? {};
  const added: string[] = [];
  for (const [name, command] of Object.entries(SCRIPTS)) {
    if (scripts[name] === undefined) {
      scripts[name] = command;
      added.push(name);
    } else if (scripts[name] !== command) {
      plan.refusals.push(
        `package.json already has a script "${name}" ("${scripts[name]}"); init needs it for "${command}": rename yours, then run init again`,
      );
    }
  }
  // @salesforce/core 9 (under source-deploy-retrieve) asks for undici 8, which needs Node 22; the
  // validator runs on Node 20 with undici 7, as this repository pins it. npm applies a dependency's
  // own overrides only when it is the root, so the project carries it (the next npm install applies it).
  const overrides = json.overrides ?? {};
  if (overrides.undici === undefined) {
    overrides.undici = UNDICI_OVERRIDE;
    added.push('overrides.undici');
  } else if (overrides.undici !== UNDICI_OVERRIDE) {
    plan.changes.push({
      path: 'package.json',
      action: 'kept',
      note: `overrides.undici is "${String(overrides.undici)}": on Node 20 the validator needs "${UNDICI_OVERRIDE}"`,
    });
  }
  if (added.length === 0) return put('package.json', text);
  json.scripts = scripts;
  json.overrides = overrides;
  put('package.json', `${JSON.stringify(json, null, 2)}\n`, `scripts ${added.join(', ')}`);
}

function mergeForceIgnore(text: string, root: string, put: Put): void {
  const wanted = ['**/.switchyard-manifest.json', `${root}/ts-src/apex/**/*.md`];
  const lines = new Set(text.split(/\r?\n/).map((l) => l.trim()));
  const missing = wanted.filter((line) => !lines.has(line));
  if (missing.length === 0) return put('.forceignore', text);
  const separator = text.length === 0 || text.endsWith('\n') ? '' : '\n';
  put(
    '.forceignore',
    `${text}${separator}${text.length ? '\n' : ''}# Switchyard (added by switchyard init)\n${missing.join('\n')}\n`,
  );
}

function scaffoldFiles(name: string): Record<string, string> {
  return {
    'sfdx-project.json': `${JSON.stringify(
      {
        packageDirectories: [{ path: 'force-app', default: true }],
        name,
        namespace: '',
        sfdcLoginUrl: 'https://login.salesforce.com',
        sourceApiVersion: sourceApiVersion(),
      },
      null,
      2,
    )}\n`,
    'package.json': newPackageJson(name),
    '.forceignore':
      '# Files sf project deploy leaves out\npackage.xml\n**/jsconfig.json\n**/.eslintrc.json\n**/__tests__/**\n',
    '.gitignore': 'node_modules/\n.sf/\n.sfdx/\n.switchyard/\n',
    'force-app/main/default/.gitkeep': '',
  };
}

const WORKSPACE_TSCONFIG = `${JSON.stringify(
  {
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
    },
    include: ['ts-src/dsl', 'ts-src/integrations', 'ts-src/platform'],
  },
  null,
  2,
)}\n`;

const EXAMPLE_DECLARATION = `/**
 * An example declaration: replace it with your own (every file here that exports declarations is
 * read by \`npx switchyard build\`; see the README of the switchyard package for all patterns).
 *
 * This one asks an external service a question and waits for the answer (request-reply): the build
 * makes a Named Credential \`Example_API\`, typed request and response classes, and
 * \`CheckExampleService\` (callable from Apex and, as an invocable action, from Flow) with a 10 s
 * timeout, a circuit breaker and the fallback below when the service is down.
 */
import { externalSystem, field, operation } from '../dsl';

export const exampleService = externalSystem({
  name: 'Example_API',
  label: 'Example API',
  baseUrl: 'https://api.example.com/v1',
  auth: { type: 'apiKeyHeader', headerName: 'X-Api-Key' },
  timeoutSeconds: 10,
  circuitBreaker: { failureThreshold: 3, coolDownSeconds: 120 },
});

export const checkExample = operation({
  name: 'CheckExample',
  description: 'Asks the example service whether an account may go ahead.',
  pattern: 'request-reply',
  system: 'Example_API',
  method: 'POST',
  path: '/check',
  timeoutSeconds: 10,
  request: {
    accountId: field.text({ length: 18, required: true }),
  },
  response: {
    decision: field.picklist({ values: ['YES', 'NO', 'REVIEW'], required: true }),
    reason: field.text({ length: 255 }),
  },
  // When the service is down, nothing is approved: a person looks at it.
  fallback: { decision: 'REVIEW', reason: 'Example service unavailable; manual review required.' },
});
`;
