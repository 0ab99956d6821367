/**
 * Where a command works: the SFDX project (the folder holding sfdx-project.json, found from the
 * current folder or `--project DIR` upwards) and, inside it, Switchyard's workspace, the folder
 * holding the declarations and the generated package directories. `switchyard.config.json` at the
 * project root names it (`{ "root": "switchyard" }`, which `switchyard init` writes); without that
 * file the workspace is the project itself, which is this repository's layout.
 */
import fs from 'node:fs';
import path from 'node:path';

/** This checkout, or the installed package: the generator, DSL, runtime and validator it ships. */
export const SOURCE_ROOT = path.resolve(__dirname, '..', '..');
export const CONFIG_FILE = 'switchyard.config.json';

export interface SwitchyardConfig {
  /** The workspace, relative to the project root (forward slashes). */
  root: string;
}

export interface Project {
  /** Absolute path of the SFDX project (or the starting folder when none holds sfdx-project.json). */
  root: string;
  /** Absolute path of Switchyard's workspace inside it. */
  workspace: string;
  config?: SwitchyardConfig;
  hasSfdxProject: boolean;
}

export function findProjectRoot(start: string): string | undefined {
  let current = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(current, 'sfdx-project.json'))) return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

export function readConfig(projectRoot: string): SwitchyardConfig | undefined {
  const file = path.join(projectRoot, CONFIG_FILE);
  if (!fs.existsSync(file)) return undefined;
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<SwitchyardConfig>;
  if (typeof parsed.root !== 'string' || parsed.root.length === 0 || path.isAbsolute(parsed.root)) {
    throw new Error(`${CONFIG_FILE}: "root" must be a folder relative to the project, such as "switchyard"`);
  }
  if (path.normalize(parsed.root).startsWith('..'))
    throw new Error(`${CONFIG_FILE}: "root" must be inside the project`);
  return { root: parsed.root };
}

export function resolveProject(projectFlag: string | undefined, cwd = process.cwd()): Project {
  const start = path.resolve(cwd, projectFlag ?? '.');
  const found = findProjectRoot(start);
  const root = found ?? start;
  const config = readConfig(root);
  return {
    root,
    workspace: config ? path.resolve(root, config.root) : root,
    config,
    hasSfdxProject: found !== undefined,
  };
}

export function sourceVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(SOURCE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
