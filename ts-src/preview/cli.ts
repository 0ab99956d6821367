/**
 * `npm run preview [-- --port N] [--project DIR] [--json]`: serves the preview on 127.0.0.1 and
 * prints its URL (`{"url": ...}` with --json) until Ctrl-C. The work is in ./index.ts (startPreview).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatDeclarationError, BuildFailure } from '../generator/model/errors';
import { startPreview } from './index';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      project: { type: 'string', default: process.cwd() },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('usage: npm run preview -- [--port N] [--project DIR] [--json]\n\n  npm run preview -- --port 8123');
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`preview: --port must be 0-65535, not ${values.port}`);
    return 2;
  }
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
      console.error(`preview: the declarations do not validate (${error.errors.length} error(s))`);
      return 1;
    }
    console.error(`preview: ${(error as Error).message}`);
    return 1;
  }
}

void main().then((code) => process.exit(code));
