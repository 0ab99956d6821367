/**
 * Files an emitter marks `preformatted` skip prettier (format.ts). That is only right while their
 * text is exactly what prettier writes for them with the project's config, so this runs prettier
 * over every such file of the example app and of a synthetic project (every pattern, standard and
 * custom objects, events) and asserts byte-equality: a serializer or config change that drifts fails
 * here, not in CI's `prettier --check` after the fact. Marking is opt-in per file, by any emitter
 * and for any parser; an emitter that does not mark its files keeps going through prettier, and
 * one that marks text prettier would change fails here.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { syntheticSize, writeSyntheticProject } from '../../bench/build/synthetic';
import { emitAll } from './emit';
import type { GeneratedFile } from './emit/types';
import { formatOne, startApexParser } from './format';
import { loadModel } from './load';

const REPO = path.resolve(__dirname, '../..');
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-preformatted-'));
after(() => fs.rmSync(workspace, { recursive: true, force: true }));

async function assertPreformatted(projectRoot: string, files: readonly GeneratedFile[]): Promise<void> {
  const marked = files.filter((file) => file.preformatted);
  // The serializer's output and every Apex class's and trigger's -meta.xml are marked.
  assert.ok(
    marked.some((file) => file.path.endsWith('.field-meta.xml')),
    'no field metadata was marked preformatted',
  );
  assert.ok(
    marked.some((file) => file.path.endsWith('.cls-meta.xml')),
    'no Apex class -meta.xml was marked preformatted',
  );
  await proveMarked(projectRoot, marked);
}

/** Any emitter may opt in, for any language (Apex too): every marked file is proved, whatever its parser. */
async function proveMarked(projectRoot: string, marked: readonly GeneratedFile[]): Promise<void> {
  // Apex through one parser server, as the build formats it (the plugin's default without Java).
  const apex = marked.some((file) => file.parser === 'apex' || file.parser === 'apex-anonymous');
  const parser = apex ? startApexParser(projectRoot).server : Promise.resolve(undefined);
  const server = await parser;
  try {
    for (const file of marked) {
      assert.ok(file.parser, `${file.path} is marked preformatted but names no parser to prove it with`);
      const formatted = await formatOne(projectRoot, file, server?.options ?? {});
      assert.equal(formatted, file.content, `${file.path}: prettier would write other text than the emitter does`);
    }
  } finally {
    await server?.stop();
  }
}

describe('preformatted files are exactly what prettier writes', () => {
  test('the example app', async () => {
    await assertPreformatted(REPO, emitAll(loadModel(REPO)));
  });

  test('a synthetic project of 40 operations', async () => {
    const root = path.join(workspace, 'synthetic');
    writeSyntheticProject(REPO, root, syntheticSize(40));
    await assertPreformatted(root, emitAll(loadModel(root)));
  });

  test('a marked file of another language is proved too: Apex in prettier form passes, other text fails', async () => {
    const file: GeneratedFile = {
      path: 'force-app/main/default/classes/SwyPreformattedProbe.cls',
      content: 'public with sharing class SwyPreformattedProbe { public Integer size(){return 1;} }',
      parser: 'apex',
    };
    await assert.rejects(proveMarked(REPO, [{ ...file, preformatted: true }]), /prettier would write other text/);
    const formatted = await formatOne(REPO, file, {});
    await proveMarked(REPO, [{ ...file, content: formatted, preformatted: true }]);
  });

  test('what the serializer cannot keep in prettier form is not marked', async () => {
    const { preformattedXml, XML_DECLARATION } = await import('./emit/metadata/xml');
    const file = (content: string): GeneratedFile => ({
      path: 'force-app/a/A.object-meta.xml',
      content,
      parser: 'xml',
    });
    const ok = `${XML_DECLARATION}\n<CustomObject>\n    <label>A</label>\n</CustomObject>\n`;
    assert.equal(preformattedXml(file(ok)).preformatted, true);
    for (const content of [
      ok.replace('<label>A</label>', '<label/>'),
      ok.replace('<label>A</label>', `<label>${'x'.repeat(1000)}</label>`),
      ok.replace('<label>A</label>', '<label>A\nB</label>'),
      ok.replace(XML_DECLARATION, '<?xml version="1.0" encoding="UTF-8"?>'),
    ]) {
      assert.equal(preformattedXml(file(content)).preformatted, undefined, content);
    }
    assert.equal(preformattedXml({ ...file(ok), path: 'force-app/a/A.xml' }).preformatted, undefined);
  });
});
