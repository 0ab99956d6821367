/**
 * The command line, parsed the way the Salesforce CLI reads it: `switchyard <command> [ARG]
 * [--flag] [--flag value | --flag=value]`. Each command declares its flags; anything else is a
 * usage error (exit code 2).
 */

export interface FlagSpec {
  /** `boolean` flags take no value; `string` flags take one (`--project DIR` or `--project=DIR`). */
  type: 'boolean' | 'string';
  description: string;
  /** Shown in --help: `DIR`, `NAMES`... */
  value?: string;
}

export interface CommandSpec {
  name: string;
  summary: string;
  /** Positional arguments, in order (`DIR`); all optional. */
  args?: { name: string; description: string }[];
  flags: Record<string, FlagSpec>;
  examples: string[];
}

export class UsageError extends Error {}

export interface Parsed {
  flags: Record<string, string | boolean | undefined>;
  args: string[];
}

/** Flags every command takes. */
export const COMMON_FLAGS: Record<string, FlagSpec> = {
  json: { type: 'boolean', description: 'print one JSON object ({status, result, warnings}) instead of text' },
  help: { type: 'boolean', description: 'show this help' },
};

export function parseArgs(spec: CommandSpec, argv: readonly string[]): Parsed {
  const flags: Parsed['flags'] = {};
  const args: string[] = [];
  const known = { ...COMMON_FLAGS, ...spec.flags };
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === '-h') {
      flags.help = true;
      continue;
    }
    if (!token.startsWith('--')) {
      if (args.length >= (spec.args?.length ?? 0)) throw new UsageError(`unexpected argument "${token}"`);
      args.push(token);
      continue;
    }
    const [name, inline] = token.slice(2).split(/=(.*)/s);
    const flag = known[name];
    if (!flag) throw new UsageError(`unknown flag --${name}${suggest(name, Object.keys(known))}`);
    if (flag.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags[name] = true;
    } else {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) {
        throw new UsageError(`--${name} needs a value (${flag.value ?? 'VALUE'})`);
      }
      flags[name] = value;
    }
  }
  return { flags, args };
}

function suggest(name: string, candidates: string[]): string {
  const close = candidates.find((c) => c.startsWith(name) || name.startsWith(c) || distance(c, name) <= 2);
  return close ? `; did you mean --${close}?` : '';
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

export function helpText(spec: CommandSpec): string {
  const flags = { ...spec.flags, ...COMMON_FLAGS };
  const usage = [
    `switchyard ${spec.name}`,
    ...(spec.args ?? []).map((a) => `[${a.name}]`),
    ...Object.entries(spec.flags).map(([n, f]) =>
      f.type === 'boolean' ? `[--${n}]` : `[--${n} ${f.value ?? 'VALUE'}]`,
    ),
    '[--json]',
  ].join(' ');
  const width = Math.max(...Object.entries(flags).map(([n, f]) => n.length + (f.value ? f.value.length + 1 : 0))) + 4;
  const lines = [spec.summary, '', 'USAGE', `  $ ${usage}`];
  if (spec.args?.length) {
    lines.push('', 'ARGUMENTS');
    for (const a of spec.args) lines.push(`  ${a.name.padEnd(width)}${a.description}`);
  }
  lines.push('', 'FLAGS');
  for (const [n, f] of Object.entries(flags)) {
    lines.push(`  --${`${n}${f.value ? ` ${f.value}` : ''}`.padEnd(width - 2)}${f.description}`);
  }
  lines.push('', 'EXAMPLES');
  for (const e of spec.examples) lines.push(`  $ ${e}`);
  return lines.join('\n');
}
