/**
 * The record of the last successful build, kept in the generator's cache folder (not in force-app,
 * whose bytes must not change): the fingerprint of its inputs and a sha256 of every file it wrote.
 * A build whose inputs have the same fingerprint, finding every recorded file (and the manifest)
 * on disk as recorded, would write nothing: it may stop there. Anything else, including a record
 * that does not check out, means a full build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cacheDirectory, projectTag, readEntry, sha256, writeEntry } from '../cache';
import { MANIFEST_PATH } from './manifest';

export interface BuildRecord {
  fingerprint: string;
  /** Project-relative path -> sha256 of its content, the manifest included. */
  files: Record<string, string>;
}

function recordFile(projectRoot: string): string | undefined {
  const cache = cacheDirectory(projectRoot);
  return cache && path.join(cache, `build-${projectTag(projectRoot)}.json`);
}

export function readRecord(projectRoot: string): BuildRecord | undefined {
  const file = recordFile(projectRoot);
  const record = file ? readEntry<BuildRecord>(file) : undefined;
  return record && typeof record.fingerprint === 'string' && record.files && typeof record.files === 'object'
    ? record
    : undefined;
}

/** Paths the record lists, the manifest first excluded. */
export function recordedOutputs(record: BuildRecord): string[] {
  return Object.keys(record.files).filter((file) => file !== MANIFEST_PATH);
}

/** True when every recorded file is on disk with the recorded content. */
export function outputMatches(projectRoot: string, record: BuildRecord): boolean {
  if (!(MANIFEST_PATH in record.files)) return false;
  for (const [file, hash] of Object.entries(record.files)) {
    let content: Buffer;
    try {
      content = fs.readFileSync(path.join(projectRoot, file));
    } catch {
      return false;
    }
    if (sha256(content) !== hash) return false;
  }
  return true;
}

/** Records the build's generated files (as written: formatted) and the manifest it wrote. */
export function writeRecord(
  projectRoot: string,
  fingerprint: string,
  files: readonly { path: string; content: string }[],
  manifest: string,
): void {
  const file = recordFile(projectRoot);
  if (!file) return;
  const hashes: Record<string, string> = {};
  for (const generated of files) hashes[generated.path] = sha256(generated.content);
  hashes[MANIFEST_PATH] = sha256(manifest);
  writeEntry(file, { fingerprint, files: hashes } satisfies BuildRecord);
}
