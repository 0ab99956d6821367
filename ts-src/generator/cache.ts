/**
 * The generator's caches: content-addressed, under `node_modules/.cache/switchyard/` of the project
 * (never committed; `SWITCHYARD_CACHE_DIR` moves it, `SWITCHYARD_CACHE=off` turns every cache off).
 * A cache only ever saves work: every entry is keyed by a hash of everything that decides its value
 * and carries a hash of its own value, so an entry that does not check out is ignored and the work
 * is done again. Nothing here writes to force-app or ts-src: only the writer does.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function sha256(...parts: readonly (string | Buffer)[]): string {
  const hash = crypto.createHash('sha256');
  for (const part of parts) {
    // Length-prefixed, so ('ab', 'c') and ('a', 'bc') never hash alike.
    hash.update(`${Buffer.byteLength(part)}:`);
    hash.update(part);
  }
  return hash.digest('hex');
}

/** The cache folder, or undefined when caching is off. */
export function cacheDirectory(projectRoot: string): string | undefined {
  if (process.env.SWITCHYARD_CACHE === 'off') return undefined;
  return process.env.SWITCHYARD_CACHE_DIR
    ? path.resolve(process.env.SWITCHYARD_CACHE_DIR)
    : path.join(projectRoot, 'node_modules/.cache/switchyard');
}

/** A short, stable name for one project's entries (several checkouts may share node_modules). */
export function projectTag(projectRoot: string): string {
  return sha256(path.resolve(projectRoot)).slice(0, 16);
}

/** The JSON stored at `file`, if it parses and its `checksum` matches its `value`; otherwise undefined. */
export function readEntry<T>(file: string): T | undefined {
  try {
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { checksum?: string; value?: string };
    if (typeof stored.value !== 'string' || stored.checksum !== sha256(stored.value)) return undefined;
    return JSON.parse(stored.value) as T;
  } catch {
    return undefined;
  }
}

/** Stores `value` at `file` (write then rename, so a reader never sees half an entry). Best effort. */
export function writeEntry(file: string, value: unknown): void {
  try {
    const text = JSON.stringify(value);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify({ checksum: sha256(text), value: text }));
    fs.renameSync(temporary, file);
  } catch {
    // A cache that cannot be written (read-only node_modules) only costs time.
  }
}
