/** Check 2: every class and trigger parses with the Apex grammar of @apexdevtools/apex-parser. */
import fs from 'node:fs';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import { plural, verdict, type Check, type Finding } from './runner';

export const isApexSource = (file: string): boolean => file.endsWith('.cls') || file.endsWith('.trigger');

class Collector extends ApexErrorListener {
  readonly errors: { line: number; col: number; message: string }[] = [];
  apexSyntaxError(line: number, column: number, msg: string): void {
    // ANTLR columns start at 0; editors and the other tools count from 1.
    this.errors.push({ line, col: column + 1, message: msg });
  }
}

export const apexParserCheck: Check = async (ctx) => {
  const files = ctx.files.filter(isApexSource);
  const findings: Finding[] = [];
  for (const file of files) {
    const listener = new Collector();
    const { parser } = ApexParserFactory.createLexerAndParser(fs.readFileSync(file, 'utf8'), listener);
    if (file.endsWith('.trigger')) parser.triggerUnit();
    else parser.compilationUnit();
    findings.push(...listener.errors.map((e) => ({ file, ...e })));
  }
  return verdict(findings, `${plural(files.length, 'file')} parsed`, (n) => plural(n, 'syntax error'));
};
