/**
 * Check 3: Apex semantics (unknown fields, methods and types, type mismatches) with the apex-ls
 * JVM analyser. It reads sfdx-project.json itself, so it sees every package directory and the
 * project's objects, fields and events; it does not read field names inside SOQL strings nor
 * `callout:` names.
 */
import { isApexSource } from './apex-parser';
import { plural, verdict, type Check, type Finding } from './runner';
import { runJava } from './tools';

interface ApexLsReport {
  files: { path: string; messages: { start: { line: number; offset: number }; category: string; message: string }[] }[];
}

/**
 * The platform gives every custom object a change event (`Invoice__c` -> `Invoice__ChangeEvent`)
 * that no metadata file declares; apex-ls 6.0.2 models only the standard objects' change events
 * and reports a change-event trigger on a custom object as a missing type. That one finding is
 * dropped when the project declares the custom object; any other missing type still fails.
 * https://developer.salesforce.com/docs/atlas.en-us.change_data_capture.meta/change_data_capture/cdc_event_fields.htm
 */
export function isKnownChangeEvent(message: string, customObjects: ReadonlySet<string>): boolean {
  const match = /^No type declaration found for 'Schema\.(\w+)__ChangeEvent'$/.exec(message);
  return match !== null && customObjects.has(`${match[1]}__c`.toLowerCase());
}

function customObjectsOf(files: readonly string[]): Set<string> {
  const names = files.map((f) => /[\\/]objects[\\/](\w+__c)[\\/]\1\.object-meta\.xml$/.exec(f)?.[1]);
  return new Set(names.filter((n): n is string => n !== undefined).map((n) => n.toLowerCase()));
}

/** Exit codes of CheckForIssues: 0 clean, 4 issues found, 3 an exception, 1 bad arguments. */
const CLEAN = 0;
const ISSUES = 4;

export const apexLsCheck: Check = async (ctx) => {
  const apexFiles = ctx.files.filter(isApexSource).length;
  if (apexFiles === 0) return { status: 'PASS', summary: '0 Apex files', findings: [] };
  const { code, stdout, stderr } = await runJava(
    'io.github.apexdevtools.apexls.CheckForIssues',
    ['-w', ctx.projectRoot, '-n', '-d', 'warnings', '-f', 'json'],
    ctx.projectRoot,
  );
  if (code !== CLEAN && code !== ISSUES) {
    return {
      status: 'FAIL',
      summary: `apex-ls exited ${code}`,
      findings: [{ message: (stderr || stdout).trim().split('\n').slice(0, 20).join('\n     ') }],
    };
  }
  const report = JSON.parse(stdout) as ApexLsReport;
  const customObjects = customObjectsOf(ctx.files);
  const findings: Finding[] = report.files.flatMap((f) =>
    f.messages
      .filter((m) => !isKnownChangeEvent(m.message, customObjects))
      .map((m) => ({
        file: f.path,
        line: m.start.line,
        col: m.start.offset + 1,
        message: m.message,
        rule: m.category,
      })),
  );
  if (code === ISSUES && findings.length === 0 && report.files.every((f) => f.messages.length === 0)) {
    findings.push({ message: `apex-ls exited ${code} without reporting an issue` });
  }
  return verdict(findings, `${plural(apexFiles, 'Apex file')} checked, 0 errors`, (n) => plural(n, 'error'));
};
