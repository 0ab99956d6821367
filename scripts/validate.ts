/**
 * `npm run validate`: proves the SFDX package directories deployable without an org, with the
 * platform's own tools (DESIGN.md, "Validation we can run with no org"). One summary line per
 * check, then its findings as file:line:col; exits 1 when any check fails, 2 on bad arguments.
 *
 *   npx tsx scripts/validate.ts [--only name,name] [--project DIR]
 */
import path from 'node:path';
import {
  createContext,
  errorText,
  plural,
  runChecks,
  type Check,
  type Context,
  type NamedCheck,
} from './validate/runner';
import { REPO_ROOT } from './validate/tools';

/**
 * In this order: well-formedness first, since SDR silently drops malformed files. Each check's
 * module (SDR, ESLint, prettier... are slow to load) is loaded only when the check runs.
 */
const CHECKS: { name: string; load: () => Promise<Check> }[] = [
  { name: 'xml', load: async () => (await import('./validate/xml')).xmlCheck },
  { name: 'apex-parser', load: async () => (await import('./validate/apex-parser')).apexParserCheck },
  { name: 'apex-ls', load: async () => (await import('./validate/apex-ls')).apexLsCheck },
  { name: 'pmd', load: async () => (await import('./validate/pmd')).pmdCheck },
  { name: 'lwc', load: async () => (await import('./validate/lwc')).lwcCheck },
  { name: 'sdr', load: async () => (await import('./validate/sdr')).sdrCheck },
  { name: 'prettier', load: async () => (await import('./validate/prettier')).prettierCheck },
  { name: 'schema', load: async () => (await import('./validate/schema')).schemaCheck },
];

const USAGE = 'usage: npx tsx scripts/validate.ts [--only name,name] [--project DIR]';

function parseArgs(argv: string[]): { checks: NamedCheck[]; project: string } {
  let only: string[] | undefined;
  let project = REPO_ROOT;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = inline ?? argv[++i];
    if (value === undefined || (flag !== '--only' && flag !== '--project')) throw new Error(USAGE);
    if (flag === '--only') only = value.split(',').filter(Boolean);
    else project = path.resolve(value);
  }
  const unknown = (only ?? []).filter((name) => !CHECKS.some((c) => c.name === name));
  if (unknown.length > 0) {
    throw new Error(`unknown check ${unknown.join(', ')}; checks: ${CHECKS.map((c) => c.name).join(', ')}`);
  }
  const checks = CHECKS.filter((c) => !only || only.includes(c.name)).map(({ name, load }) => ({
    name,
    run: async (ctx: Context) => (await load())(ctx),
  }));
  return { checks, project };
}

async function main(): Promise<number> {
  let checks: NamedCheck[];
  let ctx: Context;
  try {
    let project: string;
    ({ checks, project } = parseArgs(process.argv.slice(2)));
    ctx = createContext(project);
  } catch (e) {
    console.error(`validate: ${errorText(e)}`);
    return 2;
  }
  console.log(`validate: ${ctx.packageDirs.join(', ')} (${plural(ctx.files.length, 'file')}) in ${ctx.projectRoot}`);
  const started = performance.now();
  const results = await runChecks(checks, ctx, (line) => console.log(line));
  const failed = results.filter((r) => r.result.status === 'FAIL').map((r) => r.name);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const skipped = results.filter((r) => r.result.status === 'SKIP').length;
  const passed = results.length - failed.length - skipped;
  console.log(
    failed.length === 0
      ? `validate: ${plural(results.length, 'check')} run in ${seconds} s`
      : `validate: FAILED ${failed.join(', ')} (${seconds} s)`,
  );
  // The conventional closing line CI logs are read by.
  console.log(`validate: ${passed} passed, ${failed.length} failed, ${skipped} skipped`);
  return failed.length === 0 ? 0 : 1;
}

main().then((code) => (process.exitCode = code));
