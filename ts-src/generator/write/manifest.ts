/**
 * The record of what the build wrote. Only files listed here are ever overwritten or removed by a
 * later build; anything else in force-app belongs to someone else and is left alone.
 */
import fs from 'node:fs';
import path from 'node:path';

export const MANIFEST_PATH = 'force-app/.switchyard-manifest.json';

export interface Manifest {
  /** Paths relative to the project root, sorted. */
  files: string[];
}

export function readManifest(projectRoot: string): Manifest {
  const file = path.join(projectRoot, MANIFEST_PATH);
  if (!fs.existsSync(file)) return { files: [] };
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Manifest>;
  return { files: Array.isArray(parsed.files) ? parsed.files : [] };
}

export function serializeManifest(manifest: Manifest): string {
  const note = 'Written by `npm run build`: the files Switchyard generated. Do not edit.';
  return JSON.stringify({ note, files: manifest.files }, null, 2) + '\n';
}
