/**
 * One fuzz case, end to end but in-process: declarations -> rules -> model -> emitters -> the
 * offline checks, against a throwaway project that holds the real DSL, the platform declarations,
 * the components and the runtime library (loaded once). The property, for every case:
 * - either the build refuses with declaration errors, each located inside a declaration file
 *   (a real file, a line it has) with a rule, a message and a fix, and the output is unchanged;
 * - or it emits a package that passes the checks (checks.ts), and nothing in between throws.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../../ts-src/generator/build';
import { emitAll } from '../../ts-src/generator/emit';
import { emitApex } from '../../ts-src/generator/emit/apex';
import { emitEventTypes, emitSchemaTypes } from '../../ts-src/generator/emit/lwc';
import { emitPages } from '../../ts-src/generator/emit/lwc/pages';
import { emitMetadata } from '../../ts-src/generator/emit/metadata';
import type { GeneratedFile } from '../../ts-src/generator/emit/types';
import { formatFiles } from '../../ts-src/generator/format';
import { readComponentSources } from '../../ts-src/generator/load/components';
import { DECLARATION_FOLDERS, readDeclarations, type RawDeclaration } from '../../ts-src/generator/load/declarations';
import { buildModel, type ComponentSources } from '../../ts-src/generator/model/build';
import { BuildFailure, formatDeclarationError, type DeclarationError } from '../../ts-src/generator/model/errors';
import { validateDeclarations } from '../../ts-src/generator/validate';
import { checkApexReferences, readRuntimeApex } from '../../ts-src/generator/verify';
import { isGeneratedPath } from '../../ts-src/generator/write/manifest';
import { Checks } from './checks';
import { FUZZ_FILE, render, type Declaration } from './render';

const REPO_ROOT = path.resolve(__dirname, '../..');
const COPIED = ['ts-src/dsl', 'ts-src/platform', 'ts-src/lwc', 'ts-src/apex', '.prettierrc', 'sfdx-project.json'];
const SKIPPED = new Set(['__tests__', 'generated', 'node_modules']);

export type Outcome =
  | { kind: 'refused'; rules: string[] }
  | { kind: 'built'; files: number }
  /** A bug already reported to the owner of the code (KNOWN_BUGS): counted, not failed. */
  | { kind: 'known'; id: string }
  | { kind: 'bug'; problem: string };

/**
 * Bugs the fuzzer found in code another engineer owns, reported with a minimal declaration
 * (/work/notes/atomic.md). Each is matched narrowly; remove it once fixed, and the fuzzer checks the fix.
 */
export const KNOWN_BUGS: { id: string; matches: (problem: string) => boolean }[] = [];

export interface CaseOptions {
  /** Through ts-morph from rendered source (slow, about 1 s), rather than the loader's output directly. */
  viaSource?: boolean;
  /** Format the emitted files with prettier and check the formatted ones too. */
  format?: boolean;
  /** For a refused case: run the real build and check force-app is byte-for-byte unchanged. */
  realBuild?: boolean;
  /**
   * Compile the components against this case's generated types (about 2 s). Without it the
   * compiled components of the example app are reused: their JavaScript does not depend on the
   * declarations (types are erased), only whether they type-check does.
   */
  compileComponents?: boolean;
  /**
   * Check the SOQL and callout names (verify.ts) of the runtime library and of every generated
   * class. Without it only generated classes not yet verified in an earlier case are (a class's
   * names come from the declarations that made it, so the same text verifies the same way).
   */
  verifyAll?: boolean;
}

const LWC_OUTPUT = 'force-app/main/default/lwc/';

export class Harness {
  readonly root: string;
  private readonly platform: RawDeclaration[];
  private readonly sources: ComponentSources;
  private readonly runtime: ReturnType<typeof readRuntimeApex>;
  private readonly compiledComponents: GeneratedFile[];
  private readonly verified = new Set<string>();
  readonly checks: Checks;

  /**
   * `exampleApp`: the example app's declarations beside the fuzzed ones (needed to compile its
   * components, which use its events). Without it, set-up is seconds shorter and the components'
   * compiled output is taken from this repository's force-app.
   */
  constructor(options: { exampleApp?: boolean } = {}) {
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-fuzz-'));
    for (const entry of [...COPIED, ...(options.exampleApp ? ['ts-src/integrations'] : [])]) {
      fs.cpSync(path.join(REPO_ROOT, entry), path.join(this.root, entry), {
        recursive: true,
        filter: (source) => !SKIPPED.has(path.basename(source)),
      });
    }
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(this.root, 'node_modules'), 'dir');
    fs.mkdirSync(path.join(this.root, 'ts-src/integrations'), { recursive: true });
    const { declarations, errors } = readDeclarations(this.root);
    if (errors.length > 0)
      throw new Error(`the platform declarations do not load: ${errors.map(formatDeclarationError).join('\n')}`);
    this.platform = declarations;
    this.sources = readComponentSources(this.root);
    this.runtime = readRuntimeApex(this.root);
    this.compiledComponents = options.exampleApp
      ? emitAll(buildModel(declarations, this.sources)).filter((f) => f.path.startsWith(LWC_OUTPUT))
      : readTree(REPO_ROOT, LWC_OUTPUT);
    this.checks = new Checks(
      fs.existsSync(path.resolve(REPO_ROOT, '../shared/schemas/metadata.wsdl')) ? undefined : '',
    );
  }

  dispose(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }

  async run(declarations: readonly Declaration[], options: CaseOptions = {}): Promise<Outcome> {
    const { text, raw } = render(declarations);
    const lineCounts = new Map<string, number>([[FUZZ_FILE, text.split('\n').length]]);
    let all: RawDeclaration[];
    let errors: DeclarationError[] = [];
    if (options.viaSource) {
      fs.writeFileSync(path.join(this.root, FUZZ_FILE), text);
      const read = readDeclarations(this.root);
      all = read.declarations;
      errors = read.errors;
    } else {
      // In the loader's order: by file.
      all = [...raw, ...this.platform].sort((a, b) => a.value.location.file.localeCompare(b.value.location.file));
    }
    try {
      if (errors.length === 0) errors = validateDeclarations(all);
      if (errors.length > 0) return await this.refused(errors, lineCounts, text, options);
      const model = buildModel(all, this.sources);
      const known = this.knownBug(this.checks.run(this.emitWithoutCompiling(model)));
      if (known) return known;
      let emitted: GeneratedFile[];
      try {
        emitted = options.compileComponents ? emitAll(model) : this.emitWithoutCompiling(model);
        this.verifyReferences(model, emitted, options.verifyAll ?? false);
      } catch (error) {
        if (error instanceof BuildFailure) return await this.refused(error.errors, lineCounts, text, options);
        throw error;
      }
      const problems = this.packageProblems(emitted);
      if (problems.length === 0 && options.format)
        problems.push(...this.checks.run(await formatFiles(this.root, emitted)));
      if (problems.length > 0)
        return {
          kind: 'bug',
          problem: `the package fails the offline checks:\n  ${problems.slice(0, 10).join('\n  ')}`,
        };
      return { kind: 'built', files: emitted.length };
    } catch (error) {
      const problem = `internal error: ${(error as Error).stack ?? error}`;
      return this.knownBug([problem]) ?? { kind: 'bug', problem };
    } finally {
      if (options.viaSource) fs.rmSync(path.join(this.root, FUZZ_FILE), { force: true });
    }
  }

  private knownBug(problems: string[]): Outcome | undefined {
    if (problems.length === 0) return undefined;
    const bug = KNOWN_BUGS.find((b) => problems.some(b.matches));
    return bug && problems.every((p) => KNOWN_BUGS.some((b) => b.matches(p)))
      ? { kind: 'known', id: bug.id }
      : undefined;
  }

  private verifyReferences(model: ReturnType<typeof buildModel>, emitted: GeneratedFile[], all: boolean): void {
    const key = (f: GeneratedFile) =>
      crypto.createHash('sha1').update(f.path).update('\0').update(f.content).digest('hex');
    const fresh = all ? emitted : emitted.filter((f) => !this.verified.has(key(f)));
    checkApexReferences(model, fresh, all ? this.runtime : []);
    for (const f of fresh) this.verified.add(key(f));
  }

  private emitWithoutCompiling(model: ReturnType<typeof buildModel>): GeneratedFile[] {
    const pages = emitPages(model);
    return [
      ...emitMetadata(model),
      ...emitApex(model),
      emitEventTypes(model),
      emitSchemaTypes(model),
      ...this.compiledComponents,
      ...pages,
    ];
  }

  private packageProblems(emitted: GeneratedFile[]): string[] {
    const problems = emitted
      .filter((f) => !isGeneratedPath(f.path))
      .map((f) => `${f.path}: not a path the writer accepts`);
    const paths = new Set<string>();
    for (const f of emitted) {
      if (paths.has(f.path)) problems.push(`${f.path}: emitted twice`);
      paths.add(f.path);
    }
    return [...problems, ...this.checks.run(emitted)];
  }

  private async refused(
    errors: readonly DeclarationError[],
    lineCounts: Map<string, number>,
    text: string,
    options: CaseOptions,
  ): Promise<Outcome> {
    const misplaced = errors.filter((e) => !this.locatedInDeclarations(e, lineCounts));
    const incomplete = errors.filter((e) => !e.rule || !e.message?.trim() || !e.fix?.trim());
    if (misplaced.length > 0 || incomplete.length > 0) {
      return {
        kind: 'bug',
        problem: `declaration errors without a place in the declaration files or without a fix:\n  ${[...misplaced, ...incomplete].map(formatDeclarationError).join('\n  ')}`,
      };
    }
    if (options.realBuild) {
      const unchanged = await this.realBuildLeavesOutput(text);
      if (unchanged) return { kind: 'bug', problem: unchanged };
    }
    return { kind: 'refused', rules: [...new Set(errors.map((e) => e.rule))].sort() };
  }

  private locatedInDeclarations(error: DeclarationError, lineCounts: Map<string, number>): boolean {
    const { file, line, column } = error.location;
    if (!DECLARATION_FOLDERS.some((folder) => file.startsWith(folder + '/'))) return false;
    let lines = lineCounts.get(file);
    if (lines === undefined) {
      const absolute = path.join(this.root, file);
      lines = fs.existsSync(absolute) ? fs.readFileSync(absolute, 'utf8').split('\n').length : 0;
      lineCounts.set(file, lines);
    }
    return Number.isInteger(line) && line >= 1 && line <= lines && Number.isInteger(column) && column >= 1;
  }

  /** The real build over the rendered source must exit 1 and leave force-app as it was; undefined when it did. */
  private async realBuildLeavesOutput(text: string): Promise<string | undefined> {
    const forceApp = path.join(this.root, 'force-app');
    fs.mkdirSync(path.join(forceApp, 'main/default/classes'), { recursive: true });
    fs.writeFileSync(path.join(forceApp, 'main/default/classes/Sentinel.cls'), 'public class Sentinel {}\n');
    const before = treeHash(forceApp);
    fs.writeFileSync(path.join(this.root, FUZZ_FILE), text);
    const lines: string[] = [];
    try {
      const code = await build(this.root, false, { info: (l) => lines.push(l), error: (l) => lines.push(l) });
      if (code !== 1) return `the real build exited ${code} on declarations the rules refuse:\n${lines.join('\n')}`;
      if (treeHash(forceApp) !== before) return 'the real build changed force-app although it refused the declarations';
      return undefined;
    } finally {
      fs.rmSync(path.join(this.root, FUZZ_FILE), { force: true });
    }
  }
}

function readTree(root: string, folder: string): GeneratedFile[] {
  const absolute = path.join(root, folder);
  if (!fs.existsSync(absolute)) return [];
  return (fs.readdirSync(absolute, { recursive: true }) as string[])
    .map((file) => path.join(folder, file))
    .filter((file) => fs.statSync(path.join(root, file)).isFile())
    .sort()
    .map((file) => ({ path: file, content: fs.readFileSync(path.join(root, file), 'utf8') }));
}

function treeHash(folder: string): string {
  const hash = crypto.createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      hash.update(path.relative(folder, full) + '\0');
      if (entry.isDirectory()) walk(full);
      else hash.update(fs.readFileSync(full));
    }
  };
  walk(folder);
  return hash.digest('hex');
}
