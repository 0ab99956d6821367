/**
 * A fingerprint of everything a build's output depends on, read without loading the generator's
 * heavy modules: the project's declarations, DSL, platform objects, components and runtime Apex;
 * its prettier configuration (every config file prettier could find for an output file); the
 * generator's own source; the installed packages; the Node version. Two builds with the same
 * fingerprint produce the same files, so a build whose fingerprint matches the last one's, and
 * whose output on disk is still what that build wrote, has nothing to do.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sha256 } from './cache';

/** Project folders the build reads (loader, components, verify). Build output below them is skipped. */
const PROJECT_FOLDERS = ['ts-src/dsl', 'ts-src/integrations', 'ts-src/platform', 'ts-src/lwc', 'ts-src/apex'];
/** Build output inside an input folder (the LWC payload types the build writes). */
const OUTPUT_FOLDERS = new Set(['ts-src/lwc/generated']);
/** Root files that can change the output: prettier reads its config (also a `prettier` key in package.json). */
const PROJECT_FILES = ['package.json', 'sfdx-project.json', 'tsconfig.json', '.prettierignore'];
/** Every file name prettier's config search looks for, and .editorconfig. */
const CONFIG_NAMES = [
  'package.json',
  'package.yaml',
  '.prettierrc',
  '.prettierrc.json',
  '.prettierrc.yaml',
  '.prettierrc.yml',
  '.prettierrc.json5',
  '.prettierrc.js',
  '.prettierrc.mjs',
  '.prettierrc.cjs',
  '.prettierrc.ts',
  '.prettierrc.mts',
  '.prettierrc.cts',
  '.prettierrc.toml',
  'prettier.config.js',
  'prettier.config.mjs',
  'prettier.config.cjs',
  'prettier.config.ts',
  'prettier.config.mts',
  'prettier.config.cts',
  '.editorconfig',
];

/** The generator that is running: its folder and the DSL it imports (ts-src/dsl of its own checkout). */
const GENERATOR_ROOT = __dirname;
const GENERATOR_CHECKOUT = path.resolve(__dirname, '../..');

/**
 * Hash of the inputs. `outputFiles` (project-relative) are the files the build writes: prettier
 * looks for its config from each one's folder up to the file system root, so those folders count.
 * `sources` is `sourcesFingerprint(projectRoot)`, which a build takes before it reads anything, so
 * an edit made while it runs makes the next build's fingerprint differ rather than match.
 */
export function inputFingerprint(
  projectRoot: string,
  outputFiles: readonly string[],
  sources = sourcesFingerprint(projectRoot),
): string {
  const parts: string[] = [sources];
  for (const folder of configFolders(projectRoot, outputFiles)) {
    for (const name of CONFIG_NAMES) {
      const file = path.join(folder, name);
      if (fs.existsSync(file)) parts.push(`config:${file}`, readOrAbsent(file));
    }
  }
  return sha256(...parts);
}

/** Hash of the sources, generator and packages (everything but the config search of output folders). */
export function sourcesFingerprint(projectRoot: string): string {
  const parts: string[] = [process.version];
  const add = (label: string, file: string) => parts.push(label, readOrAbsent(file));
  for (const folder of PROJECT_FOLDERS) {
    for (const file of listFiles(path.join(projectRoot, folder), folder))
      add(`project:${folder}/${file}`, path.join(projectRoot, folder, file));
  }
  for (const file of PROJECT_FILES) add(`project:${file}`, path.join(projectRoot, file));
  parts.push('generator', generatorFingerprint());
  // npm rewrites node_modules/.package-lock.json on every install: a changed dependency changes it.
  const lockfiles = new Set(
    [projectRoot, GENERATOR_CHECKOUT].map((root) => realpath(path.join(root, 'node_modules/.package-lock.json'))),
  );
  for (const lockfile of [...lockfiles].sort()) add(`lock:${lockfile}`, lockfile);
  return sha256(...parts);
}

/**
 * Hash of every prettier config file (and .editorconfig) prettier's search could find for a file in
 * `folder`: in it and in every folder above it. `memo` saves work across the folders of one build.
 */
export function configChainHash(folder: string, memo: Map<string, string>): string {
  const known = memo.get(folder);
  if (known !== undefined) return known;
  const parent = path.dirname(folder);
  const parts = [parent === folder ? '' : configChainHash(parent, memo)];
  for (const name of CONFIG_NAMES) {
    const file = path.join(folder, name);
    if (fs.existsSync(file)) parts.push(name, readOrAbsent(file));
  }
  const hash = sha256(...parts);
  memo.set(folder, hash);
  return hash;
}

/** Hash of the running generator's code: its folder and the sources it imports from outside it. */
export function generatorFingerprint(): string {
  const parts: string[] = [];
  // Its tests do not change what it generates.
  for (const file of listFiles(GENERATOR_ROOT).filter((name) => !name.endsWith('.test.ts'))) {
    parts.push(`generator:${file}`, readOrAbsent(path.join(GENERATOR_ROOT, file)));
  }
  // The code outside ts-src/generator that it imports: the DSL, the policy limits the emitters
  // read, and the plan's limits the volume rule checks.
  for (const folder of ['ts-src/dsl', 'ts-src/policy', 'ts-src/plan']) {
    for (const file of listFiles(path.join(GENERATOR_CHECKOUT, folder)).filter((name) => !name.endsWith('.test.ts'))) {
      parts.push(`generator-${folder}:${file}`, readOrAbsent(path.join(GENERATOR_CHECKOUT, folder, file)));
    }
  }
  return sha256(...parts);
}

/** Every folder prettier's config search visits for the output files: theirs and all above them. */
function configFolders(projectRoot: string, outputFiles: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const file of outputFiles) {
    for (let dir = path.dirname(path.join(projectRoot, file)); !folders.has(dir); dir = path.dirname(dir)) {
      folders.add(dir);
      if (path.dirname(dir) === dir) break;
    }
  }
  return [...folders].sort();
}

/** Files below `root` (relative, forward slashes, sorted), skipping build output and dependencies. */
function listFiles(root: string, label = ''): string[] {
  const files: string[] = [];
  const walk = (dir: string, prefix: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === 'node_modules' || OUTPUT_FOLDERS.has(`${label}/${prefix}${entry.name}`)) continue;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), `${prefix}${entry.name}/`);
      else files.push(`${prefix}${entry.name}`);
    }
  };
  walk(root, '');
  return files;
}

function readOrAbsent(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '<absent>';
  }
}

function realpath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}
