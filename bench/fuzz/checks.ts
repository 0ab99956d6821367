/**
 * The offline checks that run in-process, over one build's emitted files: XML well-formedness,
 * the Apex grammar (and each class named as its file), the Metadata API schema (schema.ts) and
 * the platform's name rules for every generated component. Results are cached by content, since
 * most files (the platform's own objects, the runtime's) are the same in every case.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import { XMLValidator } from 'fast-xml-parser';
import ts from 'typescript';
import type { GeneratedFile } from '../../ts-src/generator/emit/types';
import { APEX_RESERVED_WORDS } from '../../ts-src/generator/validate/rules';
import { checkMetadata, loadSchema } from './schema';

export const WSDL = path.resolve(__dirname, '../../../shared/schemas/metadata.wsdl');

class Collector extends ApexErrorListener {
  readonly errors: string[] = [];
  apexSyntaxError(line: number, column: number, message: string): void {
    this.errors.push(`${line}:${column + 1}: ${message}`);
  }
}

/** Developer names: a letter first, letters, digits and single underscores, no trailing underscore. */
const DEVELOPER_NAME = /^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*$/;
const CUSTOM_NAME = /^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*__(c|e|mdt)$/;

export class Checks {
  private readonly cache = new Map<string, string[]>();
  private readonly schema: ReturnType<typeof loadSchema> | undefined;

  constructor(wsdl: string | undefined = WSDL) {
    this.schema = wsdl ? loadSchema(wsdl) : undefined;
  }

  /** False where ../shared/schemas is absent (a user's clone): the schema part is skipped. */
  get hasSchema(): boolean {
    return this.schema !== undefined;
  }

  /** Every problem found, as `path: message`; empty when the package passes. */
  run(files: readonly GeneratedFile[]): string[] {
    const problems: string[] = [];
    for (const file of files) {
      const key = crypto.createHash('sha1').update(file.path).update('\0').update(file.content).digest('hex');
      let found = this.cache.get(key);
      if (!found) {
        found = this.checkFile(file);
        this.cache.set(key, found);
      }
      problems.push(...found.map((p) => `${file.path}: ${p}`));
    }
    problems.push(...caseCollisions(files));
    return problems;
  }

  private checkFile(file: GeneratedFile): string[] {
    const problems: string[] = [];
    const base = path.basename(file.path);
    if (file.path.endsWith('.xml')) {
      const result = XMLValidator.validate(file.content);
      if (result !== true) return [`not well-formed XML: ${result.err.line}:${result.err.col}: ${result.err.msg}`];
      if (this.schema && file.path.endsWith('-meta.xml')) problems.push(...checkMetadata(this.schema, file.content));
    }
    if (file.path.endsWith('.cls') || file.path.endsWith('.trigger')) {
      const listener = new Collector();
      const { parser } = ApexParserFactory.createLexerAndParser(file.content, listener);
      const expected = base.replace(/\.(cls|trigger)$/, '');
      let declared: string | undefined;
      if (file.path.endsWith('.trigger')) declared = parser.triggerUnit().id(0)?.getText();
      else {
        const type = parser.compilationUnit().typeDeclaration();
        declared = (type?.classDeclaration() ?? type?.interfaceDeclaration() ?? type?.enumDeclaration())
          ?.id()
          ?.getText();
      }
      problems.push(...listener.errors.map((e) => `Apex syntax error ${e}`));
      if (listener.errors.length === 0 && declared !== expected) problems.push(`declares ${declared}, not ${expected}`);
      problems.push(...apexName(expected));
    }
    if (/\.(ts|js)$/.test(file.path)) {
      // Syntax only (types are the component compiler's business): the generated payload types and compiled components.
      const source = ts.createSourceFile(base, file.content, ts.ScriptTarget.ESNext, false);
      // The parser's own diagnostics (not in the public typings, present since TypeScript 2).
      const diagnostics = (source as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
      for (const d of diagnostics)
        problems.push(`TypeScript syntax error: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    }
    problems.push(...componentName(file.path));
    return problems;
  }
}

function apexName(name: string): string[] {
  if (!DEVELOPER_NAME.test(name)) return [`"${name}" is not a valid Apex class or trigger name`];
  if (name.length > 40) return [`"${name}" is ${name.length} characters; Apex names allow 40`];
  if (APEX_RESERVED_WORDS.has(name.toLowerCase())) return [`"${name}" is an Apex reserved word`];
  return [];
}

/** The API name rules of the component a file under force-app defines. */
function componentName(file: string): string[] {
  const parts = file.split('/');
  const folder = parts.indexOf('default');
  if (!file.startsWith('force-app/') || folder < 0) return [];
  const [type, name, sub, child] = parts.slice(folder + 1);
  const strip = (n: string) => n.replace(/\.[A-Za-z]+-meta\.xml$|\.(js|html|css|cls|trigger|xml|svg|ts)$/, '');
  const check = (value: string, rule: RegExp, max: number, what: string) =>
    rule.test(value) && value.length <= max ? [] : [`${what} "${value}" breaks the platform's name rules`];
  switch (type) {
    case 'objects': {
      const objectRule = name.includes('__') ? CUSTOM_NAME : DEVELOPER_NAME;
      const problems = check(name, objectRule, 43, 'object');
      if (sub === 'fields' && child) problems.push(...check(strip(child), CUSTOM_NAME, 43, 'field'));
      if (sub === 'listViews' && child) problems.push(...check(strip(child), DEVELOPER_NAME, 40, 'list view'));
      return problems;
    }
    case 'lwc':
      return /^[a-z][A-Za-z0-9]*$/.test(name) ? [] : [`component "${name}" breaks the LWC bundle name rules`];
    case 'layouts':
    case 'flexipages':
    case 'classes':
    case 'triggers':
      return [];
    default:
      return name ? check(strip(name), type === 'tabs' ? /^[A-Za-z][A-Za-z0-9_]*$/ : DEVELOPER_NAME, 80, type) : [];
  }
}

/** Salesforce names are case-insensitive: two files that differ only in case are one component. */
function caseCollisions(files: readonly GeneratedFile[]): string[] {
  const seen = new Map<string, string>();
  const problems: string[] = [];
  for (const file of files) {
    const key = file.path.toLowerCase();
    const earlier = seen.get(key);
    if (earlier && earlier !== file.path)
      problems.push(`${file.path}: same component as ${earlier} (names are case-insensitive)`);
    seen.set(key, file.path);
  }
  return problems;
}
