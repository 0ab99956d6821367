/** `switchyard build [--check] [--project DIR]`: the generator, run on the project's workspace. */
import path from 'node:path';
import type { CommandSpec, Parsed } from '../args';
import type { CommandOutcome, Reporter } from '../output';
import { resolveProject } from '../project';

export const buildSpec: CommandSpec = {
  name: 'build',
  summary: 'Generate the SFDX package directories from the declarations (writes only files Switchyard generated).',
  flags: {
    check: {
      type: 'boolean',
      description: 'write nothing; exit 1 when the generated files are not what the declarations make',
    },
    project: {
      type: 'string',
      value: 'DIR',
      description: 'the SFDX project (default: the one holding the current folder)',
    },
  },
  examples: ['switchyard build', 'switchyard build --check', 'switchyard build --project ../team-repo --json'],
};

/** Build phases as the generator names them -> what the user sees. */
const PHASES: [RegExp, string][] = [
  [/^load/, 'declarations read'],
  [/^emit/, 'files emitted'],
  [/^verify/, 'references checked'],
  [/^format/, 'files formatted'],
  [/^plan/, 'writes planned'],
];

export interface BuildSummary {
  workspace: string;
  check: boolean;
  /** Files the declarations generate. */
  generated?: number;
  written?: number;
  removed?: number;
  unchanged?: number;
  upToDate?: boolean;
  /** With --check: the generated files that differ, and stale ones. */
  outOfDate: string[];
  errors: string[];
}

export async function runBuild(parsed: Parsed, out: Reporter): Promise<CommandOutcome> {
  const project = resolveProject(parsed.flags.project as string | undefined);
  const check = parsed.flags.check === true;
  const summary: BuildSummary = { workspace: project.workspace, check, outOfDate: [], errors: [] };
  if (project.workspace !== project.root && !process.env.SWITCHYARD_CACHE_DIR) {
    // Keep the caches in the project's node_modules, not in a node_modules of the workspace.
    process.env.SWITCHYARD_CACHE_DIR = path.join(project.root, 'node_modules/.cache/switchyard');
  }
  const { build, buildProgress } = await import('../../generator/build');
  buildProgress.onPhase = (name) => {
    const phase = PHASES.find(([pattern]) => pattern.test(name));
    if (phase) out.progress(`switchyard: ${phase[1]}${name.includes('(') ? ` ${name.slice(name.indexOf('('))}` : ''}`);
  };
  const exitCode = await build(project.workspace, check, {
    info: (line) => {
      readSummary(line, summary);
      out.info(line);
    },
    error: (line) => {
      const stale = /^ {2}(?:out of date|stale): (.*)$/.exec(line);
      if (stale) summary.outOfDate.push(stale[1]);
      else summary.errors.push(line);
      out.error(line);
    },
  });
  buildProgress.onPhase = undefined;
  if (check && exitCode !== 0) summary.upToDate = false;
  return { exitCode, result: summary };
}

function readSummary(line: string, summary: BuildSummary): void {
  const built = /(\d+) files generated \((\d+) written, (\d+) stale removed, (\d+) unchanged\)/.exec(line);
  if (built) {
    [summary.generated, summary.written, summary.removed, summary.unchanged] = built.slice(1).map(Number);
    summary.upToDate = summary.written === 0 && summary.removed === 0;
  }
  const upToDate = /is up to date \((\d+) files/.exec(line);
  if (upToDate) {
    summary.generated = summary.unchanged = Number(upToDate[1]);
    summary.written = summary.removed = 0;
    summary.upToDate = true;
  }
}
