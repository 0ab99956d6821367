/**
 * The record of what the build wrote. Only files listed here are ever overwritten or removed by a
 * later build; anything else in force-app belongs to someone else and is left alone.
 *
 * The writer keeps it a superset of the generated files on disk at every instant (see journal.ts),
 * so an interrupted build can never make the next one take its own files for someone else's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { WriteRefused } from './errors';

export const MANIFEST_PATH = 'force-app/.switchyard-manifest.json';

/** Where generated files may go: the SFDX output and the LWC payload types. Never the runtime library. */
export const GENERATED_PREFIXES = ['force-app/', 'ts-src/lwc/generated/'];

export interface Manifest {
  /** Paths relative to the project root, sorted. */
  files: string[];
  /** False when there is no manifest file (a fresh project, or one whose manifest was deleted). */
  present: boolean;
}

/** A path the writer may create, overwrite or remove: inside a generated folder, no `..`, relative. */
export function isGeneratedPath(file: string): boolean {
  return (
    GENERATED_PREFIXES.some((prefix) => file.startsWith(prefix)) &&
    !file.split(/[\\/]/).includes('..') &&
    !path.isAbsolute(file) &&
    file !== MANIFEST_PATH
  );
}

/** A manifest that cannot be read: reported with its path and how to get back to a working build. */
export class ManifestError extends WriteRefused {}

const RECOVER =
  `restore it with \`git checkout -- ${MANIFEST_PATH}\` and build again; ` +
  `if it was never committed, delete it, move the generated files out of force-app (Switchyard writes them all again), and build again`;

export function readManifest(projectRoot: string): Manifest {
  const file = path.join(projectRoot, MANIFEST_PATH);
  if (!fs.existsSync(file)) return { files: [], present: false };
  const text = fs.readFileSync(file, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(
      `${MANIFEST_PATH} is not valid JSON (${(error as Error).message}), so Switchyard cannot tell the files it generated from yours: ${RECOVER}`,
    );
  }
  const files = (parsed as { files?: unknown } | null)?.files;
  if (!Array.isArray(files) || !files.every((entry) => typeof entry === 'string')) {
    throw new ManifestError(
      `${MANIFEST_PATH} has no "files" list of paths, so Switchyard cannot tell its files from yours: ${RECOVER}`,
    );
  }
  const foreign = files.find((entry) => !isGeneratedPath(entry));
  if (foreign !== undefined) {
    throw new ManifestError(
      `${MANIFEST_PATH} lists ${JSON.stringify(foreign)}, which is not a path Switchyard generates (${GENERATED_PREFIXES.join(' or ')}); it was edited or damaged, and Switchyard will not remove files on its word: ${RECOVER}`,
    );
  }
  return { files: [...new Set(files)].sort(), present: true };
}

export function serializeManifest(manifest: Pick<Manifest, 'files'>): string {
  const note = 'Written by `npm run build`: the files Switchyard generated. Do not edit.';
  return JSON.stringify({ note, files: manifest.files }, null, 2) + '\n';
}
