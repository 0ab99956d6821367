/**
 * The only code that touches the disk on the output side. It plans first (what to write, what is
 * unchanged, what stale generated file to remove), refuses to overwrite a file it did not write,
 * and only then applies the plan, atomically (journal.ts). build.ts holds the build lock (lock.ts)
 * around planning and applying, and runs `recoverInterruptedWrite` before planning.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { GeneratedFile } from '../emit/types';
import { WriteRefused } from './errors';
import { applyAtomically } from './journal';
import { GENERATED_PREFIXES, isGeneratedPath, MANIFEST_PATH, readManifest, serializeManifest } from './manifest';

export { WriteRefused } from './errors';
export { GENERATED_PREFIXES } from './manifest';
export { acquireBuildLock, type BuildLock } from './lock';
export { recoverInterruptedWrite } from './journal';

export interface WritePlan {
  write: GeneratedFile[];
  unchanged: string[];
  remove: string[];
  manifest: string;
  /** The previous build's files, which the manifest keeps owning until the new files are in place. */
  previous: string[];
}

const MAX_LISTED = 5;

export function planWrite(projectRoot: string, files: readonly GeneratedFile[]): WritePlan {
  const manifest = readManifest(projectRoot);
  const previous = new Set(manifest.files);
  const seen = new Set<string>();
  const foreign: string[] = [];
  const plan: WritePlan = { write: [], unchanged: [], remove: [], manifest: '', previous: manifest.files };
  for (const file of files) {
    if (!isGeneratedPath(file.path)) {
      throw new WriteRefused(
        `refusing to write ${file.path}: generated files go under ${GENERATED_PREFIXES.join(' or ')}`,
      );
    }
    if (seen.has(file.path)) throw new WriteRefused(`two emitters produced ${file.path}`);
    seen.add(file.path);
    const target = path.join(projectRoot, file.path);
    const existing = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
    if (existing !== undefined && !previous.has(file.path)) foreign.push(file.path);
    else if (existing === file.content) plan.unchanged.push(file.path);
    else plan.write.push(file);
  }
  if (foreign.length > 0) throw refusal(foreign, manifest.present);
  plan.remove = [...previous].filter((p) => !seen.has(p) && fs.existsSync(path.join(projectRoot, p))).sort();
  plan.manifest = serializeManifest({ files: [...seen].sort() });
  return plan;
}

function refusal(foreign: string[], manifestPresent: boolean): WriteRefused {
  const listed =
    foreign.slice(0, MAX_LISTED).join(', ') +
    (foreign.length > MAX_LISTED ? `, and ${foreign.length - MAX_LISTED} more` : '');
  if (!manifestPresent) {
    return new WriteRefused(
      `${MANIFEST_PATH} is missing, so Switchyard cannot tell the files it generated from yours, and ${foreign.length} file(s) it would write already exist (${listed}). ` +
        `Restore it with \`git checkout -- ${MANIFEST_PATH}\` and build again; if these files are from an earlier build and the manifest was never committed, move them out of the way (Switchyard writes them again) and build again`,
    );
  }
  return new WriteRefused(
    `refusing to overwrite ${listed}: ${foreign.length === 1 ? 'it exists' : 'they exist'} but Switchyard did not generate ${foreign.length === 1 ? 'it' : 'them'} (not in ${MANIFEST_PATH}). Move or rename ${foreign.length === 1 ? 'it' : 'them'}, then build again`,
  );
}

/** True when applying the plan would change nothing on disk. */
export function isUpToDate(projectRoot: string, plan: WritePlan): boolean {
  const manifestFile = path.join(projectRoot, MANIFEST_PATH);
  const manifestCurrent = fs.existsSync(manifestFile) && fs.readFileSync(manifestFile, 'utf8') === plan.manifest;
  return plan.write.length === 0 && plan.remove.length === 0 && manifestCurrent;
}

/** Replaces the output with the plan's, completely or (killed before the commit point) not at all. */
export function applyPlan(projectRoot: string, plan: WritePlan): void {
  if (isUpToDate(projectRoot, plan)) return;
  const next = plan.manifest;
  const union = serializeManifest({
    files: [...new Set([...plan.previous, ...(JSON.parse(next).files as string[])])].sort(),
  });
  applyAtomically(projectRoot, { write: plan.write, remove: plan.remove, unionManifest: union, finalManifest: next });
}
