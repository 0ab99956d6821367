/**
 * code-analyzer.yml selects (tags `Switchyard`) exactly the PMD rules config/pmd-ruleset.xml makes
 * `npm run validate` run: every rule of each category the ruleset references, minus the rules it
 * excludes, read from the PMD jar the validator runs.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';

const REPO = path.resolve(__dirname, '..', '..');

function pmdJar(): string {
  const lib = path.join(REPO, 'node_modules/@salesforce/code-analyzer-pmd-engine/dist/java-lib');
  const jar = fs.readdirSync(lib).find((f) => /^pmd-apex-[\d.]+\.jar$/.test(f));
  assert.ok(jar, `no pmd-apex jar in ${lib}`);
  return path.join(lib, jar);
}

/** The rule names config/pmd-ruleset.xml resolves to. */
function rulesetRules(): string[] {
  const ruleset = fs.readFileSync(path.join(REPO, 'config/pmd-ruleset.xml'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  const rules = new Set<string>();
  for (const [, body, ref, inner] of ruleset.matchAll(/<rule\s+(ref="([^"]+)")\s*(?:\/>|>([\s\S]*?)<\/rule>)/g)) {
    void body;
    const category = /^category\/apex\/(\w+)\.xml$/.exec(ref);
    if (!category) {
      const single = /^category\/apex\/\w+\.xml\/(\w+)$/.exec(ref);
      assert.ok(single, `unexpected rule reference ${ref}`);
      rules.add(single[1]);
      continue;
    }
    const xml = execFileSync('unzip', ['-p', pmdJar(), `category/apex/${category[1]}.xml`], { encoding: 'utf8' });
    const excluded = new Set([...(inner ?? '').matchAll(/<exclude\s+name="(\w+)"/g)].map((m) => m[1]));
    for (const [, name] of xml.matchAll(/^\s*<rule\s+name="(\w+)"/gm)) if (!excluded.has(name)) rules.add(name);
  }
  return [...rules].sort();
}

/** The PMD rules code-analyzer.yml tags `Switchyard`. */
function analyzerRules(): string[] {
  const yaml = fs.readFileSync(path.join(REPO, 'code-analyzer.yml'), 'utf8');
  const rules: string[] = [];
  let current: string | undefined;
  for (const line of yaml.split('\n')) {
    const rule = /^ {4}(\w+):\s*$/.exec(line);
    if (rule) current = rule[1];
    const tags = /^ {6}tags:\s*\[(.*)\]/.exec(line);
    if (tags && current && tags[1].split(',').some((t) => t.trim().replace(/"/g, '') === 'Switchyard'))
      rules.push(current);
  }
  return rules.sort();
}

test('code-analyzer.yml selects the same PMD rules as config/pmd-ruleset.xml', () => {
  const expected = rulesetRules();
  assert.ok(expected.length > 30, `the ruleset resolves to ${expected.length} rules`);
  assert.deepEqual(analyzerRules(), expected);
});
