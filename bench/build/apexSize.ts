/**
 * Apex characters per operation: the non-test generated Apex of the 500-operation synthetic project,
 * comments excluded, divided by its operations, beside the org's limit. The platform counts Apex
 * code size in characters without comments, and classes defined with @isTest do not count:
 * https://developer.salesforce.com/docs/atlas.en-us.salesforce_app_limits_cheatsheet.meta/salesforce_app_limits_cheatsheet/salesforce_app_limits_platform_apexgov.htm
 * https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_gov_limits.htm
 * https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_annotation_isTest.htm
 *
 *   npx tsx bench/build/apexSize.ts [--operations 500]     (npm run bench:apex-size)
 *
 * It builds the project in a temporary folder with the generator of this checkout (formatted, as
 * it is committed and deployed) and prints Markdown. Re-run it after the generated Apex changes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { planBuild } from '../../ts-src/generator/build';
import { argument } from '../stats';
import { syntheticSize, writeSyntheticProject } from './synthetic';

const ROOT = path.resolve(__dirname, '../..');
/** Maximum amount of code used by all Apex code in an org: 6 MB of characters. */
export const ORG_APEX_LIMIT = 6_000_000;

/** Apex without its comments (`//` to the line's end, block and ApexDoc comments); strings kept. */
export function withoutComments(code: string): string {
  let out = '';
  for (let i = 0; i < code.length;) {
    const c = code[i];
    if (c === "'") {
      let j = i + 1;
      while (j < code.length && code[j] !== "'") j += code[j] === '\\' ? 2 : 1;
      out += code.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && code[i + 1] === '/') {
      while (i < code.length && code[i] !== '\n') i++;
    } else if (c === '/' && code[i + 1] === '*') {
      const end = code.indexOf('*/', i + 2);
      i = end < 0 ? code.length : end + 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** A test class: @isTest before its `class` keyword (the platform does not count it). */
export function isTestClass(code: string): boolean {
  const head = withoutComments(code).split(/\bclass\b/i)[0];
  return /@isTest\b/i.test(head);
}

export interface ApexSize {
  operations: number;
  files: number;
  characters: number;
  perOperation: number;
}

export function measureApex(files: readonly { path: string; content: string }[], operations: number): ApexSize {
  const apex = files.filter(
    (file) => (file.path.endsWith('.cls') || file.path.endsWith('.trigger')) && !isTestClass(file.content),
  );
  const characters = apex.reduce((sum, file) => sum + withoutComments(file.content).length, 0);
  return { operations, files: apex.length, characters, perOperation: characters / operations };
}

async function main(): Promise<void> {
  const operations = argument('--operations', 500);
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-apex-size-'));
  const previousCache = process.env.SWITCHYARD_CACHE_DIR;
  process.env.SWITCHYARD_CACHE_DIR = path.join(workspace, 'cache');
  try {
    const root = path.join(workspace, 'project');
    writeSyntheticProject(ROOT, root, syntheticSize(operations));
    const { files } = await planBuild(root);
    const size = measureApex(files, operations);
    const share = (100 * size.characters) / ORG_APEX_LIMIT;
    console.log(
      [
        `| operations | non-test generated Apex files | characters (comments excluded) | per operation | share of the org limit (6,000,000) |`,
        `| ---: | ---: | ---: | ---: | ---: |`,
        `| ${operations} | ${size.files} | ${size.characters} | ${Math.round(size.perOperation)} | ${share.toFixed(1)} % |`,
      ].join('\n'),
    );
  } finally {
    if (previousCache === undefined) delete process.env.SWITCHYARD_CACHE_DIR;
    else process.env.SWITCHYARD_CACHE_DIR = previousCache;
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) void main();
