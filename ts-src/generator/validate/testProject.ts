/**
 * Throwaway projects for the declaration-error tests: the real DSL, the given declaration files and
 * a force-app that must survive a refused build; and where an error must point.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../build';

const REPO_ROOT = path.resolve(__dirname, '../../..');

export function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-decl-'));
  fs.cpSync(path.join(REPO_ROOT, 'ts-src/dsl'), path.join(root, 'ts-src/dsl'), { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  fs.mkdirSync(path.join(root, 'force-app/main/default/classes'), { recursive: true });
  fs.writeFileSync(path.join(root, 'force-app/main/default/classes/Existing.cls'), 'public class Existing {}\n');
  fs.writeFileSync(path.join(root, 'force-app/.switchyard-manifest.json'), '{"files":[]}\n');
  return root;
}

export function treeHash(folder: string): string {
  const hash = crypto.createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      hash.update(path.relative(folder, full));
      if (entry.isDirectory()) walk(full);
      else hash.update(fs.readFileSync(full));
    }
  };
  walk(folder);
  return hash.digest('hex');
}

/** 1-based line and column of `marked` in `text`; a `|` marks the exact character within it. */
export function positionOf(text: string, marked: string, occurrence = 1): { line: number; column: number } {
  const offset = Math.max(marked.indexOf('|'), 0);
  const needle = marked.replace('|', '');
  let index = -1;
  for (let i = 0; i < occurrence; i++) index = text.indexOf(needle, index + 1);
  assert.ok(index >= 0, `test setup: "${needle}" not found`);
  index += offset;
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

export interface RefusedBuild {
  root: string;
  errors: string[];
  code: number;
  unchanged: boolean;
}

/** Builds the project once and reports what it printed and whether force-app survived. */
export async function buildRefused(files: Record<string, string>): Promise<RefusedBuild> {
  const root = project(files);
  const before = treeHash(path.join(root, 'force-app'));
  const errors: string[] = [];
  const code = await build(root, false, { info: () => undefined, error: (line) => errors.push(line) });
  const unchanged = treeHash(path.join(root, 'force-app')) === before;
  return { root, errors, code, unchanged };
}

export interface Expectation {
  rule: string;
  message: RegExp;
  /** Text the error must point at, in the file it is in (`|` marks the character). */
  at: string;
  occurrence?: number;
  file: string;
}

/** The error printed for `expected` (at its file:line:col with its rule), its message and fix checked. */
export function assertError(files: Record<string, string>, result: RefusedBuild, expected: Expectation): void {
  const { line, column } = positionOf(files[expected.file], expected.at, expected.occurrence);
  const where = `${expected.file}:${line}:${column}: error [${expected.rule}] `;
  const match = result.errors.find((e) => e.startsWith(where) && expected.message.test(e));
  assert.ok(
    match,
    `expected an error starting "${where}" matching ${expected.message}, got:\n${result.errors.filter((e) => e.includes(`[${expected.rule}]`)).join('\n') || result.errors.slice(0, 5).join('\n')}`,
  );
  assert.match(match, /\n {4}fix: \S/, 'every error says how to fix it');
}
