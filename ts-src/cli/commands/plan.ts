/**
 * `switchyard plan` and `switchyard preview`: their modules (ts-src/plan, ts-src/preview) are loaded
 * only when the command runs, so a build without them still has every other command.
 */
import type { CommandSpec, Parsed } from '../args';
import type { CommandOutcome, Reporter } from '../output';
import { resolveProject } from '../project';

export const planSpec: CommandSpec = {
  name: 'plan',
  summary:
    "Print what the declarations spend against the org's limits, per operation and for the org, and write the diagram.",
  flags: {
    project: {
      type: 'string',
      value: 'DIR',
      description: 'the SFDX project (default: the one holding the current folder)',
    },
  },
  examples: ['switchyard plan', 'switchyard plan --json'],
};

export const previewSpec: CommandSpec = {
  name: 'preview',
  summary: 'Serve the generated record-page components on the LWC engine in a local browser, with no org.',
  flags: {
    project: {
      type: 'string',
      value: 'DIR',
      description: 'the SFDX project (default: the one holding the current folder)',
    },
    port: { type: 'string', value: 'PORT', description: 'the local port (default 3000; 0 picks a free one)' },
  },
  examples: ['switchyard preview', 'switchyard preview --port 0 --json'],
};

/**
 * Held in constants so the type-checker does not resolve them: the modules land from other branches,
 * and this command must work (and say so) in a build without them.
 */
const PLAN_MODULE = '../../plan/index';
const PREVIEW_MODULE = '../../preview/index';

/** True when `error` says the module itself is absent (not one of its own imports failing). */
function isAbsent(error: unknown, name: string): boolean {
  const e = error as NodeJS.ErrnoException;
  return (e?.code === 'MODULE_NOT_FOUND' || e?.code === 'ERR_MODULE_NOT_FOUND') && String(e.message).includes(name);
}

function notAvailable(command: string, out: Reporter): CommandOutcome {
  const message = `switchyard ${command}: not available in this build`;
  out.error(message);
  return { exitCode: 1, result: { message } };
}

type PlanModule = {
  runPlan(options: { projectRoot: string; json: boolean; out: (line: string) => void }): Promise<{
    exitCode: number;
    result: unknown;
  }>;
};
type PreviewModule = {
  startPreview(options: { projectRoot: string; port: number }): Promise<{ url: string; close(): Promise<void> }>;
};

export async function runPlanCommand(parsed: Parsed, out: Reporter): Promise<CommandOutcome> {
  let plan: PlanModule;
  try {
    plan = (await import(PLAN_MODULE)) as PlanModule;
  } catch (error) {
    if (isAbsent(error, 'plan')) return notAvailable('plan', out);
    throw error;
  }
  const project = resolveProject(parsed.flags.project as string | undefined);
  return plan.runPlan({ projectRoot: project.workspace, json: out.json, out: (line) => out.info(line) });
}

export async function runPreviewCommand(
  parsed: Parsed,
  out: Reporter,
  waitForStop: () => Promise<void> = untilInterrupted,
): Promise<CommandOutcome> {
  const port = parsed.flags.port === undefined ? 3000 : Number(parsed.flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    const message = `--port must be a number from 0 to 65535, not "${parsed.flags.port}"`;
    out.error(`switchyard preview: ${message}`);
    return { exitCode: 2, result: { message } };
  }
  let preview: PreviewModule;
  try {
    preview = (await import(PREVIEW_MODULE)) as PreviewModule;
  } catch (error) {
    if (isAbsent(error, 'preview')) return notAvailable('preview', out);
    throw error;
  }
  const project = resolveProject(parsed.flags.project as string | undefined);
  const server = await preview.startPreview({ projectRoot: project.workspace, port });
  out.info(`switchyard preview: serving ${server.url} (Ctrl-C stops it)`);
  // With --json the URL is printed at once, so a script can read it while the server runs.
  if (out.json) process.stdout.write(`${JSON.stringify({ status: 0, result: { url: server.url }, warnings: [] })}\n`);
  await waitForStop();
  await server.close();
  out.info('switchyard preview: stopped');
  return { exitCode: 0, result: { url: server.url }, printed: out.json };
}

function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
