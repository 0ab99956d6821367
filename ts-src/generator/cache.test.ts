import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { readEntry, writeEntry } from './cache';
import { formatFiles, planFormat, type FormatStats } from './format';
import { configChainHash, inputFingerprint, sourcesFingerprint } from './inputs';

const REPO = path.resolve(__dirname, '../..');
let root: string;
let previousCache: string | undefined;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-cache-'));
  previousCache = process.env.SWITCHYARD_CACHE_DIR;
  process.env.SWITCHYARD_CACHE_DIR = path.join(root, '.cache');
});
afterEach(() => {
  if (previousCache === undefined) delete process.env.SWITCHYARD_CACHE_DIR;
  else process.env.SWITCHYARD_CACHE_DIR = previousCache;
  fs.rmSync(root, { recursive: true, force: true });
});

const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
};

describe('cache entries', () => {
  test('round-trip, and an entry whose checksum does not match is ignored', () => {
    const file = path.join(root, 'entry.json');
    writeEntry(file, { a: 1 });
    assert.deepEqual(readEntry(file), { a: 1 });
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { checksum: string; value: string };
    fs.writeFileSync(file, JSON.stringify({ ...stored, value: '{"a":2}' }));
    assert.equal(readEntry(file), undefined);
    fs.writeFileSync(file, 'not json');
    assert.equal(readEntry(file), undefined);
  });
});

describe('input fingerprint', () => {
  test('changes with every input folder and config file, not with build output', () => {
    for (const file of [
      'ts-src/dsl/a.ts',
      'ts-src/integrations/a.ts',
      'ts-src/platform/a.ts',
      'ts-src/lwc/c/c.ts',
      'ts-src/apex/classes/A.cls',
      '.prettierrc',
      'package.json',
    ]) {
      write(file, 'one');
    }
    const outputs = ['force-app/main/default/classes/A.cls'];
    const first = inputFingerprint(root, outputs);
    write('ts-src/lwc/generated/types.ts', 'generated');
    assert.equal(inputFingerprint(root, outputs), first, 'ts-src/lwc/generated is output, not input');
    for (const file of ['ts-src/integrations/a.ts', 'ts-src/apex/classes/A.cls', 'ts-src/lwc/c/c.ts', '.prettierrc']) {
      const before = inputFingerprint(root, outputs);
      write(file, `changed ${file}`);
      assert.notEqual(inputFingerprint(root, outputs), before, `${file} is an input`);
    }
    // A config file prettier would find for an output file, below the project root.
    const before = inputFingerprint(root, outputs);
    write('force-app/main/default/.prettierrc', '{"printWidth": 100}');
    assert.notEqual(inputFingerprint(root, outputs), before);
    assert.equal(sourcesFingerprint(root), sourcesFingerprint(root));
  });

  test('config chain: a config file in a folder above counts, one in a sibling does not', () => {
    write('a/b/x.txt', '');
    write('a/c/x.txt', '');
    const chain = () => configChainHash(path.join(root, 'a/b'), new Map());
    const first = chain();
    write('a/c/.prettierrc', '{}');
    assert.equal(chain(), first);
    write('a/.editorconfig', 'root = true');
    assert.notEqual(chain(), first);
  });
});

describe('format cache', () => {
  const apexless = (content: string) => [
    { path: 'force-app/main/default/objects/A__c/A__c.object-meta.xml', content, parser: 'xml' as const },
  ];
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata"><label>A</label></CustomObject>';

  test('a second format is served from the cache, byte for byte; changed text is formatted again', async () => {
    fs.copyFileSync(path.join(REPO, '.prettierrc'), path.join(root, '.prettierrc'));
    fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    const stats: FormatStats = { formatted: 0, cached: 0, apexParser: 'none' };
    const [first] = await formatFiles(root, apexless(xml), stats);
    assert.equal(stats.formatted, 1);
    const [second] = await formatFiles(root, apexless(xml), stats);
    assert.deepEqual([stats.formatted, stats.cached], [0, 1]);
    assert.equal(second.content, first.content);
    await formatFiles(root, apexless(xml.replace('<label>A', '<label>B')), stats);
    assert.equal(stats.formatted, 1);
  });

  test('a config change formats again; a corrupt cache file is ignored', async () => {
    fs.copyFileSync(path.join(REPO, '.prettierrc'), path.join(root, '.prettierrc'));
    fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    const js = [{ path: 'force-app/main/default/lwc/c/c.js', content: 'const a = "x"', parser: 'babel' as const }];
    const [withSemicolons] = await formatFiles(root, js);
    const config = JSON.parse(fs.readFileSync(path.join(root, '.prettierrc'), 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(path.join(root, '.prettierrc'), JSON.stringify({ ...config, semi: false }));
    assert.equal(planFormat(root, js).misses.length, 1, 'the cached text was formatted with another config');
    const [without] = await formatFiles(root, js);
    assert.notEqual(without.content, withSemicolons.content);
    for (const name of fs.readdirSync(path.join(root, '.cache')))
      fs.writeFileSync(path.join(root, '.cache', name), '{');
    assert.equal(planFormat(root, js).misses.length, 1, 'a corrupt cache is no cache');
    const [again] = await formatFiles(root, js);
    assert.equal(again.content, without.content);
  });
});
