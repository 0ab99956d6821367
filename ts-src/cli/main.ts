/**
 * `switchyard`: the command line. Commands follow the Salesforce CLI's conventions: `--json` on
 * every command prints one object `{ "status": <exit code>, "result": {...}, "warnings": [...] }`
 * (shapes in README.md, "The switchyard command"); exit code 0 ok, 1 failure, 2 bad usage;
 * `--help` on every command, with examples.
 */
import path from 'node:path';
import { helpText, parseArgs, UsageError, type CommandSpec, type Parsed } from './args';
import { buildSpec, runBuild } from './commands/build';
import { doctorSpec, runDoctor } from './commands/doctor';
import { initSpec, runInit } from './commands/init';
import { planSpec, previewSpec, runPlanCommand, runPreviewCommand } from './commands/plan';
import { runValidate, validateSpec } from './commands/validate';
import { processIo, Reporter, type CommandOutcome, type Io } from './output';
import { sourceVersion } from './project';

interface Command {
  spec: CommandSpec;
  run(parsed: Parsed, out: Reporter): Promise<CommandOutcome>;
}

export const COMMANDS: Command[] = [
  { spec: initSpec, run: runInit },
  { spec: buildSpec, run: runBuild },
  { spec: validateSpec, run: runValidate },
  { spec: planSpec, run: runPlanCommand },
  { spec: previewSpec, run: (parsed, out) => runPreviewCommand(parsed, out) },
  { spec: doctorSpec, run: runDoctor },
];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.spec.name.length)) + 2;
  return [
    `switchyard ${sourceVersion()}: integration-as-code for Salesforce`,
    '',
    'USAGE',
    '  $ switchyard <command> [--json] [--help]',
    '',
    'COMMANDS',
    ...COMMANDS.map((c) => `  ${c.spec.name.padEnd(width)}${c.spec.summary}`),
    '',
    'EXAMPLES',
    '  $ switchyard init && switchyard build && switchyard validate',
    '  $ switchyard build --check --json',
    '',
    'Every command takes --json ({status, result, warnings}) and --help. Exit codes: 0 ok, 1 failed, 2 bad usage.',
  ].join('\n');
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  const json = rest.includes('--json') || name === '--json';
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${overview()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === 'version') {
    io.stdout(`${sourceVersion()}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.spec.name === name);
  const out = new Reporter(io, json);
  if (!command) {
    const message = `unknown command "${name}"; commands: ${COMMANDS.map((c) => c.spec.name).join(', ')} (switchyard --help)`;
    out.error(`switchyard: ${message}`);
    out.finish(2, { message });
    return 2;
  }
  let parsed: Parsed;
  try {
    parsed = parseArgs(command.spec, rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const message = `${error.message} (switchyard ${name} --help)`;
    out.error(`switchyard ${name}: ${message}`);
    out.finish(2, { message });
    return 2;
  }
  if (parsed.flags.help) {
    io.stdout(`${helpText(command.spec)}\n`);
    return 0;
  }
  let outcome: CommandOutcome;
  try {
    outcome = await command.run(parsed, out);
  } catch (error) {
    const message = `internal error: ${(error as Error).message}`;
    out.error(`switchyard ${name}: ${message}`);
    if (process.env.SWITCHYARD_DEBUG) out.error(String((error as Error).stack));
    outcome = { exitCode: 1, result: { message } };
  }
  if (!outcome.printed) out.finish(outcome.exitCode, outcome.result);
  return outcome.exitCode;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
