/**
 * The only code that touches the disk on the output side. It plans first (what to write, what is
 * unchanged, what stale generated file to remove), refuses to overwrite a file it did not write,
 * and only then applies the plan.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { GeneratedFile } from '../emit/types';
import { MANIFEST_PATH, readManifest, serializeManifest } from './manifest';

/** Where generated files may go: the SFDX output and the LWC payload types. Never the runtime library. */
export const GENERATED_PREFIXES = ['force-app/', 'ts-src/lwc/generated/'];

export interface WritePlan {
  write: GeneratedFile[];
  unchanged: string[];
  remove: string[];
  manifest: string;
}

export class WriteRefused extends Error {}

export function planWrite(projectRoot: string, files: readonly GeneratedFile[]): WritePlan {
  const previous = new Set(readManifest(projectRoot).files);
  const seen = new Set<string>();
  const plan: WritePlan = { write: [], unchanged: [], remove: [], manifest: '' };
  for (const file of files) {
    if (!GENERATED_PREFIXES.some((prefix) => file.path.startsWith(prefix)) || file.path.includes('..')) {
      throw new WriteRefused(
        `refusing to write ${file.path}: generated files go under ${GENERATED_PREFIXES.join(' or ')}`,
      );
    }
    if (seen.has(file.path)) throw new WriteRefused(`two emitters produced ${file.path}`);
    seen.add(file.path);
    const target = path.join(projectRoot, file.path);
    const existing = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
    if (existing !== undefined && !previous.has(file.path)) {
      throw new WriteRefused(
        `refusing to overwrite ${file.path}: it exists but Switchyard did not generate it (not in ${MANIFEST_PATH}). Move or rename it, then build again.`,
      );
    }
    if (existing === file.content) plan.unchanged.push(file.path);
    else plan.write.push(file);
  }
  plan.remove = [...previous].filter((p) => !seen.has(p) && fs.existsSync(path.join(projectRoot, p))).sort();
  plan.manifest = serializeManifest({ files: [...seen].sort() });
  return plan;
}

/** True when applying the plan would change nothing on disk. */
export function isUpToDate(projectRoot: string, plan: WritePlan): boolean {
  const manifestFile = path.join(projectRoot, MANIFEST_PATH);
  const manifestCurrent = fs.existsSync(manifestFile) && fs.readFileSync(manifestFile, 'utf8') === plan.manifest;
  return plan.write.length === 0 && plan.remove.length === 0 && manifestCurrent;
}

export function applyPlan(projectRoot: string, plan: WritePlan): void {
  for (const file of plan.write) {
    const target = path.join(projectRoot, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // Write then rename, so an interrupted build never leaves a half-written file behind.
    const temporary = `${target}.switchyard-tmp`;
    fs.writeFileSync(temporary, file.content);
    fs.renameSync(temporary, target);
  }
  for (const stale of plan.remove) {
    fs.rmSync(path.join(projectRoot, stale));
    removeEmptyParents(projectRoot, path.dirname(stale));
  }
  fs.mkdirSync(path.dirname(path.join(projectRoot, MANIFEST_PATH)), { recursive: true });
  fs.writeFileSync(path.join(projectRoot, MANIFEST_PATH), plan.manifest);
}

/** Removes folders emptied by removing stale files, up to (not including) a generated root. */
function removeEmptyParents(projectRoot: string, folder: string): void {
  let current = folder;
  while (GENERATED_PREFIXES.some((prefix) => current.startsWith(prefix))) {
    const absolute = path.join(projectRoot, current);
    if (!fs.existsSync(absolute) || fs.readdirSync(absolute).length > 0) return;
    fs.rmdirSync(absolute);
    current = path.dirname(current);
  }
}
