/**
 * Formats emitted files with the project's own prettier config (.prettierrc), so the committed
 * output is what `npm run prettier:verify` expects and rebuilding is byte-stable.
 *
 * Formatting is most of a build's cost, so:
 * - a content-addressed cache keeps formatted text by sha256 of (prettier and plugin versions, the
 *   prettier config files prettier could find for it, its path, its parser, its unformatted text); only files whose
 *   emitted text changed are formatted again;
 * - Apex is parsed by one server process for the whole build (see apexServer.ts), not by one native
 *   parser process per file; without Java it falls back to the native parser, a few at a time;
 * - many misses (a cold build) are formatted by worker threads, one per core;
 * - files an emitter marks `preformatted` (the metadata XML serializer's regular output, the Apex
 *   `-meta.xml`) are exactly prettier's text already and skip prettier (preformatted.test.ts).
 * The formatted text is prettier's in every case: the cache and the transport never change it.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import type { FormatParser, GeneratedFile } from './emit/types';
import { cacheDirectory, projectTag, readEntry, sha256, writeEntry } from './cache';
import { configChainHash } from './inputs';
import { findJava, startApexServer, type ApexServer } from './apexServer';

/** Bump when the cache's key or layout changes. */
const FORMAT_CACHE_VERSION = '1';
/** Below this many files to format, worker threads cost more to start than they save. */
const PARALLEL_THRESHOLD = 400;
/** Parses in flight at once: enough to keep the Apex parser busy while this thread prints. */
const APEX_CONCURRENCY = 4;

/** Files the emitter wrote already formatted (emit/types.ts `preformatted`) pass through as they are. */
const needsFormatting = (file: GeneratedFile): file is GeneratedFile & { parser: FormatParser } =>
  file.parser !== undefined && !file.preformatted;
const isApex = (file: GeneratedFile) => file.parser === 'apex' || file.parser === 'apex-anonymous';

export interface FormatStats {
  formatted: number;
  cached: number;
  /** How Apex misses were parsed: 'server', 'native', or 'none' when there were none. */
  apexParser: 'server' | 'native' | 'none';
}

/** Which emitted files the cache already holds formatted, and the key of each file to format. */
export interface FormatPlan {
  keys: Map<GeneratedFile, string>;
  cached: Record<string, string>;
  misses: GeneratedFile[];
}

/**
 * Looks every file up in the cache without loading prettier. A file's key: sha256 of prettier's and
 * the plugins' installed versions, every prettier config file prettier could find for its path
 * (its folder and all above it), its path, its parser and its unformatted text.
 */
export function planFormat(projectRoot: string, files: readonly GeneratedFile[]): FormatPlan {
  const environment = environmentKey(projectRoot);
  const memo = new Map<string, string>();
  const keys = new Map<GeneratedFile, string>();
  for (const file of files) {
    if (!needsFormatting(file)) continue;
    const config = configChainHash(path.dirname(path.join(projectRoot, file.path)), memo);
    keys.set(file, sha256(FORMAT_CACHE_VERSION, environment, config, file.path, file.parser, file.content));
  }
  const cacheFile = cacheFileFor(projectRoot);
  const stored = cacheFile ? readEntry<Record<string, string>>(cacheFile) : undefined;
  const cached = stored && typeof stored === 'object' ? stored : {};
  const misses = files.filter((file) => needsFormatting(file) && typeof cached[keys.get(file)!] !== 'string');
  return { keys, cached, misses };
}

/**
 * Starts the Apex parser server now, so its JVM boots on the other core while the build loads,
 * emits and checks; pass `server` to `formatFiles`, which stops it (at once if no Apex needs
 * formatting). `server` is undefined without Java or with `SWITCHYARD_APEX_PARSER=native`.
 * `spawned` settles once the JVM's process exists (or it will not be started): the load that
 * follows is synchronous and holds this thread, so a caller that does not wait for it starts the
 * JVM only after the load, emit and check (a cold 500-operation build did: the JVM appeared at
 * the end of the reference check).
 */
export function startApexParser(projectRoot: string): {
  server: Promise<ApexServer | undefined>;
  spawned: Promise<void>;
} {
  let markSpawned = () => {};
  const spawned = new Promise<void>((resolve) => (markSpawned = resolve));
  const server = startServer(projectRoot, markSpawned).finally(markSpawned);
  return { server, spawned };
}

export async function formatFiles(
  projectRoot: string,
  files: readonly GeneratedFile[],
  stats?: FormatStats,
  plan: FormatPlan = planFormat(projectRoot, files),
  apexServer?: Promise<ApexServer | undefined>,
): Promise<GeneratedFile[]> {
  const { keys, cached, misses } = plan;
  const formatted = new Map<GeneratedFile, string>();
  let apexParser: FormatStats['apexParser'] = 'none';
  try {
    if (misses.length > 0) apexParser = await formatMisses(projectRoot, misses, formatted, apexServer);
  } finally {
    await (await apexServer?.catch(() => undefined))?.stop();
  }

  const used: Record<string, string> = {};
  const result = files.map((file) => {
    if (!needsFormatting(file)) return file;
    const key = keys.get(file)!;
    const content = formatted.get(file) ?? cached[key];
    used[key] = content;
    return { ...file, content };
  });
  // Only this build's entries are kept, so the cache stays the size of one build's output.
  const cacheFile = cacheFileFor(projectRoot);
  if (cacheFile && (misses.length > 0 || Object.keys(cached).length !== Object.keys(used).length)) {
    writeEntry(cacheFile, used);
  }
  if (stats) Object.assign(stats, { formatted: misses.length, cached: keys.size - misses.length, apexParser });
  return result;
}

async function formatMisses(
  projectRoot: string,
  misses: readonly GeneratedFile[],
  into: Map<GeneratedFile, string>,
  prestarted: Promise<ApexServer | undefined> | undefined,
): Promise<FormatStats['apexParser']> {
  // prettier keeps config files it has read for the life of the process; the cache key was taken
  // from the files as they are now, so prettier must read them now too (or it could store text
  // formatted with an old config under the new config's key).
  await (await import('prettier')).clearConfigCache();
  const apex = misses.filter(isApex);
  const rest = misses.filter((file) => !isApex(file));
  // The JVM starts (unless it already has) while the other files are formatted.
  const server = prestarted ?? (apex.length > 0 ? startServer(projectRoot) : Promise.resolve(undefined));
  try {
    await formatAll(projectRoot, rest, {}, into, 1);
    const started = await server;
    await formatAll(projectRoot, apex, started?.options ?? {}, into, started ? APEX_CONCURRENCY : 2);
    return apex.length === 0 ? 'none' : started ? 'server' : 'native';
  } finally {
    await (await server.catch(() => undefined))?.stop();
  }
}

async function startServer(projectRoot: string, onSpawned?: () => void): Promise<ApexServer | undefined> {
  if (process.env.SWITCHYARD_APEX_PARSER === 'native' || !findJava()) return undefined;
  const pluginDir = packageDir(projectRoot, 'prettier-plugin-apex');
  if (!pluginDir) return undefined;
  const cache = cacheDirectory(projectRoot);
  const version = readVersion(pluginDir);
  try {
    const archive = cache && path.join(cache, `apex-server-${version}-${process.version}.jsa`);
    return await startApexServer(pluginDir, archive, onSpawned);
  } catch (error) {
    console.error(`switchyard: ${(error as Error).message}; parsing Apex with the native parser instead`);
    return undefined;
  }
}

/** Formats `files` in this thread (`concurrency` at a time) or, when there are many, in worker threads. */
async function formatAll(
  projectRoot: string,
  files: readonly GeneratedFile[],
  extra: object,
  into: Map<GeneratedFile, string>,
  concurrency: number,
): Promise<void> {
  const workers = Math.min(os.availableParallelism(), 4);
  if (files.length >= PARALLEL_THRESHOLD && workers > 1 && process.env.SWITCHYARD_FORMAT_WORKERS !== '0') {
    const { formatInWorkers } = await import('./formatWorkers');
    const texts = await formatInWorkers(projectRoot, files, extra, workers, concurrency);
    files.forEach((file, index) => into.set(file, texts[index]));
    return;
  }
  let next = 0;
  const lane = async () => {
    while (next < files.length) {
      const file = files[next++];
      into.set(file, await formatOne(projectRoot, file, extra));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
}

/** Prettier on one file, with the config prettier resolves for its path. */
export async function formatOne(projectRoot: string, file: GeneratedFile, extra: object): Promise<string> {
  const prettier = await import('prettier');
  const filepath = path.join(projectRoot, file.path);
  const config = (await prettier.resolveConfig(filepath)) ?? {};
  try {
    return await prettier.format(file.content, { ...config, ...extra, filepath, parser: file.parser });
  } catch (error) {
    // An emitter produced text its own language rejects: a generator bug, not a user error.
    throw new Error(`could not format ${file.path} (${file.parser}): ${(error as Error).message}`);
  }
}

function cacheFileFor(projectRoot: string): string | undefined {
  const cache = cacheDirectory(projectRoot);
  return cache && path.join(cache, `format-${projectTag(projectRoot)}.json`);
}

/** Prettier's version and every plugin's, as installed: a new version of any of them formats anew. */
function environmentKey(projectRoot: string): string {
  const prettierDir = path.dirname(createRequire(__filename).resolve('prettier/package.json'));
  const plugins = ['prettier-plugin-apex', '@prettier/plugin-xml', '@prettier-apex/apex-ast-serializer-linux-x64'];
  return JSON.stringify([
    `prettier@${readVersion(prettierDir)}`,
    ...plugins.map((name) => {
      const dir = packageDir(projectRoot, name);
      return `${name}@${dir ? readVersion(dir) : 'absent'}`;
    }),
  ]);
}

function packageDir(projectRoot: string, name: string): string | undefined {
  try {
    const require = createRequire(path.join(projectRoot, 'package.json'));
    // Resolving the entry point works whatever the package's `exports` allow; walk up to its package.json.
    let dir = path.dirname(require.resolve(name));
    while (!fs.existsSync(path.join(dir, 'package.json')) || readName(dir) !== name) {
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
    return dir;
  } catch {
    const dir = path.join(projectRoot, 'node_modules', name);
    return fs.existsSync(path.join(dir, 'package.json')) ? dir : undefined;
  }
}

function readName(dir: string): string | undefined {
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }).name;
}

function readVersion(dir: string): string {
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version?: string }).version ?? '?';
}
