/**
 * `npm run preview [-- --port N] [--project DIR] [--json]`: serves the preview on 127.0.0.1 and
 * prints its URL (`{"url": ...}` with --json; a failure as `{"error": ...}`) until Ctrl-C. Exit
 * codes: 1 when the declarations do not validate or the page cannot be built, 2 for a bad option.
 * The work is in ./index.ts (startPreview).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatDeclarationError, BuildFailure } from '../generator/model/errors';
import { startPreview } from './index';

const USAGE = `usage: npm run preview -- [--port N] [--project DIR] [--json]

Serves the generated record pages' live components on 127.0.0.1 with a panel to publish test
events and break the connection. No org. Run the build first: it shows the compiled components.

  --port N        port on 127.0.0.1 (default 0: any free port)
  --project DIR   the Switchyard project (default: the working directory)
  --json          print {"url": ...} (or {"error": ...}) instead of a sentence

examples:
  npm run preview
  npm run preview -- --port 8123 --json`;

function fail(json: boolean, message: string, code: number): number {
  if (json) console.log(JSON.stringify({ error: message }));
  else console.error(`preview: ${message}`);
  return code;
}

const OPTIONS = {
  port: { type: 'string', default: '0' },
  project: { type: 'string', default: process.cwd() },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: OPTIONS }));
  } catch (error) {
    return fail(process.argv.includes('--json'), `${(error as Error).message}\n${USAGE}`, 2);
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    return fail(values.json, `--port must be 0-65535, not ${values.port}`, 2);
  try {
    const preview = await startPreview({ projectRoot: path.resolve(values.project), port });
    console.log(
      values.json ? JSON.stringify({ url: preview.url }) : `switchyard: preview at ${preview.url} (Ctrl-C stops it)`,
    );
    const stop = (): void => void preview.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return await new Promise<number>(() => {});
  } catch (error) {
    if (error instanceof BuildFailure) {
      for (const declarationError of error.errors) console.error(formatDeclarationError(declarationError));
      return fail(values.json, `the declarations do not validate (${error.errors.length} error(s))`, 1);
    }
    return fail(values.json, (error as Error).message, 1);
  }
}

void main().then((code) => process.exit(code));
