/**
 * `switchyard plan` and `switchyard preview`: their modules (ts-src/plan, ts-src/preview, with the
 * generator and a browser bundler behind them) are loaded only when the command runs, so the other
 * commands start without them.
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
    edition: {
      type: 'string',
      value: 'EDITION',
      description: 'developer, enterprise (default), unlimited or performance: whose allocations to measure against',
    },
    'event-add-on': {
      type: 'string',
      value: 'N',
      description: 'high-volume Platform Event add-ons the org has (default 0)',
    },
  },
  examples: ['switchyard plan', 'switchyard plan --edition developer', 'switchyard plan --event-add-on 1 --json'],
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

export async function runPlanCommand(parsed: Parsed, out: Reporter): Promise<CommandOutcome> {
  const { runPlan } = await import('../../plan/index');
  const project = resolveProject(parsed.flags.project as string | undefined);
  const addOn = parsed.flags['event-add-on'] as string | undefined;
  return runPlan({
    projectRoot: project.workspace,
    json: out.json,
    out: (line) => out.info(line),
    edition: parsed.flags.edition as string | undefined,
    eventAddOn: addOn === undefined ? undefined : Number(addOn),
  });
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
  const { startPreview } = await import('../../preview/index');
  const project = resolveProject(parsed.flags.project as string | undefined);
  const server = await startPreview({ projectRoot: project.workspace, port });
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
