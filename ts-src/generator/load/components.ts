/**
 * Reads the Lightning Web Components authored in TypeScript: each folder of `ts-src/lwc` that is a
 * bundle, and the hand-written ambient typings in `ts-src/lwc/types`. Only reading happens here;
 * the LWC emitter compiles them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ComponentSources } from '../model/build';
import type { LwcBundleSource } from '../model/types';

export const LWC_SOURCE_ROOT = 'ts-src/lwc';
/** Folders of ts-src/lwc that are not bundles. */
const NOT_BUNDLES = new Set(['types', 'generated', '__mocks__', '__tests__', 'test-support']);
/** Files inside a bundle folder that are not part of the deployed bundle. */
const NOT_BUNDLE_FILES = new Set(['__tests__', '__mocks__', 'tsconfig.json', 'jsconfig.json']);

export function readComponentSources(projectRoot: string): ComponentSources {
  const root = path.join(projectRoot, LWC_SOURCE_ROOT);
  if (!fs.existsSync(root)) return { components: [], componentTypings: {} };
  const components: LwcBundleSource[] = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !NOT_BUNDLES.has(entry.name) && !entry.name.startsWith('.'))
    .map((entry) => ({ bundle: entry.name, files: readTree(path.join(root, entry.name), NOT_BUNDLE_FILES) }))
    .sort((a, b) => a.bundle.localeCompare(b.bundle));
  const typingsRoot = path.join(root, 'types');
  const componentTypings = fs.existsSync(typingsRoot)
    ? Object.fromEntries(Object.entries(readTree(typingsRoot, new Set())).filter(([name]) => name.endsWith('.d.ts')))
    : {};
  return { components, componentTypings };
}

/** Every file below `folder` (relative path with forward slashes -> text), sorted. */
function readTree(folder: string, skip: ReadonlySet<string>): Record<string, string> {
  const files: [string, string][] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (skip.has(entry.name) || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, `${prefix}${entry.name}/`);
      else files.push([`${prefix}${entry.name}`, fs.readFileSync(full, 'utf8')]);
    }
  };
  walk(folder, '');
  return Object.fromEntries(files);
}
