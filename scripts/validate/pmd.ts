/**
 * Check 4: PMD 7's Apex rules (security, performance, error-prone, best practices; see
 * config/pmd-ruleset.xml) through the PmdWrapper that ships in @salesforce/code-analyzer-pmd-engine.
 * The wrapper exits 0 whatever it finds, so the verdict comes from its out.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isApexSource } from './apex-parser';
import { displayPath, plural, verdict, type Check, type Finding } from './runner';
import { freshDir, projectOrRepoFile, runJava } from './tools';

interface PmdOutput {
  violations: { rule: string; message: string; codeLocation: { file: string; startLine: number; startCol: number } }[];
  processingErrors: { file: string; message: string }[];
}

/**
 * PMD reports nothing at all, and still exits 0, when the ruleset cannot be found or names no
 * real rule. A class that breaks several rules is scanned alongside the project's files: if it
 * is not flagged, the rules did not run and the check fails rather than pass on an empty report.
 */
const CANARY_NAME = 'SwyValidatePmdCanary.cls';
const CANARY = `public class SwyValidatePmdCanary {
    public static void run(List<Id> ids) {
        for (Id i : ids) {
            Account unused = [SELECT Id FROM Account WHERE Id = :i];
        }
    }
}
`;

export const pmdCheck: Check = async (ctx) => {
  const files = ctx.files.filter(isApexSource);
  if (files.length === 0) return { status: 'PASS', summary: '0 Apex files', findings: [] };
  const ruleset = projectOrRepoFile(ctx.projectRoot, ['config/pmd-ruleset.xml']);
  const dir = freshDir(ctx.workDir, 'pmd');
  const canary = path.join(dir, CANARY_NAME);
  fs.writeFileSync(canary, CANARY);
  const input = path.join(dir, 'in.json');
  const output = path.join(dir, 'out.json');
  fs.writeFileSync(
    input,
    JSON.stringify({ ruleSetInputFile: ruleset, runDataPerLanguage: { apex: { filesToScan: [...files, canary] } } }),
  );
  const run = await runJava('com.salesforce.sfca.pmdwrapper.PmdWrapper', ['run', input, output], ctx.projectRoot);
  if (run.code !== 0 || !fs.existsSync(output)) {
    return {
      status: 'FAIL',
      summary: `PmdWrapper exited ${run.code}`,
      findings: [{ message: (run.stderr || run.stdout).trim().split('\n').slice(-20).join('\n     ') }],
    };
  }
  const out = JSON.parse(fs.readFileSync(output, 'utf8')) as PmdOutput;
  const isCanary = (file: string) => path.resolve(file) === canary;
  if (!out.violations.some((v) => isCanary(v.codeLocation.file))) {
    return {
      status: 'FAIL',
      summary: 'no rule ran',
      findings: [
        { file: ruleset, message: 'PMD flagged nothing in a class built to break its rules: is the ruleset valid?' },
      ],
    };
  }
  const findings: Finding[] = [
    ...out.violations
      .filter((v) => !isCanary(v.codeLocation.file))
      .map((v) => ({
        file: v.codeLocation.file,
        line: v.codeLocation.startLine,
        col: v.codeLocation.startCol,
        message: v.message.trim(),
        rule: v.rule,
      })),
    ...out.processingErrors
      .filter((e) => !isCanary(e.file))
      // The first line names the problem; the rest is the grammar's list of expected tokens.
      .map((e) => ({ file: e.file, message: firstLine(e.message), rule: 'processing error' })),
  ];
  return verdict(
    findings,
    `${plural(files.length, 'Apex file')}, 0 violations (${displayPath(ctx.projectRoot, ruleset)})`,
    (n) => plural(n, 'violation'),
  );
};

function firstLine(message: string): string {
  const lines = message.split('\n');
  const syntax = lines.find((l) => l.startsWith('Syntax error'));
  return (syntax ?? lines[0]).replace(/ expecting \{.*$/, '');
}
