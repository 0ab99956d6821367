/**
 * Compiles the components' TypeScript in memory with the TypeScript compiler API. The compiler
 * sees only what the model holds (bundle sources, hand-written typings, generated types) under a
 * virtual project root, plus the TypeScript and `lwc` type libraries it needs from node_modules;
 * nothing under `ts-src/lwc` is read from disk, so the output is a function of the model.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as TS from 'typescript';
import { readEntry, sha256, writeEntry } from '../../cache';
import { BuildFailure, type DeclarationError } from '../../model/errors';
import type { LwcBundleSource, Model } from '../../model/types';
import type { GeneratedFile } from '../types';
import { eventPayloadTypeName } from './componentTypes';

/** Where component sources live, relative to the project root. */
export const LWC_SOURCE_DIR = 'ts-src/lwc';
export const TYPINGS_DIR = `${LWC_SOURCE_DIR}/types`;

/** The virtual project root the compiler sees; paths under it come from the model only. */
const ROOT = '/switchyard';
/** Resolves the `lwc` type library from the generator's own node_modules, whatever the working directory. */
const requireHere = createRequire(__filename);

/**
 * The TypeScript compiler, loaded on first use: a build whose components are in the compile cache
 * never loads it (it is the largest module the generator imports).
 */
let loaded: typeof TS | undefined;
const ts = new Proxy({} as typeof TS, {
  get: (_target, property) => Reflect.get((loaded ??= requireHere('typescript') as typeof TS), property) as unknown,
});

/**
 * What the LWC compiler accepts: standard (TC39) decorators kept as written, class fields with
 * define semantics, ES modules. `experimentalDecorators` would emit `__decorate(...)`, which the
 * LWC compiler rejects (LWC1104).
 */
export function compilerOptions(components: readonly LwcBundleSource[]): TS.CompilerOptions {
  const bundlePaths = Object.fromEntries(
    components.map((component) => [
      `c/${component.bundle}`,
      [`${ROOT}/${LWC_SOURCE_DIR}/${component.bundle}/${component.bundle}.ts`],
    ]),
  );
  return {
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.esnext.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    experimentalDecorators: false,
    useDefineForClassFields: true,
    strict: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    noImplicitReturns: true,
    noFallthroughCasesInSwitch: true,
    // `import type` is erased; any other import stays, so what the platform loads is what was written.
    verbatimModuleSyntax: true,
    isolatedModules: true,
    types: [],
    // The standard library is trusted; checking lib.dom.d.ts would triple the build time.
    skipDefaultLibCheck: true,
    rootDir: ROOT,
    newLine: ts.NewLineKind.LineFeed,
    paths: { ...bundlePaths, lwc: [lwcTypings()] },
  };
}

/** One compiled module of a bundle: `orderStatusTracker.ts` -> `orderStatusTracker.js`. */
export interface CompiledModule {
  bundle: string;
  /** File name inside the bundle folder, such as `orderStatusTracker.js`. */
  file: string;
  /** Path of the TypeScript it came from, relative to the project root. */
  source: string;
  code: string;
}

/**
 * Type-checks every bundle against the typings and the generated types, then emits JavaScript.
 * @throws BuildFailure (rule `lwc-type`) listing every type error with its file:line:col.
 */
export function compileComponents(model: Model, generatedTypes: readonly GeneratedFile[]): CompiledModule[] {
  const files = virtualFiles(model, generatedTypes);
  const cacheFile =
    compileCache.directory && path.join(compileCache.directory, `lwc-${compileKey(files, model.components)}.json`);
  const cached = cacheFile ? readEntry<CompiledModule[]>(cacheFile) : undefined;
  if (cached) return cached;
  const compiled = compile(model, files, compilerOptions(model.components));
  if (cacheFile) writeEntry(cacheFile, compiled);
  return compiled;
}

/**
 * Where compiled components are cached, by a hash of everything the compiler reads: every virtual
 * file, the options, the compiler's version and the `lwc` typings. Set by the build; unset (tests),
 * nothing is cached. Only successful compiles are stored: type errors are found again every time.
 */
export const compileCache: { directory?: string } = {};

function compileKey(files: ReadonlyMap<string, string>, components: readonly LwcBundleSource[]): string {
  // The options are a function of this file's code and the bundles' names (in `files`): hashing
  // this file keys them without loading TypeScript; its package.json gives the compiler's version.
  const lwcPackage = path.join(path.dirname(lwcTypings()), 'package.json');
  const parts = [
    fs.readFileSync(requireHere.resolve('typescript/package.json'), 'utf8'),
    fs.readFileSync(__filename, 'utf8'),
    components.map((component) => component.bundle).join(','),
    fs.readFileSync(lwcTypings(), 'utf8'),
    fs.readFileSync(lwcPackage, 'utf8'),
  ];
  for (const [name, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) parts.push(name, text);
  return sha256(...parts);
}

function compile(model: Model, files: Map<string, string>, options: TS.CompilerOptions): CompiledModule[] {
  const program = ts.createProgram({
    rootNames: [...files.keys()].filter((file) => file.endsWith('.ts')),
    options,
    host: virtualHost(options, files),
  });

  const errors = ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error)
    .map((diagnostic) => toDeclarationError(diagnostic, model));
  if (errors.length > 0) throw new BuildFailure(errors);

  const compiled: CompiledModule[] = [];
  for (const component of sortedComponents(model)) {
    for (const file of moduleFiles(component)) {
      const sourceFile = program.getSourceFile(virtualPath(component.bundle, file));
      if (!sourceFile) throw new Error(`${file} of ${component.bundle} is missing from the program`);
      program.emit(sourceFile, (_name, text) => {
        compiled.push({
          bundle: component.bundle,
          file: file.replace(/\.ts$/, '.js'),
          source: `${LWC_SOURCE_DIR}/${component.bundle}/${file}`,
          code: text,
        });
      });
    }
  }
  return compiled;
}

export function sortedComponents(model: Model): LwcBundleSource[] {
  return [...model.components].sort((a, b) => a.bundle.localeCompare(b.bundle));
}

/** The TypeScript modules of a bundle (declaration files are typings, not modules). */
export function moduleFiles(component: LwcBundleSource): string[] {
  return Object.keys(component.files)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .sort();
}

function virtualPath(bundle: string, file: string): string {
  return `${ROOT}/${LWC_SOURCE_DIR}/${bundle}/${file}`;
}

function virtualFiles(model: Model, generatedTypes: readonly GeneratedFile[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const component of sortedComponents(model)) {
    for (const file of Object.keys(component.files)
      .filter((name) => name.endsWith('.ts'))
      .sort()) {
      files.set(virtualPath(component.bundle, file), component.files[file]);
    }
  }
  for (const name of Object.keys(model.componentTypings).sort()) {
    files.set(`${ROOT}/${TYPINGS_DIR}/${name}`, model.componentTypings[name]);
  }
  for (const generated of generatedTypes) {
    files.set(`${ROOT}/${generated.path}`, generated.content);
  }
  return files;
}

function isVirtual(fileName: string): boolean {
  return fileName === ROOT || fileName.startsWith(`${ROOT}/`);
}

function virtualHost(options: TS.CompilerOptions, files: ReadonlyMap<string, string>): TS.CompilerHost {
  const disk = ts.createCompilerHost(options, true);
  const directories = new Set<string>();
  for (const file of files.keys()) {
    for (let dir = path.posix.dirname(file); isVirtual(dir); dir = path.posix.dirname(dir)) directories.add(dir);
  }
  return {
    ...disk,
    getCurrentDirectory: () => ROOT,
    getSourceFile(fileName, languageVersion, onError) {
      const text = files.get(fileName);
      if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
      return isVirtual(fileName) ? undefined : disk.getSourceFile(fileName, languageVersion, onError);
    },
    fileExists: (fileName) => files.has(fileName) || (!isVirtual(fileName) && disk.fileExists(fileName)),
    readFile: (fileName) => (isVirtual(fileName) ? files.get(fileName) : disk.readFile(fileName)),
    directoryExists: (dir) => (isVirtual(dir) ? directories.has(dir) : (disk.directoryExists?.(dir) ?? false)),
    getDirectories: (dir) => (isVirtual(dir) ? [] : (disk.getDirectories?.(dir) ?? [])),
    realpath: (fileName) => (isVirtual(fileName) ? fileName : (disk.realpath?.(fileName) ?? fileName)),
    writeFile: () => {
      throw new Error('the LWC compiler host never writes: emit goes through a callback');
    },
  };
}

function lwcTypings(): string {
  // `lwc` exports only its entry point; its typings sit beside it.
  return path.join(path.dirname(requireHere.resolve('lwc')), 'index.d.ts');
}

function toDeclarationError(diagnostic: TS.Diagnostic, model: Model): DeclarationError {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (!diagnostic.file || diagnostic.start === undefined) {
    return {
      location: { file: LWC_SOURCE_DIR, line: 1, column: 1 },
      rule: 'lwc-type',
      message: `TS${diagnostic.code}: ${message}`,
      fix: 'Fix the compiler setting or typing named in the message.',
    };
  }
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return {
    location: { file: path.posix.relative(ROOT, diagnostic.file.fileName), line: line + 1, column: character + 1 },
    rule: 'lwc-type',
    message: `TS${diagnostic.code}: ${message}`,
    fix: fixFor(message, model),
  };
}

/** A missing member of a generated payload type means the event's declaration changed. */
function fixFor(message: string, model: Model): string {
  const event = model.events.find((candidate) => message.includes(`'${eventPayloadTypeName(candidate)}'`));
  if (event) {
    const { file, line } = event.location;
    const fields = event.fields.map((field) => field.name).join(', ');
    return `${event.apiName} (declared in ${file}:${line}) has the fields ${fields}: use one of them, or declare the field there.`;
  }
  return 'Correct the component so it type-checks against the typings in ts-src/lwc/types and the generated types in ts-src/lwc/generated.';
}
