/**
 * npm run plan [-- --json] [--edition developer|enterprise|unlimited|performance] [--event-add-on N] [--project DIR]
 *
 * Examples:
 *   npm run plan                                   the budget for an Enterprise Edition org, no add-ons
 *   npm run plan -- --edition developer            will it fit a Developer Edition (or scratch) org?
 *   npm run plan -- --event-add-on 1 --json        with one high-volume Platform Event add-on, as JSON
 */
import path from 'node:path';
import { runPlan } from './index';

function argument(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(
    [
      'Usage: npm run plan -- [--json] [--edition developer|enterprise|unlimited|performance] [--event-add-on N] [--project DIR]',
      '',
      'Prints what the declared volumes spend against each org limit and writes docs/architecture.mmd and .svg.',
      'Exit codes: 0 fits (warnings at 80 % allowed), 1 a limit is exceeded or a declaration is wrong, 2 bad option or internal error.',
      '',
      'Examples:',
      '  npm run plan',
      '  npm run plan -- --edition developer',
      '  npm run plan -- --event-add-on 1 --json',
    ].join('\n'),
  );
  process.exit(0);
}
const addOn = argument(args, '--event-add-on');
runPlan({
  projectRoot: path.resolve(argument(args, '--project') ?? process.env.SWITCHYARD_PROJECT_ROOT ?? process.cwd()),
  json: args.includes('--json'),
  out: (line) => console.log(line),
  edition: argument(args, '--edition'),
  eventAddOn: addOn === undefined ? undefined : Number(addOn),
}).then(({ exitCode }) => process.exit(exitCode));
