/**
 * What apex-ls cannot check: the names inside SOQL and inside `callout:` endpoints. This scans Apex
 * text (generated and hand-written alike) and reports every SOQL object or field that is neither
 * declared in the model nor a standard one of the platform's catalog (generator/catalog, relationship
 * paths such as `ApexClass.Name` followed through it), and every Named Credential name that is
 * not a system of the model. A wrong name in either would only fail in an org: a static SOQL field
 * at deploy time, a Named Credential at the first callout.
 */
import {
  ApexParserFactory,
  ApexErrorListener,
  FieldNameContext,
  FromNameListContext,
  QueryContext,
  SubQueryContext,
  type ApexParserRuleContext,
} from '@apexdevtools/apex-parser';
import type { Model } from '../../model/types';
import { standardObjectIgnoringCase } from '../../catalog';
import { COMMON_FIELDS } from '../../validate/rules';

export interface ApexSource {
  /** Path relative to the project root, for the report. */
  path: string;
  content: string;
}

export interface ReferenceProblem {
  path: string;
  line: number;
  kind: 'callout' | 'soql-object' | 'soql-field';
  name: string;
  message: string;
}

export function checkReferences(model: Model, sources: readonly ApexSource[]): ReferenceProblem[] {
  const catalog = queryableFields(model);
  const systems = new Set(model.systems.map((s) => s.name));
  return sources.flatMap((source) => [...checkCallouts(source, systems), ...checkQueries(source, catalog)]);
}

/** What a query may read of one object: its fields and its relationships, lower-cased. */
interface Queryable {
  fields: Set<string>;
  /** Relationship name -> the lower-cased object it points to; `*` when polymorphic. */
  relationships: Map<string, string>;
}

/** Lower-cased object name -> what a query may read of it; standard objects from the catalog. */
type QueryCatalog = (object: string) => Queryable | undefined;

function queryableFields(model: Model): QueryCatalog {
  const declared = new Map<string, string[]>();
  const add = (object: string, fields: readonly string[]) => {
    const key = object.toLowerCase();
    declared.set(key, [...(declared.get(key) ?? []), ...fields.map((f) => f.toLowerCase())]);
  };
  for (const object of model.objects)
    add(
      object.apiName,
      object.fields.map((f) => f.name),
    );
  for (const extension of model.extensions)
    add(
      extension.object,
      extension.fields.map((f) => f.name),
    );
  const known = new Map<string, Queryable | undefined>();
  return (object) => {
    const key = object.toLowerCase();
    if (known.has(key)) return known.get(key);
    const standard = standardObjectIgnoringCase(key);
    const own = declared.get(key);
    const found: Queryable | undefined =
      standard || own
        ? {
            fields: new Set([
              ...(standard
                ? [...standard.fields.keys()].map((f) => f.toLowerCase())
                : COMMON_FIELDS.map((f) => f.toLowerCase())),
              ...(own ?? []),
            ]),
            relationships: new Map(
              [...(standard?.relationships ?? [])].map(([name, target]) => [name.toLowerCase(), target.toLowerCase()]),
            ),
          }
        : undefined;
    known.set(key, found);
    return found;
  };
}

/**
 * Whether `path` (`Name`, `ApexClass.Name`, `Profile.UserLicense.LicenseDefinitionKey`) can be
 * read from `object`: each segment but the last a relationship, the last a field. A polymorphic
 * relationship (`Owner`) points to the platform's `Name` object, which has the fields all of its
 * targets share.
 */
function readable(catalog: QueryCatalog, object: string, path: string): boolean {
  const segments = path.toLowerCase().split('.');
  let current = catalog(object);
  for (const segment of segments.slice(0, -1)) {
    const target = current?.relationships.get(segment);
    current = target === undefined ? undefined : catalog(target === '*' ? 'name' : target);
  }
  return current?.fields.has(segments[segments.length - 1]) ?? false;
}

/**
 * Named Credential names appear as `callout:<name>` endpoints, or as the first argument of the
 * runtime's request (`new SwyCalloutRequest('<name>', ...)`, `namedCredential = '<name>'`,
 * a `NAMED_CREDENTIAL` constant). A name built at run time is the runtime's own business and is
 * checked where it is written down. Test classes are skipped: their callouts never leave the org
 * (an HttpCalloutMock answers), so a made-up name there cannot fail.
 */
function checkCallouts(source: ApexSource, systems: ReadonlySet<string>): ReferenceProblem[] {
  if (isTestClass(source.content)) return [];
  const patterns = [
    /'callout:([A-Za-z][A-Za-z0-9_]*)/g,
    /new\s+SwyCalloutRequest\s*\(\s*'([^']*)'/gi,
    /\bnamedCredential\s*=\s*'([^']*)'/gi,
    /\bNAMED_CREDENTIAL\s*=\s*'([^']*)'/g,
  ];
  const problems: ReferenceProblem[] = [];
  const code = withoutComments(source.content);
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) {
      const name = match[1];
      if (systems.has(name)) continue;
      problems.push({
        path: source.path,
        line: lineAt(code, match.index ?? 0),
        kind: 'callout',
        name,
        message: `Named Credential "${name}" is not an external system of the declarations (known: ${[...systems].sort().join(', ') || 'none'})`,
      });
    }
  }
  return problems;
}

function checkQueries(source: ApexSource, catalog: QueryCatalog): ReferenceProblem[] {
  // Every query, static or in a string, holds the keyword SELECT (the lexer ignores case): a source
  // without it has none, and parsing it (most of a large build's check) would find nothing.
  if (!/select/i.test(source.content)) return [];
  const problems: ReferenceProblem[] = [];
  const isQuery = (n: ApexParserRuleContext) => n instanceof QueryContext || n instanceof SubQueryContext;
  const staticQueries = bracketedQueries(source.content);
  if (staticQueries) {
    // Only the queries are parsed, each as the `query` rule (what the whole file's parse would give
    // as its `[ ... ]` literal's QueryContext), at its own line.
    for (const query of staticQueries) {
      for (const node of [query.tree, ...descendants(query.tree, isQuery)]) {
        problems.push(...checkQuery(node as QueryContext | SubQueryContext, source.path, query.lineOffset, catalog));
      }
    }
  } else {
    const { parser } = ApexParserFactory.createLexerAndParser(source.content, new SilentListener());
    const tree = source.path.endsWith('.trigger') ? parser.triggerUnit() : parser.compilationUnit();
    for (const query of descendants(tree, isQuery)) {
      problems.push(...checkQuery(query as QueryContext | SubQueryContext, source.path, 0, catalog));
    }
  }
  // Dynamic SOQL: a string literal that holds a whole query is parsed as one.
  const code = withoutComments(source.content);
  for (const match of code.matchAll(/'((?:[^'\\]|\\.)*)'/g)) {
    const text = match[1];
    if (!/^\s*SELECT\b[\s\S]*\bFROM\b/i.test(text)) continue;
    const errors = new SilentListener();
    const { parser: queryParser } = ApexParserFactory.createLexerAndParser(text.replace(/\\'/g, "'"), errors);
    const query = queryParser.query();
    // A fragment joined with other strings at run time: only whole queries are checked.
    if (errors.count > 0) continue;
    const line = lineAt(code, match.index ?? 0) - 1;
    for (const node of [query, ...descendants(query, (n) => n instanceof SubQueryContext)]) {
      problems.push(...checkQuery(node as QueryContext | SubQueryContext, source.path, line, catalog));
    }
  }
  return problems;
}

/**
 * The static queries of a source (`[SELECT ...]` outside comments and strings), each parsed on its
 * own; undefined when that is not certainly all of them (a SELECT outside such a literal and
 * outside a string, or a query the `query` rule does not parse cleanly): then the caller parses the
 * whole source, as it always did.
 */
function bracketedQueries(content: string): { tree: QueryContext; lineOffset: number }[] | undefined {
  const code = withoutComments(content);
  const found: { tree: QueryContext; lineOffset: number }[] = [];
  let selectsOutside = 0;
  let index = 0;
  while (index < code.length) {
    const char = code[index];
    if (char === "'") {
      index = stringEnd(code, index);
      continue;
    }
    if (char === '[' && /^\[\s*select\b/i.test(code.slice(index, index + 64))) {
      const end = closingBracket(code, index);
      if (end < 0) return undefined;
      const errors = new SilentListener();
      const { parser } = ApexParserFactory.createLexerAndParser(code.slice(index + 1, end), errors);
      const tree = parser.query();
      if (errors.count > 0 || parser.getCurrentToken().type !== -1) return undefined;
      found.push({ tree, lineOffset: lineAt(code, index) - 1 });
      index = end + 1;
      continue;
    }
    if (/[a-z]/i.test(char) && (index === 0 || !/\w/.test(code[index - 1]))) {
      const word = /^\w+/.exec(code.slice(index, index + 256))![0];
      if (word.toLowerCase() === 'select') selectsOutside++;
      index += word.length;
      continue;
    }
    index++;
  }
  return selectsOutside === 0 ? found : undefined;
}

/** Index just past the string literal that starts at `start` (backslash escapes). */
function stringEnd(code: string, start: number): number {
  let index = start + 1;
  while (index < code.length && code[index] !== "'") index += code[index] === '\\' ? 2 : 1;
  return index + 1;
}

/** Index of the `]` that closes the `[` at `start` (strings skipped), or -1. */
function closingBracket(code: string, start: number): number {
  let depth = 0;
  let index = start;
  while (index < code.length) {
    const char = code[index];
    if (char === "'") {
      index = stringEnd(code, index);
      continue;
    }
    if (char === '[') depth++;
    else if (char === ']' && --depth === 0) return index;
    index++;
  }
  return -1;
}

function checkQuery(
  query: QueryContext | SubQueryContext,
  path: string,
  lineOffset: number,
  catalog: QueryCatalog,
): ReferenceProblem[] {
  const from = query.fromNameList();
  const objectName = from.fieldName(0)?.getText() ?? '';
  const alias = from.soqlId(0)?.getText().toLowerCase();
  const line = query.start.line + lineOffset;
  if (!catalog(objectName)) {
    return [
      {
        path,
        line,
        kind: 'soql-object',
        name: objectName,
        message: `SOQL reads ${objectName}, which is neither declared nor a standard object of the platform`,
      },
    ];
  }
  const problems: ReferenceProblem[] = [];
  for (const fieldName of ownFieldNames(query)) {
    const segments = fieldName.getText().split('.');
    if (alias && segments.length > 1 && segments[0].toLowerCase() === alias) segments.shift();
    const name = segments.join('.');
    if (readable(catalog, objectName, name)) continue;
    problems.push({
      path,
      line: fieldName.start.line + lineOffset,
      kind: 'soql-field',
      name: `${objectName}.${name}`,
      message: `SOQL field ${objectName}.${name} is neither declared in the model nor a standard field of the platform`,
    });
  }
  return problems;
}

/** Field names of one query level: not its FROM list, not those of nested (semi-join) subqueries. */
function ownFieldNames(query: ApexParserRuleContext): FieldNameContext[] {
  const found: FieldNameContext[] = [];
  const visit = (node: ApexParserRuleContext) => {
    for (const child of node.children ?? []) {
      if (!(child instanceof Object) || !('children' in child)) continue;
      if (child instanceof SubQueryContext || child instanceof FromNameListContext) continue;
      if (child instanceof FieldNameContext) found.push(child);
      else visit(child as ApexParserRuleContext);
    }
  };
  visit(query);
  return found;
}

function descendants(
  node: ApexParserRuleContext,
  test: (n: ApexParserRuleContext) => boolean,
): ApexParserRuleContext[] {
  const found: ApexParserRuleContext[] = [];
  const visit = (current: ApexParserRuleContext) => {
    for (const child of current.children ?? []) {
      if (!('children' in child)) continue;
      const rule = child as ApexParserRuleContext;
      if (test(rule)) found.push(rule);
      visit(rule);
    }
  };
  visit(node);
  return found;
}

/** Syntax errors are the parser check's job; this one reads whatever tree it gets. */
class SilentListener extends ApexErrorListener {
  count = 0;
  apexSyntaxError(): void {
    this.count++;
  }
}

/** `@IsTest` among the annotations in front of the class (after `@SuppressWarnings(...)`, say). */
function isTestClass(content: string): boolean {
  const annotations = /^(?:@\w+(?:\s*\([^)]*\))?\s*)+/.exec(withoutComments(content).trimStart());
  return annotations !== null && /@IsTest\b/i.test(annotations[0]);
}

/** Comments blanked out with spaces (newlines kept), so offsets and line numbers still match. */
function withoutComments(content: string): string {
  return content.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:[^'\\\n]|\\.)*'/g, (text) =>
    text.startsWith("'") ? text : text.replace(/[^\n]/g, ' '),
  );
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** `path:line: error [soql-field] message`: the form editors and CI logs link to. */
export function formatReferenceProblem(problem: ReferenceProblem): string {
  return `${problem.path}:${problem.line}: error [${problem.kind}] ${problem.message}`;
}
