/** `switchyard doctor`: the tools the build and validation need, and the project's layout. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { CommandSpec, Parsed } from '../args';
import type { CommandOutcome, Reporter } from '../output';
import { CONFIG_FILE, resolveProject, type Project } from '../project';

export const doctorSpec: CommandSpec = {
  name: 'doctor',
  summary: 'Check Java, xmllint, the Salesforce CLI, Node and the project layout; say what to do for each missing one.',
  flags: {
    project: {
      type: 'string',
      value: 'DIR',
      description: 'the SFDX project (default: the one holding the current folder)',
    },
  },
  examples: ['switchyard doctor', 'switchyard doctor --json'],
};

export interface Diagnosis {
  name: string;
  /** `ok`; `missing` stops build or validate; `warning` only disables something optional. */
  status: 'ok' | 'missing' | 'warning';
  detail: string;
  fix?: string;
}

function version(command: string, args: string[]): string | undefined {
  const run = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 });
  if (run.error || run.status !== 0) return undefined;
  return `${run.stdout}${run.stderr}`.trim().split('\n')[0];
}

export function diagnose(project: Project): Diagnosis[] {
  const results: Diagnosis[] = [];
  const node = Number(process.versions.node.split('.')[0]);
  results.push(
    node >= 20
      ? { name: 'node', status: 'ok', detail: `Node ${process.versions.node}` }
      : {
          name: 'node',
          status: 'missing',
          detail: `Node ${process.versions.node}`,
          fix: 'install Node 20 or later (https://nodejs.org)',
        },
  );
  const java = version('java', ['-version']);
  const javaMajor = java ? Number(/version "(\d+)/.exec(java)?.[1] ?? 0) : 0;
  results.push(
    java && javaMajor >= 11
      ? { name: 'java', status: 'ok', detail: java }
      : {
          name: 'java',
          status: 'missing',
          detail: java ? `${java} (11 or later needed)` : 'not found',
          fix: 'install a JDK 17 (apt-get install -y openjdk-17-jre-headless; brew install openjdk@17): validate runs apex-ls and PMD on it',
        },
  );
  const xmllint = version('xmllint', ['--version']);
  results.push(
    xmllint
      ? { name: 'xmllint', status: 'ok', detail: xmllint }
      : {
          name: 'xmllint',
          status: 'warning',
          detail: 'not found: the metadata-schema check (validate schema) is skipped',
          fix: 'apt-get install -y libxml2-utils (macOS has it)',
        },
  );
  const localSf = path.join(project.root, 'node_modules/.bin/sf');
  const sf = version(fs.existsSync(localSf) ? localSf : 'sf', ['--version']);
  results.push(
    sf
      ? { name: 'sf', status: 'ok', detail: sf }
      : {
          name: 'sf',
          status: 'warning',
          detail: 'Salesforce CLI not found: build and validate work without it; deploying and the org scripts need it',
          fix: 'npm install --global @salesforce/cli',
        },
  );
  results.push(...layout(project));
  return results;
}

function layout(project: Project): Diagnosis[] {
  if (!project.hasSfdxProject) {
    return [
      {
        name: 'project',
        status: 'missing',
        detail: `no sfdx-project.json in ${project.root} or above`,
        fix: 'run switchyard init in your SFDX project (or in an empty folder to make one)',
      },
    ];
  }
  const results: Diagnosis[] = [{ name: 'project', status: 'ok', detail: `SFDX project ${project.root}` }];
  const ws = project.workspace;
  const integrations = path.join(ws, 'ts-src/integrations');
  const missing = ['ts-src/dsl', 'ts-src/platform', 'ts-src/apex', 'ts-src/integrations'].filter(
    (dir) => !fs.existsSync(path.join(ws, dir)),
  );
  results.push(
    missing.length === 0
      ? {
          name: 'workspace',
          status: 'ok',
          detail: `declarations in ${path.relative(project.root, integrations) || '.'}`,
        }
      : {
          name: 'workspace',
          status: 'missing',
          detail: `${path.relative(project.root, ws) || '.'} lacks ${missing.join(', ')}${project.config ? '' : ` (no ${CONFIG_FILE})`}`,
          fix: 'run switchyard init',
        },
  );
  const listed = readPackageDirs(project.root);
  const wanted = ['force-app/platform', 'ts-src/apex', 'force-app/main'].map((dir) =>
    path.relative(project.root, path.join(ws, dir)).split(path.sep).join('/'),
  );
  const absent = wanted.filter((dir) => !listed.includes(dir));
  results.push(
    absent.length === 0
      ? { name: 'package directories', status: 'ok', detail: wanted.join(', ') }
      : {
          name: 'package directories',
          status: 'missing',
          detail: `sfdx-project.json does not list ${absent.join(', ')}`,
          fix: 'run switchyard init (it adds them; the default package directory stays yours)',
        },
  );
  return results;
}

function readPackageDirs(root: string): string[] {
  try {
    const json = JSON.parse(fs.readFileSync(path.join(root, 'sfdx-project.json'), 'utf8')) as {
      packageDirectories?: { path: string }[];
    };
    return (json.packageDirectories ?? []).map((d) => d.path.replace(/\/$/, ''));
  } catch {
    return [];
  }
}

/**
 * Whether config/project-scratch-def.json turns on what the declared standard objects need in a
 * scratch org (Orders, Quotes, Work Orders...; generator/catalog/scratchOrg.ts). Loads the model, so
 * only when the layout is in place; declarations that do not build are the build's to report.
 */
async function scratchDefinition(project: Project): Promise<Diagnosis[]> {
  if (!project.hasSfdxProject || !fs.existsSync(path.join(project.workspace, 'ts-src/integrations'))) return [];
  const [{ loadModel }, { scratchOrgGaps, scratchOrgNeeds }] = await Promise.all([
    import('../../generator/load'),
    import('../../generator/catalog/scratchOrg'),
  ]);
  let model;
  try {
    // Its warnings are this check's own lines below.
    model = loadModel(project.workspace, () => undefined);
  } catch {
    return [
      {
        name: 'scratch org definition',
        status: 'warning',
        detail: 'not checked: the declarations do not build',
        fix: 'run switchyard build and fix what it reports',
      },
    ];
  }
  const { file, gaps } = scratchOrgGaps(project.workspace, model);
  const relative = path.relative(project.root, file);
  if (gaps.length === 0) {
    const needs = scratchOrgNeeds(model).map((n) => n.entry);
    return [
      {
        name: 'scratch org definition',
        status: 'ok',
        detail: needs.length > 0 ? `${relative} sets ${needs.join(', ')}` : 'no declared object needs a setting',
      },
    ];
  }
  return gaps.map((gap) => ({
    name: 'scratch org definition',
    status: 'warning',
    detail: `${relative} lacks ${gap.entry}, which ${gap.objects.join(', ')} need${gap.objects.length === 1 ? 's' : ''} in a scratch org`,
    fix: `add it to ${relative} (${gap.doc})`,
  }));
}

export async function runDoctor(parsed: Parsed, out: Reporter): Promise<CommandOutcome> {
  const project = resolveProject(parsed.flags.project as string | undefined);
  const checks = [...diagnose(project), ...(await scratchDefinition(project))];
  for (const c of checks) {
    out.info(
      `${c.status === 'ok' ? 'ok     ' : c.status === 'warning' ? 'warning' : 'missing'} ${c.name}: ${c.detail}`,
    );
    if (c.fix) out.info(`        fix: ${c.fix}`);
    if (c.status === 'warning') out.warn(`${c.name}: ${c.detail}`);
  }
  const missing = checks.filter((c) => c.status === 'missing');
  out.info(
    missing.length === 0
      ? 'switchyard doctor: everything build and validate need is in place'
      : `switchyard doctor: ${missing.length} missing (${missing.map((c) => c.name).join(', ')})`,
  );
  return { exitCode: missing.length === 0 ? 0 : 1, result: { checks } };
}
