/**
 * Check 1: every XML file under the package directories is well-formed. Runs first because SDR
 * silently drops a field whose XML is broken and copies a broken permission set through as is.
 */
import fs from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { plural, verdict, type Check, type Finding } from './runner';

export const xmlCheck: Check = async (ctx) => {
  const files = ctx.files.filter((f) => f.endsWith('.xml'));
  const findings: Finding[] = [];
  for (const file of files) {
    const result = XMLValidator.validate(fs.readFileSync(file, 'utf8'));
    if (result !== true) {
      findings.push({ file, line: result.err.line, col: result.err.col, message: result.err.msg });
    }
  }
  return verdict(findings, `${plural(files.length, 'file')} well-formed`, (n) => `${plural(n, 'malformed file')}`);
};
