/**
 * Check 8: every -meta.xml against the Metadata API schema (WSDL v66.0) with xmllint, through
 * ../shared/schemas/validate-metadata.sh. CI has that folder beside the project; a user's clone
 * does not, so the check is skipped there and says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { plural, verdict, type Check, type Finding } from './runner';
import { exec } from './tools';

export const SCHEMA_SCRIPT = '../shared/schemas/validate-metadata.sh';

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

export const schemaCheck: Check = async (ctx) => {
  const script = path.resolve(ctx.projectRoot, SCHEMA_SCRIPT);
  if (!fs.existsSync(script)) {
    return { status: 'SKIP', summary: `${path.dirname(SCHEMA_SCRIPT)} not found (runs in CI)`, findings: [] };
  }
  const missing = await missingCommands(['xmllint', 'python3'], ctx.projectRoot);
  if (missing.length > 0) {
    const hint = missing.includes('xmllint') ? 'apt-get install -y libxml2-utils' : 'apt-get install -y python3';
    return { status: 'FAIL', summary: `${missing.join(', ')} not found: ${hint}`, findings: [] };
  }
  const run = await exec('bash', [SCHEMA_SCRIPT, ...ctx.packageDirs], ctx.projectRoot);
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
      message: `${SCHEMA_SCRIPT} exited ${run.code}: ${run.stderr.trim().split('\n').slice(-5).join(' | ')}`,
    });
  }
  return verdict(
    findings,
    `${plural(validated + failed, 'file')} valid against the Metadata API schema`,
    (n) => plural(n, 'schema error'),
    ignored,
  );
};

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
