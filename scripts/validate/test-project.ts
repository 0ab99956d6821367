/** Throwaway SFDX projects for the checks' tests: sfdx-project.json, the repo's .prettierrc and .forceignore, given files. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createContext, type Context } from './runner';
import { REPO_ROOT } from './tools';

export interface TestProject {
  root: string;
  context(): Context;
  write(file: string, content: string): void;
  remove(): void;
}

export interface ProjectOptions {
  packageDirs?: string[];
  /** Put the project beside a `shared` folder linked to this repo's ../shared (for the schema check). */
  besideSharedSchemas?: boolean;
}

export function makeProject(files: Record<string, string>, options: ProjectOptions = {}): TestProject {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'swy-validate-'));
  // Always one level down, so whether `../shared` exists is up to the test, not to os.tmpdir().
  const root = path.join(tmp, 'project');
  if (options.besideSharedSchemas) fs.symlinkSync(path.resolve(REPO_ROOT, '..', 'shared'), path.join(tmp, 'shared'));
  const write = (file: string, content: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  };
  const packageDirs = options.packageDirs ?? ['app'];
  write(
    'sfdx-project.json',
    JSON.stringify({
      packageDirectories: packageDirs.map((p, i) => ({ path: p, default: i === packageDirs.length - 1 })),
      namespace: '',
      sourceApiVersion: '66.0',
    }),
  );
  for (const name of ['.prettierrc', '.forceignore']) write(name, fs.readFileSync(path.join(REPO_ROOT, name), 'utf8'));
  for (const dir of packageDirs) fs.mkdirSync(path.join(root, dir), { recursive: true });
  for (const [file, content] of Object.entries(files)) write(file, content);
  return {
    root,
    context: () => createContext(root),
    write,
    remove: () => fs.rmSync(tmp, { recursive: true, force: true }),
  };
}

const CLASS_META = `<?xml version="1.0" encoding="UTF-8" ?>
<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">
  <apiVersion>66.0</apiVersion>
  <status>Active</status>
</ApexClass>
`;

/** A class and its -meta.xml under `<dir>/classes/`. */
export function apexClass(dir: string, name: string, body: string): Record<string, string> {
  return { [`${dir}/classes/${name}.cls`]: body, [`${dir}/classes/${name}.cls-meta.xml`]: CLASS_META };
}

export const findingFiles = (ctx: Context, findings: { file?: string }[]): string[] =>
  findings.map((f) => (f.file && path.isAbsolute(f.file) ? path.relative(ctx.projectRoot, f.file) : (f.file ?? '')));
