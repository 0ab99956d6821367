/**
 * Check 8: every -meta.xml against the Metadata API schema (WSDL v66.0) with xmllint, as
 * ../shared/schemas/validate-metadata.sh checks it (strict mode; run by schema-batch.sh, which does
 * the same in one python process instead of one per file: 1 s instead of 43 s for this repository's
 * 185 files, the same output line for line). The schemas are found beside the project or else beside this tool's own
 * checkout (a project made elsewhere, such as an example built in a temporary folder, is checked
 * with the schemas of the Switchyard it was built with). CI has that folder; a user's clone does
 * not, so the check is skipped there and says where it looked.
 */
import fs from 'node:fs';
import path from 'node:path';
import { plural, verdict, type Check, type CheckResult, type Context, type Finding } from './runner';
import { exec, REPO_ROOT } from './tools';

export const SCHEMA_SCRIPT = '../shared/schemas/validate-metadata.sh';
const BATCH_SCRIPT = path.join(__dirname, 'schema-batch.sh');

/**
 * The false alarms ../shared/schemas/README.md lists that a deployable file can raise; each is
 * matched exactly, so any other error in the same file still fails the check.
 */
const KNOWN_FALSE_ALARMS: { why: string; matches: (file: string, message: string, source: string) => boolean }[] = [
  {
    why: 'fqn attribute on LightningComponentBundle',
    matches: (file, message) =>
      file.endsWith('.js-meta.xml') && /attribute 'fqn': The attribute 'fqn' is not allowed\.$/.test(message),
  },
  {
    // isLicensed is required by the WSDL and comes just before the required label.
    why: 'CustomPermission without isLicensed',
    matches: (file, message, source) =>
      file.endsWith('.customPermission-meta.xml') &&
      !source.includes('<isLicensed>') &&
      /Element '\{[^}]*\}label': This element is not expected\. Expected is one of \(.*\}isLicensed \)\.$/.test(
        message,
      ),
  },
];

/** The schema script beside the project, else beside the tool's own root (when given), else undefined. */
export function findSchemaScript(projectRoot: string, toolRoot: string | undefined): string | undefined {
  return [projectRoot, ...(toolRoot ? [toolRoot] : [])]
    .map((root) => path.resolve(root, SCHEMA_SCRIPT))
    .find((script) => fs.existsSync(script));
}

/** The check, looking beside `toolRoot` too (this repository or the installed package; undefined: the project only). */
export function makeSchemaCheck(toolRoot: string | undefined): Check {
  return (ctx) => checkSchemas(ctx, toolRoot);
}

export const schemaCheck: Check = makeSchemaCheck(REPO_ROOT);

async function checkSchemas(ctx: Context, toolRoot: string | undefined): Promise<CheckResult> {
  const script = findSchemaScript(ctx.projectRoot, toolRoot);
  if (!script) {
    const beside = toolRoot && path.resolve(toolRoot) !== path.resolve(ctx.projectRoot) ? ` or ${toolRoot}` : '';
    return {
      status: 'SKIP',
      summary: `${path.dirname(SCHEMA_SCRIPT)} not found beside ${ctx.projectRoot}${beside} (runs in CI)`,
      findings: [],
    };
  }
  const missing = await missingCommands(['xmllint', 'python3'], ctx.projectRoot);
  if (missing.length > 0) {
    const hint = missing.includes('xmllint') ? 'apt-get install -y libxml2-utils' : 'apt-get install -y python3';
    return { status: 'FAIL', summary: `${missing.join(', ')} not found: ${hint}`, findings: [] };
  }
  const run = await exec('bash', [BATCH_SCRIPT, path.dirname(script), ...ctx.packageDirs], ctx.projectRoot);
  // The script reports on stdout (xmllint's messages included); stderr only explains a crash.
  const lines = run.stdout.split('\n').filter(Boolean);
  const validated = lines.filter((l) => / validates$/.test(l)).length;
  const failed = lines.filter((l) => / fails to validate$/.test(l)).length;
  const findings: Finding[] = [];
  const ignored: string[] = [];
  for (const line of lines) {
    if (/ (validates|fails to validate)$/.test(line) || line.startsWith('no -meta.xml files under')) continue;
    const malformed = /^(.+): not well-formed$/.exec(line);
    if (malformed) {
      findings.push({ file: malformed[1], message: 'not well-formed' });
      continue;
    }
    const error = /^(.+?):(\d+): (?:element \S+: )?(.*)$/.exec(line);
    if (!error) {
      findings.push({ message: line });
      continue;
    }
    const [, file, lineNo, message] = error;
    const source = fs.readFileSync(path.resolve(ctx.projectRoot, file), 'utf8');
    const alarm = KNOWN_FALSE_ALARMS.find((a) => a.matches(file, message, source));
    if (alarm) {
      ignored.push(`${file}:${lineNo} known false alarm (${alarm.why}), see ${path.dirname(SCHEMA_SCRIPT)}/README.md`);
    } else {
      findings.push({ file, line: Number(lineNo), message: readable(message) });
    }
  }
  if (run.code !== 0 && findings.length === 0 && ignored.length < failed) {
    findings.push({
      message: `${script} exited ${run.code}: ${run.stderr.trim().split('\n').slice(-5).join(' | ')}`,
    });
  }
  return verdict(
    findings,
    `${plural(validated + failed, 'file')} valid against the Metadata API schema${
      path.dirname(script) === path.resolve(ctx.projectRoot, path.dirname(SCHEMA_SCRIPT))
        ? ''
        : ` (${path.dirname(script)})`
    }`,
    (n) => plural(n, 'schema error'),
    ignored,
  );
}

/** Every element is in the metadata namespace: naming it each time only hides the element names. */
function readable(message: string): string {
  return message.replace(/^Schemas validity error : /, '').replaceAll('{http://soap.sforce.com/2006/04/metadata}', '');
}

async function missingCommands(commands: string[], cwd: string): Promise<string[]> {
  const found = await Promise.all(
    commands.map(async (c) => (await exec('bash', ['-c', `command -v ${c}`], cwd)).code === 0),
  );
  return commands.filter((_, i) => !found[i]);
}
