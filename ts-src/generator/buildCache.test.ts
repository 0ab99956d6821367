/**
 * The build's caches may only ever save time: these builds of a copy of the example app check that
 * a no-op rebuild stops early, and that a changed input, a changed output file or a corrupt cache
 * leads to the full build's output, byte for byte.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { writeProjectCopy } from '../../bench/build/synthetic';
import { build } from './build';

const REPO = path.resolve(__dirname, '../..');
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-build-cache-'));
const root = path.join(workspace, 'project');
const cache = path.join(workspace, 'cache');
const saved = { cache: process.env.SWITCHYARD_CACHE_DIR, parser: process.env.SWITCHYARD_APEX_PARSER };

async function buildOnce(): Promise<{ code: number; info: string[]; errors: string[] }> {
  const info: string[] = [];
  const errors: string[] = [];
  const code = await build(root, false, { info: (line) => info.push(line), error: (line) => errors.push(line) });
  return { code, info, errors };
}

/** Every generated file's text, by path. */
function snapshot(): Map<string, string> {
  const files = new Map<string, string>();
  for (const folder of ['force-app', 'ts-src/lwc/generated']) {
    for (const file of fs.readdirSync(path.join(root, folder), { recursive: true }) as string[]) {
      const full = path.join(root, folder, file);
      if (fs.statSync(full).isFile()) files.set(`${folder}/${file}`, fs.readFileSync(full, 'utf8'));
    }
  }
  return files;
}

let reference: Map<string, string>;
/**
 * The test's own declaration, added to the copy: what it changes and checks does not depend on
 * what the example app declares.
 */
const PROBE = 'ts-src/integrations/cacheProbe.ts';
const A_CLASS = 'force-app/main/default/classes/CacheProbeService.cls';
const PROBE_SOURCE = `import { externalSystem, field, operation } from '../dsl';

export const probeSystem = externalSystem({
  name: 'Cache_Probe_API',
  label: 'Cache Probe API',
  baseUrl: 'https://probe.example.com',
  auth: { type: 'apiKeyHeader', headerName: 'X-Api-Key' },
  timeoutSeconds: 10,
  circuitBreaker: { failureThreshold: 3, coolDownSeconds: 60 },
});

export const cacheProbe = operation({
  name: 'CacheProbe',
  description: 'A request-reply the build-cache test changes.',
  pattern: 'request-reply',
  system: 'Cache_Probe_API',
  method: 'POST',
  path: '/probe',
  timeoutSeconds: 10,
  request: { id: field.text({ length: 18, required: true }) },
  response: { ok: field.checkbox() },
  fallback: { ok: false },
});
`;

before(async () => {
  process.env.SWITCHYARD_CACHE_DIR = cache;
  // One Apex parser per build either way; the native one starts without a JVM, which keeps this test short.
  process.env.SWITCHYARD_APEX_PARSER = 'native';
  writeProjectCopy(REPO, root);
  fs.writeFileSync(path.join(root, PROBE), PROBE_SOURCE);
  const first = await buildOnce();
  assert.equal(first.code, 0, first.errors.join('\n'));
  reference = snapshot();
});

after(() => {
  for (const [name, value] of [
    ['SWITCHYARD_CACHE_DIR', saved.cache],
    ['SWITCHYARD_APEX_PARSER', saved.parser],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  fs.rmSync(workspace, { recursive: true, force: true });
});

describe('build caches', () => {
  test('a rebuild with nothing changed stops early and writes nothing', async () => {
    const again = await buildOnce();
    assert.equal(again.code, 0);
    assert.match(again.info.join('\n'), /0 written.*inputs unchanged since the last build/);
    assert.deepEqual(snapshot(), reference);
  });

  test('a generated file edited by hand is restored: the record does not check out, so the build runs', async () => {
    assert.ok(reference.has(A_CLASS));
    fs.writeFileSync(path.join(root, A_CLASS), '// edited\n');
    const again = await buildOnce();
    assert.doesNotMatch(again.info.join('\n'), /inputs unchanged/);
    assert.match(again.info.join('\n'), /1 written/);
    assert.deepEqual(snapshot(), reference);
  });

  test('corrupt cache entries are ignored and the output is the same', async () => {
    for (const name of fs.readdirSync(cache)) {
      if (name.endsWith('.json')) fs.writeFileSync(path.join(cache, name), '{"checksum":"0","value":"{}"}');
    }
    fs.rmSync(path.join(root, 'force-app'), { recursive: true, force: true });
    fs.rmSync(path.join(root, 'ts-src/lwc/generated'), { recursive: true, force: true });
    const again = await buildOnce();
    assert.equal(again.code, 0, again.errors.join('\n'));
    assert.deepEqual(snapshot(), reference);
  });

  test('a changed declaration rebuilds what it changes', async () => {
    const file = path.join(root, PROBE);
    const original = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, original.replace("path: '/probe'", "path: '/probe-changed'"));
    try {
      const again = await buildOnce();
      assert.equal(again.code, 0, again.errors.join('\n'));
      assert.doesNotMatch(again.info.join('\n'), /inputs unchanged/);
      assert.match(fs.readFileSync(path.join(root, A_CLASS), 'utf8'), /probe-changed/);
    } finally {
      fs.writeFileSync(file, original);
    }
    assert.equal((await buildOnce()).code, 0);
    assert.deepEqual(snapshot(), reference);
  });

  test('a remembered reference check does not hide a new problem in the runtime Apex', async () => {
    const bogus = path.join(root, 'ts-src/apex/classes/SwyBogusReference.cls');
    fs.writeFileSync(
      bogus,
      'public with sharing class SwyBogusReference {\n  public static List<Account> read() {\n    return [SELECT Not_A_Field__c FROM Account WITH USER_MODE];\n  }\n}\n',
    );
    try {
      const failed = await buildOnce();
      assert.equal(failed.code, 1);
      assert.match(failed.errors.join('\n'), /Not_A_Field__c/);
    } finally {
      fs.rmSync(bogus);
    }
    assert.equal((await buildOnce()).code, 0);
    assert.deepEqual(snapshot(), reference);
  });
});
